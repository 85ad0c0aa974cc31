/**
 * Russian romanisations: ICAO Doc 9303 (passports since 2013), GOST 7.79-2000 systems A and B,
 * BGN/PCGN (1947), and the informal spellings found in forms and chats.
 */
import { type Table, type ContextRule, transliterate, isCyrillicVowel } from './engine';

/** The 33 letters of the Russian alphabet, in order (lower case). */
export const RU_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

export const RU_ICAO: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu',
  я: 'ia',
};

/** GOST 7.79-2000 system A (one letter for one letter, with diacritics). */
export const RU_GOST_A: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'ž', з: 'z', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ъ: 'ʺ', ы: 'y', ь: 'ʹ', э: 'è', ю: 'û', я: 'â',
};

/** GOST 7.79-2000 system B (ASCII only). Ц is "c" before е, и, ы, й and "cz" elsewhere. */
export const RU_GOST_B: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'x', ц: 'cz', ч: 'ch', ш: 'sh', щ: 'shh', ъ: '``', ы: 'y`', ь: '`', э: 'e`', ю: 'yu',
  я: 'ya',
};
const gostBRule: ContextRule = (l, _p, n) => (l === 'ц' && 'еиыйі'.includes(n) && n !== '' ? 'c' : undefined);

/** BGN/PCGN 1947. Е and Ё are "ye"/"yë" at the start of a word and after a vowel, й, ъ or ь. */
export const RU_BGN: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '”', ы: 'y', ь: '’', э: 'e', ю: 'yu',
  я: 'ya',
};
function iotatedAfter(prev: string): boolean {
  return prev === '' || !/\p{L}/u.test(prev) || isCyrillicVowel(prev) || 'йъь'.includes(prev);
}
const bgnRule: ContextRule = (l, p) => {
  if (l === 'е' && iotatedAfter(p)) return 'ye';
  if (l === 'ё' && iotatedAfter(p)) return 'yë';
  return undefined;
};

/** Informal: how people spell their own names when no standard is imposed. */
export const RU_INFORMAL: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: "'", э: 'e', ю: 'yu', я: 'ya',
};
const informalRule: ContextRule = (l, p) => (l === 'е' && (p === '' || !/\p{L}/u.test(p)) ? 'ye' : undefined);

export function russianToIcao(text: string): string {
  return transliterate(text, RU_ICAO);
}
export function russianToGostA(text: string): string {
  return transliterate(text, RU_GOST_A);
}
export function russianToGostB(text: string): string {
  return transliterate(text, RU_GOST_B, gostBRule);
}
export function russianToBgn(text: string): string {
  return transliterate(text, RU_BGN, bgnRule);
}
export function russianToInformal(text: string): string {
  return transliterate(text, RU_INFORMAL, informalRule);
}
