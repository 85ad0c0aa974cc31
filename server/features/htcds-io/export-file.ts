/**
 * Exporting the organisation's cases as an HTCDS CSV: every field of the standard (deprecated ones
 * too, so a round trip keeps them), one row per case, in the order cases were opened. Written one
 * page at a time through `write`, so the command line streams any number of cases to a file.
 */
import { HTCDS_FIELD_NAMES } from '../../../shared/htcds/fields';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { visibilityOf, type TVisibility } from '../case-profile/present-profile';
import { caseDataToHtcds } from '../htcds/case-data';
import { htcdsCsvLine } from '../htcds/csv';
import { caseReader } from './read-cases';

/** The columns of an export: the standard's fields in its order. */
export const HTCDS_EXPORT_COLUMNS = HTCDS_FIELD_NAMES;

export interface THtcdsExportOptions {
  /** start with a UTF-8 byte order mark (spreadsheet programs then read Cyrillic correctly) */
  bom?: boolean;
  /** what may be opened; defaults to the actor's role (identity, sensitive texts) */
  visibility?: TVisibility;
  pageSize?: number;
}

export interface THtcdsExportResult {
  cases: number;
  visibility: TVisibility;
}

export async function exportHtcds(
  sdb: ScopedDb,
  sealer: Sealer,
  write: (chunk: string) => void | Promise<void>,
  opts: THtcdsExportOptions = {},
): Promise<THtcdsExportResult> {
  const visibility = opts.visibility ?? visibilityOf(sdb.actor);
  const columns = HTCDS_EXPORT_COLUMNS;
  await write(`${opts.bom ? '\ufeff' : ''}${columns.join(',')}\r\n`);
  const reader = await caseReader(sdb, sealer, visibility, opts.pageSize);
  let cases = 0;
  for (let page = await reader.next(); page.length > 0; page = await reader.next()) {
    await write(page.map((c) => `${htcdsCsvLine(caseDataToHtcds(c.data), columns)}\r\n`).join(''));
    cases += page.length;
  }
  sdb.audit({
    action: 'htcds.exported',
    outcome: 'success',
    targetType: 'organisation',
    targetId: sdb.actor.orgId,
    details: { cases, identity: visibility.identity, sensitive: visibility.sensitive },
  });
  return { cases, visibility };
}
