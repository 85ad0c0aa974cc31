import { documentKey, nameWords, normalizePhone, skeletonToken } from '../../../shared/names';
import type { Sealer } from '../../crypto/seal';

// Blind indexes of identity values: exact look-ups without the value in clear. Each family has its
// own purpose string, so equal values of different kinds never share an index. Phones of persons
// and of hotline callers share one family on purpose: a caller is recognised as a known person.

export const BIDX_PURPOSE = {
  phone: 'phone.e164',
  document: 'document.key',
  nameToken: 'name.token.skeleton',
  /** the first three letters of a token's skeleton: prefix search, written since issue 3's search */
  namePrefix3: 'name.prefix3.skeleton',
} as const;

/** Letters of a skeleton that a prefix index keeps. */
export const NAME_PREFIX_LENGTH = 3;

/** The index of a phone in E.164 form, or null when the text cannot be a phone number. */
export function phoneIndex(sealer: Sealer, raw: string | null | undefined): Uint8Array | null {
  const e164 = normalizePhone(raw);
  return e164 ? sealer.blindIndex(e164, BIDX_PURPOSE.phone) : null;
}

/** The index of a document number with look-alike characters folded (О/0, Cyrillic А/Latin A …). */
export function documentIndex(sealer: Sealer, raw: string | null | undefined): Uint8Array | null {
  const key = documentKey(raw);
  return key ? sealer.blindIndex(key, BIDX_PURPOSE.document) : null;
}

/** The skeletons of every word of the given names, without repeats ("Гульдан" and "Guldan" → guldan). */
export function nameTokens(...names: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) for (const word of nameWords(name ?? '')) {
    const t = skeletonToken(word);
    if (t !== '') tokens.add(t);
  }
  return [...tokens].sort();
}

/** One blind index per name token: a search for any one word of a name in any script finds it. */
export function nameTokenIndexes(sealer: Sealer, ...names: (string | null | undefined)[]): Uint8Array[] {
  return nameTokens(...names).map((t) => sealer.blindIndex(t, BIDX_PURPOSE.nameToken));
}

/** The prefix of a token skeleton that is indexed, or null when the token is shorter. */
export function namePrefix(token: string): string | null {
  const letters = [...token];
  return letters.length >= NAME_PREFIX_LENGTH ? letters.slice(0, NAME_PREFIX_LENGTH).join('') : null;
}

/** The index of a name prefix (the first three letters of a skeleton, e.g. "tle" of "tlegenova"). */
export function namePrefixIndex(sealer: Sealer, prefix: string): Uint8Array {
  return sealer.blindIndex(prefix, BIDX_PURPOSE.namePrefix3);
}

/**
 * Everything a person's names are found by: one index per token, and one per distinct three-letter
 * prefix of a token (another purpose, so a prefix never equals a token). Blind indexes are exact:
 * a prefix search matches on three letters only, whatever the length of the prefix typed.
 */
export function nameSearchIndexes(sealer: Sealer, ...names: (string | null | undefined)[]): Uint8Array[] {
  const tokens = nameTokens(...names);
  const prefixes = new Set<string>();
  for (const t of tokens) {
    const p = namePrefix(t);
    if (p !== null) prefixes.add(p);
  }
  return [
    ...tokens.map((t) => sealer.blindIndex(t, BIDX_PURPOSE.nameToken)),
    ...[...prefixes].sort().map((p) => namePrefixIndex(sealer, p)),
  ];
}

/** bytea[] travels as hex text[] (decoded in SQL): both drivers pass text arrays the same way. */
export function toHexArray(values: readonly Uint8Array[]): string[] {
  return values.map((v) => Buffer.from(v).toString('hex'));
}
