// A case from assessment to closure in Russian: the NGO's case worker records an assessment, a
// support plan (then edits it), a service, a follow-up and a task, and asks for closure; the labels
// are checked in Kazakh; the NGO's supervisor approves on /approvals; the case is then closed and
// read-only. axe on the work tab (open case) and the approvals page.
import type { Page, Response } from 'playwright-core';
import { expect, test } from 'vitest';
import { htcdsLabelsKk, htcdsLabelsRu } from '../shared/htcds/labels';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();

type TCreatedCase = { id: string; caseNumber: string };

/** Signs in, switches the UI to `locale` and waits until the navigation speaks it. */
async function signInAs(page: Page, email: string, locale: 'ru' | 'kk' = 'ru'): Promise<void> {
  await signIn(page, suite.url, email);
  await page.getByTestId('language').selectOption(locale);
  const catalogue = locale === 'ru' ? appRu : appKk;
  await expect.poll(() => page.locator('nav.app-nav').textContent()).toContain(catalogue['nav.home']);
}

/** A case from scratch through the API, as the signed-in user (same origin, the session's CSRF token). */
function createCase(page: Page): Promise<TCreatedCase> {
  return page.evaluate(async () => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/v1/cases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ person: { givenName: 'Айгүл', familyName: 'Тестова' } }),
    });
    if (response.status !== 201)
      throw new Error(`case not created: ${response.status} ${await response.text()}`);
    return (await response.json()) as TCreatedCase;
  });
}

const posted = (page: Page, path: string): Promise<Response> =>
  page.waitForResponse((r) => new URL(r.url()).pathname.includes(path) && r.request().method() !== 'GET');

const currentStage = (page: Page) =>
  page.getByTestId('workflow-stages').locator('li[aria-current="step"]').getAttribute('data-stage');

/** Submits a form and checks the server's answer. */
async function submit(page: Page, form: string, path: string, status = 201): Promise<void> {
  const saved = posted(page, path);
  await page.getByTestId(form).locator('button[type="submit"]').click();
  expect((await saved).status()).toBe(status);
  await page.getByTestId(form).waitFor({ state: 'detached' });
}

