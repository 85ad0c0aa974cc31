import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// The PDF layout of a case summary: a title, sections of "label: value" rows and longer texts, a
// footer on every page. The text comes already translated (summary-pdf.ts); this file only lays it
// out. DejaVu Sans (shipped by the dejavu-fonts-ttf package, embedded as a subset) has every
// Cyrillic and Kazakh letter (ә ғ қ ң ө ұ ү һ і); the PDF's standard fonts have none.

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export type TPdfBlock =
  | { kind: 'section'; title: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  /** a long text under its label (narratives, notes): flows over pages */
  | { kind: 'text'; label: string; text: string }
  | { kind: 'note'; text: string };

export type TPdfSummary = {
  lang: string;
  title: string;
  heading: string;
  subheading: string;
  blocks: readonly TPdfBlock[];
  footer: string;
  pageLabel: (page: number, pages: number) => string;
  /** document properties (Title, Author) */
  author: string;
};

const MARGIN = 50;
const FOOTER_SPACE = 40;
const LABEL_WIDTH = 170;
const GAP = 12;
const GREY = '#555555';
const RULE = '#999999';

export function renderSummaryPdf(s: TPdfSummary): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    font: FONT_REGULAR,
    lang: s.lang,
    displayTitle: true,
    info: { Title: s.title, Author: s.author, Creator: 'Senim' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font('bold').fontSize(18).fillColor('black').text(s.heading, left, doc.y, { width: width() });
  doc.moveDown(0.2);
  doc.font('regular').fontSize(11).fillColor(GREY).text(s.subheading, { width: width() });
  doc.fillColor('black');
  doc.moveDown(0.5);

  for (const b of s.blocks) {
    switch (b.kind) {
      case 'section': {
        doc.moveDown(0.6);
        doc.font('bold').fontSize(13);
        ensure(doc.currentLineHeight(true) * 3);
        doc.text(b.title, left, doc.y, { width: width() });
        const y = doc.y + 2;
        doc
          .moveTo(left, y)
          .lineTo(left + width(), y)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
        doc.y = y + 6;
        break;
      }
      case 'subheading': {
        doc.moveDown(0.3);
        doc.font('bold').fontSize(10.5);
        ensure(doc.currentLineHeight(true) * 2);
        doc.text(b.text, left, doc.y, { width: width() });
        doc.moveDown(0.2);
        break;
      }
      case 'fields': {
        doc.fontSize(10);
        const valueX = left + LABEL_WIDTH + GAP;
        const valueWidth = width() - LABEL_WIDTH - GAP;
        for (const [label, value] of b.rows) {
          doc.font('bold');
          const hl = doc.heightOfString(label, { width: LABEL_WIDTH });
          doc.font('regular');
          const hv = doc.heightOfString(value, { width: valueWidth });
          ensure(Math.min(Math.max(hl, hv), bottom() - doc.page.margins.top));
          const top = doc.y;
          doc.font('bold').fillColor(GREY).text(label, left, top, { width: LABEL_WIDTH });
          const afterLabel = doc.y;
          doc.font('regular').fillColor('black').text(value, valueX, top, { width: valueWidth });
          doc.x = left;
          doc.y = Math.max(afterLabel, doc.y) + 3;
        }
        break;
      }
      case 'text': {
        doc.fontSize(10).font('bold').fillColor(GREY);
        ensure(doc.currentLineHeight(true) * 3);
        doc.text(b.label, left, doc.y, { width: width() });
        doc.font('regular').fillColor('black').text(b.text, left, doc.y, { width: width() });
        doc.moveDown(0.4);
        break;
      }
      case 'note': {
        doc.fontSize(10).font('regular').fillColor(GREY);
        ensure(doc.currentLineHeight(true) * 2);
        doc.text(b.text, left, doc.y, { width: width() });
        doc.fillColor('black');
        doc.moveDown(0.3);
        break;
      }
    }
  }

  // The footer on every page, written last (the page count is known only now). The bottom margin
  // is lifted while writing it, or pdfkit would start a new page for text below the margin.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const saved = margins.bottom;
    margins.bottom = 0;
    const y = doc.page.height - MARGIN - 12;
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(s.footer, left, y, { width: width() * 0.75, lineBreak: false, ellipsis: true });
    doc.text(s.pageLabel(i - range.start + 1, range.count), left, y, {
      width: width(),
      align: 'right',
      lineBreak: false,
    });
    margins.bottom = saved;
  }
  doc.end();
  return done;
}
