// The referral network as its users try it (issue 4, "Done when"): an NGO case worker records the
// person's consent, refers the case to the police sharing the name and the needs; the police officer
// finds it in the inbox, accepts and reports the outcome; the outcome shows in the NGO's case (its
// Referrals tab and its timeline); a third organisation gets "not found". A referral to a trade union
// without Senim issues a letter: the one-time link and reply code are shown once, with the PDF; the
// sender records the union's acceptance, and the union reports the outcome through the link.
import type { Page, Response } from 'playwright-core';
import { expect, test } from 'vitest';
import { appRu } from '../shared/i18n/app/ru';
import { apiCall, browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();
const ru = appRu;
const POLICE = 'Департамент полиции Туркестанской области';
const OFFLINE_UNION = 'Профсоюз работников строительства Туркестанской области';

type TCreatedCase = { id: string; caseNumber: string; version: number };
type TReferralBody = { id: string; reference: string; status: string };

async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, suite.url, email);
  await page.getByTestId('language').selectOption('ru');
  await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain(ru['nav.home']);
}

/** A case in the Turkistan region with an assessment naming its needs (what the referral shares). */
async function createCase(page: Page, givenName: string, familyName: string): Promise<TCreatedCase> {
  const created = await apiCall<TCreatedCase>(page, 'POST', '/api/v1/cases', {
    person: { givenName, familyName },
    region: 'turkistan',
  });
  expect(created.status).toBe(201);
  const today = new Date().toISOString().slice(0, 10);
  const assessed = await apiCall(page, 'POST', `/api/v1/cases/${created.json.id}/assessments`, {
    assessedOn: today,
    needs: ['legal_aid', 'documents'],
    riskLevel: 'high',
  });
  expect(assessed.status).toBe(201);
  return created.json;
}

const answered = (page: Page, path: string, method = 'POST'): Promise<Response> =>
  page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(path) && r.request().method() === method);

async function openTab(page: Page, tab: string, section: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(section).waitFor();
}

/** Opens "Refer to a partner" and picks the partner (among the suggestions, or searched). */
async function startReferral(page: Page, partner: string, search: boolean): Promise<void> {
  await openTab(page, 'referrals', 'referrals-section');
  await page.getByTestId('refer-case').click();
  const form = page.getByTestId('referral-form');
  await form.waitFor();
  if (search) {
    await form.getByTestId('search-partners').click();
    await form.getByLabel(ru['referrals.dialog.searchLabel']).fill(partner.split(' ')[0]!);
    await form
      .getByTestId('partner-search')
      .getByTestId('partner-option')
      .filter({ hasText: partner })
      .click();
  } else {
    await form
      .getByTestId('partner-suggestions')
      .getByTestId('partner-option')
      .filter({ hasText: partner })
      .click();
  }
  await expect.poll(() => form.getByTestId('chosen-partner').textContent()).toContain(partner);
}

async function send(page: Page, caseId: string): Promise<TReferralBody> {
  const sent = answered(page, `/api/v1/cases/${caseId}/referrals`);
  await page.getByTestId('send-referral').click();
  const response = await sent;
  expect(response.status()).toBe(201);
  expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
  await page.getByTestId('referral-form').waitFor({ state: 'detached' });
  return (await response.json()) as TReferralBody;
}

