import type { TDuplicateCandidate, TPersonBrief } from '../../../shared/schemas/persons';
import type { TActor } from '../../access/actor';
import { can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { documentIndex, phoneIndex } from '../persons/blind-indexes';
import { PERSON_SEALED } from '../persons/insert-person';
import { DUPLICATE_THRESHOLD, encodePerson, encoderFor, judge, keyBytes, type TLinkInput, type TStoredLink } from './encoding';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** Persons sharing a key beyond this many say little (a very common name and year): not read. */
const MAX_PER_KEY = 200;
const MAX_CANDIDATES = 400;

type TLinkRow = TStoredLink & { id: string };

/**
 * Likely duplicates of a person about to be saved, in the actor's organisation: persons sharing a
 * keyed blocking key, judged on their encodings and blind indexes. No name is decrypted to search;
 * only the few candidates shown are opened, for readers allowed to see identity.
 */
export async function findDuplicates(
  db: Queryable,
  sealer: Sealer,
  orgId: string,
  p: TLinkInput,
  excludePersonId: string | null,
  limit = 10,
): Promise<Array<{ id: string; score: number; reasons: TDuplicateCandidate['reasons'] }>> {
  const e = encodePerson(encoderFor(sealer, orgId), p);
  const keys = keyBytes(e).map(hex);
  const phone = phoneIndex(sealer, p.phone);
  const doc = documentIndex(sealer, p.documentNumber);
  if (keys.length === 0 && !phone && !doc) return [];
  // Each key's persons through the (org_id, key) B-tree, a bounded number per key.
  const { rows } = await db.query<TLinkRow>(
    // The keys are decoded first (a materialised list): compared as a plain bytea column, the
    // condition is leakproof and so an index condition under row-level security; `key = decode(…)`
    // is not, and PostgreSQL read all of person_link_keys once per key (12 s at 1,000,000 persons).
    `WITH ks AS MATERIALIZED (SELECT decode(k, 'hex') AS key FROM unnest($2::text[]) AS k),
     cand AS (
       SELECT DISTINCT c.person_id FROM ks,
         LATERAL (SELECT person_id FROM person_link_keys WHERE org_id = $1 AND key = ks.key LIMIT ${MAX_PER_KEY}) c
       UNION SELECT id FROM persons WHERE org_id = $1 AND $3::bytea IS NOT NULL AND phone_bidx = $3
       UNION SELECT id FROM persons WHERE org_id = $1 AND $4::bytea IS NOT NULL AND document_bidx = $4
       LIMIT ${MAX_CANDIDATES})
     SELECT p.id, p.link_name, p.link_given, p.link_family, p.link_dob, p.phone_bidx, p.document_bidx
       FROM cand JOIN persons p ON p.org_id = $1 AND p.id = cand.person_id
      WHERE p.merged_into IS NULL AND ($5::uuid IS NULL OR p.id <> $5)`,
    [orgId, keys, phone, doc, excludePersonId],
  );
  const me: TStoredLink = {
    link_name: e.name,
    link_given: e.given,
    link_family: e.family,
    link_dob: e.dob,
    phone_bidx: phone,
    document_bidx: doc,
  };
  return rows
    .map((r) => ({ id: r.id, ...judge(me, r) }))
    .filter((c) => c.score >= DUPLICATE_THRESHOLD || (c.reasons.some((r) => r.field === 'phone' || r.field === 'documentNumber') && c.reasons.some((r) => r.field === 'name')))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

type TBriefRow = {
  id: string;
  sex: string | null;
  citizenship: string | null;
  birth_year: number | null;
  migration_status: string | null;
  cases: { id: string; caseNumber: string; status: string }[] | null;
  contacts: number;
} & Record<string, unknown>;

/** Short descriptions of persons (identity only for readers allowed to see it), with their cases. */
export async function personBriefs(db: Queryable, actor: TActor, sealer: Sealer, ids: readonly string[]): Promise<Map<string, TPersonBrief>> {
  const out = new Map<string, TPersonBrief>();
  if (ids.length === 0) return out;
  const identity = can(actor, 'case.readIdentity');
  const sealedCols = identity ? `, ${Object.values(PERSON_SEALED).map(([c]) => `p.${c}`).join(', ')}` : '';
  const { rows } = await db.query<TBriefRow>(
    `SELECT p.id, p.sex, p.citizenship, p.birth_year, p.migration_status${sealedCols},
            (SELECT json_agg(json_build_object('id', c.id, 'caseNumber', c.case_number, 'status', c.status) ORDER BY c.opened_at)
               FROM cases c WHERE c.org_id = p.org_id AND c.person_id = p.id) AS cases,
            (SELECT count(*)::int FROM contacts k WHERE k.org_id = p.org_id AND k.person_id = p.id) AS contacts
       FROM persons p WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  for (const r of rows) {
    const open = (k: keyof typeof PERSON_SEALED) =>
      sealer.openNullable(r[PERSON_SEALED[k][0]] as Uint8Array | null, PERSON_SEALED[k][1]);
    out.set(r.id, {
      id: r.id,
      identity: identity
        ? {
            givenName: open('givenName'),
            familyName: open('familyName'),
            middleName: open('middleName'),
            birthDate: open('birthDate'),
            phone: open('phone'),
            documentNumber: open('documentNumber'),
            address: open('address'),
          }
        : null,
      sex: r.sex,
      citizenship: r.citizenship,
      birthYear: r.birth_year,
      migrationStatus: r.migration_status,
      cases: r.cases ?? [],
      contacts: r.contacts,
    });
  }
  return out;
}
