import type { TPersonInput } from '../../../shared/schemas/cases';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { documentIndex, nameSearchIndexes, phoneIndex, toHexArray } from './blind-indexes';

/** The sealed identity columns of persons and the context each is sealed under. */
export const PERSON_SEALED = {
  givenName: ['given_name_sealed', 'persons.given_name'],
  familyName: ['family_name_sealed', 'persons.family_name'],
  middleName: ['middle_name_sealed', 'persons.middle_name'],
  birthDate: ['birth_date_sealed', 'persons.birth_date'],
  phone: ['phone_sealed', 'persons.phone'],
  documentNumber: ['document_number_sealed', 'persons.document_number'],
  address: ['address_sealed', 'persons.address'],
} as const;

/**
 * The one place a person row is written. Identity values are sealed, look-up values indexed, and
 * only non-identifying values (sex, citizenship, birth year, languages, status) stay in clear.
 */
export async function insertPerson(sdb: ScopedDb, sealer: Sealer, p: TPersonInput): Promise<{ id: string }> {
  const seal = (k: keyof typeof PERSON_SEALED) => sealer.sealNullable(p[k], PERSON_SEALED[k][1]);
  // The name indexes go into persons.name_tokens_bidx and, one row each, into person_name_tokens
  // (the B-tree that search uses under row-level security; see migration 0004).
  const { rows } = await sdb.query<{ id: string }>(
    `WITH person AS (INSERT INTO persons (org_id, given_name_sealed, family_name_sealed, middle_name_sealed, birth_date_sealed,
        phone_sealed, document_number_sealed, address_sealed, phone_bidx, document_bidx, name_tokens_bidx,
        sex, citizenship, birth_year, languages, migration_status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
        ARRAY(SELECT decode(t, 'hex') FROM unnest($11::text[]) AS t),
        $12, $13, $14, $15::text[], $16, $17)
     RETURNING id, org_id, name_tokens_bidx),
     tokens AS (INSERT INTO person_name_tokens (org_id, token_bidx, person_id)
        SELECT DISTINCT person.org_id, t.token, person.id FROM person, unnest(person.name_tokens_bidx) AS t (token))
     SELECT id FROM person`,
    [
      sdb.actor.orgId,
      seal('givenName'),
      seal('familyName'),
      seal('middleName'),
      seal('birthDate'),
      seal('phone'),
      seal('documentNumber'),
      seal('address'),
      phoneIndex(sealer, p.phone),
      documentIndex(sealer, p.documentNumber),
      toHexArray(nameSearchIndexes(sealer, p.givenName, p.middleName, p.familyName)),
      p.sex ?? null,
      p.citizenship ?? null,
      p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
      p.languages ?? [],
      p.migrationStatus ?? null,
      sdb.actor.userId,
    ],
  );
  const id = rows[0]!.id;
  sdb.audit({ action: 'person.created', outcome: 'success', targetType: 'person', targetId: id });
  return { id };
}
