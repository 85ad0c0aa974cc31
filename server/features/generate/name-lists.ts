/**
 * Name lists for generated (fictional) persons: Kazakh, Russian, Uzbek, Tajik and Kyrgyz-style
 * first names and surnames, copied into the project (server/features/generate/names, from
 * ../shared/data/names): lk-geimfari/mimesis (MIT) and jqueguiner/faker2 (MIT), see NOTICE. Another
 * folder can be given. Used by `senim generate cases` and bench/dedupe.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../paths';

export type TNameGroup = 'kk' | 'ru' | 'uz' | 'tg' | 'ky';

export interface TGroupNames {
  group: TNameGroup;
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

/** Where the lists are: in the project (copied from the shared data set, attribution in NOTICE). */
export const DEFAULT_NAMES_DIR = path.resolve(REPO_ROOT, 'server', 'features', 'generate', 'names');

export class NameListsMissingError extends Error {}

function load(dir: string, file: string): Record<string, unknown> {
  const p = path.resolve(dir, file);
  if (!existsSync(p)) {
    throw new NameListsMissingError(
      `name list ${p} is missing: generated persons take their names from server/features/generate/names (or --names-dir)`,
    );
  }
  return JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}
function uniq(a: string[]): string[] {
  return [...new Set(a.map((s) => s.trim()))];
}
function get(o: Record<string, unknown>, ...keys: string[]): unknown {
  let cur: unknown = o;
  for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

/** Kazakh letters that Kyrgyz spelling does not use. */
function kyrgyzSpelling(s: string): string {
  const map: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ұ: 'у', і: 'и', һ: 'х', Ә: 'А', Ғ: 'Г', Қ: 'К', Ұ: 'У', І: 'И', Һ: 'Х' };
  return Array.from(s, (c) => map[c] ?? c).join('');
}

/** The five groups' lists. Kyrgyz-style names are the Kazakh lists respelled (there is no Kyrgyz list). */
export function loadNameGroups(dir = DEFAULT_NAMES_DIR): Record<TNameGroup, TGroupNames> {
  const kkF = load(dir, 'kk-faker.json');
  const kkM = load(dir, 'kk-mimesis.json');
  const ru = load(dir, 'ru-mimesis.json');
  const tg = load(dir, 'tg-faker.json');
  const uz = load(dir, 'uz-latin-faker.json');
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

/** Masculine form (the reverse). */
export function masculine(family: string): string {
  if (/(ова|ева|ина|ёва)$/.test(family)) return family.slice(0, -1);
  if (/(ova|eva|ina)$/.test(family)) return family.slice(0, -1);
  if (/ая$/.test(family)) return family.slice(0, -2) + 'ий';
  return family;
}