test('NGO → police with consent: accepted, completed, the outcome back in the case; a third organisation sees nothing', async () => {
  // the NGO case worker: a case, the person's consent to share (the Consent tab)
  const { page: ngo } = await suite.open();
  await signInAs(ngo, 'caseworker@ngo.demo');
  const created = await createCase(ngo, 'Дильноза', 'Каримова');
  await ngo.goto(`${suite.url}/cases/${created.id}`);
  await ngo.getByTestId('person-section').waitFor();

  // without consent, personal parts cannot be sent: the button says why
  await startReferral(ngo, POLICE, false);
  const form = ngo.getByTestId('referral-form');
  expect(await form.getByTestId('consent-police').textContent()).toBe(ru['referrals.consent.policeMissing']);
  // minimal by default: the region and the needs; health is not for the police
  expect(await form.getByTestId('share-caseRegion').locator('input').isChecked()).toBe(true);
  expect(await form.getByTestId('share-needs').locator('input').isChecked()).toBe(true);
  expect(await form.getByTestId('share-personName').locator('input').isChecked()).toBe(false);
  expect(await form.getByTestId('share-health').locator('input').isDisabled()).toBe(true);
  expect(await form.getByTestId('share-health').textContent()).toContain(ru['referrals.notAllowed.health']);
  await form.getByTestId('share-personName').locator('input').check();
  await form.getByTestId('consent-needed').waitFor();
  expect(await ngo.getByTestId('send-referral').isDisabled()).toBe(true);
  expect(await ngo.getByTestId('send-referral').textContent()).toBe(ru['referrals.sendNeedsConsent']);
  expect(await seriousA11yViolations(ngo)).toEqual([]);
  await form.getByRole('button', { name: ru['common.cancel'] }).click();

  await openTab(ngo, 'consent', 'consent-section');
  await ngo.getByTestId('record-consent').click();
  const consentForm = ngo.getByTestId('consent-form');
  for (const scope of ['store_data', 'share_with_partners', 'share_with_police'] as const) {
    await consentForm
      .getByTestId('consent-explained')
      .getByRole('checkbox', { name: ru[`caseFile.consentScope.${scope}`] })
      .click();
    await consentForm
      .getByTestId('consent-agreed')
      .getByRole('checkbox', { name: ru[`caseFile.consentScope.${scope}`] })
      .click();
  }
  const consentSaved = answered(ngo, '/consents');
  await consentForm.locator('button[type="submit"]').click();
  expect((await consentSaved).status()).toBe(201);
  await consentForm.waitFor({ state: 'detached' });

  // the referral: the police suggested (criminal investigation, the case's region), name + needs
  await startReferral(ngo, POLICE, false);
  await expect.poll(() => form.getByTestId('consent-police').getAttribute('data-given')).toBe('true');
  await form.getByTestId('share-personName').locator('input').check();
  await form
    .getByTestId('referral-services')
    .getByRole('checkbox', { name: ru['partners.service.criminal_investigation'] })
    .check();
  await form.getByLabel(ru['referrals.dialog.urgency']).selectOption('urgent');
  await form.getByLabel(ru['referrals.dialog.message']).fill('Просим проверить работодателя на стройке.');
  expect(await ngo.getByTestId('consent-needed').count()).toBe(0);
  const referral = await send(ngo, created.id);
  expect(referral.status).toBe('sent');
  const row = ngo.getByTestId('referrals-section').locator(`tr[data-referral-id="${referral.id}"]`);
  await expect.poll(() => row.textContent()).toContain(ru['referrals.status.sent']);
  expect(await row.textContent()).toContain(POLICE);

  // the police officer: the inbox, the shared snapshot, accept, report the outcome
  const { page: police } = await suite.open();
  await signInAs(police, 'officer@police.demo');
  await police.goto(`${suite.url}/referrals`);
  const inboxRow = police.locator(`tr[data-referral-id="${referral.id}"]`);
  await inboxRow.waitFor();
  expect(await inboxRow.textContent()).toContain(referral.reference);
  expect(await inboxRow.textContent()).toContain(ru['referrals.urgency.urgent']);
  expect(await seriousA11yViolations(police)).toEqual([]);
  await inboxRow.getByRole('link', { name: referral.reference }).click();
  await police.getByTestId('referral-snapshot').waitFor();
  expect(await police.getByTestId('snapshot-personName').textContent()).toContain('Каримова Дильноза');
  expect(await police.getByTestId('snapshot-needs').textContent()).toContain(
    ru['workflow.service.legal_aid'],
  );
  expect(await police.getByTestId('snapshot-message').textContent()).toContain(
    'Просим проверить работодателя',
  );
  expect(await police.getByTestId('referral-snapshot').getByTestId('snapshot-narrative').count()).toBe(0);
  expect(await seriousA11yViolations(police)).toEqual([]);

  const accepted = answered(police, `/api/v1/referrals/${referral.id}/answer`);
  await police.getByTestId('action-accept').click();
  await police.getByTestId('referral-accept-form').locator('button[type="submit"]').click();
  expect((await accepted).status()).toBe(200);
  await expect
    .poll(() => police.getByTestId('referral-header').getByTestId('referral-status').textContent())
    .toBe(ru['referrals.status.accepted']);

  // the NGO shares an update: a message and one more part of the case; the police see it
  await ngo.goto(`${suite.url}/referrals/${referral.id}`);
  await ngo.getByTestId('action-shareUpdate').click();
  const updateForm = ngo.getByTestId('referral-update-form');
  await updateForm.getByLabel(ru['referrals.form.updateMessage']).fill('Работодатель сменил адрес объекта.');
  await updateForm.getByRole('checkbox', { name: ru['referrals.field.personSexAge'] }).check();
  const shared = answered(ngo, `/api/v1/referrals/${referral.id}/updates`);
  await updateForm.locator('button[type="submit"]').click();
  expect((await shared).status()).toBe(200);
  await updateForm.waitFor({ state: 'detached' });
  await police.reload();
  const update = police.getByTestId('referral-update');
  await update.waitFor();
  expect(await update.textContent()).toContain('Работодатель сменил адрес объекта.');
  expect(await update.textContent()).toContain(ru['referrals.field.personSexAge']);

  const completed = answered(police, `/api/v1/referrals/${referral.id}/answer`);
  await police.getByTestId('action-complete').click();
  const completeForm = police.getByTestId('referral-complete-form');
  await completeForm.locator('button[type="submit"]').click(); // no outcome chosen: refused here
  await completeForm.getByRole('alert').first().waitFor();
  await completeForm.getByTestId('referral-outcome').selectOption('investigation_opened');
  await completeForm.getByLabel(ru['referrals.form.note']).fill('Возбуждено уголовное дело.');
  await completeForm.locator('button[type="submit"]').click();
  expect((await completed).status()).toBe(200);
  await expect
    .poll(() => police.getByTestId('referral-header').getByTestId('referral-status').textContent())
    .toBe(ru['referrals.status.completed']);
  const steps = await police.getByTestId('referral-steps').textContent();
  for (const kind of ['sent', 'accepted', 'completed'] as const)
    expect(steps).toContain(ru[`referrals.event.${kind}`]);

  // back at the NGO: the outcome in the case's Referrals tab and on its timeline
  await ngo.goto(`${suite.url}/cases/${created.id}?tab=referrals`);
  const caseRow = ngo.getByTestId('referrals-section').locator(`tr[data-referral-id="${referral.id}"]`);
  await expect.poll(() => caseRow.textContent()).toContain(ru['referrals.status.completed']);
  expect(await caseRow.textContent()).toContain(ru['referrals.outcome.investigation_opened']);
  await openTab(ngo, 'timeline', 'timeline-section');
  await expect
    .poll(() => ngo.getByTestId('case-timeline').textContent())
    .toContain(ru['caseFile.event.referralCompleted']);
  expect(await ngo.getByTestId('case-timeline').textContent()).toContain(ru['caseFile.event.referralSent']);

  // a third organisation: not found, in the app and from the API
  const { page: state } = await suite.open();
  await signInAs(state, 'officer@state.demo');
  await state.goto(`${suite.url}/referrals/${referral.id}`);
  await expect.poll(() => state.locator('h1').textContent()).toBe(ru['notFound.title']);
  expect((await apiCall(state, 'GET', `/api/v1/referrals/${referral.id}`)).status).toBe(404);
  await state.goto(`${suite.url}/referrals`);
  await state.getByTestId('box-inbox').waitFor();
  expect(await state.locator(`tr[data-referral-id="${referral.id}"]`).count()).toBe(0);
});

