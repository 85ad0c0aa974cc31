/**
 * Kazakh: Cyrillic ↔ the Latin alphabet of 28 January 2021, passport (ICAO-style) romanisation,
 * and the informal spellings people type on phones.
 */
import { type Table, transliterate, transliterateGreedy, isCyrillicVowel } from './engine';

/** The 42 letters of the Kazakh Cyrillic alphabet, in order (lower case). */
export const KK_CYRILLIC_LETTERS = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';

/**
 * Cyrillic → Latin (2021). The 2021 alphabet has 31 letters; letters that only occur in Russian
 * loanwords (ё ц ч щ ъ ь э ю я) are written with digraphs, as the orthographic rules propose.
 * І is dotless ı, Ы is y, И and Й are i.
 */
export const KK_LATIN_2021: Table = {
  а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z',
  и: 'i', й: 'i', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ұ: 'ū', ү: 'ü', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/**
 * Passport romanisation as found in Kazakh passports (ICAO 9303 style: the Kazakh letters lose
 * their marks, ж → zh, х → kh, ю → iu, я → ia).
 */
export const KK_PASSPORT: Table = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z',
  и: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Informal spellings (chat, social media, hand-typed forms): q, gh, ng, j, y, ya, yu. */
export const KK_INFORMAL: Table = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z',
  и: 'i', й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'ng', о: 'o', ө: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sch', ъ: '', ы: 'y', і: 'i', ь: "'", э: 'e', ю: 'yu', я: 'ya',
};

export function kazakhToLatin2021(text: string): string {
  return transliterate(text, KK_LATIN_2021, undefined, true);
}
export function kazakhToPassport(text: string): string {
  return transliterate(text, KK_PASSPORT);
}
export function kazakhToInformal(text: string): string {
  return transliterate(text, KK_INFORMAL);
}

/** 2021 Latin → Cyrillic. Digraphs first; "i" after a vowel is Й (Aigül → Айгүл). */
export const KK_LATIN_2021_TO_CYRILLIC: Table = {
  a: 'а', ä: 'ә', b: 'б', v: 'в', g: 'г', ğ: 'ғ', d: 'д', e: 'е', j: 'ж', z: 'з', i: 'и',
  k: 'к', q: 'қ', l: 'л', m: 'м', n: 'н', ñ: 'ң', o: 'о', ö: 'ө', p: 'п', r: 'р', s: 'с',
  t: 'т', u: 'у', ū: 'ұ', ü: 'ү', f: 'ф', h: 'х', ş: 'ш', y: 'ы', ı: 'і',
  io: 'ё', iu: 'ю', ia: 'я', ts: 'ц', ch: 'ч', şş: 'щ',
};

export function kazakhLatin2021ToCyrillic(text: string): string {
  // Capital İ is И and capital I is І (Turkic casing), before the table sees lower case.
  const cased = text.normalize('NFC').replace(/İ/g, 'И').replace(/I/g, 'І');
  const raw = transliterateGreedy(cased, KK_LATIN_2021_TO_CYRILLIC);
  // и directly after a vowel is the semivowel й.
  const chars = Array.from(raw);
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if ((c === 'и' || c === 'И') && isCyrillicVowel((chars[i - 1] ?? '').toLowerCase())) {
      chars[i] = c === 'и' ? 'й' : 'Й';
    }
  }
  return chars.join('');
}
