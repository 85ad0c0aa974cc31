/**
 * HTCDS CSV import and export, without a database. Reading streams the file (the linkage CSV
 * reader: RFC 4180, constant memory), maps the header to HTCDS field names (unknown columns are
 * reported and ignored), and yields one result per row: a typed record, or the reasons it was
 * refused with its line number. Writing is the inverse, with the standard's column names.
 * What to do with bad rows (all or nothing, or skip and write them aside) is the caller's choice.
 */
import type { Readable } from 'node:stream';
import {
  HTCDS_CURRENT_FIELD_NAMES,
  HTCDS_FIELD_NAMES,
  groupOfField,
  getHtcdsField,
  type THtcdsFieldName,
} from '../../../shared/htcds/fields';
import type { THtcdsAnyValue, THtcdsRecord } from '../../../shared/htcds/record';
import { formatHtcdsValue, type THtcdsParseContext } from '../../../shared/htcds/values';
import { csvField, readCsv, type CsvProblem, type CsvRow } from '../linkage/csv-reader';
import { buildHtcdsRecord, type THtcdsColumns, type THtcdsRowError } from './build-record';

export type { THtcdsRowError, THtcdsRowErrorCode } from './build-record';

export interface THtcdsHeader extends THtcdsColumns {
  /** Columns that are not HTCDS fields (ignored), with their 1-based position. */
  unknownColumns: Array<{ position: number; name: string }>;
  /** Deprecated fields present in the file (read, but not written by default). */
  deprecatedColumns: THtcdsFieldName[];
}

export type THtcdsRowResult =
  | { ok: true; line: number; record: THtcdsRecord; cells: string[] }
  | { ok: false; line: number; errors: THtcdsRowError[]; cells: string[] };

export interface THtcdsReadOptions {
  /** Today's date (YYYY-MM-DD) for the "not in the future" checks; defaults to latestCalendarDate(). */
  today?: string;
  /** Extra header names for fields, e.g. { 'Пол': 'prs_Gender' } (matched without letter case). */
  aliases?: Readonly<Record<string, THtcdsFieldName>>;
}

/** Why a header cannot be used: nothing to read, no HTCDS column, one field in two columns. */
export type THtcdsHeaderErrorCode = 'emptyFile' | 'noKnownColumn' | 'duplicateColumn';

export class HtcdsHeaderError extends Error {
  constructor(
    message: string,
    readonly code: THtcdsHeaderErrorCode = 'noKnownColumn',
    /** for duplicateColumn: the two columns and the field */
    readonly params: Record<string, string> = {},
  ) {
    super(`HTCDS header: ${message}`);
    this.name = 'HtcdsHeaderError';
  }
}

const fold = (s: string) => s.trim().toLowerCase();
const FIELD_BY_FOLDED = new Map(HTCDS_FIELD_NAMES.map((name) => [fold(name), name]));

/**
 * The latest date it is anywhere on Earth now (UTC+14), so a file written this morning in
 * Astana (UTC+5) is not refused by a server that keeps UTC.
 */