test('a trade union without Senim: the letter shows the one-time link and the reply code once, and the PDF', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'caseworker@ngo.demo');
  const created = await createCase(page, 'Бахтиёр', 'Юсупов');
  await page.goto(`${suite.url}/cases/${created.id}`);
  await page.getByTestId('person-section').waitFor();

  await startReferral(page, OFFLINE_UNION, true);
  const form = page.getByTestId('referral-form');
  expect(await form.getByTestId('partner-search').textContent()).toContain(
    ru['referrals.dialog.usesLetters'],
  );
  // nothing sensitive goes on paper
  expect(await form.getByTestId('share-narrative').locator('input').isDisabled()).toBe(true);
  expect(await form.getByTestId('share-narrative').textContent()).toContain(
    ru['referrals.notAllowed.letter'],
  );
  await form
    .getByTestId('referral-services')
    .getByRole('checkbox', { name: ru['partners.service.labour_inspection'] })
    .check();
  // a deadline in the past is refused before anything is sent
  await form.getByLabel(ru['referrals.dialog.deadline']).fill('2020-01-01');
  await page.getByTestId('send-referral').click();
  await expect
    .poll(() => form.getByRole('alert').first().textContent())
    .toBe(ru['referrals.dialog.deadlineInPast']);
  const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await form.getByLabel(ru['referrals.dialog.deadline']).fill(inAWeek);
  // a double click sends once
  const sent = answered(page, `/api/v1/cases/${created.id}/referrals`);
  await page.getByTestId('send-referral').dblclick();
  const response = await sent;
  expect(response.status()).toBe(201);
  const referral = (await response.json()) as TReferralBody;
  await form.waitFor({ state: 'detached' });
  await expect
    .poll(() => page.getByTestId('referrals-section').locator('tr[data-referral-id]').count())
    .toBe(1);
  const listed = await apiCall<{ items: unknown[] }>(
    page,
    'GET',
    `/api/v1/referrals?box=sent&caseId=${created.id}`,
  );
  expect(listed.json.items).toHaveLength(1);

  await page.goto(`${suite.url}/referrals/${referral.id}`);
  await page.getByTestId('referral-letter').waitFor();
  expect(await page.getByTestId('referral-parties').textContent()).toContain(OFFLINE_UNION);
  const issued = answered(page, `/api/v1/referrals/${referral.id}/letter`);
  await page.getByTestId('issue-letter').click();
  expect((await issued).status()).toBeLessThan(300);
  const link = (await page.getByTestId('letter-link').textContent()) ?? '';
  const code = (await page.getByTestId('letter-code').textContent()) ?? '';
  expect(link).toMatch(/^https?:\/\//);
  expect(code.trim().length).toBeGreaterThanOrEqual(4);
  expect(await page.getByRole('button', { name: ru['referrals.letter.copyLink'] }).count()).toBe(1);
  expect(await seriousA11yViolations(page)).toEqual([]);
  const pdfHref = await page.getByTestId('letter-pdf').getAttribute('href');
  expect(pdfHref).toBeTruthy();
  const pdf = await page.evaluate(async (href) => {
    const response = await fetch(href);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, pdfHref!);
  expect(pdf).toMatchObject({ status: 200, head: '%PDF-' });
  expect(pdf.type).toContain('application/pdf');

  // shown once: after a reload the link and the code are gone
  await page.reload();
  await page.getByTestId('referral-letter').waitFor();
  expect(await page.getByTestId('letter-code').count()).toBe(0);
  expect(await page.content()).not.toContain(code.trim());

  // the union phoned: the sender records its acceptance
  const recorded = answered(page, `/api/v1/referrals/${referral.id}/answer`);
  await page.getByTestId('action-recordAnswer').click();
  const recordForm = page.getByTestId('referral-recordAnswer-form');
  await recordForm.getByTestId('answer-status').selectOption('accepted');
  await recordForm.locator('button[type="submit"]').click();
  expect((await recorded).status()).toBe(200);
  await expect
    .poll(() => page.getByTestId('referral-header').getByTestId('referral-status').textContent())
    .toBe(ru['referrals.status.accepted']);

  // then the union reports the outcome through the letter's one-time link, without an account
  const { page: union } = await suite.open();
  await union.goto(link);
  await union.getByTestId('answer-form').waitFor();
  await union.getByTestId('answer-code').fill(code.trim());
  await union.getByTestId('answer-completed').check();
  await union.getByTestId('answer-outcome').selectOption('inspection_done');
  await union.getByTestId('answer-submit').click();
  await union.getByTestId('answer-done').waitFor();

  await page.reload();
  await expect
    .poll(() => page.getByTestId('referral-header').getByTestId('referral-status').textContent())
    .toBe(ru['referrals.status.completed']);
  expect(await page.getByTestId('referral-answer-code').textContent()).toBe(
    ru['referrals.outcome.inspection_done'],
  );
  const steps = await page.getByTestId('referral-steps').textContent();
  for (const kind of ['sent', 'letterIssued', 'answerRecorded', 'linkAnswered'] as const)
    expect(steps).toContain(ru[`referrals.event.${kind}`]);
});

