/**
 * Realistic variants of a person's record, each labelled by kind: how the same person is
 * written by another organisation, another clerk or another country.
 */
import {
  kazakhToPassport,
  kazakhToLatin2021,
  kazakhToInformal,
  russianToIcao,
  russianToBgn,
  russianToGostB,
  russianToGostA,
  russianToInformal,
  tajikToPassport,
  tajikToLatin,
  tajikToRussified,
  kyrgyzToPassport,
  kyrgyzToNational,
  uzbekLatinToCyrillic,
} from '../../shared/names/index';
import type { Group } from './names-data';
import { masculine, feminine } from './names-data';

export const VARIANT_KINDS = [
  'script', // Cyrillic → Latin (passport/ICAO), or Uzbek Latin → Cyrillic
  'romanisation', // another standard: Kazakh 2021/informal, BGN, GOST, Tajik Latin, apostrophes
  'russified', // Kazakh/Tajik/Kyrgyz letters written the Russian way (Нұрлан → Нурлан, Айгүл → Айгуль)
  'typo', // one letter wrong, missing, doubled or two exchanged
  'swap', // family and given names exchanged
  'no-patronymic', // patronymic left out
  'date-swap', // day and month exchanged
  'date-error', // one digit wrong, year only, or year off by one
  'gender-ending', // -ов for -ова and the reverse
  'combined', // script change + typo + fewer fields
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface PersonRecord {
  id: string;
  group: Group;
  sex: 'f' | 'm';
  given: string;
  family: string;
  middle: string;
  birth: string; // YYYY-MM-DD, YYYY or ''
  citizenship: string;
  doc: string;
  phone: string;
  address: string;
}

export type Rnd = () => number;
export function pick<T>(rnd: Rnd, a: readonly T[]): T {
  return a[Math.floor(rnd() * a.length)] as T;
}

type Fn = (s: string) => string;
const SCRIPT: Record<Group, Fn> = {
  kk: kazakhToPassport,
  ru: russianToIcao,
  tg: tajikToPassport,
  ky: kyrgyzToPassport,
  uz: uzbekLatinToCyrillic,
};
const ROMANISATIONS: Record<Group, Fn[]> = {
  kk: [kazakhToLatin2021, kazakhToInformal],
  ru: [russianToBgn, russianToGostB, russianToGostA, russianToInformal],
  tg: [tajikToLatin, tajikToRussified],
  ky: [kyrgyzToNational],
  uz: [
    (s) => s.replace(/‘/g, "'").replace(/’/g, "'"),
    (s) => s.replace(/‘/g, 'ʻ').replace(/’/g, 'ʼ'),
    (s) => s.replace(/‘/g, '`').replace(/’/g, '`'),
    (s) => s.replace(/[‘’]/g, '').replace(/x/g, 'kh').replace(/X/g, 'Kh'),
  ],
};

const RUSSIFY: Record<string, string> = {
  ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ҳ: 'х', ҷ: 'дж', ӣ: 'и', ӯ: 'у',
};
/** Kazakh/Tajik/Kyrgyz letters replaced as a Russian speaker writes them; "гүл" becomes "гуль". */
export function russify(s: string): string {
  const soft = s.replace(/үл(?![аәеиоөуұүыіэюя])/gi, (m) => (m[0] === 'Ү' ? 'Уль' : 'уль'));
  return Array.from(soft, (c) => {
    const lower = c.toLowerCase();
    const r = RUSSIFY[lower];
    if (r === undefined) return c;
    return c === lower ? r : r.charAt(0).toUpperCase() + r.slice(1);
  }).join('');
}

/** One random edit: substitute, delete, double or exchange two neighbouring letters. */
export function typo(rnd: Rnd, s: string): string {
  const chars = Array.from(s);
  if (chars.length < 3) return s;
  const i = 1 + Math.floor(rnd() * (chars.length - 2));
  const op = rnd();
  const cyr = /\p{Script=Cyrillic}/u.test(s);
  const letters = Array.from(cyr ? 'аеиоукнгшзхлдмтсрвпбяжч' : 'aeioukngshzldmtsrvpbyjc');
  if (op < 0.35) chars[i] = pick(rnd, letters);
  else if (op < 0.6) chars.splice(i, 1);
  else if (op < 0.8) chars.splice(i, 0, chars[i] ?? '');
  else {
    const t = chars[i] ?? '';
    chars[i] = chars[i + 1] ?? t;
    chars[i + 1] = t;
  }
  return chars.join('');
}

function mapNames(p: PersonRecord, f: Fn): PersonRecord {
  return { ...p, given: f(p.given), family: f(p.family), middle: f(p.middle) };
}

function dateParts(d: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
const pad = (n: number) => String(n).padStart(2, '0');

function dateError(rnd: Rnd, d: string): string {
  const p = dateParts(d);
  if (!p) return d;
  const [y, m, day] = p;
  const r = rnd();
  if (r < 0.3) return String(y);
  if (r < 0.5) return `${y + (rnd() < 0.5 ? -1 : 1)}-${pad(m)}-${pad(day)}`;
  // One digit of the day or the year changed, keeping the date valid.
  for (let attempt = 0; attempt < 10; attempt++) {
    const digits = `${y}${pad(m)}${pad(day)}`.split('');
    const pos = pick(rnd, [2, 3, 6, 7]);
    digits[pos] = String(Math.floor(rnd() * 10));
    const s = digits.join('');
    const ny = Number(s.slice(0, 4));
    const nd = Number(s.slice(6, 8));
    if (s !== `${y}${pad(m)}${pad(day)}` && nd >= 1 && nd <= 28 && ny <= 2010) return `${ny}-${pad(m)}-${pad(nd)}`;
  }
  return String(y);
}

/** Apply one kind of variant. Returns the kind actually applied (some fall back). */
export function applyVariant(rnd: Rnd, p: PersonRecord, kind: VariantKind): { rec: PersonRecord; kind: VariantKind } {
  switch (kind) {
    case 'script':
      return { rec: mapNames(p, SCRIPT[p.group]), kind };
    case 'romanisation':
      return { rec: mapNames(p, pick(rnd, ROMANISATIONS[p.group])), kind };
    case 'russified':
      if (p.group === 'ru' || p.group === 'uz') return applyVariant(rnd, p, 'romanisation');
      return { rec: mapNames(p, russify), kind };
    case 'typo':
      return rnd() < 0.5 ? { rec: { ...p, given: typo(rnd, p.given) }, kind } : { rec: { ...p, family: typo(rnd, p.family) }, kind };
    case 'swap':
      return { rec: { ...p, given: p.family, family: p.given }, kind };
    case 'no-patronymic':
      if (p.middle === '') return applyVariant(rnd, p, 'typo');
      return { rec: { ...p, middle: '' }, kind };
    case 'date-swap': {
      const d = dateParts(p.birth);
      if (!d || d[2] > 12 || d[2] === d[1]) return applyVariant(rnd, p, 'date-error');
      return { rec: { ...p, birth: `${d[0]}-${pad(d[2])}-${pad(d[1])}` }, kind };
    }
    case 'date-error':
      return { rec: { ...p, birth: dateError(rnd, p.birth) }, kind };
    case 'gender-ending': {
      const other = p.sex === 'f' ? masculine(p.family) : feminine(p.family);
      if (other === p.family) return applyVariant(rnd, p, 'typo');
      return { rec: { ...p, family: other }, kind };
    }
    case 'combined': {
      const s = mapNames(p, SCRIPT[p.group]);
      const t = rnd() < 0.5 ? { ...s, given: typo(rnd, s.given) } : { ...s, family: typo(rnd, s.family) };
      return { rec: { ...t, phone: '', doc: rnd() < 0.5 ? '' : t.doc }, kind };
    }
  }
}
