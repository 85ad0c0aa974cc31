/**
 * The nightly list of likely duplicates: persons of one organisation that share a keyed blocking
 * key are judged on their encodings and blind indexes (nothing is decrypted), and the pairs above
 * the threshold are kept in duplicate_candidates for review. Pairs already dismissed or merged
 * keep their state. Runs as the system (every organisation, in turn), from `senim duplicates scan`
 * and from a timer of the server at night.
 */
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { DUPLICATE_THRESHOLD, encodePerson, encoderFor, judge, keyBytes, type TStoredLink } from './encoding';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
import { PERSON_SEALED } from '../persons/insert-person';

/** Keys shared by more persons than this are too common to say anything (and too costly). */
const MAX_BLOCK = 50;

export async function scanOrganisation(db: Queryable, orgId: string): Promise<{ pairs: number; compared: number }> {
  const { rows: blocks } = await db.query<{ ids: string[] }>(
    `SELECT array_agg(k.person_id ORDER BY k.person_id) AS ids FROM person_link_keys k
      WHERE k.org_id = $1 GROUP BY k.key HAVING count(*) BETWEEN 2 AND ${MAX_BLOCK}`,
    [orgId],
  );
  const pairs = new Set<string>();
  for (const b of blocks) {
    for (let i = 0; i < b.ids.length; i++) for (let j = i + 1; j < b.ids.length; j++) pairs.add(`${b.ids[i]}|${b.ids[j]}`);
  }
  const ids = [...new Set([...pairs].flatMap((p) => p.split('|')))];
  const links = new Map<string, TStoredLink>();
  for (let i = 0; i < ids.length; i += 5000) {
    const { rows } = await db.query<TStoredLink & { id: string }>(
      `SELECT id, link_name, link_given, link_family, link_dob, phone_bidx, document_bidx FROM persons
        WHERE org_id = $1 AND id = ANY($2::uuid[]) AND merged_into IS NULL`,
      [orgId, ids.slice(i, i + 5000)],
    );
    for (const r of rows) links.set(r.id, r);
  }
  const found: Array<[string, string, number, string]> = [];
  for (const p of pairs) {
    const [a, b] = p.split('|') as [string, string];
    const la = links.get(a);
    const lb = links.get(b);
    if (!la || !lb) continue;
    const j = judge(la, lb);
    if (j.score >= DUPLICATE_THRESHOLD) found.push([a, b, j.score, JSON.stringify(j.reasons)]);
  }
  for (let i = 0; i < found.length; i += 1000) {
    const chunk = found.slice(i, i + 1000);
    await db.query(
      `INSERT INTO duplicate_candidates (org_id, person_a, person_b, score, reasons)
       SELECT $1, a, b, s, r::jsonb FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::text[]) AS t (a, b, s, r)
       ON CONFLICT (org_id, person_a, person_b) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons
        WHERE duplicate_candidates.state = 'open'`,
      [orgId, chunk.map((f) => f[0]), chunk.map((f) => f[1]), chunk.map((f) => f[2]), chunk.map((f) => f[3])],
    );
  }
  return { pairs: found.length, compared: pairs.size };
}

/** Computes the encodings of persons that have none (written before migration 0009, or imported). */
export async function reindexOrganisation(db: Queryable, sealer: Sealer, orgId: string, all = false): Promise<number> {
  const sealedCols = Object.values(PERSON_SEALED).map(([c]) => c).join(', ');
  let after = '00000000-0000-0000-0000-000000000000';
  let n = 0;
  for (;;) {
    const { rows } = await db.query<Record<string, unknown> & { id: string; sex: string | null; citizenship: string | null }>(
      `SELECT id, sex, citizenship, ${sealedCols} FROM persons
        WHERE org_id = $1 AND id > $2 AND merged_into IS NULL ${all ? '' : 'AND link_name IS NULL'} ORDER BY id LIMIT 1000`,
      [orgId, after],
    );
    if (rows.length === 0) return n;
    // One statement per batch: the encodings of 1,000 persons and their keys.
    const encoder = encoderFor(sealer, orgId);
    const ids: string[] = [];
    const cols: Record<'name' | 'given' | 'family' | 'dob', string[]> = { name: [], given: [], family: [], dob: [] };
    const keyIds: string[] = [];
    const keys: string[] = [];
    for (const r of rows) {
      const open = (k: keyof typeof PERSON_SEALED) =>
        sealer.openNullable(r[PERSON_SEALED[k][0]] as Uint8Array | null, PERSON_SEALED[k][1]) ?? undefined;
      const e = encodePerson(encoder, {
        givenName: open('givenName'),
        familyName: open('familyName'),
        middleName: open('middleName'),
        birthDate: open('birthDate'),
        phone: open('phone'),
        documentNumber: open('documentNumber'),
        address: open('address'),
        sex: (r.sex ?? undefined) as never,
        citizenship: r.citizenship ?? undefined,
      });
      ids.push(r.id);
      cols.name.push(hex(e.name));
      cols.given.push(hex(e.given));
      cols.family.push(hex(e.family));
      cols.dob.push(hex(e.dob));
      for (const k of keyBytes(e)) {
        keyIds.push(r.id);
        keys.push(hex(k));
      }
    }
    await db.query(
      `UPDATE persons p SET link_name = decode(t.n, 'hex'), link_given = decode(t.g, 'hex'),
              link_family = decode(t.f, 'hex'), link_dob = decode(t.d, 'hex')
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t (id, n, g, f, d)
        WHERE p.org_id = $1 AND p.id = t.id`,
      [orgId, ids, cols.name, cols.given, cols.family, cols.dob],
    );
    await db.query('DELETE FROM person_link_keys WHERE org_id = $1 AND person_id = ANY($2::uuid[])', [orgId, ids]);
    await db.query(
      `INSERT INTO person_link_keys (org_id, key, person_id)
       SELECT $1, decode(k, 'hex'), id FROM unnest($2::uuid[], $3::text[]) AS t (id, k) ON CONFLICT DO NOTHING`,
      [orgId, keyIds, keys],
    );
    n += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
