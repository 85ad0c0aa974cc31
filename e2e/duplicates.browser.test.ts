// One person, many spellings (issue 5), as a case worker meets it: "Guldan Tlegenova" is on file;
// entering "Гульдан Тлегенова" shows the warning with the existing case before saving; saved anyway,
// the two records are compared side by side, merged (the case follows) and the merge undone.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appRu } from '../shared/i18n/app/ru';
import { apiCall, browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();
const ru = appRu;

type TCase = { id: string; caseNumber: string; person: { id: string } };

/** A case worker signed in, the app in Russian. */
async function caseWorker(): Promise<Page> {
  const { page } = await suite.open('ru-RU');
  await signIn(page, suite.url, 'caseworker@ngo.demo');
  await page.getByTestId('language').selectOption('ru');
  return page;
}

/** A case with this person, opened through the API. */
async function openCase(page: Page, person: Record<string, string>): Promise<TCase> {
  const created = await apiCall<TCase>(page, 'POST', '/api/v1/cases', { person });
  expect(created.status).toBe(201);
  return created.json;
}

test('a case worker is warned of "Guldan Tlegenova" when entering "Гульдан Тлегенова", merges the two and undoes it', async () => {
  const page = await caseWorker();
  const first = await openCase(page, {
    givenName: 'Guldan',
    familyName: 'Tlegenova',
    birthDate: '1994-03-08',
  });

  await page.goto(`${suite.url}/cases`);
  await page.getByRole('button', { name: ru['caseList.newCase'] }).click();
  await page.getByLabel(ru['caseList.familyName']).fill('Тлегенова');
  await page.getByLabel(ru['caseList.givenName']).fill('Гульдан');
  const warning = page.getByTestId('duplicate-warning');
  await warning.waitFor();
  expect(await warning.textContent()).toContain('Tlegenova');
  expect(await warning.textContent()).toContain(first.caseNumber);
  expect(await warning.textContent()).toContain(ru['dup.field.name']);
  expect(await seriousA11yViolations(page)).toEqual([]);
  // Saved anyway (say the worker was unsure): a second record of the same person.
  await page.getByRole('button', { name: ru['caseList.newCaseSubmit'] }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
  const secondId = new URL(page.url()).pathname.split('/').pop()!;
  const second = await apiCall<TCase>(page, 'GET', `/api/v1/cases/${secondId}`);

  // The review list finds the pair; compare side by side and merge, keeping the Latin record's
  // names but taking nothing else.
  await page.goto(`${suite.url}/duplicates`);
  await page.getByRole('button', { name: ru['dup.scanNow'] }).click();
  await page.getByTestId('duplicates-table').waitFor();
  await page.getByRole('link', { name: ru['dup.compareAndMerge'] }).first().click();
  await page.getByTestId('compare-table').waitFor();
  expect(await page.getByTestId('compare-table').textContent()).toContain('Гульдан');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: ru['dup.mergeButton'] }).click();
  await page.getByRole('dialog').getByRole('button', { name: ru['dup.mergeButton'] }).click();
  const result = page.getByTestId('merge-result');
  await result.waitFor();
  const persons = [first.person.id, second.json.person.id];
  const after = await apiCall<TCase>(page, 'GET', `/api/v1/cases/${secondId}`);
  const afterFirst = await apiCall<TCase>(page, 'GET', `/api/v1/cases/${first.id}`);
  expect(after.json.person.id).toBe(afterFirst.json.person.id); // both cases now have one person
  expect(persons).toContain(after.json.person.id);

  await result.getByRole('button', { name: ru['dup.undo'] }).click();
  await expect.poll(async () => (await result.textContent()) ?? '').toContain(ru['dup.undone']);
  const undone = await apiCall<TCase>(page, 'GET', `/api/v1/cases/${secondId}`);
  expect(undone.json.person.id).toBe(second.json.person.id);
}, 180_000);

test('editing a person in the case file warns of likely duplicates (not the person itself) before saving, with a link to compare and merge', async () => {
  const page = await caseWorker();
  const known = await openCase(page, {
    givenName: 'Aigerim',
    familyName: 'Seitkalieva',
    birthDate: '1990-05-05',
  });
  const edited = await openCase(page, { givenName: 'Нурлан', familyName: 'Абенов', birthDate: '1980-01-02' });

  // Opening the form asks nothing; changing the names to another spelling of the known person warns.
  await page.goto(`${suite.url}/cases/${edited.id}`);
  await page.getByTestId('edit-person').click();
  const form = page.getByTestId('person-form');
  await form.waitFor();
  const checked = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/v1/persons/duplicate-check') &&
      (r.request().postData() ?? '').includes('Сейткалиева'),
  );
  await form.getByLabel(ru['caseFile.person.familyName']).fill('Сейткалиева');
  await form.getByLabel(ru['caseFile.person.givenName']).fill('Айгерим');
  await form.getByLabel(ru['caseFile.person.birthDate']).fill('1990-05-05');
  const request = JSON.parse((await checked).request().postData() ?? '{}') as { excludePersonId?: string };
  expect(request.excludePersonId).toBe(edited.person.id);
  const warning = form.getByTestId('duplicate-warning');
  await warning.waitFor();
  await expect.poll(async () => (await warning.textContent()) ?? '').toContain('Seitkalieva');
  const text = (await warning.textContent()) ?? '';
  expect(text).toContain(known.caseNumber);
  expect(text).toContain(ru['dup.field.name']);
  expect(text).not.toContain(edited.caseNumber);
  const compare = warning.getByRole('link', { name: ru['dup.compareAndMerge'] });
  expect(await compare.getAttribute('href')).toBe(
    `/duplicates/compare?a=${edited.person.id}&b=${known.person.id}`,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  // Compare and merge leads to the side-by-side view of the two records.
  await compare.click();
  await page.getByTestId('compare-table').waitFor();
  expect(await page.getByTestId('compare-table').textContent()).toContain('Абенов');

  // The known person's own form, changed a little, does not offer the person as its own duplicate.
  await page.goto(`${suite.url}/cases/${known.id}`);
  await page.getByTestId('edit-person').click();
  const own = page.getByTestId('person-form');
  await own.waitFor();
  const ownCheck = page.waitForResponse((r) => r.url().endsWith('/api/v1/persons/duplicate-check'));
  await own.getByLabel(ru['caseFile.person.middleName']).fill('Bolatovna');
  const answer = (await (await ownCheck).json()) as { candidates: { person: { id: string } }[] };
  expect(answer.candidates.map((c) => c.person.id)).not.toContain(known.person.id);
  expect(JSON.parse((await ownCheck).request().postData() ?? '{}')).toMatchObject({
    excludePersonId: known.person.id,
  });
}, 180_000);