export function latestCalendarDate(now = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Map a header row to HTCDS fields. Throws when no column is known or a field appears twice. */
export function mapHtcdsHeader(
  header: readonly string[],
  aliases: THtcdsReadOptions['aliases'] = {},
): THtcdsHeader {
  const aliasMap = new Map(Object.entries(aliases).map(([k, v]) => [fold(k), v]));
  const fields: Array<THtcdsFieldName | undefined> = [];
  const unknownColumns: THtcdsHeader['unknownColumns'] = [];
  const seen = new Map<THtcdsFieldName, string>();
  header.forEach((name, i) => {
    const field = FIELD_BY_FOLDED.get(fold(name)) ?? aliasMap.get(fold(name));
    if (!field) {
      unknownColumns.push({ position: i + 1, name });
      fields.push(undefined);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined)
      throw new HtcdsHeaderError(`columns "${earlier}" and "${name}" are both ${field}`, 'duplicateColumn', {
        first: earlier,
        second: name,
        field,
      });
    seen.set(field, name);
    fields.push(field);
  });
  if (seen.size === 0)
    throw new HtcdsHeaderError(
      'no column is an HTCDS field (expected names such as prs_Gender)',
      'noKnownColumn',
    );
  const deprecatedColumns = [...seen.keys()].filter((f) => getHtcdsField(f).status === 'DEPRECATED');
  return { header, fields, unknownColumns, deprecatedColumns };
}

/**
 * Open an HTCDS CSV: reads the header at once (throws HtcdsHeaderError if it is unusable),
 * then yields the rows one by one, malformed CSV lines included as refused rows.
 */
export async function openHtcdsCsv(
  input: Readable,
  opts: THtcdsReadOptions = {},
): Promise<{ header: THtcdsHeader; rows: AsyncGenerator<THtcdsRowResult> }> {
  const ctx: THtcdsParseContext = { today: opts.today ?? latestCalendarDate() };
  const problems: CsvProblem[] = [];
  const csv = readCsv(input, { onProblem: (p) => problems.push(p) });
  const first = await csv.next();
  if (first.done) throw new HtcdsHeaderError('the file is empty', 'emptyFile');
  const header = mapHtcdsHeader(first.value.fields, opts.aliases);
  async function* rows(): AsyncGenerator<THtcdsRowResult> {
    const drain = function* (): Generator<THtcdsRowResult> {
      for (const p of problems.splice(0)) {
        yield {
          ok: false,
          line: p.line,
          cells: [],
          errors: [{ line: p.line, code: 'malformedRow', message: p.message }],
        };
      }
    };
    yield* drain();
    for await (const row of csv as AsyncIterable<CsvRow>) {
      yield* drain();
      const built = buildHtcdsRecord(row.line, row.fields, header, ctx);
      yield built.ok
        ? { ok: true, line: row.line, record: built.record, cells: row.fields }
        : { ok: false, line: row.line, errors: built.errors, cells: row.fields };
    }
    yield* drain();
  }
  return { header, rows: rows() };
}

export interface THtcdsImport {
  header: THtcdsHeader;
  records: Array<{ line: number; record: THtcdsRecord }>;
  rejected: Array<{ line: number; errors: THtcdsRowError[]; cells: string[] }>;
}

/** Read a whole file into memory: every good record and every refused row. */
export async function importHtcdsCsv(input: Readable, opts: THtcdsReadOptions = {}): Promise<THtcdsImport> {
  const { header, rows } = await openHtcdsCsv(input, opts);
  const out: THtcdsImport = { header, records: [], rejected: [] };
  for await (const r of rows) {
    if (r.ok) out.records.push({ line: r.line, record: r.record });
    else out.rejected.push({ line: r.line, errors: r.errors, cells: r.cells });
  }
  return out;
}

export interface THtcdsWriteOptions {
  /** Columns to write, in order; defaults to every current (not deprecated) field. */
  columns?: readonly THtcdsFieldName[];
  /** Start with a UTF-8 byte order mark, so spreadsheet programs read Cyrillic correctly. */
  bom?: boolean;
}

/** Quote a cell when it needs it, also when it starts or ends with spaces (the reader trims). */
export function htcdsCsvCell(text: string): string {
  return text !== text.trim() && !/[",\n\r]/.test(text) ? `"${text}"` : csvField(text);
}

export function htcdsCsvLine(record: THtcdsRecord, columns: readonly THtcdsFieldName[]): string {
  const groups = record as unknown as Record<string, Record<string, THtcdsAnyValue | undefined>>;
  return columns.map((f) => htcdsCsvCell(formatHtcdsValue(groups[groupOfField(f)]?.[f]))).join(',');
}

/** Write records as HTCDS CSV lines (CRLF-terminated), the header first. */
export async function* writeHtcdsCsv(
  records: Iterable<THtcdsRecord> | AsyncIterable<THtcdsRecord>,
  opts: THtcdsWriteOptions = {},
): AsyncGenerator<string> {
  const columns = opts.columns ?? HTCDS_CURRENT_FIELD_NAMES;
  yield `${opts.bom ? '\ufeff' : ''}${columns.join(',')}\r\n`;
  for await (const record of records) yield `${htcdsCsvLine(record, columns)}\r\n`;
}

/** The whole CSV text of a list of records. */
export function formatHtcdsCsv(records: Iterable<THtcdsRecord>, opts: THtcdsWriteOptions = {}): string {
  const columns = opts.columns ?? HTCDS_CURRENT_FIELD_NAMES;
  const lines = [columns.join(',')];
  for (const record of records) lines.push(htcdsCsvLine(record, columns));
  return `${opts.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
