// The case file page, as a case worker uses it all day: the person (with documents and household),
// the victim context with HTCDS codes, the route as a timeline, consent (recorded, then withdrawn),
// all still there after a reload; a conflicting edit shows what changed; the labels in Kazakh.
// An operator sees the same case redacted; another organisation's case is not found. axe throughout.
import type { Page, Response } from 'playwright-core';
import { expect, test } from 'vitest';
import { htcdsLabelsKk, htcdsLabelsRu } from '../shared/htcds/labels';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { apiCall, browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();
const ru = appRu;

type TCreatedCase = { id: string; caseNumber: string; version: number };

async function signInAs(page: Page, email: string, locale: 'ru' | 'kk' = 'ru'): Promise<void> {
  await signIn(page, suite.url, email);
  await page.getByTestId('language').selectOption(locale);
  const catalogue = locale === 'ru' ? appRu : appKk;
  await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain(catalogue['nav.home']);
}

async function createCase(page: Page): Promise<TCreatedCase> {
  const created = await apiCall<TCreatedCase>(page, 'POST', '/api/v1/cases', {
    person: { givenName: 'Дильноза', familyName: 'Каримова' },
  });
  expect(created.status).toBe(201);
  return created.json;
}

const written = (page: Page, path: string, method: string): Promise<Response> =>
  page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(path) && r.request().method() === method);

/** Submits a form, checks the server's answer and waits for the form to close; gives the answer. */
async function submit(
  page: Page,
  form: string,
  path: string,
  method: string,
  status = 200,
): Promise<Response> {
  const saved = written(page, path, method);
  await page.getByTestId(form).locator('button[type="submit"]').click();
  const response = await saved;
  expect(response.status()).toBe(status);
  await page.getByTestId(form).waitFor({ state: 'detached' });
  return response;
}

/** The Idempotency-Key a form's request carried. */
const keyOf = (response: Response): string | undefined => response.request().headers()['idempotency-key'];

async function openTab(page: Page, tab: string, section: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(section).waitFor();
}

