/**
 * Why a row or a file was refused, in a reader's language (the web app's user, or English for the
 * command line). The library keeps errors as codes with their cell; the words live in
 * shared/i18n/errors/htcds.ts.
 */
import { getHtcdsField } from '../../../shared/htcds/fields';
import type { TErrorKey } from '../../../shared/i18n/errors';
import type { TStaffLocale } from '../../../shared/locales';
import { translate } from '../../i18n';
import type { THtcdsRowError, THtcdsRowErrorCode } from '../htcds/build-record';
import { htcdsCsvCell, type HtcdsHeaderError, type THtcdsHeaderErrorCode } from '../htcds/csv';
import type { TRejectedRow } from './import-file';

const ROW_KEYS: Record<THtcdsRowErrorCode, TErrorKey> = {
  unknownCode: 'htcds.row.unknownCode',
  multipleValues: 'htcds.row.multipleValues',
  notADate: 'htcds.row.notADate',
  futureDate: 'htcds.row.futureDate',
  dateTooEarly: 'htcds.row.dateTooEarly',
  implausibleAge: 'htcds.row.implausibleAge',
  notANumber: 'htcds.row.notANumber',
  notAnInteger: 'htcds.row.notAnInteger',
  outOfRange: 'htcds.row.outOfRange',
  notABoolean: 'htcds.row.notABoolean',
  tooLong: 'htcds.row.tooLong',
  badLanguageCode: 'htcds.row.badLanguageCode',
  badCountryCode: 'htcds.row.badCountryCode',
  badEmail: 'htcds.row.badEmail',
  emptyRow: 'htcds.row.emptyRow',
  malformedRow: 'htcds.row.malformedRow',
  unknownCountry: 'htcds.row.unknownCountry',
  unknownLanguage: 'htcds.row.unknownLanguage',
  tooLongHere: 'htcds.row.tooLongHere',
  tooManyValues: 'htcds.row.tooManyValues',
  badPhone: 'htcds.row.badPhone',
  eventTypeRequired: 'htcds.row.eventTypeRequired',
  planTypeRequired: 'htcds.row.planTypeRequired',
  notAccepted: 'htcds.row.notAccepted',
};

const HEADER_KEYS: Record<THtcdsHeaderErrorCode, TErrorKey> = {
  emptyFile: 'htcds.header.emptyFile',
  noKnownColumn: 'htcds.header.noKnownColumn',
  duplicateColumn: 'htcds.header.duplicateColumn',
};

/** The CSV reader words its problems in English; they are recognised here and translated. */
function malformedMessage(locale: TStaffLocale, message: string): string {
  const count = /expected (\d+) fields, found (\d+)/.exec(message);
  if (count)
    return translate(locale, 'htcds.row.fieldCount', { expected: Number(count[1]), found: Number(count[2]) });
  if (/unterminated quoted field/.test(message)) return translate(locale, 'htcds.row.unterminatedQuote');
  if (/stray quote|after a quoted field/.test(message)) return translate(locale, 'htcds.row.strayQuote');
  return translate(locale, 'htcds.row.malformedRow');
}

/** One reason a row was refused (without its line number). */
export function rowErrorMessage(locale: TStaffLocale, e: THtcdsRowError): string {
  if (e.code === 'malformedRow') return malformedMessage(locale, e.message);
  return translate(locale, ROW_KEYS[e.code], {
    column: e.column ?? e.field ?? '',
    value: e.value ?? '',
    allowed: e.field ? getHtcdsField(e.field).values.join(', ') : '',
    max: 0,
    ...e.params,
  });
}

/** Every reason of one row, joined. */
export function rowErrorsMessage(locale: TStaffLocale, errors: readonly THtcdsRowError[]): string {
  return errors.map((e) => rowErrorMessage(locale, e)).join('; ');
}

export function headerErrorMessage(locale: TStaffLocale, e: HtcdsHeaderError): string {
  return translate(locale, HEADER_KEYS[e.code], e.params);
}

/** The rejected-rows file: the original header and cells, and a last column with the reasons. */
export const REJECTED_REASON_COLUMN = 'senim_rejected_reason';

export function rejectedCsvHeader(header: readonly string[]): string {
  return [...header, REJECTED_REASON_COLUMN].map(htcdsCsvCell).join(',');
}

/** One refused row: its cells as read (padded to the header's width) and why, with its line. */
export function rejectedCsvLine(locale: TStaffLocale, width: number, row: TRejectedRow): string {
  const cells = Array.from({ length: Math.max(width, row.cells.length) }, (_, i) => row.cells[i] ?? '');
  const reason = translate(locale, 'htcds.rejectedReason', {
    line: row.line,
    reasons: rowErrorsMessage(locale, row.errors),
  });
  return [...cells, reason].map(htcdsCsvCell).join(',');
}
