import { z } from '@hono/zod-openapi';
import { ACTIONS, type TAction } from '../../../shared/roles';
import { ZCaseProfileSections, type TCaseEventKind } from '../../../shared/schemas/case-file';
import type { TActor } from '../../access/actor';
import { can, permittedActions } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { notFound } from '../../http/errors';
import {
  caseProfileColumns,
  personProfileColumns,
  profileListColumns,
  profileListsOfJson,
  presentProfile,
  visibilityOf,
  type TCaseProfileRow,
  type TPersonProfileRow,
  type TProfileDetail,
} from '../case-profile/present-profile';
import { PERSON_SEALED } from '../persons/insert-person';

const ZIdentity = z.object({
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  middleName: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  documentNumber: z.string().nullable(),
  address: z.string().nullable(),
});

export const ZCasePerson = z.object({
  id: z.string().uuid(),
  sex: z.string().nullable(),
  citizenship: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  languages: z.array(z.string()),
  migrationStatus: z.string().nullable(),
  /** null unless the actor's role may read identity fields ('case.readIdentity') */
  identity: ZIdentity.nullable(),
});

export const ZCaseSummary = z
  .object({
    id: z.string().uuid(),
    caseNumber: z.string(),
    status: z.string(),
    stage: z.string(),
    region: z.string().nullable(),
    assignedUserId: z.string().uuid().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
    actions: z.array(z.enum(ACTIONS)),
  })
  .openapi('CaseSummary');

export const ZCase = ZCaseSummary.extend({
  closureReason: z.string().nullable(),
  person: ZCasePerson.nullable(),
  identityRedacted: z.boolean(),
  contacts: z.array(
    z.object({ id: z.string().uuid(), startedAt: z.string(), contactType: z.string(), channel: z.string() }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      userId: z.string().uuid().nullable(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  // The profile sections (issue 3): see shared/schemas/case-file.ts.
  ...ZCaseProfileSections.shape,
}).openapi('Case');
export type TCase = z.infer<typeof ZCase>;

export type TCaseRow = {
  id: string;
  case_number: string;
  person_id: string | null;
  status: string;
  stage: string;
  assigned_user_id: string | null;
  region: string | null;
  opened_at: Date;
  closed_at: Date | null;
  closure_reason: string | null;
  version: number;
};
export const CASE_COLUMNS = `id, case_number, person_id, status, stage, assigned_user_id, region, opened_at,
  closed_at, closure_reason, version`;

export type TPersonRow = {
  id: string;
  sex: string | null;
  citizenship: string | null;
  birth_year: number | null;
  languages: string[];
  migration_status: string | null;
} & Record<(typeof PERSON_SEALED)[keyof typeof PERSON_SEALED][0], Uint8Array | null>;
export const PERSON_COLUMNS = `id, sex, citizenship, birth_year, languages, migration_status, ${Object.values(PERSON_SEALED)
  .map(([col]) => col)
  .join(', ')}`;

export type TCaseDetail = TProfileDetail & {
  person: TPersonRow | null;
  contacts: { id: string; started_at: Date; contact_type: string; channel: string }[];
  events: { at: Date; kind: string; user_id: string | null; payload: Record<string, unknown> }[];
};

const RECORD_ACTIONS: readonly TAction[] = [
  'case.read',
  'case.readIdentity',
  'case.readSensitive',
  'case.update',
  'case.close',
  'case.approve',
  'case.attachContact',
];

export function presentCaseSummary(actor: TActor, row: TCaseRow) {
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    stage: row.stage,
    region: row.region,
    assignedUserId: row.assigned_user_id,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    version: row.version,
    actions: permittedActions(actor, RECORD_ACTIONS),
  };
}

function presentPerson(actor: TActor, sealer: Sealer, p: TPersonRow): z.infer<typeof ZCasePerson> {
  const open = (k: keyof typeof PERSON_SEALED) => sealer.openNullable(p[PERSON_SEALED[k][0]], PERSON_SEALED[k][1]);
  return {
    id: p.id,
    sex: p.sex,
    citizenship: p.citizenship,
    birthYear: p.birth_year,
    languages: p.languages,
    migrationStatus: p.migration_status,
    // Field-level need to know: identity values are not even opened for other roles.
    identity: can(actor, 'case.readIdentity')
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
  };
}

export function presentCase(actor: TActor, sealer: Sealer, row: TCaseRow, d: TCaseDetail): TCase {
  return {
    ...presentCaseSummary(actor, row),
    closureReason: row.closure_reason,
    person: d.person ? presentPerson(actor, sealer, d.person) : null,
    identityRedacted: !can(actor, 'case.readIdentity'),
    contacts: d.contacts.map((x) => ({
      id: x.id,
      startedAt: x.started_at.toISOString(),
      contactType: x.contact_type,
      channel: x.channel,
    })),
    timeline: d.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, userId: e.user_id, payload: e.payload })),
    ...presentProfile(actor, sealer, d),
  };
}

