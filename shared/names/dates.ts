/**
 * Birth dates as they arrive: full dates in several layouts, year only, or an age at a date.
 * Comparison recognises the usual errors: day and month swapped, one digit wrong or two
 * neighbouring digits exchanged, year off by one, year only on one side.
 */
export interface PartialDate {
  y: number;
  m?: number;
  d?: number;
}

function valid(y: number, m?: number, d?: number): boolean {
  if (!(y >= 1000 && y <= 2999)) return false;
  if (m === undefined) return d === undefined;
  if (!(m >= 1 && m <= 12)) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

function make(y: number, m?: number, d?: number): PartialDate | null {
  if (!valid(y, m, d)) return null;
  const out: PartialDate = { y };
  if (m !== undefined) out.m = m;
  if (d !== undefined) out.d = d;
  return out;
}

/**
 * Parse YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, DD/MM/YYYY, YYYY-MM and YYYY. Invalid dates (such as
 * 31 February) and empty text give null.
 */
export function parseDate(text: string | null | undefined): PartialDate | null {
  const s = (text ?? '').trim();
  if (s === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return make(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(s);
  if (m) return make(Number(m[1]));
  return null;
}

/** Canonical text: YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDate(d: PartialDate): string {
  const p = (n: number) => String(n).padStart(2, '0');
  if (d.m === undefined) return String(d.y);
  if (d.d === undefined) return `${d.y}-${p(d.m)}`;
  return `${d.y}-${p(d.m)}-${p(d.d)}`;
}

export type DateAgreement =
  | 'exact' // same full date
  | 'swap' // day and month exchanged
  | 'typo' // one digit wrong, or two neighbouring digits exchanged
  | 'partial' // one side has only the year (or year and month) and they agree
  | 'near' // same day and month, year off by one; or same year and month, other day
  | 'year' // same year only
  | 'none' // different
  | 'missing'; // at least one side unknown

function digits(d: PartialDate): string {
  return `${d.y}${String(d.m ?? 0).padStart(2, '0')}${String(d.d ?? 0).padStart(2, '0')}`;
}

function oneEdit(a: string, b: string): boolean {
  let diff = 0;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      if (first < 0) first = i;
      diff++;
    }
  }
  if (diff === 1) return true;
  return diff === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
}

export function compareDates(a: PartialDate | null, b: PartialDate | null): DateAgreement {
  if (!a || !b) return 'missing';
  const fullA = a.d !== undefined;
  const fullB = b.d !== undefined;
  if (fullA && fullB) {
    if (a.y === b.y && a.m === b.m && a.d === b.d) return 'exact';
    if (a.y === b.y && a.m === b.d && a.d === b.m) return 'swap';
    if (oneEdit(digits(a), digits(b))) return 'typo';
    if (a.m === b.m && a.d === b.d && Math.abs(a.y - b.y) === 1) return 'near';
    if (a.y === b.y && a.m === b.m) return 'near';
    return a.y === b.y ? 'year' : 'none';
  }
  if (a.y !== b.y) return 'none';
  if (a.m !== undefined && b.m !== undefined && a.m !== b.m) return 'year';
  return 'partial';
}

/** Age in whole years at a date. */
export function ageAt(birth: PartialDate, at: PartialDate): number {
  let age = at.y - birth.y;
  if (birth.m !== undefined && at.m !== undefined) {
    if (at.m < birth.m || (at.m === birth.m && birth.d !== undefined && at.d !== undefined && at.d < birth.d)) {
      age--;
    }
  }
  return age;
}

/** The birth years possible for someone who said they were `age` on `at`. */
export function birthYearsFromAge(age: number, at: PartialDate): [number, number] {
  return [at.y - age - 1, at.y - age];
}

/** A birth date known only from an age at a date: the later of the two possible years. */
export function dateFromAge(age: number, at: PartialDate): PartialDate {
  return { y: at.y - age };
}
