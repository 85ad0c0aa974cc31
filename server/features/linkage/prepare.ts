/**
 * Turning a raw person into the comparable form: name skeletons (normalised for order,
 * patronymics and gendered endings), parsed birth date, E.164 phone, folded document number,
 * address words and postcode.
 */
import {
  normalizeName,
  parseDate,
  normalizePhone,
  documentKey,
  skeletonTokens,
  type NormalizedName,
  type PartialDate,
} from '../../../shared/names/index';
import type { RawPerson } from './columns';

export type Sex = 'f' | 'm';

export interface PreparedPerson {
  /** Position in the input (0-based). */
  idx: number;
  id: string;
  name: NormalizedName;
  dob: PartialDate | null;
  sex: Sex | null;
  citizenship: string | null;
  /** Document number with look-alike characters folded ('' when none). */
  doc: string;
  phone: string | null;
  address: string[];
  postcode: string;
}

const FEMALE = new Set(['f', 'female', 'w', 'woman', 'ж', 'жен', 'женский', 'ә', 'әйел', 'ayol', 'zan', 'зан', '2']);
const MALE = new Set(['m', 'male', 'man', 'м', 'муж', 'мужской', 'ер', 'erkak', 'mard', 'мард', '1']);

export function parseSex(raw: string | undefined): Sex | null {
  const s = (raw ?? '').trim().toLowerCase();
  if (FEMALE.has(s)) return 'f';
  if (MALE.has(s)) return 'm';
  return null;
}

/**
 * Interning: names, dates, addresses and short codes repeat a lot, and a million persons must fit
 * in memory without millions of small objects (which make garbage collection dominate the run).
 * Equal inputs share one (read-only) prepared value. The tables are bounded.
 */
class Interner<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const v = make();
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, v);
    return v;
  }
}
const dates = new Interner<PartialDate | null>(100_000);
const addresses = new Interner<string[]>(200_000);
const codes = new Interner<string>(100_000);
const EMPTY: string[] = [];

export function preparePerson(raw: RawPerson, idx: number): PreparedPerson {
  const g = raw.given_name ?? '';
  const f = raw.family_name ?? '';
  const m = raw.middle_name ?? '';
  const name = normalizeName({ given: g, family: f, middle: m });
  const cit = (raw.citizenship ?? '').trim().toUpperCase();
  const pc = (raw.postcode ?? '').replace(/\s/g, '').toUpperCase();
  const addr = raw.address ?? '';
  const bd = raw.birth_date ?? '';
  return {
    idx,
    id: raw.id,
    name,
    dob: bd === '' ? null : dates.get(bd, () => parseDate(bd)),
    sex: parseSex(raw.sex),
    citizenship: cit === '' ? null : codes.get(cit, () => cit),
    doc: documentKey(raw.document_number),
    phone: normalizePhone(raw.phone),
    address: addr === '' ? EMPTY : addresses.get(addr, () => skeletonTokens(addr)),
    postcode: pc === '' ? '' : codes.get(pc, () => pc),
  };
}
