import { Readable } from 'node:stream';
import { LIMITS } from '../../../shared/limits';
import type { TStaffLocale } from '../../../shared/locales';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { auditOutsideRequest, scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import { translate } from '../../i18n';
import { HtcdsHeaderError } from '../htcds/csv';
import { exportHtcds } from './export-file';
import {
  HtcdsImportRefused,
  importAuditEntry,
  importHtcds,
  rowsPerSecond,
  type TRejectedRow,
  type THtcdsImportResult,
} from './import-file';
import { headerErrorMessage, rejectedCsvHeader, rejectedCsvLine, rowErrorMessage } from './row-messages';
import { exportHtcdsRoute, importHtcdsRoute, IMPORT_ERRORS_SHOWN, type THtcdsImportResponse } from './routes';
import { kazakhstanToday } from './write-cases';

export { insertImportedCases, type TImportedCase } from './write-cases';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The refused rows as CSV: the file's header and cells, then the reasons (in the reader's language). */
function rejectedCsv(locale: TStaffLocale, header: readonly string[], rows: readonly TRejectedRow[]): string {
  const lines = [rejectedCsvHeader(header), ...rows.map((r) => rejectedCsvLine(locale, header.length, r))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function present(
  locale: TStaffLocale,
  r: THtcdsImportResult,
  rejected: readonly TRejectedRow[],
): THtcdsImportResponse {
  return {
    importId: r.importId,
    mode: r.mode,
    committed: r.committed,
    rows: r.rows,
    valid: r.valid,
    imported: r.imported,
    rejected: r.rejected,
    seconds: Math.round(r.seconds * 1000) / 1000,
    rowsPerSecond: rowsPerSecond(r),
    unknownColumns: r.unknownColumns,
    deprecatedColumns: r.deprecatedColumns,
    errors: r.errors.slice(0, IMPORT_ERRORS_SHOWN).map((e) => ({
      line: e.line,
      column: e.column ?? e.field ?? null,
      field: e.field ?? null,
      code: e.code,
      message: rowErrorMessage(locale, e),
    })),
    errorsTotal: r.errorsTotal,
    rejectedCsv: rejected.length > 0 ? rejectedCsv(locale, r.header, rejected) : null,
  };
}

/** HTCDS import and export from the web app (administrators). */
export function registerHtcdsIo(app: TApp): void {
  app.openapi(importHtcdsRoute, async (c) => {
    const { mode } = c.req.valid('query');
    const locale = c.var.locale;
    const { sealer } = c.var.deps;
    const rejected: TRejectedRow[] = [];
    let orgId = '';
    try {
      const result = await scoped(c, async (sdb) => {
        assertCan(sdb.actor, 'htcds.import');
        orgId = sdb.actor.orgId;
        const failure = (reason: string) => ({
          action: 'htcds.imported' as const,
          outcome: 'failure' as const,
          targetType: 'organisation',
          targetId: sdb.actor.orgId,
          details: { mode, reason },
        });
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        if (bytes.byteLength > LIMITS.htcdsImportMaxBytes) {
          throw new HttpError(413, 'error.payloadTooLarge', { limit: LIMITS.htcdsImportMaxBytes });
        }
        let text: string;
        try {
          text = utf8.decode(bytes);
        } catch {
          throw new HttpError(400, 'htcds.notUtf8', {}, failure('notUtf8'));
        }
        try {
          return await importHtcds(sdb, sealer, Readable.from([text]), {
            mode,
            maxErrors: IMPORT_ERRORS_SHOWN,
            onRejected: (row) => void rejected.push(row),
          });
        } catch (e) {
          if (e instanceof HtcdsHeaderError) {
            throw new HttpError(
              400,
              'htcds.badFile',
              { details: headerErrorMessage(locale, e) },
              failure(e.code),
            );
          }
          throw e;
        }
      });
      return c.json(present(locale, result, rejected), 200);
    } catch (e) {
      if (!(e instanceof HtcdsImportRefused)) throw e;
      // Nothing was stored (the transaction rolled back); the attempt is audited on its own.
      await auditOutsideRequest(c, [importAuditEntry(orgId, e.result)]);
      const message = translate(locale, 'htcds.rowsInvalid', { count: e.result.rejected });
      return c.json(
        { error: { code: 'htcds.rowsInvalid', message }, result: present(locale, e.result, rejected) },
        400,
      );
    }
  });

  app.openapi(exportHtcdsRoute, async (c) => {
    const { sealer } = c.var.deps;
    const chunks: string[] = [];
    await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'htcds.export');
      return exportHtcds(sdb, sealer, (chunk) => void chunks.push(chunk), { bom: true });
    });
    return c.body(chunks.join(''), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="senim-htcds-${kazakhstanToday()}.csv"`,
    });
  });
}
