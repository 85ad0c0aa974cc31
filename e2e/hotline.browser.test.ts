// The demo operator's hotline console: a contact logged with the keyboard, a repeat caller
// recognised, the board, a case opened from the contact, a silent call on the minimal form; axe.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appRu } from '../shared/i18n/app/ru';
import {
  browserSuite,
  seriousA11yViolations,
  signIn,
} from './harness';

const suite = browserSuite();


type TSaved = { contact: { id: string }; caller: { recognised: boolean; earlierContacts: number } | null };

async function openConsole(page: Page): Promise<void> {
  await signIn(page, suite.url, 'operator@crisis.demo');
  await page.getByTestId('language').selectOption('ru');
  const nav = page.locator('nav.app-nav');
  await expect.poll(() => nav.textContent()).toContain(appRu['nav.hotline']);
  await nav.getByRole('link', { name: appRu['nav.hotline'] }).click();
  await page.locator('h1', { hasText: appRu['hotline.title'] }).waitFor();
}

const isFocused = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => el === document.activeElement);

const contactSaved = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/api/v1/contacts') && r.request().method() === 'POST');

/** A consultation by phone, typed with the keyboard, saved with Enter in the phone field. */
async function logConsultation(page: Page, phone: string): Promise<TSaved> {
  const { keyboard } = page;
  await expect.poll(() => isFocused(page, appRu['hotline.contactType'])).toBe(true);
  await keyboard.press('ArrowDown'); // the first type: consultation
  await page.getByLabel(appRu['hotline.duration']).focus();
  await keyboard.type('4');
  await page.getByLabel(appRu['hotline.urgency']).focus();
  await keyboard.press('ArrowDown');
  await keyboard.press('ArrowDown');
  await keyboard.press('ArrowDown'); // not set → low → normal → high
  await page.getByLabel(appRu['hotline.problemRegion']).selectOption('almaty');
  await page.getByRole('checkbox', { name: appRu['topic.wages'] }).focus();
  await keyboard.press('Space');
  await page.getByLabel(appRu['hotline.notes']).focus();
  await keyboard.type('Работодатель не платит третий месяц, паспорт забрали.');
  await page.getByLabel(appRu['hotline.callerPhone']).focus();
  await keyboard.type(phone);
  const saved = contactSaved(page);
  await keyboard.press('Enter');
  const response = await saved;
  expect(response.status()).toBe(201);
  return (await response.json()) as TSaved;
}

test('the operator logs a contact with the keyboard, sees it on the board and opens a case', async () => {
  const { page } = await suite.open();
  await openConsole(page);
  expect(await page.title()).toBe(`${appRu['hotline.title']} · Senim`);
  await page.getByTestId('board-total').waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  const first = await logConsultation(page, '+7 701 555 01 23');
  const result = page.getByTestId('contact-result');
  await expect.poll(() => result.textContent()).toContain(appRu['contactType.consultation']);
  // the form is reset for the next call, the type field focused again
  await expect.poll(() => isFocused(page, appRu['hotline.contactType'])).toBe(true);
  expect(await page.getByLabel(appRu['hotline.contactType'], { exact: true }).inputValue()).toBe('');
  await page.locator(`tr[data-contact-id="${first.contact.id}"]`).waitFor();
  const row = await page.locator(`tr[data-contact-id="${first.contact.id}"]`).textContent();
  expect(row).toContain(appRu['contactType.consultation']);
  expect(row).toContain(appRu['urgency.high']);
  expect(row).toContain('г. Алматы');

  // the same phone again: a known caller
  const second = await logConsultation(page, '+7 701 555 01 23');
  expect(second.caller?.recognised).toBe(true);
  expect(second.caller?.earlierContacts).toBeGreaterThanOrEqual(1);
  await expect.poll(() => page.getByTestId('caller-recognition').textContent()).toContain('Знакомый абонент');
  expect(await seriousA11yViolations(page)).toEqual([]);

  const opened = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: appRu['hotline.openCase'] }).click();
  const response = await opened;
  expect(response.status()).toBe(201);
  const { caseNumber } = (await response.json()) as { caseNumber: string };
  expect(caseNumber).toBeTruthy();
  await expect.poll(() => page.getByTestId('case-number').textContent()).toContain(caseNumber);
});

test('a silent call is logged with the minimal form', async () => {
  const { page } = await suite.open();
  await openConsole(page);
  await expect.poll(() => isFocused(page, appRu['hotline.contactType'])).toBe(true);
  await page.getByLabel(appRu['hotline.contactType'], { exact: true }).selectOption('silent');
  await page.getByText(appRu['hotline.countOnlyNotice']).waitFor();
  expect(await page.getByLabel(appRu['hotline.notes']).count()).toBe(0);
  expect(await page.getByLabel(appRu['hotline.callerPhone']).count()).toBe(0);
  expect(await page.getByRole('checkbox').count()).toBe(0);

  const saved = contactSaved(page);
  await page.keyboard.press('Enter');
  const response = await saved;
  expect(response.status()).toBe(201);
  const { contact } = (await response.json()) as TSaved;
  const row = page.locator(`tr[data-contact-id="${contact.id}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain(appRu['contactType.silent']);
  await expect.poll(() => page.getByTestId('contact-result').textContent()).toContain(
    appRu['contactType.silent'],
  );
  // only counted: no case from it
  expect(await page.getByRole('button', { name: appRu['hotline.openCase'] }).count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
});
