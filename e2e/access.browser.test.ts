// What a non-administrator sees, and a failed sign-in in the user's language.
import { expect, test } from 'vitest';
import { appRu } from '../shared/i18n/app/ru';
import { ERROR_MESSAGES } from '../shared/i18n/errors';
import {
  browserSuite,
  signIn,
} from './harness';

const suite = browserSuite();


test('an operator sees no users or audit navigation, and the API refuses the users list', async () => {
  const { page } = await suite.open();
  await signIn(page, suite.url, 'operator@crisis.demo');
  await page.getByTestId('language').selectOption('ru');
  const nav = page.locator('nav.app-nav');
  await expect.poll(() => nav.textContent()).toContain(appRu['nav.home']);
  const links = await nav.getByRole('link').allTextContents();
  expect(links).not.toContain(appRu['nav.users']);
  expect(links).not.toContain(appRu['nav.audit']);
  expect(links).not.toContain(appRu['nav.organisations']);

  const status = await page.evaluate(
    async () => (await fetch('/api/v1/users', { credentials: 'same-origin' })).status,
  );
  expect(status).toBe(403);
});

test('a wrong password shows the server message in the chosen language', async () => {
  const { page } = await suite.open();
  await page.goto(`${suite.url}/sign-in`);
  for (const locale of ['ru', 'kk'] as const) {
    await page.getByTestId('language').selectOption(locale);
    await page.locator('input[type="email"]').fill('caseworker@ngo.demo');
    await page.locator('input[type="password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => page.getByTestId('error').textContent())
      .toBe(ERROR_MESSAGES[locale]['error.invalidCredentials']);
  }
  expect(await page.locator('input[type="password"]').inputValue()).toBe('');
});
