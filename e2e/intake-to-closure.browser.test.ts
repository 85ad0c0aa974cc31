// Issue 3 "done when", through the UI only, once in Russian and once in Kazakh: the crisis centre's
// operator logs a trafficking report on the hotline and opens a case from it; the centre's case worker
// finds the case by the caller's phone, names the person, records consent, then finds it again by the
// Cyrillic name typed in Latin letters and works it to a closure request (assessment, support plan,
// service, follow-up); the supervisor approves the closure; the case is found by its number, Closed.
// A case worker of another organisation gets the not-found page, and the denial is in the audit trail
// of that user's organisation (audit rows belong to the actor's organisation: its administrator sees
// them, the crisis centre's does not). No CSP violation or console error on any page (browserSuite).
import type { Page, Response } from 'playwright-core';
import { expect, test } from 'vitest';
import { htcdsLabelsKk, htcdsLabelsRu } from '../shared/htcds/labels';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { regionName } from '../shared/regions';
import { browserSuite, signIn } from './harness';

const suite = browserSuite();

type TLang = 'ru' | 'kk';

/** Everything one run needs, fresh for each language so that the runs do not collide. */
const RUNS = {
  ru: {
    browserLocale: 'ru-RU',
    ui: appRu,
    htcds: htcdsLabelsRu,
    region: 'turkistan',
    callerPhone: '+7 701 555 17 01',
    phoneAsSearched: '8 701 555 1701',
    familyName: 'Ковалёва',
    givenName: 'Марина',
    latinName: 'Marina Kovaleva',
    birthDate: '1996-08-14',
    notes: 'Сестру увезли на стройку в Шымкент, паспорт забрал работодатель, не отпускают домой.',
    summary: 'Паспорт у работодателя, нужна юридическая помощь и приют.',
    objectives: 'Вернуть паспорт и отправить домой.',
    reason: 'Паспорт возвращён, женщина вернулась к семье.',
    comment: 'Согласовано.',
  },
  kk: {
    browserLocale: 'kk-KZ',
    ui: appKk,
    htcds: htcdsLabelsKk,
    region: 'jambyl',
    callerPhone: '+7 702 555 17 02',
    phoneAsSearched: '8 702 555 1702',
    familyName: 'Тілеуқабылова',
    givenName: 'Ақмаржан',
    latinName: 'Akmarzhan Tileukabylova',
    birthDate: '2001-03-27',
    notes: 'Қызын шетелге жұмысқа апарып, құжаттарын алып қойған, үйге жібермейді.',
    summary: 'Құжаттары жұмыс берушіде, заң көмегі мен баспана керек.',
    objectives: 'Құжаттарды қайтару және үйге жеткізу.',
    reason: 'Құжаттары қайтарылды, отбасына оралды.',
    comment: 'Келісілді.',
  },
} as const;

type TRun = (typeof RUNS)[TLang];

/** A page signed in as `email` with the UI switched to `lang` (saved to the account as the user would). */
async function openAs(run: TRun, lang: TLang, email: string): Promise<Page> {
  const { page } = await suite.open(run.browserLocale);
  await signIn(page, suite.url, email);
  await page.getByTestId('language').selectOption(lang);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain(run.ui['nav.home']);
  return page;
}

/** Follows a navigation link (by its label in the UI language) and waits for the page's heading. */
async function goTo(page: Page, link: string, heading: string): Promise<void> {
  await page.locator('nav.app-nav').getByRole('link', { name: link, exact: true }).click();
  await page.locator('h1', { hasText: heading }).waitFor();
}

const responseTo = (page: Page, method: string, path: RegExp): Promise<Response> =>
  page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));

/** Submits a form of the case file, checks the server's answer, waits for the form to close. */
async function submitForm(page: Page, form: string, method: string, path: RegExp, status: number) {
  const saved = responseTo(page, method, path);
  await page.getByTestId(form).locator('button[type="submit"]').click();
  expect((await saved).status()).toBe(status);
  await page.getByTestId(form).waitFor({ state: 'detached' });
}

/** The case list's search, as typed in the box and sent with Enter; the case's row once listed. */
async function searchCases(page: Page, run: TRun, text: string, caseId: string) {
  const search = page.getByLabel(run.ui['caseList.searchLabel'], { exact: true });
  await search.fill(text);
  await search.press('Enter');
  const row = page.getByTestId('cases-table').locator(`tr[data-case-id="${caseId}"]`);
  await row.waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe(text);
  return row;
}

async function openTab(page: Page, tab: string, section: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(section).waitFor();
}