test('a case worker fills in the case file; everything is there after a reload; labels in Kazakh', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'caseworker@ngo.demo');
  const created = await createCase(page);
  await page.goto(`${suite.url}/cases/${created.id}`);
  await page.getByTestId('person-section').waitFor();
  expect(await page.getByTestId('case-number').textContent()).toBe(
    ru['caseFile.title'].replace('{number}', created.caseNumber),
  );
  expect(await page.getByTestId('person-name').textContent()).toContain('Каримова Дильноза');
  expect(await page.getByTestId('stage-progress').locator('[aria-current="step"]').textContent()).toContain(
    ru['caseFile.stage.new'],
  );
  expect(await seriousA11yViolations(page)).toEqual([]);

  // the person: a wrong e-mail is refused in Russian before anything is sent
  await page.getByTestId('edit-person').click();
  const personForm = page.getByTestId('person-form');
  await personForm.getByLabel(ru['caseFile.person.middleName'], { exact: true }).fill('Алишеровна');
  await personForm.getByLabel(ru['caseFile.person.birthDate'], { exact: true }).fill('1999-04-02');
  await personForm.getByLabel(ru['caseFile.person.sex'], { exact: true }).selectOption('Feminine');
  await personForm.getByLabel(ru['caseFile.person.citizenship'], { exact: true }).selectOption('UZB');
  await personForm.getByLabel(ru['caseFile.person.migrationStatus']).selectOption('labour_migrant');
  await personForm.getByLabel(ru['caseFile.person.phone'], { exact: true }).fill('+998 90 123 45 67');
  await personForm.getByRole('checkbox', { name: ru['caseFile.language.uzb'], exact: true }).click();
  await personForm.getByRole('checkbox', { name: ru['caseFile.language.rus'], exact: true }).click();
  await personForm.getByLabel(ru['caseFile.person.email'], { exact: true }).fill('not-an-email');
  await personForm.getByRole('button', { name: ru['caseFile.person.addDocument'] }).click();
  const document = personForm.getByTestId('document-row');
  await document.getByLabel(ru['caseFile.person.documentNumberOf'], { exact: true }).fill('FA1234567');
  await document.getByLabel(ru['caseFile.person.documentCountry']).selectOption('UZB');
  await document.getByLabel(ru['caseFile.person.heldBy']).selectOption('employer_or_other');
  await personForm.getByRole('button', { name: ru['caseFile.person.addMember'] }).click();
  const member = personForm.getByTestId('household-row');
  await member.getByLabel(ru['caseFile.person.memberName'], { exact: true }).fill('Азиз');
  await member.getByLabel(ru['caseFile.person.relation']).selectOption('child');
  await member.getByLabel(ru['caseFile.person.birthYear']).fill('2019');
  await personForm.locator('button[type="submit"]').click();
  await expect.poll(() => personForm.getByRole('alert').first().textContent()).toBe(ru['form.invalidEmail']);
  await personForm.getByLabel(ru['caseFile.person.email'], { exact: true }).fill('dilnoza@example.org');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await submit(page, 'person-form', '/person', 'PUT');
  const identity = page.getByTestId('person-identity');
  await expect.poll(() => identity.textContent()).toContain('Каримова Дильноза Алишеровна');
  expect(await identity.textContent()).toContain(htcdsLabelsRu.gender.Feminine);
  expect(await identity.textContent()).toContain(ru['caseFile.language.uzb']);
  expect(await page.getByTestId('documents-table').textContent()).toContain(
    ru['caseFile.heldBy.employer_or_other'],
  );
  expect(await page.getByTestId('household-table').textContent()).toContain('Азиз');

  // the victim context: "actual victim" is not offered (it needs a supervisor's approval)
  await openTab(page, 'victim', 'victim-section');
  await page.getByTestId('edit-victim').click();
  const victimForm = page.getByTestId('victim-form');
  const status = victimForm.getByLabel(ru['caseFile.victim.traffickingStatus']);
  expect(await status.locator('option[value="ActualVictimOfTrafficking"]').count()).toBe(0);
  await status.selectOption('PossibleVictimOfTrafficking');
  await victimForm
    .getByTestId('victim-typesOfExploitation')
    .getByRole('checkbox', { name: htcdsLabelsRu.typeOfExploitation.ForcedLabour, exact: true })
    .click();
  await victimForm
    .getByTestId('victim-methodsOfControl')
    .getByRole('checkbox', { name: htcdsLabelsRu.methodOfControl.WithholdsDocuments, exact: true })
    .click();
  await victimForm.getByLabel(ru['caseFile.victim.forcedLabourIndustry']).selectOption('F_Construction');
  await victimForm.getByLabel(ru['caseFile.victim.recruitmentLocation']).fill('Самарканд');
  await submit(page, 'victim-form', '/victim', 'PUT');
  const victim = page.getByTestId('victim-view');
  await expect.poll(() => victim.textContent()).toContain(htcdsLabelsRu.typeOfExploitation.ForcedLabour);
  expect(await victim.textContent()).toContain(htcdsLabelsRu.methodOfControl.WithholdsDocuments);
  expect(await victim.textContent()).toContain(htcdsLabelsRu.traffickingStatus.PossibleVictimOfTrafficking);

  // the route: exploitation recorded first, recruitment second; the timeline shows them by date
  await openTab(page, 'route', 'route-section');
  const addEvent = async (type: string, date: string, country: string, city: string) => {
    await page.getByTestId('add-event').click();
    const form = page.getByTestId('event-form');
    await form.getByLabel(ru['caseFile.route.type']).selectOption(type);
    await form.getByLabel(ru['caseFile.route.date']).fill(date);
    await form.getByLabel(ru['caseFile.route.country'], { exact: true }).selectOption(country);
    await form.getByLabel(ru['caseFile.route.city']).fill(city);
    await form.getByLabel(ru['caseFile.route.description']).fill('Паспорт забрал бригадир.');
    return keyOf(await submit(page, 'event-form', '/trafficking-events', 'POST', 201));
  };
  const eventKeys = [
    await addEvent('Exploitation', '2025-04-15', 'KAZ', 'Алматы'),
    await addEvent('Recruitment', '2025-03-01', 'UZB', 'Самарканд'),
  ];
  // each opening of the form sends its own Idempotency-Key (a double click records one event)
  expect(eventKeys.every((k) => (k?.length ?? 0) >= 8)).toBe(true);
  expect(new Set(eventKeys).size).toBe(2);
  const routeTypes = () =>
    page
      .getByTestId('route-event')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-event-type')));
  await expect.poll(routeTypes).toEqual(['Recruitment', 'Exploitation']);

  // consent: what was explained and agreed
  await openTab(page, 'consent', 'consent-section');
  expect(await page.getByTestId('no-consent').count()).toBe(1);
  await page.getByTestId('record-consent').click();
  const consentForm = page.getByTestId('consent-form');
  const explained = consentForm.getByTestId('consent-explained');
  await explained.getByRole('checkbox', { name: ru['caseFile.consentScope.store_data'] }).click();
  await explained.getByRole('checkbox', { name: ru['caseFile.consentScope.share_with_partners'] }).click();
  await consentForm
    .getByTestId('consent-agreed')
    .getByRole('checkbox', { name: ru['caseFile.consentScope.store_data'] })
    .click();
  expect(keyOf(await submit(page, 'consent-form', '/consents', 'POST', 201))?.length).toBeGreaterThanOrEqual(
    8,
  );
  const current = page.getByTestId('current-consent');
  await current.waitFor();
  expect(await current.locator('tr[data-scope="share_with_partners"]').textContent()).toContain(
    ru['caseFile.no'],
  );

  // the narrative: sealed, for roles that may read it
  await openTab(page, 'sensitive', 'sensitive-section');
  await page.getByTestId('edit-sensitive').click();
  await page
    .getByTestId('sensitive-form')
    .getByLabel(ru['caseFile.sensitive.narrative'])
    .fill('Уехала на стройку в Алматы.\nРаботодатель забрал паспорт.');
  await submit(page, 'sensitive-form', '/sensitive', 'PUT');

  // after a reload everything is read back from the server
  await page.reload();
  await page.getByTestId('sensitive-section').waitFor(); // the tab open before the reload
  await openTab(page, 'consent', 'consent-section');
  expect(await page.getByTestId('current-consent').textContent()).toContain(ru['caseFile.consent.current']);
  await openTab(page, 'person', 'person-section');
  expect(await page.getByTestId('person-identity').textContent()).toContain('+998 90 123 45 67');
  expect(await page.getByTestId('documents-table').textContent()).toContain('FA1234567');
  await openTab(page, 'victim', 'victim-section');
  expect(await page.getByTestId('victim-view').textContent()).toContain(
    htcdsLabelsRu.forcedLabourIndustry.F_Construction,
  );
  await openTab(page, 'sensitive', 'sensitive-section');
  expect(await page.getByTestId('sensitive-section').textContent()).toContain('Работодатель забрал паспорт.');
  await openTab(page, 'route', 'route-section');
  expect(await routeTypes()).toEqual(['Recruitment', 'Exploitation']);
  expect(await page.getByTestId('route-timeline').textContent()).toContain('Паспорт забрал бригадир.');
  await openTab(page, 'person', 'person-section');
  await openTab(page, 'timeline', 'timeline-section');
  const history = await page.getByTestId('case-timeline').textContent();
  for (const kind of [
    'personUpdated',
    'victimUpdated',
    'traffickingEventRecorded',
    'consentRecorded',
  ] as const)
    expect(history).toContain(ru[`caseFile.event.${kind}`]);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // withdrawing the consent asks first
  await openTab(page, 'consent', 'consent-section');
  await page
    .getByTestId('current-consent')
    .getByRole('button', { name: ru['caseFile.consent.withdraw'] })
    .click();
  const dialog = page.locator('dialog[open]');
  await expect.poll(() => dialog.textContent()).toContain(ru['caseFile.consent.withdrawBody']);
  const withdrawn = written(page, '/withdraw', 'POST');
  await dialog.getByRole('button', { name: ru['caseFile.consent.withdraw'] }).click();
  expect((await withdrawn).status()).toBe(200);
  await page.getByTestId('no-consent').waitFor();
  expect(await page.getByTestId('consent-history').textContent()).toContain(
    ru['caseFile.consent.withdrawnOn'].split(' ')[0]!,
  );

  // the same page in Kazakh
  await page.getByTestId('language').selectOption('kk');
  await expect.poll(() => page.getByTestId('tab-route').textContent()).toContain(appKk['caseFile.tab.route']);
  expect(await page.getByTestId('tab-victim').textContent()).toContain(appKk['caseFile.tab.victim']);
  expect(await page.getByTestId('stage-progress').textContent()).toContain(
    appKk['caseFile.stage.support_plan'],
  );
  await openTab(page, 'victim', 'victim-section');
  expect(await page.getByTestId('victim-view').textContent()).toContain(
    htcdsLabelsKk.typeOfExploitation.ForcedLabour,
  );
  await openTab(page, 'route', 'route-section');
  expect(await page.getByTestId('route-timeline').textContent()).toContain(
    htcdsLabelsKk.traffickingEventType.Recruitment,
  );
}, 180_000);

