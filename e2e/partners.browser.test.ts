// The partner directory (issue 4) as people use it: the public "Our partners" page without login in
// Russian, Kazakh and English; a case worker searching and filtering the directory (and its map); an
// NGO's administrator editing its own entry (a validation error, a conflict); the network
// administrator approving a new member. Demo data (seeded by the harness) has six approved entries.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appEn } from '../shared/i18n/app/en';
import { appKk } from '../shared/i18n/app/kk';
import { appRu } from '../shared/i18n/app/ru';
import { apiCall, browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();
const ru = appRu;

const NGO = {
  ru: 'Общественный фонд «Көмек қолы»',
  kk: '«Көмек қолы» қоғамдық қоры',
  en: 'Komek Qoly Public Foundation',
};
const POLICE_EN = 'Turkistan Region Police Department';

type TPartner = {
  orgId: string;
  version: number;
  hours: string | null;
  membership: string;
  names: { ru: string };
};

const PROFILE_FIELDS = [
  'partnerType',
  'names',
  'descriptions',
  'regions',
  'services',
  'languages',
  'contactPoints',
  'hours',
  'website',
  'letterLanguage',
  'notifyEmail',
  'published',
  'publishedFields',
] as const;

const cardNames = (page: Page) => page.getByTestId('public-partner').locator('h2').allTextContents();

test('the public "Our partners" page works without login in Russian, Kazakh and English', async () => {
  const { page } = await suite.open('ru-RU');
  const apiV1: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/v1/')) apiV1.push(`${r.method()} ${path}`);
  });
  await page.goto(`${suite.url}/partners?lang=ru`);
  await page.getByTestId('public-partner').first().waitFor();
  expect(await page.locator('h1').textContent()).toBe(ru['publicPartners.title']);
  expect(await page.getAttribute('html', 'lang')).toBe('ru');
  expect(await cardNames(page)).toContain(NGO.ru);
  expect(await page.getByTestId('public-partners').textContent()).toContain('11616');
  expect(await page.getByTestId('lang-ru').getAttribute('aria-current')).toBe('true');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Kazakh: names, labels and region names change; the URL keeps the choice
  await page.getByTestId('lang-kk').click();
  await expect.poll(() => page.locator('h1').textContent()).toBe(appKk['publicPartners.title']);
  await expect.poll(() => cardNames(page)).toContain(NGO.kk);
  expect(page.url()).toContain('lang=kk');
  expect(await page.getAttribute('html', 'lang')).toBe('kk');
  expect(await page.getByTestId('public-partners').textContent()).toContain(
    appKk['partners.service.legal_aid'],
  );
  expect(await seriousA11yViolations(page)).toEqual([]);

  // English, then the filters: only what partners chose to publish
  await page.getByTestId('lang-en').click();
  await expect.poll(() => page.locator('h1').textContent()).toBe(appEn['publicPartners.title']);
  await expect.poll(() => cardNames(page)).toContain(NGO.en);
  const all = (await cardNames(page)).length;
  expect(all).toBeGreaterThanOrEqual(5);
  await page.getByTestId('public-service').selectOption('criminal_investigation');
  await expect.poll(() => cardNames(page)).toEqual([POLICE_EN]);
  expect(await page.getByTestId('public-partner').textContent()).toContain(
    appEn['partners.service.criminal_investigation'],
  );
  await page.getByTestId('public-service').selectOption('');
  await page.getByTestId('public-region').selectOption('shymkent');
  await expect.poll(async () => (await cardNames(page)).length).toBeLessThan(all);
  expect(await cardNames(page)).toContain(NGO.en);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // a cheap phone: nothing wider than the screen
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // a fresh visit straight to another language (a shared link)
  await page.goto(`${suite.url}/partners?lang=kk`);
  await expect.poll(() => page.locator('h1').textContent()).toBe(appKk['publicPartners.title']);
  // a public page never asks the staff API, not even who is signed in
  expect(apiV1).toEqual([]);
}, 120_000);

