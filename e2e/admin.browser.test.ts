// The demo administrator: languages, the users list, creating a user; axe on the main screens.
import { expect, test } from 'vitest';
import { appEn } from '../shared/i18n/app/en';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import {
  browserSuite,
  seriousA11yViolations,
  signIn,
} from './harness';

const suite = browserSuite();


test('the administrator switches languages, opens the users list and creates a user', async () => {
  const { page } = await suite.open();
  const nav = page.locator('nav.app-nav');

  await page.goto(`${suite.url}/sign-in`);
  await page.getByTestId('language').selectOption('ru');
  await expect.poll(() => page.locator('h1').textContent()).toBe(appRu['signIn.heading']);
  expect(await page.title()).toBe(`${appRu['signIn.title']} · Senim`);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await signIn(page, suite.url, 'admin@crisis.demo');
  await page.getByTestId('language').selectOption('ru');
  await expect.poll(() => nav.textContent()).toContain(appRu['nav.users']);
  expect(await page.getAttribute('html', 'lang')).toBe('ru');

  await page.getByTestId('language').selectOption('kk');
  await expect.poll(() => nav.textContent()).toContain(appKk['nav.users']);
  expect(await page.getAttribute('html', 'lang')).toBe('kk');
  expect(await page.locator('h1').textContent()).toContain(appKk['home.greeting'].replace(', {name}', ''));

  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
  );
  await page.getByTestId('language').selectOption('en');
  expect((await saved).status()).toBe(200);
  await expect.poll(() => nav.textContent()).toContain(appEn['nav.users']);
  expect(await page.locator('h1').textContent()).toContain('Welcome');
  await page.locator('h2', { hasText: appEn['home.countsHeading'] }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // the choice is saved to the account: a reload keeps English
  await page.reload();
  await expect.poll(() => nav.textContent()).toContain(appEn['nav.audit']);

  await nav.getByRole('link', { name: appEn['nav.users'] }).click();
  await page.getByTestId('users-table').waitFor();
  expect(await page.getByTestId('users-table').textContent()).toContain('operator@crisis.demo');
  expect(await page.title()).toBe(`${appEn['users.title']} · Senim`);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: appEn['users.create'] }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel(appEn['userForm.fullName']).fill('Сауле Ерболқызы Нұрланова');
  await dialog.getByLabel(appEn['userForm.email']).fill('saule@crisis.demo');
  await dialog.getByRole('checkbox', { name: appEn['role.case_worker'] }).click();
  await dialog.getByLabel(appEn['userForm.locale']).selectOption('kk');
  await dialog.getByRole('button', { name: appEn['userCreate.submit'] }).click();

  const temporaryPassword = dialog.getByTestId('temporary-password');
  await temporaryPassword.waitFor();
  expect((await temporaryPassword.textContent())?.trim().length).toBeGreaterThanOrEqual(12);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: appEn['common.done'] }).click();
  await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('saule@crisis.demo');
});
