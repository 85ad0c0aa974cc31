/**
 * A small transliteration engine driven by hand-written tables.
 *
 * A table maps one lower-case source letter (or a short sequence, for Latin → Cyrillic) to its
 * lower-case target. Letters the table does not know are copied unchanged, so names in scripts
 * we have no table for are kept as they are. Case is carried over: an upper-case source letter
 * gives a capitalised target ("Ж" → "Zh"), and a letter inside an all-capitals word gives an
 * all-capitals target ("ЖАН" → "ZHAN").
 */
export type Table = Readonly<Record<string, string>>;

/** A rule that may override the table for one letter, looking at its neighbours (lower case). */
export type ContextRule = (letter: string, prev: string, next: string) => string | undefined;

const VOWELS_CYR = 'аәеёиоөуұүыіэюяӣӯ';

export function isCyrillicVowel(ch: string): boolean {
  return ch !== '' && VOWELS_CYR.includes(ch);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Upper case; with `turkic`, i → İ and ı → I (the Kazakh 2021 alphabet has both). */
function upper(s: string, turkic: boolean): string {
  if (!turkic) return s.toUpperCase();
  return Array.from(s, (c) => (c === 'i' ? 'İ' : c === 'ı' ? 'I' : c.toUpperCase())).join('');
}

function applyCase(target: string, sourceUpper: boolean, wordUpper: boolean, turkic = false): string {
  if (!sourceUpper || target === '') return target;
  if (wordUpper) return upper(target, turkic);
  return upper(target.charAt(0), turkic) + target.slice(1);
}

/** Is the word around position i written in capitals (at least two letters, all upper)? */
function wordIsUpper(chars: string[], i: number): boolean {
  let start = i;
  while (start > 0 && /\p{L}/u.test(chars[start - 1] ?? '')) start--;
  let end = i;
  while (end < chars.length - 1 && /\p{L}/u.test(chars[end + 1] ?? '')) end++;
  if (end === start) return false;
  for (let k = start; k <= end; k++) if (!isUpper(chars[k] ?? '')) return false;
  return true;
}

/**
 * Transliterate letter by letter (for tables whose keys are single letters). The optional rule
 * sees the lower-cased previous and next letters and may return a different target.
 */
export function transliterate(text: string, table: Table, rule?: ContextRule, turkic = false): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const prev = (chars[i - 1] ?? '').toLowerCase();
    const next = (chars[i + 1] ?? '').toLowerCase();
    const mapped = rule?.(lower, prev, next) ?? table[lower];
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    out += applyCase(mapped, isUpper(ch), isUpper(ch) && wordIsUpper(chars, i), turkic);
  }
  return out;
}

/**
 * Transliterate with longest-match over multi-letter keys (Latin → Cyrillic, where "sh" is one
 * letter). Keys must be lower case.
 */
export function transliterateGreedy(text: string, table: Table): string {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length);
  const maxLen = keys[0]?.length ?? 1;
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    let matched = false;
    for (let len = Math.min(maxLen, chars.length - i); len >= 1; len--) {
      const piece = chars.slice(i, i + len).join('');
      const target = table[piece.toLowerCase()];
      if (target === undefined) continue;
      const first = chars[i] ?? '';
      const upper = isUpper(first);
      const allUpper = upper && (len > 1 ? piece === piece.toUpperCase() : wordIsUpper(chars, i));
      out += applyCase(target, upper, allUpper);
      i += len;
      matched = true;
      break;
    }
    if (!matched) {
      out += chars[i] ?? '';
      i++;
    }
  }
  return out;
}

/** Invert a one-to-one table (first key wins when two letters share a target). */
export function invert(table: Table): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(table)) if (v !== '' && out[v] === undefined) out[v] = k;
  return out;
}