test('an edit made stale by someone else’s change shows what changed and reloads', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'caseworker@ngo.demo');
  const created = await createCase(page);
  await page.goto(`${suite.url}/cases/${created.id}`);
  await page.getByTestId('edit-person').click();
  const personForm = page.getByTestId('person-form');
  await personForm.getByLabel(ru['caseFile.person.middleName'], { exact: true }).fill('Рустамовна');

  // meanwhile the case's region is changed elsewhere
  const changed = await apiCall(page, 'PATCH', `/api/v1/cases/${created.id}`, {
    region: 'almaty',
    version: created.version,
  });
  expect(changed.status).toBe(200);

  const refused = written(page, '/person', 'PUT');
  await personForm.locator('button[type="submit"]').click();
  expect((await refused).status()).toBe(409);
  await expect
    .poll(() => page.getByTestId('conflict-fields').textContent())
    .toContain(ru['caseFile.field.region']);
  await personForm.getByRole('button', { name: ru['common.reload'] }).click();
  await expect.poll(() => page.getByTestId('case-region').textContent()).toBe('г. Алматы');
  // the form opens again from the case as it is now: the edit goes through
  await personForm.getByLabel(ru['caseFile.person.middleName'], { exact: true }).fill('Рустамовна');
  await submit(page, 'person-form', '/person', 'PUT');
  await expect.poll(() => page.getByTestId('person-name').textContent()).toContain('Рустамовна');
});

test('an operator sees the case redacted; another organisation’s case is not found', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'operator@crisis.demo');
  const created = await createCase(page);
  await page.goto(`${suite.url}/cases/${created.id}`);
  await page.getByTestId('person-section').waitFor();
  await page.getByTestId('redacted-notice').waitFor();
  expect(await page.getByTestId('person-name').textContent()).toContain(ru['caseFile.hiddenForRole']);
  expect(await page.getByTestId('person-identity').textContent()).not.toContain('Каримова');
  expect(await page.getByTestId('edit-person').count()).toBe(0);
  expect(await page.getByTestId('edit-case').count()).toBe(0);
  expect(await page.getByTestId('tab-sensitive').count()).toBe(0);
  await openTab(page, 'victim', 'victim-section');
  expect(await page.getByTestId('edit-victim').count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const other = await suite.open();
  await signInAs(other.page, 'caseworker@ngo.demo');
  await other.page.goto(`${suite.url}/cases/${created.id}`);
  await other.page.locator('h1', { hasText: ru['notFound.title'] }).waitFor();
  await other.page.goto(`${suite.url}/cases/00000000-0000-4000-8000-000000000000`);
  await other.page.locator('h1', { hasText: ru['notFound.title'] }).waitFor();
});