test('without consent a supervisor may override with a written reason: warned, audited, shown on the referral', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'supervisor@ngo.demo');
  const created = await createCase(page, 'Гульмира', 'Ахмедова');
  await page.goto(`${suite.url}/cases/${created.id}`);
  await page.getByTestId('person-section').waitFor();

  await startReferral(page, POLICE, false);
  const form = page.getByTestId('referral-form');
  await form.getByTestId('share-personName').locator('input').check();
  await form.getByTestId('consent-needed').waitFor();
  expect(await page.getByTestId('send-referral').isDisabled()).toBe(true);
  await form
    .getByTestId('referral-services')
    .getByRole('checkbox', { name: ru['partners.service.criminal_investigation'] })
    .check();
  await form
    .getByTestId('referral-override')
    .getByRole('checkbox', { name: ru['referrals.override.toggle'] })
    .check();
  expect(await form.getByTestId('referral-override').textContent()).toContain(
    ru['referrals.override.warning'],
  );
  const reason = form.getByLabel(ru['referrals.override.reason']);
  await reason.fill('Срочно');
  await page.getByTestId('send-referral').click();
  await expect
    .poll(() => form.getByTestId('referral-override').getByRole('alert').textContent())
    .toContain('20');
  await reason.fill('Угроза жизни: человек удерживается работодателем прямо сейчас.');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const referral = await send(page, created.id);

  await page.goto(`${suite.url}/referrals/${referral.id}`);
  await page.getByTestId('referral-facts').waitFor();
  const facts = await page.getByTestId('referral-facts').textContent();
  expect(facts).toContain(ru['referrals.detail.overridden']);
  expect(facts).toContain('Угроза жизни');

  // the police accept while the supervisor is revoking: a 409, said plainly, with a reload
  await page.getByTestId('action-revoke').click();
  const { page: police } = await suite.open();
  await signInAs(police, 'officer@police.demo');
  const current = await apiCall<{ version: number }>(police, 'GET', `/api/v1/referrals/${referral.id}`);
  const accepted = await apiCall(police, 'POST', `/api/v1/referrals/${referral.id}/answer`, {
    status: 'accepted',
    version: current.json.version,
  });
  expect(accepted.status).toBe(200);
  const refused = answered(page, `/api/v1/referrals/${referral.id}/revoke`);
  await page.getByTestId('referral-revoke-form').locator('button[type="submit"]').click();
  expect((await refused).status()).toBe(409);
  await page.getByTestId('referral-conflict').waitFor();
  expect(await page.getByTestId('referral-conflict').textContent()).toContain(ru['referrals.conflict']);
  await page.getByTestId('referral-reload').click();
  await expect
    .poll(() => page.getByTestId('referral-header').getByTestId('referral-status').textContent())
    .toBe(ru['referrals.status.accepted']);
  // now the revocation goes through
  const revoked = answered(page, `/api/v1/referrals/${referral.id}/revoke`);
  await page.getByTestId('action-revoke').click();
  await page.getByTestId('referral-revoke-form').locator('button[type="submit"]').click();
  expect((await revoked).status()).toBe(200);
  await expect
    .poll(() => page.getByTestId('referral-header').getByTestId('referral-status').textContent())
    .toBe(ru['referrals.status.revoked']);
});

