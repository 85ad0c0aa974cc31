/**
 * Identity document numbers with the usual typing errors: Cyrillic letters that look Latin
 * (А В Е К М Н О Р С Т Х), O/0, I/1/L, Z/2, S/5, B/8, spaces, dashes and "№".
 */
import { editDistance } from './similarity';

const CYR_LOOKALIKE: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  І: 'I',
};
const CONFUSABLE: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', B: '8', G: '6' };

/** Upper case, Latin letters, digits only ("№ N 123-456" → "N123456"). */
export function normalizeDocument(raw: string | null | undefined): string {
  let out = '';
  for (const ch of (raw ?? '').toUpperCase()) {
    const c = CYR_LOOKALIKE[ch] ?? ch;
    if (/[A-Z0-9]/.test(c)) out += c;
  }
  return out;
}

/** The number with look-alike characters folded together, for comparison and blocking. */
export function documentKey(raw: string | null | undefined): string {
  let out = '';
  for (const ch of normalizeDocument(raw)) out += CONFUSABLE[ch] ?? ch;
  return out;
}

export type DocumentAgreement = 'exact' | 'confusable' | 'typo' | 'none' | 'missing';

/** Compare two document numbers given as they were typed. */
export function compareDocuments(a: string | null | undefined, b: string | null | undefined): DocumentAgreement {
  const na = normalizeDocument(a);
  const nb = normalizeDocument(b);
  if (na === '' || nb === '') return 'missing';
  if (na === nb) return 'exact';
  const ka = documentKey(a);
  const kb = documentKey(b);
  if (ka === kb) return 'confusable';
  if (Math.min(ka.length, kb.length) >= 5 && editDistance(ka, kb, 1) <= 1) return 'typo';
  return 'none';
}
