/**
 * Reading and writing one HTCDS field value as text (a CSV cell, a form field). Parsing checks
 * the field's type, code list and plausibility, and names the reason when it fails, as a code
 * the interface can translate.
 */
import { codeListOfField, findCode } from './code-lists';
import { getHtcdsField, type THtcdsFieldName } from './fields';
import type { THtcdsAnyValue } from './record';

export const HTCDS_LIMITS = {
  /** Salesforce-style short text, which the standard was modelled on. */
  textMax: 255,
  longTextMax: 32_768,
  maxAgeYears: 120,
  maxChildren: 30,
  earliestDate: '1900-01-01',
  multiValueSeparator: ';',
} as const;

/** Why a value was refused. */
export type THtcdsValueErrorCode =
  | 'unknownCode'
  | 'multipleValues'
  | 'notADate'
  | 'futureDate'
  | 'dateTooEarly'
  | 'implausibleAge'
  | 'notANumber'
  | 'notAnInteger'
  | 'outOfRange'
  | 'notABoolean'
  | 'tooLong'
  | 'badLanguageCode'
  | 'badCountryCode'
  | 'badEmail';

export interface THtcdsValueError {
  code: THtcdsValueErrorCode;
  message: string;
}

export type THtcdsParsed =
  { ok: true; value: THtcdsAnyValue | undefined } | ({ ok: false } & THtcdsValueError);

export interface THtcdsParseContext {
  /** Today, YYYY-MM-DD: dates after it are refused (except planned dates). */
  today: string;
}

/** Dates that may lie in the future. */
const FUTURE_DATES: ReadonlySet<THtcdsFieldName> = new Set<THtcdsFieldName>(['spl_PlannedEndDate']);
const INTEGER_RANGES: Partial<Record<THtcdsFieldName, [number, number]>> = {
  vic_AgeWhenTrafficked: [0, HTCDS_LIMITS.maxAgeYears],
  prs_NumberOfChildren: [0, HTCDS_LIMITS.maxChildren],
};
const LANGUAGE_FIELDS: ReadonlySet<THtcdsFieldName> = new Set<THtcdsFieldName>([
  'prs_PrimaryLanguage',
  'prs_SecondaryLanguage',
]);
const COUNTRY_FIELDS: ReadonlySet<THtcdsFieldName> = new Set<THtcdsFieldName>([
  'prs_Citizenship',
  'prs_MailingCountry',
]);

const fail = (code: THtcdsValueErrorCode, message: string): THtcdsParsed => ({ ok: false, code, message });

/** YYYY-MM-DD or DD.MM.YYYY (as Kazakh and Russian spreadsheets write it) → YYYY-MM-DD. */
export function parseHtcdsDate(text: string): string | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (m) [y, mo, d] = [m[3], m[2]?.padStart(2, '0'), m[1]?.padStart(2, '0')];
  }
  if (!y || !mo || !d) return undefined;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return undefined;
  return `${y}-${mo}-${d}`;
}

/** Whole years from `from` to `to` (both YYYY-MM-DD). */
export function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

function parseCoded(name: THtcdsFieldName, items: string[]): THtcdsParsed {
  const list = codeListOfField(name);
  if (!list) return { ok: true, value: items };
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const code = findCode(list, item);
    if (code) codes.push(code);
    else unknown.push(item);
  }
  if (unknown.length > 0) {
    const allowed = getHtcdsField(name).values.join(', ');
    return fail(
      'unknownCode',
      `unknown value ${unknown.map((u) => `"${u}"`).join(', ')}; expected one of: ${allowed}`,
    );
  }
  return { ok: true, value: codes };
}

function parseNumber(name: THtcdsFieldName, text: string): THtcdsParsed {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('notANumber', `"${text}" is not a number`);
  const n = Number(text);
  const range = INTEGER_RANGES[name];
  if (range) {
    if (!Number.isInteger(n)) return fail('notAnInteger', `"${text}" is not a whole number`);
    if (n < range[0] || n > range[1]) {
      const code = name === 'vic_AgeWhenTrafficked' ? 'implausibleAge' : 'outOfRange';
      return fail(code, `${n} is outside ${range[0]}–${range[1]}`);
    }
  }
  if (/Latitude$/.test(name) && Math.abs(n) > 90)
    return fail('outOfRange', `latitude ${n} is outside −90–90`);
  if (/Longitude$/.test(name) && Math.abs(n) > 180)
    return fail('outOfRange', `longitude ${n} is outside −180–180`);
  return { ok: true, value: n };
}

