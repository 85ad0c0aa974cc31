import type { TApp } from '../../app';
import { registerAttachmentRoutes } from './handlers';
import { registerCaseSummaryPdf } from './summary-pdf';

/** Encrypted attachments (sealed in the database or in SENIM_ATTACHMENTS_DIR) and the PDF case summary. */
export function registerAttachments(app: TApp): void {
  registerAttachmentRoutes(app);
  registerCaseSummaryPdf(app);
}
