// The referral SLA dashboard as a coordinator sees it (issue 4): an NGO case worker refers a case to
// the police (minimal sharing, no consent needed); the NGO's supervisor finds the police department
// on the dashboard with one referral waiting; a network administrator sees the network's view; a
// case worker has no such page.
import { expect, test } from 'vitest';
import { appEn } from '../shared/i18n/app/en';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { kazakhstanDay } from '../shared/schemas/referrals';
import { apiCall, browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();
const POLICE = 'Департамент полиции Туркестанской области';

test('a supervisor sees the partners referred to, with what waits; a case worker does not', async () => {
  const { page } = await suite.open();
  await signIn(page, suite.url, 'caseworker@ngo.demo');
  const partners = await apiCall<{ items: { orgId: string; names: { ru: string } }[] }>(
    page,
    'GET',
    `/api/v1/partners?q=${encodeURIComponent('полиции')}`,
  );
  const police = partners.json.items.find((p) => p.names.ru === POLICE);
  expect(police).toBeDefined();
  const created = await apiCall<{ id: string }>(page, 'POST', '/api/v1/cases', { region: 'turkistan' });
  expect(created.status).toBe(201);
  const sent = await page.evaluate(
    async ({ caseId, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const r = await fetch(`/api/v1/cases/${caseId}/referrals`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': session.csrfToken,
          'Idempotency-Key': crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      });
      return r.status;
    },
    {
      caseId: created.json.id,
      body: {
        toOrgId: police!.orgId,
        reason: 'AdditionalServicesRequired',
        services: ['criminal_investigation'],
        urgency: 'urgent',
        deadline: kazakhstanDay(Date.now() + 3 * 86_400_000),
        sharedFields: ['caseRegion'],
      },
    },
  );
  expect(sent).toBe(201);
  // a case worker has no dashboard: no menu entry, and the page is "not found"
  await expect
    .poll(() => page.locator('nav.app-nav').textContent())
    .not.toContain(appRu['nav.referralDashboard']);
  await page.goto(`${suite.url}/referral-dashboard`);
  const notFound = [appEn['notFound.title'], appRu['notFound.title'], appKk['notFound.title']];
  await expect.poll(async () => notFound.includes((await page.locator('h1').textContent()) ?? '')).toBe(true);

  const { page: sup } = await suite.open();
  await signIn(sup, suite.url, 'supervisor@ngo.demo');
  await sup.getByTestId('language').selectOption('ru');
  await sup.getByRole('link', { name: appRu['nav.referralDashboard'] }).click();
  const table = sup.getByTestId('referral-sla-table');
  await table.waitFor();
  const row = table.locator('tr', { hasText: POLICE });
  await expect.poll(() => row.count()).toBe(1);
  const totals = sup.getByTestId('referral-dashboard-total');
  await expect.poll(() => totals.count()).toBe(5);
  expect(
    Number((await totals.nth(0).locator('dd').textContent())?.replace(/\D/g, '')),
  ).toBeGreaterThanOrEqual(1);
  expect(await seriousA11yViolations(sup)).toEqual([]);
  // the same in Kazakh
  await sup.getByTestId('language').selectOption('kk');
  await expect.poll(() => sup.locator('h1').textContent()).toBe(appKk['refDash.title']);

  // a network administrator: the network's view
  const { page: admin } = await suite.open();
  await signIn(admin, suite.url, 'admin@crisis.demo');
  await admin.getByTestId('language').selectOption('ru');
  await admin.goto(`${suite.url}/referral-dashboard`);
  await admin.getByTestId('referral-sla-table').waitFor();
  await expect
    .poll(() => admin.getByTestId('referral-sla-table').locator('tr', { hasText: POLICE }).count())
    .toBe(1);
}, 120_000);
