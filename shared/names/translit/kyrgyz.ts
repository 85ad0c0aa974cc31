/**
 * Kyrgyz: the Russian letters plus ң, ө, ү. Two romanisations: the national (BGN/PCGN-like)
 * system with j, ng, ö, ü, and the passport (ICAO-style) one that drops the marks.
 */
import { type Table, type ContextRule, transliterate, isCyrillicVowel } from './engine';

/** The 36 letters of the Kyrgyz alphabet (lower case). */
export const KY_LETTERS = 'абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя';

export const KY_NATIONAL: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', ң: 'ng', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ү: 'ü', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
};
const kyRule: ContextRule = (l, p) =>
  l === 'е' && (p === '' || !/\p{L}/u.test(p) || isCyrillicVowel(p)) ? 'ye' : undefined;

export const KY_PASSPORT: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ү: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y',
  ь: '', э: 'e', ю: 'iu', я: 'ia',
};

export function kyrgyzToNational(text: string): string {
  return transliterate(text, KY_NATIONAL, kyRule);
}
export function kyrgyzToPassport(text: string): string {
  return transliterate(text, KY_PASSPORT);
}
