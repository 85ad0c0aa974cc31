// A new account's first sign-in (temporary password → its own password), turning on two-factor
// sign-in from the home page, then signing in with an app code and with a recovery code.
// The tests run in order and share the account; axe checks the enrolment and code screens.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appEn } from '../shared/i18n/app/en';
import {
  browserSuite,
  seriousA11yViolations,
  signIn,
  type TWatchedPage,
} from './harness';

const PERIOD_MS = 30_000;
const EMAIL = 'gulnar.2fa@crisis.demo';
const FULL_NAME = 'Гүлнар Тестова';
const NEW_PASSWORD = 'Kök-Tóbe river at dawn 2026';

const suite = browserSuite();
let watched: TWatchedPage;

/** What the earlier tests leave for the later ones. */
const account = { temporaryPassword: '', secret: '', lastStep: -1, recoveryCodes: [] as string[] };


/** The code an authenticator app shows now, and its time step (the server refuses a step twice). */
function currentCode(secret: string): { code: string; step: number } {
  const timestamp = Date.now();
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return { code: totp.generate({ timestamp }), step: Math.floor(timestamp / PERIOD_MS) };
}

/** Waits until the clock is past the last used time step, as a person would wait for a new code. */
async function freshCode(secret: string): Promise<string> {
  const nextStepAt = (account.lastStep + 1) * PERIOD_MS;
  if (Date.now() < nextStepAt)
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 50));
  const { code, step } = currentCode(secret);
  account.lastStep = step;
  return code;
}

const heading = (page: Page) => page.locator('h1');

async function submitPassword(page: Page, password: string): Promise<void> {
  await page.goto(`${suite.url}/sign-in`);
  await page.locator('input[type="email"]').fill(EMAIL);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: appEn['header.userMenu'].replace('{name}', FULL_NAME) }).click();
  await page.getByRole('button', { name: appEn['header.signOut'] }).click();
  await expect.poll(() => heading(page).textContent()).toBe(appEn['signIn.heading']);
}

test('a new account signs in with its temporary password and must choose its own', async () => {
  // the demo administrator creates the account through the API, as the users screen does
  watched = await suite.open('en-GB');
  await signIn(watched.page, suite.url, 'admin@crisis.demo');
  const created = await watched.page.evaluate(
    async (body) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { temporaryPassword?: string } };
    },
    { email: EMAIL, fullName: FULL_NAME, roles: ['case_worker'], locale: 'en' },
  );
  expect(created.status).toBe(201);
  account.temporaryPassword = created.body.temporaryPassword ?? '';
  expect(account.temporaryPassword.length).toBeGreaterThanOrEqual(12);
  await watched.page.context().close();

  const { page } = await suite.open('en-GB');
  await submitPassword(page, account.temporaryPassword);
  await expect.poll(() => heading(page).textContent()).toBe(appEn['newPassword.heading']);
  await page.getByLabel(appEn['password.new'], { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel(appEn['password.repeat'], { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: appEn['newPassword.submit'] }).click();
  await page.locator('nav.app-nav').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe('/');
  await page.getByText(appEn['home.twoFactorOff']).waitFor();
});

test('the user turns on two-factor sign-in, then signs in with a code from the app', async () => {
  const { page } = await suite.open('en-GB');
  await signIn(page, suite.url, EMAIL, NEW_PASSWORD);

  await page.getByRole('link', { name: appEn['account.setUpTwoFactor'] }).click();
  const secret = page.getByTestId('totp-secret');
  await secret.waitFor();
  expect(await page.getByRole('img', { name: appEn['enrol.qrAlt'] }).isVisible()).toBe(true);
  account.secret = ((await secret.textContent()) ?? '').replace(/\s/g, '');
  expect(account.secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const enrolment = currentCode(account.secret);
  const enrolmentCode = enrolment.code;
  account.lastStep = enrolment.step;
  await page.getByLabel(appEn['enrol.code']).fill(enrolment.code);
  await page.getByRole('button', { name: appEn['enrol.submit'] }).click();
  const codes = page.getByTestId('recovery-codes').locator('li');
  await codes.first().waitFor();
  account.recoveryCodes = await codes.allTextContents();
  expect(account.recoveryCodes).toHaveLength(10);
  for (const code of account.recoveryCodes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: appEn['recovery.done'] }).click();
  await page.getByText(appEn['account.twoFactorOnHint']).waitFor();
  await page.locator('nav.app-nav').getByRole('link', { name: appEn['nav.home'] }).click();
  await page.getByText(appEn['home.twoFactorOn']).waitFor();

  await signOut(page);
  await submitPassword(page, NEW_PASSWORD);
  await expect.poll(() => heading(page).textContent()).toBe(appEn['totp.heading']);
  expect(await seriousA11yViolations(page)).toEqual([]);
  // the enrolment's code cannot be used again: the user waits for the app's next code
  await page.getByLabel(appEn['totp.code']).fill(enrolmentCode);
  await page.getByRole('button', { name: appEn['totp.submit'] }).click();
  await page.getByTestId('error').waitFor();
  await expect.poll(() => page.getByLabel(appEn['totp.code']).inputValue()).toBe(''); // the form clears it
  await page.getByLabel(appEn['totp.code']).fill(await freshCode(account.secret));
  await page.getByRole('button', { name: appEn['totp.submit'] }).click();
  await page.locator('nav.app-nav').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe('/');
  await page.getByText(appEn['home.twoFactorOn']).waitFor();
});

test('the user signs in once with a recovery code instead of the app', async () => {
  const { page } = await suite.open('en-GB');
  await submitPassword(page, NEW_PASSWORD);
  await expect.poll(() => heading(page).textContent()).toBe(appEn['totp.heading']);
  await page.getByLabel(appEn['totp.code']).fill(account.recoveryCodes[0]!);
  await page.getByRole('button', { name: appEn['totp.submit'] }).click();
  await page.locator('nav.app-nav').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe('/');

  // each recovery code works once
  await signOut(page);
  await submitPassword(page, NEW_PASSWORD);
  await expect.poll(() => heading(page).textContent()).toBe(appEn['totp.heading']);
  await page.getByLabel(appEn['totp.code']).fill(account.recoveryCodes[0]!);
  await page.getByRole('button', { name: appEn['totp.submit'] }).click();
  await page.getByTestId('error').waitFor();
  expect(await heading(page).textContent()).toBe(appEn['totp.heading']);
});