test('a receiver with Senim opens its own case from an accepted referral', async () => {
  const { page: ngo } = await suite.open();
  await signInAs(ngo, 'caseworker@ngo.demo');
  const created = await createCase(ngo, 'Зарина', 'Рахимова');
  await ngo.goto(`${suite.url}/cases/${created.id}`);
  await ngo.getByTestId('person-section').waitFor();
  await startReferral(ngo, 'Кризисный центр «Сенім»', true);
  await ngo
    .getByTestId('referral-services')
    .getByRole('checkbox', { name: ru['partners.service.shelter'] })
    .check();
  const referral = await send(ngo, created.id); // the region and the needs only: no consent needed

  const { page: crisis } = await suite.open();
  await signInAs(crisis, 'caseworker@crisis.demo');
  await crisis.goto(`${suite.url}/referrals/${referral.id}`);
  const accepted = answered(crisis, `/api/v1/referrals/${referral.id}/answer`);
  await crisis.getByTestId('action-accept').click();
  await crisis.getByTestId('referral-accept-form').locator('button[type="submit"]').click();
  expect((await accepted).status()).toBe(200);
  const opened = answered(crisis, `/api/v1/referrals/${referral.id}/case`);
  await crisis.getByTestId('action-openCase').click();
  const response = await opened;
  expect(response.status()).toBe(201);
  const { caseId } = (await response.json()) as { caseId: string };
  await crisis.waitForURL(`${suite.url}/cases/${caseId}`);
  await crisis.getByTestId('person-section').waitFor();
  await crisis.goto(`${suite.url}/referrals/${referral.id}`);
  expect(await crisis.getByTestId('referral-own-case').getAttribute('href')).toBe(`/cases/${caseId}`);
  expect(await crisis.getByTestId('action-openCase').count()).toBe(0);
});
