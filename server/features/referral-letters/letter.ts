/**
 * Referral letters for partners without Senim: the one-time answer link's token (32 random bytes,
 * only its SHA-256 stored), the reply code (8 characters of an unambiguous alphabet, only a salted
 * scrypt hash stored) and the letter as a PDF in the partner's language (Russian or Kazakh).
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { regionName } from '../../../shared/regions';
import type { TReferralSnapshot } from '../../../shared/schemas/referrals';
import type { TStaffLocale } from '../../../shared/locales';
import type { TReferralLettersKey } from '../../../shared/i18n/app/referral-letters';
import { partnersMessages } from '../../../shared/i18n/app/partners';
import { caseWorkflowMessages } from '../../../shared/i18n/app/case-workflow';
import { HTCDS_LABELS, type THtcdsCodeListId } from '../../../shared/htcds';
import { lettersText } from '../../jobs/messages';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const FONT_MONO = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf');

/** No 0/O, 1/I/L, 5/S, 2/Z, 8/B: read aloud over the phone or typed from paper without doubt. */
export const REPLY_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const REPLY_CODE_LENGTH = 8;
/** Wrong reply codes before a link is locked. */
export const MAX_CODE_FAILURES = 5;
/** A link is valid until the end of the 14th day after the deadline (or after the issue, if later). */
export const LINK_DAYS_AFTER_DEADLINE = 14;

export const newLinkToken = (): string => crypto.randomBytes(32).toString('base64url');
export const tokenHash = (token: string): Buffer =>
  crypto.createHash('sha256').update(token, 'utf8').digest();

export function newReplyCode(): string {
  let code = '';
  for (let i = 0; i < REPLY_CODE_LENGTH; i++)
    code += REPLY_CODE_ALPHABET[crypto.randomInt(REPLY_CODE_ALPHABET.length)];
  return code;
}

/** Typed as printed, with spaces, dashes or in lower case. */
export const normaliseCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** salt (16 bytes) ‖ scrypt(code) (32 bytes): a stolen database does not give the codes away cheaply. */
export function hashReplyCode(code: string): Buffer {
  const salt = crypto.randomBytes(16);
  return Buffer.concat([salt, crypto.scryptSync(normaliseCode(code), salt, 32, SCRYPT)]);
}

export function replyCodeMatches(code: string, stored: Uint8Array): boolean {
  const buf = Buffer.from(stored);
  if (buf.length !== 48) return false;
  const got = crypto.scryptSync(normaliseCode(code), buf.subarray(0, 16), 32, SCRYPT);
  return crypto.timingSafeEqual(got, buf.subarray(16));
}

/** "ABCD-EFGH": how the code is printed. */
export const printedCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export type TLetterData = {
  locale: 'ru' | 'kk';
  reference: string;
  fromName: string;
  toName: string;
  sentAt: Date;
  deadline: string;
  reason: string;
  services: string[];
  urgency: string;
  snapshot: TReferralSnapshot;
  link: string;
  code: string;
  expiresAt: Date;
};

