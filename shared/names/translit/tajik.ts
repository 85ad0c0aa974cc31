/**
 * Tajik: Cyrillic (35 letters with ғ ӣ қ ӯ ҳ ҷ) to the common Latin romanisation, to passport
 * spellings, and to the Russified spellings found in Russian-issued documents (ҷ → dzh, ҳ → kh).
 */
import { type Table, type ContextRule, transliterate, isCyrillicVowel } from './engine';

/** The 35 letters of the Tajik Cyrillic alphabet (lower case). */
export const TG_LETTERS = 'абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя';

export const TG_LATIN: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i',
  ӣ: 'ī', й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ӯ: 'ū', ф: 'f', х: 'kh', ҳ: 'h', ч: 'ch', ҷ: 'j', ш: 'sh', ъ: '’', э: 'e',
  ю: 'yu', я: 'ya',
};
const tgRule: ContextRule = (l, p) =>
  l === 'е' && (p === '' || !/\p{L}/u.test(p) || isCyrillicVowel(p)) ? 'ye' : undefined;

export const TG_PASSPORT: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i',
  ӣ: 'i', й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ӯ: 'u', ф: 'f', х: 'kh', ҳ: 'h', ч: 'ch', ҷ: 'j', ш: 'sh', ъ: '', э: 'e',
  ю: 'yu', я: 'ya',
};

/** Russified: the Tajik letters replaced as a Russian clerk writes them, then ICAO. */
export const TG_RUSSIFIED: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i',
  ӣ: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ӯ: 'u', ф: 'f', х: 'kh', ҳ: 'kh', ч: 'ch', ҷ: 'dzh', ш: 'sh', ъ: 'ie',
  э: 'e', ю: 'iu', я: 'ia',
};

export function tajikToLatin(text: string): string {
  return transliterate(text, TG_LATIN, tgRule);
}
export function tajikToPassport(text: string): string {
  return transliterate(text, TG_PASSPORT, tgRule);
}
export function tajikToRussified(text: string): string {
  return transliterate(text, TG_RUSSIFIED);
}
