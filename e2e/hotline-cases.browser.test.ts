// The rest of the hotline console and the case list: a crisis with a callback on the live board,
// attached to a case found by its number; a case found by a Cyrillic name typed in Latin letters;
// a topic renamed in Kazakh by an administrator. No CSP violation or console error on any page.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { errorsRu } from '../shared/i18n/errors/ru';
import { browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();

async function openAs(page: Page, email: string, locale: 'ru' | 'kk', navLabel: string, heading: string) {
  await signIn(page, suite.url, email);
  await page.getByTestId('language').selectOption(locale);
  const nav = page.locator('nav.app-nav');
  await expect.poll(() => nav.textContent()).toContain(navLabel);
  await nav.getByRole('link', { name: navLabel }).click();
  await page.locator('h1', { hasText: heading }).waitFor();
}

const responseOf = (page: Page, method: string, path: RegExp) =>
  page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));

/** `YYYY-MM-DDTHH:mm` in the browser's local time, as a datetime-local control holds it. */
const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

async function saveContact(page: Page): Promise<{ contact: { id: string } }> {
  const saved = responseOf(page, 'POST', /^\/api\/v1\/contacts$/);
  await page.getByRole('button', { name: appRu['hotline.submit'] }).click();
  const response = await saved;
  expect(response.status()).toBe(201);
  return (await response.json()) as { contact: { id: string } };
}

test('an operator logs a crisis with a callback, sees it on the board, attaches it to a case found by number', async () => {
  const { page } = await suite.open();
  await openAs(page, 'operator@crisis.demo', 'ru', appRu['nav.hotline'], appRu['hotline.title']);
  const type = page.getByLabel(appRu['hotline.contactType'], { exact: true });

  // a case to attach to later: opened from a first contact
  await type.selectOption('consultation');
  await saveContact(page);
  const opened = responseOf(page, 'POST', /^\/api\/v1\/cases$/);
  await page.getByRole('button', { name: appRu['hotline.openCase'] }).click();
  const { caseNumber } = (await (await opened).json()) as { id: string; caseNumber: string };

  // the crisis, with a callback in two hours
  await type.selectOption('crisis');
  await page.getByLabel(appRu['hotline.urgency']).selectOption('emergency');
  await page.getByLabel(appRu['hotline.problemRegion']).selectOption('shymkent');
  await page.getByLabel(appRu['board.callbackDueAt']).fill(localInput(new Date(Date.now() + 2 * 3600_000)));
  const { contact } = await saveContact(page);
  await page.getByTestId('callback-scheduled').waitFor();
  const crisisRow = page.getByTestId('board-crises').locator(`tr[data-contact-id="${contact.id}"]`);
  const callbackRow = page.getByTestId('board-callbacks').locator(`tr[data-contact-id="${contact.id}"]`);
  await crisisRow.waitFor();
  await callbackRow.waitFor();
  expect(await crisisRow.textContent()).toContain(appRu['urgency.emergency']);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // attach it to the case found by its number: the search, then one click on the row
  const attachPanel = page.getByTestId('attach-to-case');
  await attachPanel.getByLabel(appRu['caseList.attachSearchLabel']).fill(caseNumber.toLowerCase());
  await attachPanel.getByLabel(appRu['caseList.attachSearchLabel']).press('Enter');
  const attachButton = attachPanel.getByRole('button', {
    name: appRu['caseList.attachTo'].replace('{number}', caseNumber),
  });
  await attachButton.waitFor();
  const attached = responseOf(page, 'POST', /^\/api\/v1\/cases\/[^/]+\/contacts$/);
  await attachButton.click();
  expect((await attached).status()).toBe(200);
  await expect.poll(() => page.getByTestId('case-number').textContent()).toContain(caseNumber);
  const caseHref = await page.getByTestId('case-link').getAttribute('href');
  expect(caseHref).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

  // the callback made: it leaves the callbacks, the crisis stays open until resolved
  const patched = responseOf(page, 'PATCH', new RegExp(`^/api/v1/contacts/${contact.id}$`));
  await callbackRow.getByRole('button').click();
  expect((await patched).status()).toBe(200);
  await expect.poll(() => callbackRow.count()).toBe(0);
  expect(await crisisRow.count()).toBe(1);
  const resolved = responseOf(page, 'PATCH', new RegExp(`^/api/v1/contacts/${contact.id}$`));
  await crisisRow.getByRole('button').click();
  expect((await resolved).status()).toBe(200);
  await expect.poll(() => crisisRow.count()).toBe(0);

  await page.getByTestId('case-link').click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(caseHref);
});