/** One case of the actor's organisation (row-level security hides the others: 404, audited). */
export async function getScopedCase(db: Queryable, id: string, forUpdate = false): Promise<TCaseRow> {
  const { rows } = await db.query<TCaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('case', id);
  return rows[0];
}

/**
 * The case's person, contacts, timeline and profile sections, in one statement: the case's own
 * profile columns joined to its person, and each list of child rows as a JSON array from a
 * correlated sub-select on its case index. One round trip whatever the size of the file (no read
 * per row); sealed values the actor may not see are not even read.
 */
export async function loadCaseDetail(db: Queryable & { actor: TActor }, row: TCaseRow): Promise<TCaseDetail> {
  const v = visibilityOf(db.actor);
  const sealedCols = new Set<string>(Object.values(PERSON_SEALED).map(([col]) => col));
  const personCols = PERSON_COLUMNS.split(',')
    .map((col) => col.trim())
    .map((col) => (sealedCols.has(col) && !v.identity ? `NULL::bytea AS ${col}` : `p.${col}`))
    .join(', ');
  type THead = TCaseProfileRow &
    Partial<TPersonProfileRow> &
    Partial<TPersonRow> & {
      contacts_json: { id: string; started_at: string; contact_type: string; channel: string }[];
      events_json: { at: string; kind: string; user_id: string | null; payload: Record<string, unknown> }[];
      trafficking_events_json: Record<string, unknown>[];
      consents_json: Record<string, unknown>[];
    };
  const { rows } = await db.query<THead>(
    `SELECT ${caseProfileColumns(v)}, ${personCols}, ${personProfileColumns(v)},
       (SELECT coalesce(json_agg(r ORDER BY r.started_at, r.id), '[]'::json)
          FROM (SELECT id, started_at, contact_type, channel FROM contacts WHERE case_id = c.id) r) AS contacts_json,
       (SELECT coalesce(json_agg(r ORDER BY r.at, r.id), '[]'::json)
          FROM (SELECT id, at, kind, user_id, payload FROM case_events WHERE case_id = c.id) r) AS events_json,
       ${profileListColumns(v)}
       FROM cases c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
    [row.id],
  );
  const head = rows[0];
  if (!head) throw notFound('case', row.id);
  const person = head.id ? (head as TPersonRow) : null;
  return {
    person,
    contacts: head.contacts_json.map((x) => ({ ...x, started_at: new Date(x.started_at) })),
    events: head.events_json.map((e) => ({ at: new Date(e.at), kind: e.kind, user_id: e.user_id, payload: e.payload })),
    caseProfile: { victim: head.victim ?? {}, sensitive_sealed: head.sensitive_sealed },
    personProfile: person ? (head as TPersonProfileRow) : null,
    ...profileListsOfJson(head),
  };
}

/** Appends one entry to the case timeline (ids, codes and field names only). */
export async function addCaseEvent(
  db: Queryable & { actor: TActor },
  caseId: string,
  kind: TCaseEventKind,
  payload: Record<string, unknown>,
): Promise<void> {
  await db.query(`INSERT INTO case_events (case_id, org_id, user_id, kind, payload) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    db.actor.orgId,
    db.actor.userId,
    kind,
    JSON.stringify(payload),
  ]);
}
