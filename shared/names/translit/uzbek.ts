/**
 * Uzbek: Cyrillic ↔ Latin (the 1995 Latin alphabet). The Latin letters o‘ and g‘ and the tutuq
 * belgisi (’) are typed with many different apostrophes: ‘ ʻ ’ ' ` ´ ʼ; all are accepted.
 */
import { type Table, type ContextRule, transliterate, transliterateGreedy, isCyrillicVowel } from './engine';

/** The 35 letters of the Uzbek Cyrillic alphabet (lower case). */
export const UZ_CYRILLIC_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ';

export const UZ_CYRILLIC_TO_LATIN: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'x', ц: 'ts', ч: 'ch', ш: 'sh', ъ: '’', ь: '', э: 'e', ю: 'yu', я: 'ya', ў: 'o‘',
  қ: 'q', ғ: 'g‘', ҳ: 'h',
};
/** Е is "ye" at the start of a word and after a vowel (Ергаш → Yergash). */
const uzRule: ContextRule = (l, p) =>
  l === 'е' && (p === '' || !/\p{L}/u.test(p) || isCyrillicVowel(p) || p === 'ў') ? 'ye' : undefined;

export function uzbekCyrillicToLatin(text: string): string {
  return transliterate(text, UZ_CYRILLIC_TO_LATIN, uzRule);
}

/** Every apostrophe-like character people use in Uzbek Latin. */
export const UZ_APOSTROPHES = ['‘', 'ʻ', '’', "'", '`', '´', 'ʼ'] as const;
const APOS_CLASS = "[‘ʻ’'`´ʼ]";

/** Write o‘ and g‘ with the turned comma (U+2018) and the tutuq belgisi with U+2019. */
export function normalizeUzbekApostrophes(text: string): string {
  return text
    .replace(new RegExp(`([oOgG])${APOS_CLASS}`, 'g'), '$1‘')
    .replace(new RegExp(`([^oOgG])${APOS_CLASS}`, 'g'), '$1’');
}

export const UZ_LATIN_TO_CYRILLIC: Table = {
  a: 'а', b: 'б', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'ҳ', i: 'и', j: 'ж', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', q: 'қ', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', x: 'х',
  y: 'й', z: 'з', 'o‘': 'ў', 'g‘': 'ғ', sh: 'ш', ch: 'ч', yo: 'ё', yu: 'ю', ya: 'я', ye: 'е',
  ts: 'ц', '’': 'ъ',
};

/** Latin → Cyrillic; a word-initial "e" is Э (Ergash → Эргаш). */
export function uzbekLatinToCyrillic(text: string): string {
  const cyr = transliterateGreedy(normalizeUzbekApostrophes(text), UZ_LATIN_TO_CYRILLIC);
  return cyr.replace(/(^|[^\p{L}])е/gu, '$1э').replace(/(^|[^\p{L}])Е/gu, '$1Э');
}
