import type { TPersonInput } from '../../../shared/schemas/cases';
import type { TPersonExtra, TPersonProfile } from '../../../shared/schemas/case-file';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { documentIndex, nameSearchIndexes, phoneIndex, toHexArray } from './blind-indexes';
import { writePersonLinkage } from '../duplicates/store';

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
export type TPersonSealedField = keyof typeof PERSON_SEALED;

/** The context persons.extra_sealed is sealed under (JSON of ZPersonExtra). */
export const PERSON_EXTRA_CONTEXT = 'persons.extra';

/** The HTCDS person fields beyond ZPersonInput (migration 0005): written with the person. */
export type TPersonMore = {
  extra: TPersonExtra;
  profile: TPersonProfile;
  ageYears: number | null;
  ageStatedOn: string | null;
};

/**
 * The column values of a person's identity, in the order of PERSON_VALUE_COLUMNS: identity values
 * sealed, look-up values indexed, and only non-identifying values (sex, citizenship, birth year,
 * languages, status) in clear. The name indexes travel as hex text (decoded in SQL).
 */
function personValues(sealer: Sealer, p: TPersonInput): unknown[] {
  const seal = (k: TPersonSealedField) => sealer.sealNullable(p[k], PERSON_SEALED[k][1]);
  return [
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
  ];
}
/** The columns personValues fills; the name indexes are the 10th value. */
const PERSON_VALUE_COLUMNS = [
  'given_name_sealed',
  'family_name_sealed',
  'middle_name_sealed',
  'birth_date_sealed',
  'phone_sealed',
  'document_number_sealed',
  'address_sealed',
  'phone_bidx',
  'document_bidx',
  'name_tokens_bidx',
  'sex',
  'citizenship',
  'birth_year',
  'languages',
  'migration_status',
] as const;
/** SQL of the n-th value (1-based parameter numbers from `first`), with the casts it needs. */
const valueSql = (col: (typeof PERSON_VALUE_COLUMNS)[number], param: number) =>
  col === 'name_tokens_bidx'
    ? `ARRAY(SELECT decode(t, 'hex') FROM unnest($${param}::text[]) AS t)`
    : col === 'languages'
      ? `$${param}::text[]`
      : `$${param}`;

/** The column values of the fields beyond identity: extra sealed (null when empty), profile, age. */
function moreValues(sealer: Sealer, m: TPersonMore): unknown[] {
  return [
    Object.keys(m.extra).length > 0 ? sealer.seal(JSON.stringify(m.extra), PERSON_EXTRA_CONTEXT) : null,
    JSON.stringify(m.profile),
    m.ageYears,
    m.ageStatedOn,
  ];
}
const MORE_COLUMNS = ['extra_sealed', 'profile', 'age_years', 'age_stated_on'] as const;
const moreSql = (col: (typeof MORE_COLUMNS)[number], param: number) =>
  col === 'profile' ? `$${param}::jsonb` : col === 'age_stated_on' ? `$${param}::date` : `$${param}`;

const EMPTY_MORE: TPersonMore = { extra: {}, profile: {}, ageYears: null, ageStatedOn: null };

/**
 * The one place a person row is created. Identity values are sealed, look-up values indexed, and
 * only non-identifying values stay in clear.
 */
export async function insertPerson(
  sdb: ScopedDb,
  sealer: Sealer,
  p: TPersonInput,
  more: TPersonMore = EMPTY_MORE,
): Promise<{ id: string }> {
  const values = [sdb.actor.orgId, ...personValues(sealer, p), ...moreValues(sealer, more), sdb.actor.userId];
  const cols = [...PERSON_VALUE_COLUMNS, ...MORE_COLUMNS];
  const exprs = [
    ...PERSON_VALUE_COLUMNS.map((c, i) => valueSql(c, i + 2)),
    ...MORE_COLUMNS.map((c, i) => moreSql(c, i + 2 + PERSON_VALUE_COLUMNS.length)),
  ];
  // The name indexes go into persons.name_tokens_bidx and, one row each, into person_name_tokens
  // (the B-tree that search uses under row-level security; see migration 0004).
  const { rows } = await sdb.query<{ id: string }>(
    `WITH person AS (INSERT INTO persons (org_id, ${cols.join(', ')}, created_by)
     VALUES ($1, ${exprs.join(', ')}, $${values.length})
     RETURNING id, org_id, name_tokens_bidx),
     tokens AS (INSERT INTO person_name_tokens (org_id, token_bidx, person_id)
        SELECT DISTINCT person.org_id, t.token, person.id FROM person, unnest(person.name_tokens_bidx) AS t (token))
     SELECT id FROM person`,
    values,
  );
  const id = rows[0]!.id;
  // Keyed encodings for duplicate detection (issue 5): never the names themselves.
  await writePersonLinkage(sdb, sealer, sdb.actor.orgId, id, p);
  sdb.audit({ action: 'person.created', outcome: 'success', targetType: 'person', targetId: id });
  return { id };
}

/**
 * Replaces every field of a person (absent = cleared): identity re-sealed, blind indexes and birth
 * year recomputed, the name token rows of person_name_tokens made to match (search finds the new
 * names, not the old ones), the person's version bumped. The caller audits.
 */
export async function replacePerson(
  sdb: ScopedDb,
  sealer: Sealer,
  personId: string,
  p: TPersonInput,
  more: TPersonMore,
): Promise<void> {
  const values = [personId, ...personValues(sealer, p), ...moreValues(sealer, more)];
  const sets = [
    ...PERSON_VALUE_COLUMNS.map((c, i) => `${c} = ${valueSql(c, i + 2)}`),
    ...MORE_COLUMNS.map((c, i) => `${c} = ${moreSql(c, i + 2 + PERSON_VALUE_COLUMNS.length)}`),
  ];
  const { rows } = await sdb.query<{ org_id: string }>(
    `UPDATE persons SET ${sets.join(', ')}, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING org_id`,
    values,
  );
  if (!rows[0]) throw new Error('person not found');
  // Tokens no longer in the names go; new ones come (kept ones stay: no key is deleted and inserted
  // in one statement).
  await sdb.query(
    `WITH p AS (SELECT org_id, id, name_tokens_bidx FROM persons WHERE id = $1),
     gone AS (DELETE FROM person_name_tokens t USING p
               WHERE t.person_id = p.id AND t.org_id = p.org_id AND NOT (t.token_bidx = ANY (p.name_tokens_bidx)))
     INSERT INTO person_name_tokens (org_id, token_bidx, person_id)
     SELECT DISTINCT p.org_id, tok.token, p.id FROM p, unnest(p.name_tokens_bidx) AS tok (token)
     ON CONFLICT DO NOTHING`,
    [personId],
  );
  await writePersonLinkage(sdb, sealer, rows[0].org_id, personId, p);
}
