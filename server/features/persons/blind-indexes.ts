import { documentKey, nameWords, normalizePhone, skeletonToken } from '../../../shared/names';
import type { Sealer } from '../../crypto/seal';

// Blind indexes of identity values: exact look-ups without the value in clear. Each family has its
// own purpose string, so equal values of different kinds never share an index. Phones of persons
// and of hotline callers share one family on purpose: a caller is recognised as a known person.

export const BIDX_PURPOSE = {
  phone: 'phone.e164',
  document: 'document.key',
  nameToken: 'name.token.skeleton',
} as const;

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

/** bytea[] travels as hex text[] (decoded in SQL): both drivers pass text arrays the same way. */
export function toHexArray(values: readonly Uint8Array[]): string[] {
  return values.map((v) => Buffer.from(v).toString('hex'));
}
