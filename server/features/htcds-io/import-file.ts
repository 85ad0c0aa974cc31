/**
 * Importing an HTCDS CSV into the actor's organisation, for the web app and the command line. The
 * file is read as a stream and written in batches, so its size is not held in memory. Each row is
 * checked twice: against the standard (../htcds/build-record.ts) and against what Senim stores
 * (../htcds/case-data.ts); a refused row is reported with its line number and reasons.
 *
 * Mode 'all': the whole file or nothing — after the first refused row nothing more is written, the
 * rest is still checked (so every error is reported), and HtcdsImportRefused is thrown, which rolls
 * the caller's transaction back. Mode 'skipInvalid': the valid rows are imported, the refused ones
 * handed to onRejected (to be written aside).
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { TAuditEntry } from '../../audit/audit';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import type { THtcdsFieldName } from '../../../shared/htcds/fields';
import type { THtcdsRowError } from '../htcds/build-record';
import { htcdsToCaseData } from '../htcds/case-data';
import { openHtcdsCsv, type THtcdsHeader } from '../htcds/csv';
import { insertImportedCases, type TImportedCase } from './write-cases';
import { reindexOrganisation } from '../duplicates/scan';

export const HTCDS_IMPORT_MODES = ['all', 'skipInvalid'] as const;
export type THtcdsImportMode = (typeof HTCDS_IMPORT_MODES)[number];

export interface TRejectedRow {
  line: number;
  /** the row's cells as read (empty when the line was not valid CSV) */
  cells: string[];
  errors: THtcdsRowError[];
}

export interface THtcdsImportOptions {
  mode: THtcdsImportMode;
  /** rows written per batch (default 500) */
  batchSize?: number;
  /** today (YYYY-MM-DD) for the "not in the future" checks; defaults to the latest date on Earth */
  today?: string;
  /** called once the header is read (before any row) */
  onHeader?: (header: THtcdsHeader) => void | Promise<void>;
  /** called with each refused row, in file order */
  onRejected?: (row: TRejectedRow) => void | Promise<void>;
  /** called after each written batch with the rows read so far */
  onProgress?: (rowsRead: number) => void;
  /** errors kept in the result (the rest are only counted; default 1000) */
  maxErrors?: number;
}

export interface THtcdsImportResult {
  importId: string;
  mode: THtcdsImportMode;
  /** data rows read (the header not counted) */
  rows: number;
  /** rows that passed every check */
  valid: number;
  imported: number;
  rejected: number;
  /** the first maxErrors errors, in file order */
  errors: THtcdsRowError[];
  errorsTotal: number;
  header: string[];
  unknownColumns: Array<{ position: number; name: string }>;
  deprecatedColumns: THtcdsFieldName[];
  seconds: number;
  committed: boolean;
}

/** Thrown in mode 'all' when a row was refused: the caller's transaction rolls back, nothing is kept. */
export class HtcdsImportRefused extends Error {
  constructor(readonly result: THtcdsImportResult) {
    super(`${result.rejected} of ${result.rows} rows refused; nothing imported`);
    this.name = 'HtcdsImportRefused';
  }
}

/** The audit entry of an import (counts and ids only: no names, no cells). */
export function importAuditEntry(
  orgId: string,
  r: THtcdsImportResult,
  extra: Record<string, unknown> = {},
): TAuditEntry {
  return {
    action: 'htcds.imported',
    outcome: r.committed ? 'success' : 'failure',
    targetType: 'organisation',
    targetId: orgId,
    details: {
      importId: r.importId,
      mode: r.mode,
      rows: r.rows,
      imported: r.imported,
      rejected: r.rejected,
      unknownColumns: r.unknownColumns.length,
      seconds: Math.round(r.seconds * 10) / 10,
      ...(r.committed ? {} : { reason: 'rowsInvalid' }),
      ...extra,
    },
  };
}

export const rowsPerSecond = (r: Pick<THtcdsImportResult, 'rows' | 'seconds'>): number =>
  r.seconds > 0 ? Math.round(r.rows / r.seconds) : r.rows;

/**
 * Imports an HTCDS CSV through the scoped handle. Throws HtcdsHeaderError when the header cannot
 * be used (nothing written), HtcdsImportRefused in mode 'all' when a row was refused.
 */
export async function importHtcds(
  sdb: ScopedDb,
  sealer: Sealer,
  input: Readable,
  opts: THtcdsImportOptions,
): Promise<THtcdsImportResult> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 500;
  const maxErrors = opts.maxErrors ?? 1000;
  const { header, rows } = await openHtcdsCsv(input, opts.today ? { today: opts.today } : {});
  await opts.onHeader?.(header);
  const columnOf = new Map<THtcdsFieldName, string>();
  header.fields.forEach((f, i) => f && columnOf.set(f, header.header[i] ?? f));
  const result: THtcdsImportResult = {
    importId: randomUUID(),
    mode: opts.mode,
    rows: 0,
    valid: 0,
    imported: 0,
    rejected: 0,
    errors: [],
    errorsTotal: 0,
    header: [...header.header],
    unknownColumns: header.unknownColumns,
    deprecatedColumns: header.deprecatedColumns,
    seconds: 0,
    committed: false,
  };
  let batch: TImportedCase[] = [];
  // One batch is written while the next is read and checked (the database works in parallel when
  // it is a server); a failed write surfaces at the next flush or at the end.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (batch.length === 0) return;
    const written = batch;
    batch = [];
    writing = insertImportedCases(sdb, sealer, written, { importId: result.importId }).then(() => {
      result.imported += written.length;
      opts.onProgress?.(result.rows);
    });
    writing.catch(() => {}); // handled when awaited
  };
  const reject = async (row: TRejectedRow) => {
    result.rejected++;
    result.errorsTotal += row.errors.length;
    for (const e of row.errors) if (result.errors.length < maxErrors) result.errors.push(e);
    // whole file or nothing: what is already written will be rolled back; write no more
    if (opts.mode === 'all') batch = [];
    await opts.onRejected?.(row);
  };

  try {
    for await (const r of rows) {
      result.rows++;
      if (!r.ok) {
        await reject({ line: r.line, cells: r.cells, errors: r.errors });
        continue;
      }
      const converted = htcdsToCaseData(r.record);
      if (!converted.ok) {
        const errors = converted.errors.map((e) => ({
          ...e,
          line: r.line,
          ...(e.field && columnOf.has(e.field) ? { column: columnOf.get(e.field) } : {}),
        }));
        await reject({ line: r.line, cells: r.cells, errors });
        continue;
      }
      result.valid++;
      if (opts.mode === 'all' && result.rejected > 0) continue;
      batch.push({ data: converted.data, line: r.line });
      if (batch.length >= batchSize) await flush();
    }
  } catch (e) {
    await writing.catch(() => {}); // let a write in flight end before the transaction rolls back
    throw e;
  }
  if (!(opts.mode === 'all' && result.rejected > 0)) await flush();
  await writing;
  result.seconds = (performance.now() - started) / 1000;
  if (opts.mode === 'all' && result.rejected > 0) {
    result.imported = 0;
    throw new HtcdsImportRefused(result);
  }
  // The imported persons' keyed encodings, so duplicate detection and fuzzy search know them.
  await reindexOrganisation(sdb, sealer, sdb.actor.orgId);
  result.committed = true;
  sdb.audit(importAuditEntry(sdb.actor.orgId, result));
  return result;
}
