import { documentKey, nameWords, skeletonToken } from '../../../shared/names';
import { CASE_SEARCH_MAX_WORDS, type TListCasesQuery } from '../../../shared/schemas/cases';
import type { TStaffLocale } from '../../../shared/locales';
import type { Sealer } from '../../crypto/seal';
import { documentIndex, namePrefix, namePrefixIndex, phoneIndex, BIDX_PURPOSE, toHexArray } from '../persons/blind-indexes';
import { fieldErrors } from './case-errors';

/** What a search text was taken for. Audited; the text itself never is. */
export type TCaseSearchKind = 'caseNumber' | 'phone' | 'document' | 'name';

export type TCaseSearch =
  | { kind: 'caseNumber'; caseNumber: string }
  | { kind: 'phone' | 'document'; bidx: Uint8Array }
  | { kind: 'name'; bidx: Uint8Array[]; prefix: boolean };

const CASE_NUMBER = /^KZ[-\s]?(\d{4})[-\s]?(\d{1,6})$/i;
const PHONE_CHARS = /^[+\d\s().-]+$/;

/**
 * Reads the search text: a case number (KZ-2026-000123, also "kz 2026 123"); else, made only of
 * digits and phone punctuation, a phone (libphonenumber, default region KZ); else, with a digit in
 * it, a document number (normalised like persons' document_bidx); else name words, each of which
 * must be among the person's name tokens (a word ending in `*`: among the three-letter prefixes).
 */
export function parseCaseSearch(sealer: Sealer, locale: TStaffLocale, text: string): TCaseSearch {
  const q = text.trim();
  const cn = CASE_NUMBER.exec(q);
  if (cn) return { kind: 'caseNumber', caseNumber: `KZ-${cn[1]}-${cn[2]!.padStart(6, '0')}` };
  if (PHONE_CHARS.test(q)) {
    const bidx = phoneIndex(sealer, q);
    if (bidx) return { kind: 'phone', bidx };
  }
  if (/\d/.test(q)) {
    const bidx = documentKey(q).length >= 2 ? documentIndex(sealer, q) : null;
    if (bidx) return { kind: 'document', bidx };
    throw fieldErrors(locale, [{ path: 'q', key: 'validation.searchNothingToFind' }]);
  }
  const words = nameWords(q);
  if (words.length > CASE_SEARCH_MAX_WORDS) {
    throw fieldErrors(locale, [{ path: 'q', key: 'validation.searchTooManyWords' }]);
  }
  const indexes = new Map<string, Uint8Array>();
  let prefix = false;
  for (const word of words) {
    const isPrefix = /\*+$/.test(word);
    const token = skeletonToken(word.replace(/\*+$/, ''));
    if (token === '') continue;
    if (isPrefix) {
      const p = namePrefix(token);
      if (p === null) throw fieldErrors(locale, [{ path: 'q', key: 'validation.searchPrefixTooShort' }]);
      indexes.set(`p:${p}`, namePrefixIndex(sealer, p));
      prefix = true;
    } else {
      indexes.set(`t:${token}`, sealer.blindIndex(token, BIDX_PURPOSE.nameToken));
    }
  }
  if (indexes.size === 0) throw fieldErrors(locale, [{ path: 'q', key: 'validation.searchNothingToFind' }]);
  return { kind: 'name', bidx: [...indexes.values()], prefix };
}

/** Sort keys to SQL: an allow-list, never text from the request. Every order ends with a unique key. */
export const ORDER_BY: Record<TListCasesQuery['sort'], string> = {
  '-openedAt': 'c.opened_at DESC, c.id DESC',
  openedAt: 'c.opened_at ASC, c.id ASC',
  '-caseNumber': 'c.case_number DESC',
  caseNumber: 'c.case_number ASC',
  '-updatedAt': 'c.updated_at DESC, c.id DESC',
  updatedAt: 'c.updated_at ASC, c.id ASC',
};

/** The start of a calendar day in Kazakhstan time (UTC+5, as case numbers count years). */
const kzDayStart = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+05:00`) + plusDays * 86_400_000).toISOString();

/**
 * The WHERE clause of the case list from only the filters given, every value a parameter, so that
 * each query is one the planner can match to an index (no `$n IS NULL OR …`). Row-level security
 * adds the organisation to every table read.
 */
export function caseListWhere(
  q: TListCasesQuery,
  assigned: string | undefined,
  search: TCaseSearch | null,
): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.status !== undefined) conds.push(`c.status = ${p(q.status)}`);
  if (q.region !== undefined) conds.push(`c.region = ${p(q.region)}`);
  if (assigned !== undefined) conds.push(`c.assigned_user_id = ${p(assigned)}::uuid`);
  if (q.openedFrom !== undefined) conds.push(`c.opened_at >= ${p(kzDayStart(q.openedFrom))}::timestamptz`);
  if (q.openedTo !== undefined) conds.push(`c.opened_at < ${p(kzDayStart(q.openedTo, 1))}::timestamptz`);
  if (search) {
    switch (search.kind) {
      case 'caseNumber':
        conds.push(`c.case_number = ${p(search.caseNumber)}`);
        break;
      case 'phone':
        conds.push(`c.person_id IN (SELECT ps.id FROM persons ps WHERE ps.phone_bidx = ${p(search.bidx)})`);
        break;
      case 'document':
        conds.push(`c.person_id IN (SELECT ps.id FROM persons ps WHERE ps.document_bidx = ${p(search.bidx)})`);
        break;
      case 'name':
        // Persons having every index searched for: one condition per index, each a B-tree look-up
        // (equality is leakproof, so the index is used under row-level security). Separate
        // conditions let the planner see each word's frequency: a rare name is looked up and its
        // few cases sorted; a common one is met while reading the cases in the page's order.
        // (The index travels as hex text, as bytea arrays do elsewhere: both drivers pass text alike.)
        for (const hex of toHexArray(search.bidx)) {
          conds.push(`c.person_id IN (SELECT t.person_id FROM person_name_tokens t WHERE t.token_bidx = decode(${p(hex)}, 'hex'))`);
        }
        break;
    }
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}