test('a case worker finds a case by a Cyrillic name typed in Latin letters, with filters in the URL', async () => {
  const { page } = await suite.open();
  await openAs(page, 'caseworker@crisis.demo', 'ru', appRu['nav.cases'], appRu['caseList.title']);
  await page.getByTestId('case-count').waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // a new case from scratch, for a person whose name is written in Cyrillic
  await page.getByRole('button', { name: appRu['caseList.newCase'] }).click();
  await page.getByLabel(appRu['caseList.familyName']).fill('Жұмабаева');
  await page.getByLabel(appRu['caseList.givenName']).fill('Гүлнұр');
  const created = responseOf(page, 'POST', /^\/api\/v1\/cases$/);
  await page.getByRole('button', { name: appRu['caseList.newCaseSubmit'] }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const kase = (await response.json()) as { id: string; caseNumber: string };
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${kase.id}`);

  await page.locator('nav.app-nav').getByRole('link', { name: appRu['nav.cases'] }).click();
  const search = page.getByLabel(appRu['caseList.searchLabel'], { exact: true });
  await search.fill('Gulnur Zhumabaeva');
  await search.press('Enter');
  const row = page.getByTestId('cases-table').locator(`tr[data-case-id="${kase.id}"]`);
  await row.waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe('Gulnur Zhumabaeva');

  // a filter narrows the list and goes into the URL; the back button brings the search back
  await page.getByLabel(appRu['caseList.status']).selectOption('Closed');
  await page.getByTestId('cases-empty').waitFor();
  expect(new URL(page.url()).searchParams.get('status')).toBe('Closed');
  await page.goBack();
  await row.waitFor();
  expect(await search.inputValue()).toBe('Gulnur Zhumabaeva');

  // a server validation error is shown in the user's language
  await search.fill('Zh*');
  await search.press('Enter');
  await page.getByText(errorsRu['validation.searchPrefixTooShort']).waitFor();

  await page.goBack();
  await row.getByRole('link', { name: kase.caseNumber }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(`/cases/${kase.id}`);
});

test('an administrator renames a topic in Kazakh', async () => {
  const { page } = await suite.open('kk-KZ');
  await openAs(page, 'admin@crisis.demo', 'kk', appKk['nav.topics'], appKk['topics.title']);
  const wages = page.locator('fieldset[data-topic="wages"]');
  const kazakh = wages.getByLabel(appKk['topics.labelIn.kk'], { exact: true });
  await expect.poll(() => kazakh.inputValue()).toBe(appKk['topic.wages']);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await kazakh.fill('Жалақы және төлемдер');
  const saved = responseOf(page, 'PUT', /^\/api\/v1\/hotline\/topics$/);
  await page.getByRole('button', { name: appKk['common.saveChanges'] }).click();
  expect((await saved).status()).toBe(200);
  await page.getByText(appKk['common.saved']).waitFor();

  await page.reload();
  const again = page
    .locator('fieldset[data-topic="wages"]')
    .getByLabel(appKk['topics.labelIn.kk'], { exact: true });
  await expect.poll(() => again.inputValue()).toBe('Жалақы және төлемдер');
  const tree = (await page.evaluate(async () => (await fetch('/api/v1/hotline/topics')).json())) as {
    topics: { code: string; labels: { kk: string; ru: string } }[];
  };
  const topic = tree.topics.find((n) => n.code === 'wages')!;
  expect(topic.labels.kk).toBe('Жалақы және төлемдер');
  expect(topic.labels.ru).toBe(appRu['topic.wages']);
});