test('a case worker searches and filters the directory, and uses the map of regions', async () => {
  const { page } = await suite.open('ru-RU');
  await signIn(page, suite.url, 'caseworker@crisis.demo');
  await page.getByTestId('language').selectOption('ru');
  await page.goto(`${suite.url}/network`);
  const rows = page.getByTestId('partner-row');
  await rows.first().waitFor();
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(6);
  expect(await page.getByTestId('my-entry').count()).toBe(0); // a case worker maintains no entry
  expect(await page.getByTestId('partners-table').textContent()).toContain(ru['partners.receivesLetters']);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // a service filter, kept in the URL
  await page.getByTestId('filter-service').selectOption('criminal_investigation');
  await page.waitForURL(/service=criminal_investigation/);
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain('Департамент полиции Туркестанской области');
  // back to everything with the browser's back button
  await page.goBack();
  await expect.poll(() => rows.count()).toBe(total);

  // the map: Karaganda's tile lists the construction workers' union, pressing it again lists all
  const karaganda = page.locator('[data-region="karaganda"]');
  expect(await karaganda.textContent()).toContain('Карагандинская область');
  await karaganda.click();
  await page.waitForURL(/region=karaganda/);
  await expect.poll(() => karaganda.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => rows.count()).toBeLessThan(total);
  expect(await page.getByTestId('partners-table').textContent()).toContain('Құрылысшы');
  await karaganda.click();
  await expect.poll(() => rows.count()).toBe(total);

  // the search box and "receives letters"
  await page.getByTestId('partner-search').fill('Көмек');
  await page.getByTestId('partner-search').press('Enter');
  await page.waitForURL(/q=/);
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain(NGO.ru);
  await page.getByRole('button', { name: ru['partners.filter.clear'] }).click();
  await page.getByTestId('filter-usesSenim').selectOption('false');
  await page.waitForURL(/usesSenim=false/);
  await expect
    .poll(async () =>
      (await rows.allTextContents()).every((text) => text.includes(ru['partners.receivesLetters'])),
    )
    .toBe(true);
  expect(await rows.count()).toBeGreaterThanOrEqual(1);
  expect(await rows.count()).toBeLessThan(total);

  // an entry read-only, and the memoranda
  await rows.first().getByRole('link').click();
  await page.getByTestId('partner-details').waitFor();
  expect(await page.getByTestId('partner-form').count()).toBe(0);
  await page.goto(`${suite.url}/network/memoranda`);
  await page.getByTestId('memorandum').first().waitFor();
  expect(await page.getByTestId('memoranda-list').textContent()).toContain(NGO.ru);
  expect(await page.getByRole('button', { name: ru['memoranda.new'] }).count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
}, 120_000);

test("an NGO's administrator edits its own entry: a validation error, saved, then a conflict", async () => {
  const { page } = await suite.open('ru-RU');
  await signIn(page, suite.url, 'admin@ngo.demo');
  await page.getByTestId('language').selectOption('ru');
  await page.goto(`${suite.url}/network`);
  await page.getByTestId('my-entry').click();
  const form = page.getByTestId('partner-form');
  await form.waitFor();
  expect(await page.getByLabel(ru['partners.form.nameRu']).inputValue()).toBe(NGO.ru);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // a contact point with a desk but no way to reach it is refused at the field
  const contacts = page.getByTestId('contact-points').locator('fieldset');
  const before = await contacts.count();
  await page.getByRole('button', { name: ru['partners.form.addContact'] }).click();
  await expect.poll(() => contacts.count()).toBe(before + 1);
  await contacts.nth(before).getByLabel(ru['partners.form.contactLabel']).fill('Юридическая консультация');
  await page.getByRole('textbox', { name: ru['partners.form.hours'] }).fill('Пн–Сб 9:00–19:00');
  await page.getByRole('button', { name: ru['common.saveChanges'] }).click();
  await expect.poll(() => contacts.nth(before).textContent()).toContain(ru['partners.form.contactOneWay']);
  await contacts.nth(before).getByLabel(ru['partners.form.contactPhone']).fill('+7 725 200 00 00');
  await page.getByRole('button', { name: ru['common.saveChanges'] }).click();
  await expect.poll(() => form.textContent()).toContain(ru['partners.form.saved']);

  const orgId = new URL(page.url()).pathname.split('/').pop()!;
  const saved = await apiCall<TPartner>(page, 'GET', `/api/v1/partners/${orgId}`);
  expect(saved.json.hours).toBe('Пн–Сб 9:00–19:00');

  // someone else saves meanwhile: this form's version is stale, the conflict is said plainly
  const body: Record<string, unknown> = { version: saved.json.version, hours: 'Круглосуточно' };
  for (const key of PROFILE_FIELDS) {
    const value = (saved.json as unknown as Record<string, unknown>)[key];
    if (value !== null && key !== 'hours') body[key] = value;
  }
  const other = await apiCall<TPartner>(page, 'PUT', `/api/v1/partners/${orgId}`, body);
  expect(other.status).toBe(200);
  await page.getByRole('textbox', { name: ru['partners.form.hours'] }).fill('Пн–Пт 10:00–17:00');
  await page.getByRole('button', { name: ru['common.saveChanges'] }).click();
  await page.getByTestId('conflict').waitFor();
  expect(await page.getByTestId('conflict').textContent()).toBe(ru['partners.form.conflict']);
  await page.getByRole('button', { name: ru['common.reload'] }).click();
  await expect
    .poll(() => page.getByRole('textbox', { name: ru['partners.form.hours'] }).inputValue())
    .toBe('Круглосуточно');
  expect(await page.getByTestId('conflict').count()).toBe(0);
}, 120_000);

test('the network administrator approves a new member and adds a partner without Senim', async () => {
  const { page } = await suite.open('ru-RU');
  await signIn(page, suite.url, 'admin@crisis.demo');
  await page.getByTestId('language').selectOption('ru');

  // a new organisation applies: its entry is pending
  const name = `Фонд «Павлодар көмек» ${Date.now()}`;
  const org = await apiCall<{ id: string }>(page, 'POST', '/api/v1/organisations', {
    name,
    type: 'ngo',
    region: 'pavlodar',
  });
  expect(org.status).toBe(201);
  const applied = await apiCall<TPartner>(page, 'PUT', `/api/v1/partners/${org.json.id}`, {
    version: 1,
    partnerType: 'NGO',
    names: { ru: name },
    regions: ['pavlodar'],
    services: ['shelter'],
    languages: ['ru', 'kk'],
  });
  expect(applied.status).toBe(201);
  expect(applied.json.membership).toBe('pending');

  await page.goto(`${suite.url}/network`);
  const pending = page.getByTestId('pending-table');
  await pending.waitFor();
  expect(await pending.textContent()).toContain(name);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await pending.getByRole('link', { name }).click();
  const membership = page.getByTestId('membership');
  await membership.waitFor();
  expect(await membership.textContent()).toContain(ru['partners.membership.pending']);
  await membership.getByRole('button', { name: ru['partners.entry.approve'] }).click();
  await expect.poll(() => membership.textContent()).toContain(ru['partners.membership.approved']);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // approved: in the directory, counted on the map
  await page.goto(`${suite.url}/network?region=pavlodar`);
  await expect.poll(() => page.getByTestId('partners-table').textContent()).toContain(name);
  expect(
    Number(await page.locator('[data-region="pavlodar"] .region-tile-count').textContent()),
  ).toBeGreaterThanOrEqual(1);
  expect(await page.getByTestId('pending-partners').textContent()).not.toContain(name);

  // a partner without Senim: created approved, it receives letters
  await page.getByRole('link', { name: ru['partners.addOffline'] }).click();
  await page.getByTestId('partner-form').waitFor();
  const offline = `Посольство Республики Примерия ${Date.now()}`;
  await page.getByLabel(ru['partners.form.organisationName']).fill(offline);
  await page.getByLabel(ru['partners.form.type']).selectOption('Embassy');
  await page.getByLabel(ru['partners.form.nameRu']).fill(offline);
  await page.getByTestId('services-field').getByText(ru['partners.service.consular_help']).click();
  await page.getByTestId('languages-field').getByText(ru['partners.language.ru']).click();
  await page.getByRole('button', { name: ru['partners.form.create'] }).click();
  await page.waitForURL(/\/network\/[0-9a-f-]{36}$/);
  await page.getByTestId('entry-badges').waitFor();
  expect(await page.getByTestId('entry-badges').textContent()).toContain(ru['partners.receivesLetters']);
  expect(await page.locator('h1').textContent()).toBe(offline);

  // a memorandum the two new members sign, then corrected
  await page.goto(`${suite.url}/network/memoranda`);
  await page.getByRole('button', { name: ru['memoranda.new'] }).click();
  const dialog = page.getByRole('dialog');
  const title = `Соглашение о приютах ${Date.now()}`;
  await dialog.getByLabel(ru['memoranda.form.titleRu']).fill(title);
  await dialog.getByLabel(ru['memoranda.signedOn']).fill('2026-01-15');
  await dialog.getByTestId('memorandum-members').getByText(name).click();
  await dialog.getByRole('button', { name: ru['memoranda.form.save'] }).click();
  await expect
    .poll(() => dialog.getByTestId('memorandum-members').textContent())
    .toContain(ru['form.pickAtLeastOne']);
  await dialog.getByTestId('memorandum-members').getByText(offline).click();
  await dialog.getByRole('button', { name: ru['memoranda.form.save'] }).click();
  await expect.poll(() => page.getByTestId('memoranda-list').textContent()).toContain(title);
  const card = page.getByTestId('memorandum').filter({ hasText: title });
  expect(await card.textContent()).toContain(offline);
  expect(await card.textContent()).toContain(ru['memoranda.openEnded']);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await card.getByRole('button', { name: `${ru['memoranda.edit']}: ${title}` }).click();
  await dialog.getByLabel(ru['memoranda.validUntil']).fill('2028-12-31');
  await dialog.getByRole('button', { name: ru['memoranda.form.save'] }).click();
  await expect.poll(() => card.textContent()).not.toContain(ru['memoranda.openEnded']);
  expect(await card.textContent()).toContain('2028');
}, 120_000);
