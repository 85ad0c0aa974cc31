/**
 * Fuzzy name search (issue 5) on the same keyed encodings as duplicate detection: the persons whose
 * name filter contains most of the bits of the searched words' filter, so a typo, another
 * romanisation or script, a missing soft sign or a gendered ending still finds the person. No name
 * is decrypted: candidates come from the blind indexes of three-letter name prefixes, and are
 * judged on their Bloom filters.
 */
import { nameWords, normalizeName, skeletonToken } from '../../../shared/names';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { popcount8 } from '../linkage/clk';
import { namePrefix, namePrefixIndex, toHexArray } from '../persons/blind-indexes';
import { encoderFor } from './encoding';

/** Persons read per prefix at most (a very common prefix says little). */
const MAX_PER_PREFIX = 5000;
/** Share of the query's bits a person's name filter must hold. */
export const FUZZY_THRESHOLD = 0.8;
export const FUZZY_MAX_RESULTS = 1000;

/** |Q ∧ P| / |Q|: how much of the query is in the person's filter. */
function containment(q: Uint8Array, p: Uint8Array): number {
  let both = 0;
  let inQ = 0;
  for (let i = 0; i < q.length; i++) {
    both += popcount8((q[i] ?? 0) & (p[i] ?? 0));
    inQ += popcount8(q[i] ?? 0);
  }
  return inQ === 0 ? 0 : both / inQ;
}

/** The ids of the persons whose names are like `text`, best first. Empty when the text has no name. */
export async function fuzzyPersonIds(db: Queryable, sealer: Sealer, orgId: string, text: string): Promise<string[]> {
  const words = nameWords(text);
  const name = normalizeName({ given: words.join(' ') });
  const base = name.givenBase.length ? name.givenBase : name.given;
  if (base.length === 0) return [];
  const query = encoderFor(sealer, orgId).encodeWords('name', base);
  const prefixes = new Set<string>();
  for (const w of words) {
    const p = namePrefix(skeletonToken(w));
    if (p) prefixes.add(p);
  }
  if (prefixes.size === 0) return [];
  const { rows } = await db.query<{ id: string; link_name: Uint8Array | null }>(
    // decoded first, so that the comparison is leakproof (an index condition under row-level security)
    `WITH hs AS MATERIALIZED (SELECT decode(h, 'hex') AS bidx FROM unnest($2::text[]) AS h),
     cand AS (
       SELECT DISTINCT c.person_id FROM hs,
         LATERAL (SELECT person_id FROM person_name_tokens WHERE org_id = $1 AND token_bidx = hs.bidx LIMIT ${MAX_PER_PREFIX}) c)
     SELECT p.id, p.link_name FROM cand JOIN persons p ON p.org_id = $1 AND p.id = cand.person_id
      WHERE p.merged_into IS NULL AND p.link_name IS NOT NULL`,
    [orgId, toHexArray([...prefixes].map((p) => namePrefixIndex(sealer, p)))],
  );
  return rows
    .map((r) => ({ id: r.id, s: containment(query, r.link_name!) }))
    .filter((r) => r.s >= FUZZY_THRESHOLD)
    .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
    .slice(0, FUZZY_MAX_RESULTS)
    .map((r) => r.id);
}
