/**
 * One row of an HTCDS file → one typed record, or the reasons it was refused. Each cell is
 * checked against its field's type and code list (shared/htcds/values.ts), then the row as a
 * whole (an age when trafficked older than the person is today).
 */
import { groupOfField, type THtcdsFieldName } from '../../../shared/htcds/fields';
import { emptyHtcdsRecord, type THtcdsRecord } from '../../../shared/htcds/record';
import {
  parseHtcdsValue,
  yearsBetween,
  type THtcdsParseContext,
  type THtcdsValueErrorCode,
} from '../../../shared/htcds/values';

/**
 * Why a row was refused: a cell's value (THtcdsValueErrorCode), the row as a whole, or (from
 * case-data.ts) what Senim's own storage accepts beyond the standard.
 */
export type THtcdsRowErrorCode =
  | THtcdsValueErrorCode
  | 'emptyRow'
  | 'malformedRow'
  | 'unknownCountry'
  | 'unknownLanguage'
  | 'tooLongHere'
  | 'tooManyValues'
  | 'badPhone'
  | 'eventTypeRequired'
  | 'planTypeRequired'
  | 'notAccepted';

export interface THtcdsRowError {
  /** Line (1-based) where the row starts in the file. */
  line: number;
  code: THtcdsRowErrorCode;
  /** The column as written in the file's header, when the error is about one cell. */
  column?: string;
  field?: THtcdsFieldName;
  /** English, for logs and tests; people read the translation of `code` (htcds-io/row-messages.ts). */
  message: string;
  /** The cell as written (cut to 100 characters), when the error is about one cell. */
  value?: string;
  /** Values the translated message needs besides column and value (e.g. `max`). */
  params?: Record<string, string | number>;
}

/** A cell as quoted back in an error message. */
export function quoteCell(text: string): string {
  const t = text.trim();
  return t.length > 100 ? `${t.slice(0, 99)}…` : t;
}

/** The header mapped to fields: for each column, its field (or undefined when unknown). */
export interface THtcdsColumns {
  header: readonly string[];
  fields: ReadonlyArray<THtcdsFieldName | undefined>;
}

export type THtcdsBuilt = { ok: true; record: THtcdsRecord } | { ok: false; errors: THtcdsRowError[] };

export function buildHtcdsRecord(
  line: number,
  cells: readonly string[],
  columns: THtcdsColumns,
  ctx: THtcdsParseContext,
): THtcdsBuilt {
  const record = emptyHtcdsRecord();
  const groups = record as unknown as Record<string, Record<string, unknown>>;
  const errors: THtcdsRowError[] = [];
  let filled = 0;
  columns.fields.forEach((field, i) => {
    if (!field) return;
    const parsed = parseHtcdsValue(field, cells[i] ?? '', ctx);
    if (!parsed.ok) {
      errors.push({
        line,
        code: parsed.code,
        column: columns.header[i] ?? field,
        field,
        message: `${field}: ${parsed.message}`,
        value: quoteCell(cells[i] ?? ''),
      });
      return;
    }
    if (parsed.value === undefined) return;
    filled++;
    const group = groups[groupOfField(field)];
    if (group) group[field] = parsed.value;
  });
  if (errors.length === 0 && filled === 0) {
    errors.push({ line, code: 'emptyRow', message: 'the row has no values in known columns' });
  }
  if (errors.length === 0) errors.push(...checkRow(line, record, ctx));
  return errors.length === 0 ? { ok: true, record } : { ok: false, errors };
}

/** Checks across fields of one row. */
function checkRow(line: number, record: THtcdsRecord, ctx: THtcdsParseContext): THtcdsRowError[] {
  const errors: THtcdsRowError[] = [];
  const birth = record.person.prs_Birthdate;
  const age = record.victimContext.vic_AgeWhenTrafficked;
  if (birth !== undefined && age !== undefined) {
    const ageNow = yearsBetween(birth, ctx.today);
    if (age > ageNow) {
      errors.push({
        line,
        code: 'implausibleAge',
        field: 'vic_AgeWhenTrafficked',
        column: 'vic_AgeWhenTrafficked',
        message: `vic_AgeWhenTrafficked: ${age} is more than the person's age today (${ageNow}, born ${birth})`,
        value: String(age),
        params: { ageNow },
      });
    }
  }
  return errors;
}
