/**
 * Name lists for the generated benchmark, read at bench time from ../shared/data/names (next to
 * the repository). Sources and licences: see README.md in this folder (mimesis, MIT; faker2, MIT).
 * Nothing is copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uzbekLatinToCyrillic } from '../../shared/names/index';

export type Group = 'kk' | 'ru' | 'uz' | 'tg' | 'ky';

export interface GroupNames {
  group: Group;
  /** Script the names are written in at the source. */
  script: 'cyrillic' | 'latin';
  male: string[];
  female: string[];
  /** Male family names (female forms are derived: -ов → -ова …). */
  familyMale: string[];
  /** Russian patronymics, when the list has them. */
  patronymicMale?: string[];
  patronymicFemale?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
export const NAMES_DIR = resolve(here, '..', '..', '..', 'shared', 'data', 'names');

function load(file: string): Record<string, unknown> {
  const path = resolve(NAMES_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`name list ${path} is missing: the benchmark reads ../shared/data/names next to the repository`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}
function uniq(a: string[]): string[] {
  return [...new Set(a.map((s) => s.trim()))];
}
function get(o: Record<string, unknown>, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

/** Kazakh letters that Kyrgyz spelling does not use. */
function kyrgyzSpelling(s: string): string {
  const map: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ұ: 'у', і: 'и', һ: 'х', Ә: 'А', Ғ: 'Г', Қ: 'К', Ұ: 'У', І: 'И', Һ: 'Х' };
  return Array.from(s, (c) => map[c] ?? c).join('');
}

export function loadGroups(): Record<Group, GroupNames> {
  const kkF = load('kk-faker.json');
  const kkM = load('kk-mimesis.json');
  const ru = load('ru-mimesis.json');
  const tg = load('tg-faker.json');
  const uz = load('uz-latin-faker.json');
  const kkMale = uniq([...strings(kkF.first_names_male), ...strings(get(kkM, 'names', 'male'))]);
  const kkFemale = uniq([...strings(kkF.first_names_female), ...strings(get(kkM, 'names', 'female'))]);
  const kkFamily = uniq([...strings(kkF.last_names), ...strings(get(kkM, 'surnames', 'male'))]);
  return {
    kk: { group: 'kk', script: 'cyrillic', male: kkMale, female: kkFemale, familyMale: kkFamily },
    ky: {
      group: 'ky',
      script: 'cyrillic',
      male: uniq(kkMale.map(kyrgyzSpelling)),
      female: uniq(kkFemale.map(kyrgyzSpelling)),
      familyMale: uniq(kkFamily.map(kyrgyzSpelling)),
    },
    ru: {
      group: 'ru',
      script: 'cyrillic',
      male: strings(get(ru, 'names', 'male')),
      female: strings(get(ru, 'names', 'female')),
      familyMale: strings(get(ru, 'surnames', 'male')),
      patronymicMale: strings(get(ru, 'patronymic', 'male')),
      patronymicFemale: strings(get(ru, 'patronymic', 'female')),
    },
    tg: {
      group: 'tg',
      script: 'cyrillic',
      male: strings(tg.first_names_male),
      female: strings(tg.first_names_female),
      familyMale: strings(tg.last_names),
    },
    uz: {
      group: 'uz',
      script: 'latin',
      male: strings(uz.first_names_male),
      female: strings(uz.first_names_female),
      familyMale: strings(uz.last_names_male),
    },
  };
}

/** Female form of a family name (-ов → -ова, -ев → -ева, -ин → -ина; Latin too). */
export function feminine(family: string): string {
  if (/(ов|ев|ин|ёв)$/.test(family)) return family + 'а';
  if (/(ov|ev|in|yov)$/.test(family)) return family + 'a';
  if (/ий$/.test(family)) return family.slice(0, -2) + 'ая';
  return family;
}

/** Masculine form (the reverse), for the gender-ending variant. */
export function masculine(family: string): string {
  if (/(ова|ева|ина|ёва)$/.test(family)) return family.slice(0, -1);
  if (/(ova|eva|ina)$/.test(family)) return family.slice(0, -1);
  if (/ая$/.test(family)) return family.slice(0, -2) + 'ий';
  return family;
}

export { uzbekLatinToCyrillic };
