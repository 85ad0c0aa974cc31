// A case worker attaches a scanned photo to a case, sees it listed, downloads it back and downloads
// the case summary as a PDF in Kazakh; a file of the wrong type is refused before upload; axe.
import fs from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { appKk } from '../shared/i18n/app/kk';
import { pdfPageTexts } from '../server/features/attachments/pdf-text.test-helper';
import { browserSuite, seriousA11yViolations, signIn } from './harness';

const suite = browserSuite();

// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** Opens a case through the API, as the signed-in user (the session cookie and its CSRF token). */
async function openCaseViaApi(page: Page): Promise<{ id: string; caseNumber: string }> {
  return page.evaluate(async () => {
    const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
    const res = await fetch('/api/v1/cases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ person: { givenName: 'Әсел', familyName: 'Тестова' }, region: 'almaty' }),
    });
    if (res.status !== 201) throw new Error(`case not created: ${res.status}`);
    return (await res.json()) as { id: string; caseNumber: string };
  });
}

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFile(file);
}

test('a case worker uploads a PNG, sees it listed, downloads it and the PDF summary in Kazakh', async () => {
  const { page } = await suite.open('kk-KZ');
  await signIn(page, suite.url, 'caseworker@crisis.demo');
  await page.getByTestId('language').selectOption('kk');
  const kase = await openCaseViaApi(page);

  await page.goto(`${suite.url}/cases/${kase.id}?tab=attachments`);
  const panel = page.getByTestId('attachments-panel');
  await panel.waitFor();
  await expect.poll(() => panel.textContent()).toContain(appKk['attachments.empty']);

  // the wrong type is refused in the browser: nothing is sent
  const fileInput = page.getByLabel(appKk['attachments.upload.file'], { exact: true });
  await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect.poll(() => panel.textContent()).toContain(appKk['attachments.upload.wrongType']);

  await page.getByLabel(appKk['attachments.upload.kind'], { exact: true }).selectOption('photo');
  await fileInput.setInputFiles({ name: 'фото құжат.png', mimeType: 'image/png', buffer: PNG });
  const uploaded = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/cases/${kase.id}/attachments?`) && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: appKk['attachments.upload.submit'] }).click();
  expect((await uploaded).status()).toBe(201);

  const row = page.getByTestId('attachment-row');
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  expect(text).toContain('фото құжат.png');
  expect(text).toContain(appKk['attachments.kind.photo']);
  expect(text).toContain('Сәуле Ғаниқызы Нұрланова'); // who added it
  expect(await seriousA11yViolations(page)).toEqual([]);

  // the file comes back as it went in
  const fileDownload = page.waitForEvent('download');
  await row
    .getByRole('button', { name: appKk['attachments.downloadLabel'].replace('{name}', 'фото құжат.png') })
    .click();
  const file = await fileDownload;
  expect(file.suggestedFilename()).toBe('фото құжат.png');
  expect((await bytesOf(file)).equals(PNG)).toBe(true);

  // the summary, in the UI language
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`${kase.caseNumber}-summary.pdf`);
  const bytes = await bytesOf(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfText = pdfPageTexts(bytes).join('\n');
  expect(pdfText).toContain('Іс бойынша қысқаша мәлімет');
  expect(pdfText).toContain(kase.caseNumber);
  expect(pdfText).toContain('Тестова Әсел');
  expect(pdfText).toContain('Құпия — Сәуле Ғаниқызы Нұрланова');
});