test('a case worker runs a case to a closure request; a supervisor approves it; the case is closed', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'caseworker@ngo.demo');
  const created = await createCase(page);
  await page.goto(`${suite.url}/cases/${created.id}?tab=work`);
  const panel = page.getByTestId('workflow-panel');
  await panel.waitFor();
  await expect.poll(() => currentStage(page)).toBe('new');
  expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(appRu['workflow.heading']);

  // an assessment: the form refuses a missing risk level in Russian, then saves
  await page.getByTestId('add-assessment').click();
  const assessmentForm = page.getByTestId('assessment-form');
  await assessmentForm.locator('button[type="submit"]').click();
  await expect
    .poll(() => assessmentForm.getByRole('alert').first().textContent())
    .toBe(appRu['form.required']);
  await assessmentForm.getByLabel(appRu['workflow.riskLevel']).selectOption('high');
  await assessmentForm.getByRole('checkbox', { name: appRu['workflow.service.legal_aid'] }).click();
  await assessmentForm.getByRole('checkbox', { name: appRu['workflow.service.shelter'] }).click();
  await assessmentForm.getByLabel(appRu['workflow.summary']).fill('Паспорт у работодателя, нужен приют.');
  await submit(page, 'assessment-form', '/assessments');
  const assessment = page.getByTestId('assessment').first();
  await expect.poll(() => assessment.textContent()).toContain(appRu['workflow.risk.high']);
  expect(await assessment.textContent()).toContain(appRu['workflow.service.shelter']);
  expect(await assessment.textContent()).toContain('Паспорт у работодателя');
  await expect.poll(() => currentStage(page)).toBe('assessment');

  // a support plan with HTCDS types, then edited
  await page.getByTestId('add-plan').click();
  const planForm = page.getByTestId('plan-form');
  await planForm.getByRole('checkbox', { name: htcdsLabelsRu.supportPlanType.Legal }).click();
  await planForm.getByRole('checkbox', { name: htcdsLabelsRu.supportPlanType.SocialCare }).click();
  await planForm.getByLabel(appRu['workflow.objectives']).fill('Вернуть паспорт.');
  await planForm.getByLabel(appRu['workflow.plannedEnd']).fill('2030-06-30');
  await submit(page, 'plan-form', '/support-plans');
  const plan = page.getByTestId('plan').first();
  await expect.poll(() => plan.textContent()).toContain(htcdsLabelsRu.supportPlanType.SocialCare);
  await expect.poll(() => currentStage(page)).toBe('support_plan');
  await plan.getByTestId('edit-plan').click();
  await page
    .getByTestId('plan-form')
    .getByLabel(appRu['workflow.objectives'])
    .fill('Вернуть паспорт и найти жильё.');
  await submit(page, 'plan-form', '/support-plans/', 200);
  await expect.poll(() => page.getByTestId('plan').first().textContent()).toContain('найти жильё');

  // a service by our organisation
  await page.getByTestId('add-service').click();
  const serviceForm = page.getByTestId('service-form');
  await serviceForm.getByLabel(appRu['workflow.serviceType']).selectOption('legal_aid');
  await serviceForm.getByLabel(appRu['workflow.outcome']).selectOption('completed');
  await submit(page, 'service-form', '/services');
  const service = page.getByTestId('service').first();
  await expect.poll(() => service.textContent()).toContain(appRu['workflow.serviceOutcome.completed']);
  expect(await service.textContent()).toContain(appRu['workflow.service.legal_aid']);
  await expect.poll(() => currentStage(page)).toBe('services');

  // a follow-up
  await page.getByTestId('add-follow-up').click();
  const followUpForm = page.getByTestId('follow-up-form');
  await followUpForm.getByLabel(appRu['workflow.method']).selectOption('phone');
  await followUpForm.getByLabel(appRu['workflow.outcome']).selectOption('stable');
  await submit(page, 'follow-up-form', '/follow-ups');
  await expect
    .poll(() => page.getByTestId('follow-up').first().textContent())
    .toContain(appRu['workflow.followUpOutcome.stable']);
  await expect.poll(() => currentStage(page)).toBe('follow_up');

  // a task that is already overdue: the badge here and on the home page, then done
  const tasks = page.getByTestId('tasks-panel');
  await tasks.getByTestId('add-task').click();
  const taskForm = page.getByTestId('task-form');
  await taskForm.getByLabel(appRu['workflow.task.title']).fill('Позвонить в посольство');
  await taskForm.getByLabel(appRu['workflow.task.dueAt']).fill('2026-01-05T09:30');
  await submit(page, 'task-form', '/tasks');
  const task = tasks.getByTestId('task').first();
  await expect.poll(() => task.textContent()).toContain('Позвонить в посольство');
  expect(await task.getByTestId('task-overdue').textContent()).toBe(appRu['workflow.task.overdue']);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.locator('nav.app-nav').getByRole('link', { name: appRu['nav.home'] }).click();
  const myTask = page.getByTestId('my-task').filter({ hasText: 'Позвонить в посольство' });
  await expect.poll(() => myTask.textContent()).toContain(created.caseNumber);
  await myTask.getByRole('link').click();
  await page.getByTestId('tab-work').click();
  const doneBox = page.getByTestId('tasks-panel').getByTestId('task-done').first();
  const toggled = posted(page, '/tasks/');
  await doneBox.click();
  expect((await toggled).status()).toBe(200);
  await expect.poll(() => doneBox.getAttribute('aria-checked')).toBe('true');

  // the closure request
  await page.getByTestId('request-closure').click();
  const closureForm = page.getByTestId('closure-form');
  await closureForm.getByLabel(appRu['workflow.reason']).fill('Помощь оказана, человек вернулся домой.');
  await submit(page, 'closure-form', '/approvals');
  const request = page.getByTestId('approval').first();
  await expect.poll(() => request.getByTestId('approval-state').getAttribute('data-state')).toBe('pending');
  expect(await request.textContent()).toContain(appRu['workflow.decision.pending']);
  expect(await page.getByTestId('request-closure').count()).toBe(0);

  // the same screen in Kazakh
  await page.getByTestId('language').selectOption('kk');
  await expect
    .poll(() => panel.getByRole('heading', { level: 2 }).textContent())
    .toBe(appKk['workflow.heading']);
  const stages = await page.getByTestId('workflow-stages').textContent();
  for (const key of [
    'workflow.stage.assessment',
    'workflow.stage.support_plan',
    'workflow.stage.follow_up',
  ] as const)
    expect(stages).toContain(appKk[key]);
  expect(await page.getByTestId('assessment').first().textContent()).toContain(appKk['workflow.risk.high']);
  expect(await page.getByTestId('plan').first().textContent()).toContain(
    htcdsLabelsKk.supportPlanType.SocialCare,
  );
  expect(await page.getByTestId('service').first().textContent()).toContain(
    appKk['workflow.serviceOutcome.completed'],
  );
  expect(await request.textContent()).toContain(appKk['workflow.approvalKind.closure']);
  expect(await request.textContent()).toContain(appKk['workflow.decision.pending']);
  expect(await request.textContent()).toContain(htcdsLabelsKk.caseStatus.Closed);
  expect(await page.getByTestId('tasks-panel').getByRole('heading', { level: 2 }).textContent()).toBe(
    appKk['workflow.task.heading'],
  );

  // the NGO's supervisor: waiting on the home page, approved on /approvals
  const supervisor = (await suite.open()).page;
  await signInAs(supervisor, 'supervisor@ngo.demo');
  await expect.poll(() => supervisor.getByTestId('approvals-waiting').textContent()).toMatch(/^[1-9]/);
  await supervisor.locator('nav.app-nav').getByRole('link', { name: appRu['nav.approvals'] }).click();
  const card = supervisor.getByTestId('approval-card').filter({ hasText: created.caseNumber });
  await card.waitFor();
  expect(await card.textContent()).toContain(appRu['workflow.approvalKind.closure']);
  expect(await card.textContent()).toContain('Помощь оказана');
  expect(await seriousA11yViolations(supervisor)).toEqual([]);
  await card.getByLabel(appRu['workflow.decisionComment']).fill('Согласовано.');
  const decided = posted(supervisor, '/decision');
  await card.getByTestId('approve').click();
  expect((await decided).status()).toBe(200);
  await card.waitFor({ state: 'detached' });

  await supervisor.getByTestId('approvals-decided').click();
  const decidedCard = supervisor.getByTestId('approval-card').filter({ hasText: created.caseNumber });
  await expect
    .poll(() => decidedCard.getByTestId('approval-state').getAttribute('data-state'))
    .toBe('approved');
  expect(await decidedCard.textContent()).toContain('Согласовано.');

  // the case is closed: read-only, with the reason
  await decidedCard.getByRole('link', { name: created.caseNumber, exact: false }).click();
  await supervisor.getByTestId('tab-work').click();
  const closed = supervisor.getByTestId('case-closed');
  await closed.waitFor();
  expect(await closed.textContent()).toContain(htcdsLabelsRu.caseStatus.Closed);
  expect(await closed.textContent()).toContain('Помощь оказана, человек вернулся домой.');
  await expect.poll(() => currentStage(supervisor)).toBe('closed');
  expect(await supervisor.getByTestId('add-assessment').count()).toBe(0);
  expect(await supervisor.getByTestId('request-closure').count()).toBe(0);
  expect(await supervisor.getByTestId('add-task').count()).toBe(0);

  // and the case worker's screen follows once reloaded
  await page.reload();
  await page.getByTestId('case-closed').waitFor();
}, 240_000);

