/**
 * Pairwise comparison: each field of two prepared persons is put in one of a few agreement
 * levels (a comparison vector). Level -1 means "missing on at least one side".
 */
import {
  compareNames,
  compareDates,
  jaroWinkler,
  editDistance,
  phoneTail,
  type DateAgreement,
} from '../../../shared/names/index';
import type { PreparedPerson } from './prepare';

export interface FieldDef {
  name: string;
  levels: readonly string[];
}

/** The fields and their levels, strongest agreement first, full disagreement last. */
export const FIELDS: readonly FieldDef[] = [
  { name: 'given', levels: ['exact', 'high', 'mid', 'low', 'none'] },
  { name: 'family', levels: ['exact', 'base', 'high', 'mid', 'low', 'none'] },
  { name: 'middle', levels: ['exact', 'high', 'none'] },
  { name: 'birth_date', levels: ['exact', 'swap', 'typo', 'partial', 'near', 'year', 'none'] },
  { name: 'sex', levels: ['agree', 'none'] },
  { name: 'document', levels: ['exact', 'typo', 'none'] },
  { name: 'phone', levels: ['exact', 'tail', 'none'] },
  { name: 'address', levels: ['high', 'mid', 'low', 'none'] },
  { name: 'postcode', levels: ['exact', 'typo', 'none'] },
  { name: 'citizenship', levels: ['agree', 'none'] },
];
export const F = {
  given: 0,
  family: 1,
  middle: 2,
  dob: 3,
  sex: 4,
  doc: 5,
  phone: 6,
  address: 7,
  postcode: 8,
  citizenship: 9,
} as const;
export const MISSING = -1;

/** Level of a name similarity: exact, ≥0.93, ≥0.85, ≥0.75, below. */
function nameLevel(sim: number | null, offset = 0): number {
  if (sim === null) return MISSING;
  if (sim >= 1) return 0;
  if (sim >= 0.93) return 1 + offset;
  if (sim >= 0.85) return 2 + offset;
  if (sim >= 0.75) return 3 + offset;
  return 4 + offset;
}

const DATE_LEVEL: Record<DateAgreement, number> = {
  exact: 0,
  swap: 1,
  typo: 2,
  partial: 3,
  near: 4,
  year: 5,
  none: 6,
  missing: MISSING,
};

/** Fuzzy Dice of two word lists: a word agrees when Jaro–Winkler ≥ 0.9 with a word opposite. */
export function fuzzyWordDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let matched = 0;
  const used = new Uint8Array(b.length);
  for (const w of a) {
    let best = -1;
    let bestSim = 0.9;
    for (let j = 0; j < b.length; j++) {
      if (used[j]) continue;
      const o = b[j] ?? '';
      const s = w === o ? 1 : jaroWinkler(w, o);
      if (s >= bestSim) {
        bestSim = s;
        best = j;
        if (s === 1) break;
      }
    }
    if (best >= 0) {
      used[best] = 1;
      matched++;
    }
  }
  return (2 * matched) / (a.length + b.length);
}

/** Fill `out` (length FIELDS.length) with the level of each field. */
export function comparePersons(a: PreparedPerson, b: PreparedPerson, out: Int8Array): void {
  const n = compareNames(a.name, b.name);
  out[F.given] = nameLevel(n.given);
  if (n.familyBase === null) out[F.family] = MISSING;
  else if (n.family === 1) out[F.family] = 0;
  else if (n.familyBase === 1) out[F.family] = 1;
  else out[F.family] = nameLevel(n.familyBase, 1);
  out[F.middle] = n.middle === null ? MISSING : n.middle >= 1 ? 0 : n.middle >= 0.88 ? 1 : 2;
  out[F.dob] = DATE_LEVEL[compareDates(a.dob, b.dob)];
  out[F.sex] = a.sex === null || b.sex === null ? MISSING : a.sex === b.sex ? 0 : 1;
  if (a.doc === '' || b.doc === '') out[F.doc] = MISSING;
  else if (a.doc === b.doc) out[F.doc] = 0;
  else out[F.doc] = Math.min(a.doc.length, b.doc.length) >= 5 && editDistance(a.doc, b.doc, 1) <= 1 ? 1 : 2;
  if (a.phone === null || b.phone === null) out[F.phone] = MISSING;
  else if (a.phone === b.phone) out[F.phone] = 0;
  else out[F.phone] = phoneTail(a.phone) === phoneTail(b.phone) ? 1 : 2;
  if (a.address.length === 0 || b.address.length === 0) out[F.address] = MISSING;
  else {
    const d = fuzzyWordDice(a.address, b.address);
    out[F.address] = d >= 0.8 ? 0 : d >= 0.5 ? 1 : d >= 0.25 ? 2 : 3;
  }
  if (a.postcode === '' || b.postcode === '') out[F.postcode] = MISSING;
  else if (a.postcode === b.postcode) out[F.postcode] = 0;
  else out[F.postcode] = a.postcode.length === b.postcode.length && editDistance(a.postcode, b.postcode, 1) <= 1 ? 1 : 2;
  out[F.citizenship] = a.citizenship === null || b.citizenship === null ? MISSING : a.citizenship === b.citizenship ? 0 : 1;
}