const currentStage = (page: Page) =>
  page.getByTestId('workflow-stages').locator('li[aria-current="step"]').getAttribute('data-stage');

for (const lang of ['ru', 'kk'] as const) {
  const run = RUNS[lang];
  const L = run.ui;
  const H = run.htcds;

  test(`intake to closure in ${lang}: hotline contact, case file, work, approved closure, denied to another organisation`, async () => {
    // Everyone starts the day signed in, each in their own browser, the UI in the run's language.
    const [operator, worker, supervisor, outsider, ngoAdmin] = await Promise.all([
      openAs(run, lang, 'operator@crisis.demo'),
      openAs(run, lang, 'caseworker@crisis.demo'),
      openAs(run, lang, 'supervisor@crisis.demo'),
      openAs(run, lang, 'caseworker@ngo.demo'),
      openAs(run, lang, 'admin@ngo.demo'),
    ]);

    // 1. The operator logs a trafficking report and opens a case from it.
    await goTo(operator, L['nav.hotline'], L['hotline.title']);
    expect(await operator.title()).toBe(`${L['hotline.title']} · Senim`);
    await operator.getByLabel(L['hotline.contactType'], { exact: true }).selectOption('trafficking_report');
    await operator.getByLabel(L['hotline.channel'], { exact: true }).selectOption('whatsapp');
    await operator.getByLabel(L['hotline.callerRole'], { exact: true }).selectOption('relative');
    await operator.getByLabel(L['hotline.urgency'], { exact: true }).selectOption('high');
    await operator.getByLabel(L['hotline.problemRegion'], { exact: true }).selectOption(run.region);
    await operator.getByRole('checkbox', { name: L['topic.trafficking_suspicion'], exact: true }).click();
    await operator.getByRole('checkbox', { name: L['topic.documents'], exact: true }).click();
    await operator.getByLabel(L['hotline.notes'], { exact: true }).fill(run.notes);
    await operator.getByLabel(L['hotline.callerPhone'], { exact: true }).fill(run.callerPhone);
    const logged = responseTo(operator, 'POST', /^\/api\/v1\/contacts$/);
    await operator.getByRole('button', { name: L['hotline.submit'], exact: true }).click();
    const loggedResponse = await logged;
    expect(loggedResponse.status()).toBe(201);
    const { contact } = (await loggedResponse.json()) as { contact: { id: string } };
    const result = operator.getByTestId('contact-result');
    await expect.poll(() => result.textContent()).toContain(L['contactType.trafficking_report']);
    const boardRow = operator.locator(`tr[data-contact-id="${contact.id}"]`).first();
    await expect.poll(() => boardRow.textContent()).toContain(L['contactType.trafficking_report']);
    expect(await boardRow.textContent()).toContain(regionName(run.region, lang));

    const opened = responseTo(operator, 'POST', /^\/api\/v1\/cases$/);
    await result.getByRole('button', { name: L['hotline.openCase'], exact: true }).click();
    const openedResponse = await opened;
    expect(openedResponse.status()).toBe(201);
    const kase = (await openedResponse.json()) as { id: string; caseNumber: string };
    expect(kase.caseNumber).toMatch(/^KZ-\d{4}-\d{6}$/);
    await expect
      .poll(() => result.getByTestId('case-number').textContent())
      .toBe(
        L['hotline.caseOpened'].replace('{number}', kase.caseNumber).replace('{status}', H.caseStatus.Active),
      );
    expect(await result.getByTestId('case-link').getAttribute('href')).toBe(`/cases/${kase.id}`);

    // 2. The centre's case worker finds the new case by the caller's phone (written differently; the
    // hotline form takes no name, so the person has none yet), takes it, names the person, records consent.
    await goTo(worker, L['nav.cases'], L['caseList.title']);
    const byPhone = await searchCases(worker, run, run.phoneAsSearched, kase.id);
    await byPhone.getByRole('link', { name: kase.caseNumber, exact: true }).click();
    await worker.getByTestId('person-section').waitFor();
    expect(await worker.getByTestId('case-number').textContent()).toBe(
      L['caseFile.title'].replace('{number}', kase.caseNumber),
    );
    expect(await worker.getByTestId('case-region').textContent()).toBe(regionName(run.region, lang));
    expect(await worker.getByTestId('case-status').textContent()).toBe(H.caseStatus.Active);
    expect(await worker.getByTestId('tab-person').textContent()).toContain(L['caseFile.tab.person']);
    // the caller's phone came over from the contact
    expect((await worker.getByTestId('person-identity').textContent())?.replace(/\D/g, '')).toContain(
      run.callerPhone.replace(/\D/g, ''),
    );

    const assigned = responseTo(worker, 'PATCH', new RegExp(`^/api/v1/cases/${kase.id}$`));
    await worker.getByRole('button', { name: L['caseFile.header.assignToMe'], exact: true }).click();
    expect((await assigned).status()).toBe(200);
    await expect.poll(() => worker.getByTestId('case-assignee').textContent()).toContain('Нұрланова');

    await worker.getByTestId('edit-person').click();
    const personForm = worker.getByTestId('person-form');
    await personForm.getByLabel(L['caseFile.person.familyName'], { exact: true }).fill(run.familyName);
    await personForm.getByLabel(L['caseFile.person.givenName'], { exact: true }).fill(run.givenName);
    await personForm.getByLabel(L['caseFile.person.birthDate'], { exact: true }).fill(run.birthDate);
    await submitForm(worker, 'person-form', 'PUT', /\/person$/, 200);
    await expect
      .poll(() => worker.getByTestId('person-name').textContent())
      .toBe(`${run.familyName} ${run.givenName}`);

    await openTab(worker, 'consent', 'consent-section');
    await worker.getByTestId('no-consent').waitFor();
    await worker.getByTestId('record-consent').click();
    const consentForm = worker.getByTestId('consent-form');
    for (const list of ['consent-explained', 'consent-agreed'])
      await consentForm
        .getByTestId(list)
        .getByRole('checkbox', { name: L['caseFile.consentScope.store_data'], exact: true })
        .click();
    await submitForm(worker, 'consent-form', 'POST', /\/consents$/, 201);
    await expect
      .poll(() => worker.getByTestId('current-consent').textContent())
      .toContain(L['caseFile.consent.current']);

    // …then, another day, finds it by the name typed in Latin letters and works it to closure.
    await goTo(worker, L['nav.cases'], L['caseList.title']);
    const byName = await searchCases(worker, run, run.latinName, kase.id);
    await byName.getByRole('link', { name: kase.caseNumber, exact: true }).click();
    await worker.getByTestId('person-section').waitFor();
    await openTab(worker, 'work', 'workflow-panel');
    const panel = worker.getByTestId('workflow-panel');
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(L['workflow.heading']);

    await worker.getByTestId('add-assessment').click();
    const assessmentForm = worker.getByTestId('assessment-form');
    await assessmentForm.getByLabel(L['workflow.riskLevel'], { exact: true }).selectOption('high');
    await assessmentForm
      .getByRole('checkbox', { name: L['workflow.service.legal_aid'], exact: true })
      .click();
    await assessmentForm.getByRole('checkbox', { name: L['workflow.service.shelter'], exact: true }).click();
    await assessmentForm.getByLabel(L['workflow.summary'], { exact: true }).fill(run.summary);
    await submitForm(worker, 'assessment-form', 'POST', /\/assessments$/, 201);
    await expect
      .poll(() => worker.getByTestId('assessment').first().textContent())
      .toContain(L['workflow.risk.high']);
    await expect.poll(() => currentStage(worker)).toBe('assessment');

    await worker.getByTestId('add-plan').click();
    const planForm = worker.getByTestId('plan-form');
    await planForm.getByRole('checkbox', { name: H.supportPlanType.Legal, exact: true }).click();
    await planForm.getByRole('checkbox', { name: H.supportPlanType.SocialCare, exact: true }).click();
    await planForm.getByLabel(L['workflow.objectives'], { exact: true }).fill(run.objectives);
    await submitForm(worker, 'plan-form', 'POST', /\/support-plans$/, 201);
    await expect
      .poll(() => worker.getByTestId('plan').first().textContent())
      .toContain(H.supportPlanType.Legal);
    await expect.poll(() => currentStage(worker)).toBe('support_plan');

    await worker.getByTestId('add-service').click();
    const serviceForm = worker.getByTestId('service-form');
    await serviceForm.getByLabel(L['workflow.serviceType'], { exact: true }).selectOption('legal_aid');
    await serviceForm.getByLabel(L['workflow.outcome'], { exact: true }).selectOption('completed');
    await submitForm(worker, 'service-form', 'POST', /\/services$/, 201);
    await expect
      .poll(() => worker.getByTestId('service').first().textContent())
      .toContain(L['workflow.serviceOutcome.completed']);
    await expect.poll(() => currentStage(worker)).toBe('services');

    await worker.getByTestId('add-follow-up').click();
    const followUpForm = worker.getByTestId('follow-up-form');
    await followUpForm.getByLabel(L['workflow.method'], { exact: true }).selectOption('phone');
    await followUpForm.getByLabel(L['workflow.outcome'], { exact: true }).selectOption('stable');
    await submitForm(worker, 'follow-up-form', 'POST', /\/follow-ups$/, 201);
    await expect
      .poll(() => worker.getByTestId('follow-up').first().textContent())
      .toContain(L['workflow.followUpOutcome.stable']);
    await expect.poll(() => currentStage(worker)).toBe('follow_up');

    await worker.getByTestId('request-closure').click();
    await worker
      .getByTestId('closure-form')
      .getByLabel(L['workflow.reason'], { exact: true })
      .fill(run.reason);
    await submitForm(worker, 'closure-form', 'POST', /\/approvals$/, 201);
    const request = worker.getByTestId('approval').first();
    await expect.poll(() => request.getByTestId('approval-state').getAttribute('data-state')).toBe('pending');
    expect(await request.textContent()).toContain(L['workflow.decision.pending']);
    expect(await request.textContent()).toContain(L['workflow.approvalKind.closure']);

    // 3. The supervisor approves the closure on /approvals; the case is closed.
    await goTo(supervisor, L['nav.approvals'], L['nav.approvals']);
    const card = supervisor.getByTestId('approval-card').filter({ hasText: kase.caseNumber });
    await expect.poll(() => card.textContent()).toContain(run.reason);
    expect(await card.textContent()).toContain(L['workflow.approvalKind.closure']);
    await card.getByLabel(L['workflow.decisionComment'], { exact: true }).fill(run.comment);
    const decided = responseTo(supervisor, 'POST', /\/decision$/);
    await card.getByTestId('approve').click();
    expect((await decided).status()).toBe(200);
    await card.waitFor({ state: 'detached' });
    await supervisor.getByTestId('approvals-decided').click();
    const decidedCard = supervisor.getByTestId('approval-card').filter({ hasText: kase.caseNumber });
    await expect
      .poll(() => decidedCard.getByTestId('approval-state').getAttribute('data-state'))
      .toBe('approved');
    expect(await decidedCard.textContent()).toContain(run.comment);
    await decidedCard.getByRole('link', { name: kase.caseNumber, exact: false }).click();
    await expect.poll(() => supervisor.getByTestId('case-status').textContent()).toBe(H.caseStatus.Closed);
    await openTab(supervisor, 'work', 'case-closed');
    expect(await supervisor.getByTestId('case-closed').textContent()).toContain(run.reason);
    await expect.poll(() => currentStage(supervisor)).toBe('closed');

    // 4. Found again on /cases by its number (typed in lower case): Closed.
    await goTo(worker, L['nav.cases'], L['caseList.title']);
    const byNumber = await searchCases(worker, run, kase.caseNumber.toLowerCase(), kase.id);
    expect(await byNumber.textContent()).toContain(H.caseStatus.Closed);
    expect(await byNumber.textContent()).toContain(L['caseList.stage.closed']);
    await byNumber.getByRole('link', { name: kase.caseNumber, exact: true }).click();
    await worker.getByTestId('person-section').waitFor();
    // Opened from the list, the case is read again: Closed at once, read-only (no cached Active copy).
    await expect.poll(() => worker.getByTestId('case-status').textContent()).toBe(H.caseStatus.Closed);
    await worker.reload();
    await expect.poll(() => worker.getByTestId('case-status').textContent()).toBe(H.caseStatus.Closed);
    expect(await worker.getByTestId('edit-person').count()).toBe(0);

    // 5. A case worker of another organisation gets the not-found page…
    const refused = responseTo(outsider, 'GET', new RegExp(`^/api/v1/cases/${kase.id}$`));
    await outsider.goto(`${suite.url}/cases/${kase.id}`);
    expect((await refused).status()).toBe(404);
    await outsider.locator('h1', { hasText: L['notFound.title'] }).waitFor();
    expect(await outsider.getByTestId('case-number').count()).toBe(0);
    expect(await outsider.textContent('body')).not.toContain(run.familyName);

    // …and the denial is in the audit trail of that user's organisation, seen by its administrator.
    await goTo(ngoAdmin, L['nav.audit'], L['audit.title']);
    await ngoAdmin.getByTestId('audit-action').selectOption('access.denied');
    const denial = ngoAdmin.getByTestId('audit-table').locator('tr', { hasText: `case ${kase.id}` });
    await expect.poll(() => denial.count()).toBeGreaterThan(0);
    const denialText = await denial.first().textContent();
    expect(denialText).toContain('caseworker@ngo.demo');
    expect(denialText).toContain(L['auditEvent.access.denied']);
    expect(denialText).toContain(L['auditOutcome.denied']);
    expect(denialText).toContain('notFound');
  }, 180_000);
}