function parseDateValue(name: THtcdsFieldName, text: string, ctx: THtcdsParseContext): THtcdsParsed {
  const date = parseHtcdsDate(text);
  if (!date) return fail('notADate', `"${text}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
  if (date < HTCDS_LIMITS.earliestDate)
    return fail('dateTooEarly', `${date} is before ${HTCDS_LIMITS.earliestDate}`);
  if (date > ctx.today && !FUTURE_DATES.has(name)) return fail('futureDate', `${date} is in the future`);
  if (name === 'prs_Birthdate' && yearsBetween(date, ctx.today) > HTCDS_LIMITS.maxAgeYears) {
    return fail('implausibleAge', `born ${date}: older than ${HTCDS_LIMITS.maxAgeYears} years`);
  }
  return { ok: true, value: date };
}

function parseText(name: THtcdsFieldName, text: string, max: number): THtcdsParsed {
  if (text.length > max) return fail('tooLong', `${text.length} characters, at most ${max}`);
  if (name === 'prs_Email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text))
    return fail('badEmail', `"${text}" is not an e-mail address`);
  if (name === 'prs_MailingCountry') return parseCountries(name, [text], 2);
  return { ok: true, value: text };
}

function parseCountries(name: THtcdsFieldName, items: string[], onlyLength?: number): THtcdsParsed {
  const bad = items.filter(
    (c) => !/^[A-Za-z]{2,3}$/.test(c) || (onlyLength !== undefined && c.length !== onlyLength),
  );
  if (bad.length > 0) {
    const what = onlyLength === 2 ? 'ISO 3166 two-letter' : 'ISO 3166 two- or three-letter';
    return fail('badCountryCode', `${bad.map((b) => `"${b}"`).join(', ')}: expected ${what} country codes`);
  }
  const upper = items.map((c) => c.toUpperCase());
  return { ok: true, value: name === 'prs_Citizenship' ? upper : upper[0] };
}

/** Parse the text of one field. Empty text is no value. */
export function parseHtcdsValue(name: THtcdsFieldName, raw: string, ctx: THtcdsParseContext): THtcdsParsed {
  const field = getHtcdsField(name);
  const text = field.kind === 'longText' ? raw : raw.trim();
  if (text.trim() === '') return { ok: true, value: undefined };
  const sep = HTCDS_LIMITS.multiValueSeparator;
  switch (field.kind) {
    case 'text':
    case 'picklistOrText':
    case 'lookup':
      return parseText(name, text, HTCDS_LIMITS.textMax);
    case 'longText':
      return parseText(name, text, HTCDS_LIMITS.longTextMax);
    case 'picklist': {
      if (text.includes(sep)) return fail('multipleValues', `only one value allowed, found "${text}"`);
      if (LANGUAGE_FIELDS.has(name)) {
        if (!/^[A-Za-z]{2,3}$/.test(text))
          return fail('badLanguageCode', `"${text}": expected an ISO 639 language code`);
        return { ok: true, value: text.toLowerCase() };
      }
      const parsed = parseCoded(name, [text]);
      return parsed.ok ? { ok: true, value: (parsed.value as string[])[0] } : parsed;
    }
    case 'multiPicklist': {
      const items = [
        ...new Set(
          text
            .split(sep)
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
      ];
      if (COUNTRY_FIELDS.has(name)) return parseCountries(name, items);
      const parsed = parseCoded(name, items);
      return parsed.ok ? { ok: true, value: [...new Set(parsed.value as string[])] } : parsed;
    }
    case 'checkbox': {
      const t = text.toLowerCase();
      if (['true', '1', 'yes'].includes(t)) return { ok: true, value: true };
      if (['false', '0', 'no'].includes(t)) return { ok: true, value: false };
      return fail('notABoolean', `"${text}" is not true or false`);
    }
    case 'date':
      return parseDateValue(name, text, ctx);
    case 'number':
    case 'geolocation':
      return parseNumber(name, text);
  }
}

/** Write a value as HTCDS text: lists joined with ";", booleans as true/false, dates as YYYY-MM-DD. */
export function formatHtcdsValue(value: THtcdsAnyValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(HTCDS_LIMITS.multiValueSeparator);
  return String(value);
}
