// The demo administrator imports an HTCDS file: a bad line is shown and nothing is stored; with
// "import the valid rows" the rest is imported and the rejected rows can be downloaded; then every
// case is exported through the link. axe on the page with its results.
import fs from 'node:fs/promises';
import { expect, test } from 'vitest';
import { appRu } from '../shared/i18n/app/ru';
import { FULL_ROW, htcdsCsv, SECOND_ROW, THIRD_ROW } from '../server/features/htcds/test-fixtures';
import { browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();

test('an administrator sees the line of a bad row, then imports the valid rows and exports', async () => {
  const { page } = await suite.open();
  await signIn(page, suite.url, 'admin@crisis.demo');
  await page.getByTestId('language').selectOption('ru');
  const nav = page.locator('nav.app-nav');
  await expect.poll(() => nav.textContent()).toContain(appRu['nav.htcds']);
  await nav.getByRole('link', { name: appRu['nav.htcds'] }).click();
  await page.locator('h1', { hasText: appRu['htcdsIo.title'] }).waitFor();
  expect(await page.title()).toBe(`${appRu['htcdsIo.title']} · Senim`);

  // The second data row (line 3) has a gender that is not an HTCDS code.
  const file = {
    name: 'партнёр.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(htcdsCsv([SECOND_ROW, { ...THIRD_ROW, prs_Gender: 'Female' }, FULL_ROW])),
  };
  await page.getByRole('button', { name: appRu['htcdsIo.submit'] }).click();
  await expect.poll(() => page.locator('form').textContent()).toContain(appRu['htcdsIo.fileRequired']);
  await page.getByLabel(appRu['htcdsIo.file']).setInputFiles(file);
  await page.getByRole('button', { name: appRu['htcdsIo.submit'] }).click();
  const errors = page.getByTestId('htcds-errors');
  await errors.waitFor();
  expect(await errors.locator('tbody tr').count()).toBe(1);
  expect(await errors.locator('tbody td').allTextContents()).toEqual([
    '3',
    'prs_Gender',
    expect.stringMatching(
      /^prs_Gender: неизвестное значение «Female»; допустимые значения: Feminine, Masculine/,
    ),
  ]);
  const result = page.getByTestId('htcds-result');
  expect(await result.textContent()).toContain('ничего не импортировано');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel(appRu['htcdsIo.mode.skipInvalid']).check();
  await page.getByRole('button', { name: appRu['htcdsIo.submit'] }).click();
  await expect.poll(() => result.textContent()).toMatch(/Импортировано 2 дела из 3 строк/);
  expect(await result.textContent()).toContain('1 строка не импортирована');
  expect(await errors.locator('tbody td').first().textContent()).toBe('3');

  const rejected = page.waitForEvent('download');
  await page.getByRole('button', { name: appRu['htcdsIo.downloadRejected'] }).click();
  const rejectedFile = await rejected;
  expect(rejectedFile.suggestedFilename()).toBe('партнёр.rejected.csv');
  const rejectedText = await fs.readFile(await rejectedFile.path(), 'utf8');
  expect(rejectedText).toMatch(/,senim_rejected_reason\r\n/);
  expect(rejectedText).toMatch(/,Female,.*строка 3: prs_Gender: неизвестное значение «Female»/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  const exported = page.waitForEvent('download');
  await page.getByRole('link', { name: appRu['htcdsIo.exportLink'] }).click();
  const exportFile = await exported;
  expect(exportFile.suggestedFilename()).toMatch(/^senim-htcds-\d{4}-\d{2}-\d{2}\.csv$/);
  const exportText = await fs.readFile(await exportFile.path(), 'utf8');
  expect(exportText.startsWith('\ufefforg_Name,')).toBe(true);
  expect(exportText).toContain('Әйгерім');
  expect(exportText).toContain('Сидоров');
  // an administrator does not read narratives: they are not in the export, and the page says so
  expect(exportText).not.toContain('швейной фабрике');
  await page.getByTestId('htcds-export-note').waitFor();
});
