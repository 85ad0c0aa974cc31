/**
 * The "skeleton" of a name: one canonical Latin spelling that every script and romanisation
 * standard we know folds into, so that "Гульдан", "Guldan", "Gul'dan", "Гулдан" and "Gūldan"
 * all give "guldan". The folding is deliberately lossy (х, һ, ҳ, kh, x → h; ж, zh, dzh, j → j;
 * й, ы, і, и, y → i; double letters → one). It is for comparison only, never for display.
 *
 * Letters of scripts without a table (Arabic, Chinese, Georgian …) are kept as they are, so such
 * names are compared as written.
 */

/** Every Cyrillic letter of Russian, Kazakh, Kyrgyz, Uzbek, Tajik (and a few Ukrainian ones). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', ґ: 'g', д: 'd', е: 'e', є: 'e', ё: 'e',
  ж: 'j', з: 'z', и: 'i', ӣ: 'i', й: 'i', і: 'i', ї: 'i', к: 'k', қ: 'k', л: 'l', м: 'm',
  н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ӯ: 'u', ў: 'o', ф: 'f', х: 'h', һ: 'h', ҳ: 'h', ц: 'c', ч: 'ch', ҷ: 'j', ш: 'sh', щ: 'sh',
  ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Latin letters with marks used by the tables (2021 Kazakh, GOST A, Tajik, Turkish-style). */
const LATIN_MARKED: Readonly<Record<string, string>> = {
  ä: 'a', ə: 'a', ö: 'o', ü: 'u', ū: 'u', ŭ: 'u', ī: 'i', ı: 'i', ğ: 'g', ñ: 'n', ŋ: 'n',
  ş: 'sh', š: 'sh', ŝ: 'sh', ç: 'ch', č: 'ch', ž: 'j', ë: 'e', è: 'e', é: 'e', û: 'iu',
  â: 'ia', ß: 'ss',
};

/** Apostrophes, primes and quotes that stand for soft signs, tutuq belgisi or o‘/g‘ marks. */
const MARKS = /['’‘ʻʼ`´ʹʺ"”“]/g;

const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch|sch|shh/g, 'sh'],
  [/dzh|dj|zh/g, 'j'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/ts|tz|cz/g, 'c'],
  [/yo/g, 'e'],
  [/y/g, 'i'],
  // GOST's j for й: a j after a vowel and before a consonant or the end is i (Evgenij, Ajdar);
  // elsewhere j is ж (Janar, Jomart, Baurjan).
  [/([aeiou])j(?=[^aeiou]|$)/g, '$1i'],
];

const cache = new Map<string, string>();
const CACHE_MAX = 1_000_000;

function foldToken(token: string): string {
  let out = '';
  for (const ch of token) {
    const c = CYRILLIC[ch] ?? LATIN_MARKED[ch];
    out += c ?? ch;
  }
  out = out.normalize('NFD').replace(/\p{M}/gu, '').replace(MARKS, '');
  for (const [re, to] of FOLDS) out = out.replace(re, to);
  // Double letters (Алла/Ala, Mariia/Maria) then iotated e (Yerlan, Dmitriyevich).
  // ң is n or ng (after doubles, so that "ngg" from ңғ folds too).
  out = out.replace(/(.)\1+/g, '$1').replace(/ie/g, 'e').replace(/ng/g, 'n').replace(/(.)\1+/g, '$1');
  return out;
}

/** The skeleton of one word (no separators inside). Cached: names repeat a lot. */
export function skeletonToken(word: string): string {
  const key = word.normalize('NFC').toLowerCase();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const out = foldToken(key).replace(/[^\p{L}\p{N}]/gu, '');
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, out);
  return out;
}

/** Split a name into words at spaces, hyphens, dots, commas and slashes. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s\-‐–—_.,;/\\()]+/u)
    .filter((w) => w !== '');
}

/** Skeleton tokens of a whole name, in the order written. */
export function skeletonTokens(text: string): string[] {
  return nameWords(text)
    .map(skeletonToken)
    .filter((t) => t !== '');
}

/** Skeleton of a whole name as one string (words joined by one space). */
export function skeleton(text: string): string {
  return skeletonTokens(text).join(' ');
}

/** Does the text contain Cyrillic letters? */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}