test('a stale task is reloaded with a clear message; a supervisor cannot decide their own request', async () => {
  const { page } = await suite.open();
  await signInAs(page, 'supervisor@ngo.demo');
  const created = await createCase(page);
  await page.goto(`${suite.url}/cases/${created.id}?tab=work`);
  const tasks = page.getByTestId('tasks-panel');
  await tasks.getByTestId('add-task').click();
  const taskForm = page.getByTestId('task-form');
  await taskForm.getByLabel(appRu['workflow.task.title']).fill('Подготовить документы');
  await submit(page, 'task-form', '/tasks');
  const row = tasks.getByTestId('task').first();
  await expect.poll(() => row.textContent()).toContain('Подготовить документы');

  // someone else renames the task meanwhile (version 1 → 2)
  const taskId = await row.getAttribute('data-task-id');
  const renamed = await page.evaluate(async (id) => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
    const response = await fetch(`/api/v1/tasks/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ title: 'Подготовить документы и фото', version: 1 }),
    });
    return response.status;
  }, taskId);
  expect(renamed).toBe(200);

  // marking it done with the version read before: 409, said, and the latest version shown
  const stale = posted(page, '/tasks/');
  await row.getByTestId('task-done').click();
  expect((await stale).status()).toBe(409);
  await expect.poll(() => tasks.getByRole('status').textContent()).toBe(appRu['workflow.task.conflict']);
  await expect.poll(() => row.textContent()).toContain('Подготовить документы и фото');
  const retried = posted(page, '/tasks/');
  await row.getByTestId('task-done').click();
  expect((await retried).status()).toBe(200);
  await expect.poll(() => row.getByTestId('task-done').getAttribute('aria-checked')).toBe('true');

  // four eyes: the supervisor's own request waits for another supervisor
  await page.getByTestId('request-victim').click();
  const victimForm = page.getByTestId('victim-form');
  await victimForm.getByLabel(appRu['workflow.decisionMaker']).selectOption('NGO');
  await victimForm.getByLabel(appRu['workflow.reason']).fill('Признаки принудительного труда подтверждены.');
  await submit(page, 'victim-form', '/approvals');
  const request = page.getByTestId('approval').first();
  await expect.poll(() => request.textContent()).toContain(appRu['workflow.approvalKind.actual_victim']);
  expect(await request.textContent()).toContain(htcdsLabelsRu.traffickingStatusDecisionMaker.NGO);
  expect(await request.getByTestId('own-request').textContent()).toBe(appRu['workflow.ownRequest']);
  expect(await request.getByTestId('approve').count()).toBe(0);
  expect(await page.getByTestId('request-victim').count()).toBe(0);
}, 120_000);
