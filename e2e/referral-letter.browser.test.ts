// A referral letter's one-time link, as the offline trade union uses it: the NGO sends a referral to
// the demo's union without Senim and issues the letter (through the API); the union opens the link
// in a browser without any account, switches the language, mistypes the reply code (refused, counted),
// enters it right and declines with a reason; the link is spent; the sender sees the answer and is
// notified of it (the job worker runs with the server).
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();
const OFFLINE_UNION = 'Профсоюз работников строительства Туркестанской области';

function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': session.csrfToken,
          'Idempotency-Key': crypto.randomUUID().replace(/-/g, ''),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json().catch(() => null)) as T };
    },
    { method, path, body },
  );
}

test('the offline union answers through the one-time link without an account; the sender sees it', async () => {
  const { page: ngo } = await suite.open();
  await signIn(ngo, suite.url, 'caseworker@ngo.demo');
  const created = await apiCall<{ id: string }>(ngo, 'POST', '/api/v1/cases', {
    person: { givenName: 'Рустам', familyName: 'Ахмедов' },
    region: 'turkistan',
  });
  expect(created.status).toBe(201);
  const options = await apiCall<{ suggestions: { orgId: string; names: { ru: string }; usesSenim: boolean }[] }>(
    ngo,
    'GET',
    `/api/v1/cases/${created.json.id}/referral-options`,
  );
  expect(options.status).toBe(200);
  let unionId = options.json.suggestions.find((s) => s.names.ru === OFFLINE_UNION)?.orgId;
  if (!unionId) {
    const partners = await apiCall<{ items: { orgId: string; names: { ru: string } }[] }>(ngo, 'GET', '/api/v1/partners?usesSenim=false');
    unionId = partners.json.items?.find((p) => p.names.ru === OFFLINE_UNION)?.orgId;
  }
  expect(unionId).toBeTruthy();
  const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const sent = await apiCall<{ id: string; reference: string; status: string }>(ngo, 'POST', `/api/v1/cases/${created.json.id}/referrals`, {
    toOrgId: unionId,
    reason: 'AdditionalServicesRequired',
    services: ['labour_inspection'],
    urgency: 'routine',
    deadline,
    sharedFields: ['caseRegion', 'needs'],
    message: 'Просим проверить работодателя.',
  });
  expect(sent.status).toBe(201);
  const referral = sent.json;
  const issued = await apiCall<{ link: string; replyCode: string; pdfUrl: string; reference: string }>(
    ngo,
    'POST',
    `/api/v1/referrals/${referral.id}/letter`,
  );
  expect(issued.status).toBe(200);
  const { link, replyCode } = issued.json;
  expect(link).toContain('/answer#');
  expect(new URL(link).pathname).toBe('/answer');

  // The union: a fresh browser, no account.
  const { page: union } = await suite.open('ru');
  const requests: string[] = [];
  union.on('request', (r) => requests.push(r.url()));
  await union.goto(`${suite.url}/answer#${link.split('#')[1]}`);
  await union.getByTestId('answer-form').waitFor();
  expect(await union.getByTestId('answer-reference').textContent()).toBe(referral.reference);
  expect(await union.locator('h1').textContent()).toBe(appRu['answer.title']);
  expect(await union.getByTestId('answer-view').textContent()).not.toContain('Ахмедов');
  await union.getByTestId('lang-kk').click();
  await expect.poll(() => union.locator('h1').textContent()).toBe(appKk['answer.title']);
  await union.getByTestId('lang-ru').click();
  await expect.poll(() => union.locator('h1').textContent()).toBe(appRu['answer.title']);
  expect(await seriousA11yViolations(union)).toEqual([]);

  // A wrong code is refused, clearly.
  await union.getByTestId('answer-code').fill('AAAA-AAAA');
  await union.getByTestId('answer-declined').check();
  await union.getByTestId('answer-reason').selectOption('no_capacity');
  await union.getByTestId('answer-submit').click();
  await expect.poll(() => union.getByTestId('answer-error').textContent()).toContain('Неверный код ответа');
  // The right one (typed in lower case) records the answer.
  await union.getByTestId('answer-code').fill(replyCode.toLowerCase());
  await union.getByTestId('answer-note').fill('Нет инспекторов в этом месяце');
  await union.getByTestId('answer-submit').click();
  await union.getByTestId('answer-done').waitFor();
  expect(await union.getByTestId('answer-status').textContent()).toBe(appRu['answer.status.declined']);
  // The token never travelled in a URL.
  expect(requests.some((u) => u.includes(link.split('#')[1]!))).toBe(false);

  // Spent: opening the link again says so.
  const { page: again } = await suite.open('ru');
  await again.goto(`${suite.url}/answer#${link.split('#')[1]}`);
  await expect.poll(() => again.getByTestId('answer-error').textContent()).toBe(
    'Срок действия ссылки истёк, или она уже использована.',
  );

  // The sender sees the answer, and the worker has told them (the bell and the list).
  const seen = await apiCall<{ status: string; answerCode: string }>(ngo, 'GET', `/api/v1/referrals/${referral.id}`);
  expect(seen.json).toMatchObject({ status: 'declined', answerCode: 'no_capacity' });
  await expect
    .poll(
      async () => {
        const list = await apiCall<{ items: { kind: string; referralId: string }[] }>(ngo, 'GET', '/api/v1/notifications');
        return list.json.items.some((n) => n.referralId === referral.id && n.kind === 'referralAnsweredByLetter');
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(true);
  await ngo.goto(`${suite.url}/notifications`);
  await ngo.getByTestId('notifications').waitFor();
  await ngo.getByTestId('notification-count').waitFor();
  const first = ngo.getByTestId('notification').filter({ hasText: referral.reference }).first();
  await first.waitFor();
  expect(await seriousA11yViolations(ngo)).toEqual([]);
});