const dateFmt = (locale: TStaffLocale, d: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(d);
const dayFmt = (locale: TStaffLocale, day: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** The rows of what was shared, labelled in the letter's language (never narratives or health). */
export function snapshotRows(locale: 'ru' | 'kk', s: TReferralSnapshot): [string, string][] {
  const t = (k: TReferralLettersKey) => lettersText(locale, k);
  const none = t('letter.pdf.none');
  const v = (x: string | null | undefined) => (x && x.trim() ? x : none);
  // codes are printed as their labels in the letter's language (the code itself when unknown)
  const code = (list: THtcdsCodeListId, c: string) =>
    (HTCDS_LABELS[locale][list] as Record<string, string>)[c] ?? c;
  const need = (c: string) =>
    (caseWorkflowMessages[locale] as Record<string, string>)[`workflow.service.${c}`] ?? c;
  const rows: [string, string][] = [[t('letter.snap.caseNumber'), s.caseNumber]];
  if (s.caseRegion !== undefined)
    rows.push([t('letter.snap.caseRegion'), s.caseRegion ? regionName(s.caseRegion, locale) : none]);
  if (s.needs) rows.push([t('letter.snap.needs'), s.needs.length ? s.needs.map(need).join(', ') : none]);
  if (s.exploitation) {
    const e = s.exploitation;
    rows.push([
      t('letter.snap.exploitation'),
      [
        ...e.types.map((c) => code('typeOfExploitation', c)),
        ...(e.industry ? [code('forcedLabourIndustry', e.industry)] : []),
        ...e.sexExploitation.map((c) => code('sexExploitationType', c)),
      ].join(', ') || none,
    ]);
  }
  if (s.traffickingStatus)
    rows.push([
      t('letter.snap.traffickingStatus'),
      [
        s.traffickingStatus.status ? code('traffickingStatus', s.traffickingStatus.status) : null,
        s.traffickingStatus.decidedBy
          ? code('traffickingStatusDecisionMaker', s.traffickingStatus.decidedBy)
          : null,
      ]
        .filter(Boolean)
        .join(', ') || none,
    ]);
  if (s.personSexAge)
    rows.push([
      t('letter.snap.personSexAge'),
      [s.personSexAge.sex ? code('gender', s.personSexAge.sex) : null, s.personSexAge.ageBand]
        .filter(Boolean)
        .join(', ') || none,
    ]);
  if (s.personName)
    rows.push([
      t('letter.snap.personName'),
      [s.personName.family, s.personName.given, s.personName.middle].filter(Boolean).join(' ') || none,
    ]);
  if (s.personBirthDate !== undefined) rows.push([t('letter.snap.personBirthDate'), v(s.personBirthDate)]);
  if (s.personCitizenship !== undefined)
    rows.push([t('letter.snap.personCitizenship'), v(s.personCitizenship)]);
  if (s.personLanguages) rows.push([t('letter.snap.personLanguages'), s.personLanguages.join(', ') || none]);
  if (s.personPhone !== undefined) rows.push([t('letter.snap.personPhone'), v(s.personPhone)]);
  if (s.personDocument !== undefined) rows.push([t('letter.snap.personDocument'), v(s.personDocument)]);
  if (s.personAddress !== undefined) rows.push([t('letter.snap.personAddress'), v(s.personAddress)]);
  if (s.route) {
    const legs = s.route.map((r) =>
      [code('traffickingEventType', r.type), r.country, r.place, [r.from, r.to].filter(Boolean).join('–')]
        .filter(Boolean)
        .join(', '),
    );
    rows.push([t('letter.snap.route'), legs.join('; ') || none]);
  }
  if (s.message) rows.push([t('letter.snap.message'), s.message]);
  return rows;
}

export async function renderLetterPdf(d: TLetterData): Promise<Buffer> {
  const L = d.locale;
  const t = (k: TReferralLettersKey, values?: Record<string, string | number>) => lettersText(L, k, values);
  const serviceName = (code: string) =>
    (partnersMessages[L] as Record<string, string>)[`partners.service.${code}`] ?? code;
  const urgencyKey = `letter.pdf.urgency.${d.urgency}` as TReferralLettersKey;
  const qr = await QRCode.toBuffer(d.link, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });

  const MARGIN = 50;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 30 },
    bufferPages: true,
    font: FONT_REGULAR,
    lang: L,
    displayTitle: true,
    info: { Title: t('letter.pdf.title', { reference: d.reference }), Author: d.fromName, Creator: 'Senim' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.registerFont('mono', FONT_MONO);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const section = (title: string) => {
    doc.moveDown(0.8);
    ensure(60);
    doc.font('bold').fontSize(13).fillColor('black').text(title, left, doc.y, { width });
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor('#999999')
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.5);
  };
  const field = (label: string, value: string) => {
    doc.font('regular').fontSize(10.5);
    const h = Math.max(
      doc.heightOfString(value, { width: width - 170 }),
      doc.heightOfString(label, { width: 160 }),
    );
    ensure(h + 4);
    const y = doc.y;
    doc.fillColor('#555555').text(label, left, y, { width: 160 });
    doc.fillColor('black').text(value, left + 170, y, { width: width - 170 });
    doc.y = y + h + 4;
  };

  doc
    .font('bold')
    .fontSize(18)
    .text(t('letter.pdf.heading', { reference: d.reference }), left, doc.y, { width });
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#555555')
    .text(t('letter.pdf.subheading', { from: d.fromName, to: d.toName }), { width });
  doc.moveDown(0.4);
  doc.fontSize(9).text(t('letter.pdf.confidential'), { width });
  doc.fillColor('black');

  section(t('letter.pdf.section.referral'));
  field(t('letter.pdf.reference'), d.reference);
  field(t('letter.pdf.from'), d.fromName);
  field(t('letter.pdf.to'), d.toName);
  field(t('letter.pdf.sentAt'), dateFmt(L, d.sentAt));
  field(t('letter.pdf.reason'), d.reason);
  field(t('letter.pdf.services'), d.services.map(serviceName).join(', '));
  field(t('letter.pdf.urgency'), t(urgencyKey));
  field(t('letter.pdf.deadline'), dayFmt(L, d.deadline));

  section(t('letter.pdf.section.shared'));
  for (const [label, value] of snapshotRows(L, d.snapshot)) field(label, value);

  section(t('letter.pdf.section.answer'));
  const expires = dateFmt(L, d.expiresAt);
  doc.font('regular').fontSize(10.5).text(t('letter.pdf.answerText', { expires }), left, doc.y, { width });
  doc.moveDown(0.6);
  ensure(190);
  const top = doc.y;
  doc.image(qr, left + width - 150, top, { width: 150 });
  const textWidth = width - 170;
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#555555')
    .text(t('letter.pdf.link'), left, top, { width: textWidth });
  doc.font('mono').fontSize(9).fillColor('black').text(d.link, { width: textWidth });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(10).fillColor('#555555').text(t('letter.pdf.code'), { width: textWidth });
  doc.font('mono').fontSize(20).fillColor('black').text(printedCode(d.code), { width: textWidth });
  doc.moveDown(0.4);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#555555')
    .text(`${t('letter.pdf.expires')}: ${expires}`, { width: textWidth });
  doc.y = Math.max(doc.y, top + 160);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the bottom margin: no new page for it
    const y = doc.page.height - MARGIN - 10;
    doc.font('regular').fontSize(8).fillColor('#555555');
    doc.text(t('letter.pdf.footer', { reference: d.reference }), left, y, {
      width: width / 2,
      lineBreak: false,
    });
    doc.text(t('letter.pdf.page', { page: i + 1, pages: range.count }), left + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
