/**
 * Writes many cases at once, each with its person, victim context, sealed texts, one trafficking
 * event, one support plan and one consent, from the shapes of server/features/htcds/case-data.ts.
 * Used by the HTCDS import (web and command line) and usable by any bulk writer (bench data): a
 * few multi-row statements per batch instead of a dozen round trips per case.
 *
 * Same storage rules as the case file: identity values and free texts sealed under the contexts of
 * server/crypto/sealed-columns.ts, blind indexes from ../persons/blind-indexes, name tokens in
 * persons.name_tokens_bidx and person_name_tokens (as insert-person.ts writes them), codes in clear.
 * Everything goes through the scoped handle, so row-level security keeps it in the organisation.
 */
import { randomUUID } from 'node:crypto';
import type { TCaseStatus } from '../../../shared/htcds/code-lists';
import type { TCaseEventKind } from '../../../shared/schemas/case-file';
import type { TCaseStage } from '../../../shared/schemas/cases';
import type { TActor } from '../../access/actor';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import type { THtcdsCaseData } from '../htcds/case-data';
import { caseYear, formatCaseNumber } from '../cases/case-number';
import { SEALED } from '../case-profile/present-profile';
import { documentIndex, nameSearchIndexes, phoneIndex } from '../persons/blind-indexes';
import { PERSON_SEALED } from '../persons/insert-person';

/** Contexts of the support plan's sealed texts (server/crypto/sealed-columns.ts). */
export const PLAN_SEALED = {
  objectives: 'support_plans.objectives',
  actionPlan: 'support_plans.action_plan',
} as const;

/**
 * The actor of the command line: no user row, so `created_by` and timeline entries carry no user
 * (the audit says the command line did it, and who ran it).
 */
export const CLI_ACTOR_USER_ID = '00000000-0000-0000-0000-000000000000';
export const actorUserOrNull = (actor: TActor): string | null =>
  actor.userId === CLI_ACTOR_USER_ID ? null : actor.userId;

export interface TImportedCase {
  data: THtcdsCaseData;
  /** where it came from, for the 'imported' timeline entry (line of the file) */
  line?: number;
  /** when the case was opened (ISO instant; default: now), e.g. for generated history */
  openedAt?: string;
}

export interface TInsertOptions {
  /** ties the cases' 'imported' timeline entries to one audit entry */
  importId: string;
  /** Kazakhstan's date today (YYYY-MM-DD): the day a consent of the file is recorded as given */
  today?: string;
  /** the timeline entry each case gets (default 'imported') */
  eventKind?: TCaseEventKind;
}

const hex = (b: Uint8Array | null): string | null => (b ? Buffer.from(b).toString('hex') : null);

/** The stage a case of this status starts in. */
function stageOf(status: TCaseStatus, hasPlan: boolean): TCaseStage {
  if (status === 'Closed' || status === 'ClosedReferred') return 'closed';
  if (status === 'FollowUp') return 'follow_up';
  return hasPlan ? 'support_plan' : 'new';
}

/** Kazakhstan time (UTC+5), YYYY-MM-DD. */
export function kazakhstanToday(now = Date.now()): string {
  return new Date(now + 5 * 3600_000).toISOString().slice(0, 10);
}

/** Takes n consecutive case numbers of the actor's organisation at once (the counter stays locked). */
async function reserveCaseNumbers(sdb: ScopedDb, n: number): Promise<string[]> {
  const year = caseYear();
  const { rows } = await sdb.query<{ last: number }>(
    `INSERT INTO case_number_counters (org_id, year, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (org_id, year) DO UPDATE SET last_value = case_number_counters.last_value + $3
     RETURNING last_value AS last`,
    [sdb.actor.orgId, year, n],
  );
  const last = rows[0]!.last;
  return Array.from({ length: n }, (_, i) => formatCaseNumber(year, last - n + 1 + i));
}

/** Column arrays of one multi-row INSERT … SELECT FROM unnest(…). */
class Columns {
  readonly values: unknown[][];
  constructor(readonly names: readonly string[]) {
    this.values = names.map(() => []);
  }
  push(row: readonly unknown[]): void {
    row.forEach((v, i) => this.values[i]!.push(v ?? null));
  }
  get length(): number {
    return this.values[0]?.length ?? 0;
  }
  /** `unnest($k::text[], …) AS u(name, …)`, parameters numbered from `first`. */
  from(first: number): string {
    return `unnest(${this.names.map((_, i) => `$${first + i}::text[]`).join(', ')}) AS u(${this.names.join(', ')})`;
  }
}

/**
 * Inserts the cases (in the given order: case numbers follow it) and returns their ids. The caller
 * audits; each case gets an 'imported' entry on its timeline.
 */
export async function insertImportedCases(
  sdb: ScopedDb,
  sealer: Sealer,
  cases: readonly TImportedCase[],
  opts: TInsertOptions,
): Promise<string[]> {
  if (cases.length === 0) return [];
  const orgId = sdb.actor.orgId;
  const by = actorUserOrNull(sdb.actor);
  const today = opts.today ?? kazakhstanToday();
  const numbers = await reserveCaseNumbers(sdb, cases.length);
  const seal = (v: string | null | undefined, context: string) => hex(sealer.sealNullable(v, context));
  const sealJson = (o: object, context: string) =>
    Object.keys(o).length > 0 ? hex(sealer.seal(JSON.stringify(o), context)) : null;

  const persons = new Columns([
    'id', 'given', 'family', 'middle', 'birth', 'phone', 'doc', 'address', 'phone_bidx', 'doc_bidx',
    'tokens', 'sex', 'citizenship', 'birth_year', 'languages', 'extra', 'profile',
  ]); // prettier-ignore
  const caseRows = new Columns([
    'id', 'num', 'person', 'status', 'stage', 'reason', 'victim', 'tstatus', 'sensitive', 'hextra', 'payload', 'opened',
  ]); // prettier-ignore
  const events = new Columns([
    'case_id', 'type', 'day', 'country', 'state', 'city', 'street', 'postal', 'lat', 'lon', 'description',
  ]); // prettier-ignore
  const plans = new Columns(['case_id', 'types', 'objectives', 'action_plan', 'planned', 'actual']);
  const consents = new Columns(['case_id', 'agreed']);

  const ids: string[] = [];
  cases.forEach(({ data: d, line, openedAt }, i) => {
    const personId = randomUUID();
    const caseId = randomUUID();
    ids.push(caseId);
    const p = d.person;
    const s = (k: keyof typeof PERSON_SEALED) => seal(p[k], PERSON_SEALED[k][1]);
    persons.push([
      personId,
      s('givenName'),
      s('familyName'),
      s('middleName'),
      s('birthDate'),
      s('phone'),
      s('documentNumber'),
      s('address'),
      hex(phoneIndex(sealer, p.phone)),
      hex(documentIndex(sealer, p.documentNumber)),
      nameSearchIndexes(sealer, p.givenName, p.middleName, p.familyName)
        .map((b) => hex(b))
        .join(','),
      p.sex,
      p.citizenship,
      p.birthDate ? p.birthDate.slice(0, 4) : null,
      (p.languages ?? []).join(','),
      sealJson(d.extra, SEALED.personExtra),
      JSON.stringify(d.profile),
    ]);
    caseRows.push([
      caseId,
      numbers[i],
      personId,
      d.status,
      stageOf(d.status, d.plan !== null),
      d.closureReason,
      JSON.stringify(d.victim),
      d.victim.traffickingStatus,
      sealJson(d.sensitive, SEALED.sensitive),
      JSON.stringify(d.htcdsExtra),
      JSON.stringify({ importId: opts.importId, personId, ...(line !== undefined ? { line } : {}) }),
      openedAt,
    ]);
    const e = d.event;
    if (e) {
      events.push([
        caseId,
        e.type,
        e.date,
        e.country,
        e.state,
        e.city,
        seal(e.street, SEALED.street),
        e.postalCode,
        e.latitude === undefined ? null : String(e.latitude),
        e.longitude === undefined ? null : String(e.longitude),
        seal(e.description, SEALED.description),
      ]);
    }
    const plan = d.plan;
    if (plan) {
      plans.push([
        caseId,
        plan.types.join(','),
        seal(plan.objectives, PLAN_SEALED.objectives),
        seal(plan.actionPlan, PLAN_SEALED.actionPlan),
        plan.plannedEnd,
        plan.actualEnd,
      ]);
    }
    if (d.consent !== null) consents.push([caseId, d.consent ? 'true' : 'false']);
  });

  // Persons, and their name tokens in the B-tree that search uses (migration 0004).
  await sdb.query(
    `WITH p AS (
       INSERT INTO persons (id, org_id, given_name_sealed, family_name_sealed, middle_name_sealed, birth_date_sealed,
         phone_sealed, document_number_sealed, address_sealed, phone_bidx, document_bidx, name_tokens_bidx,
         sex, citizenship, birth_year, languages, extra_sealed, profile, created_by)
       SELECT u.id::uuid, $1, decode(u.given, 'hex'), decode(u.family, 'hex'), decode(u.middle, 'hex'),
         decode(u.birth, 'hex'), decode(u.phone, 'hex'), decode(u.doc, 'hex'), decode(u.address, 'hex'),
         decode(u.phone_bidx, 'hex'), decode(u.doc_bidx, 'hex'),
         ARRAY(SELECT decode(t, 'hex') FROM unnest(string_to_array(u.tokens, ',')) AS t),
         u.sex, u.citizenship, u.birth_year::int, coalesce(string_to_array(u.languages, ','), '{}'),
         decode(u.extra, 'hex'), u.profile::jsonb, $2::uuid
       FROM ${persons.from(3)}
       RETURNING id, org_id, name_tokens_bidx)
     INSERT INTO person_name_tokens (org_id, token_bidx, person_id)
     SELECT DISTINCT p.org_id, t.token, p.id FROM p, unnest(p.name_tokens_bidx) AS t (token)`,
    [orgId, by, ...persons.values],
  );
  await sdb.query(
    `INSERT INTO cases (id, org_id, case_number, person_id, status, stage, opened_at, closed_at, closure_reason,
       victim, trafficking_status, sensitive_sealed, htcds_extra, created_by)
     SELECT u.id::uuid, $1, u.num, u.person::uuid, u.status, u.stage, coalesce(u.opened::timestamptz, now()),
       CASE WHEN u.stage = 'closed' THEN greatest(now(), u.opened::timestamptz) END, u.reason, u.victim::jsonb,
       u.tstatus, decode(u.sensitive, 'hex'), u.hextra::jsonb, $2::uuid
     FROM ${caseRows.from(3)}`,
    [orgId, by, ...caseRows.values],
  );
  // The timeline: ids and line numbers only.
  await sdb.query(
    `INSERT INTO case_events (case_id, org_id, user_id, kind, payload)
     SELECT u.id::uuid, $1, $2::uuid, $3, u.payload::jsonb FROM unnest($4::text[], $5::text[]) AS u(id, payload)`,
    [orgId, by, opts.eventKind ?? 'imported', caseRows.values[0], caseRows.values[10]],
  );
  if (events.length > 0) {
    await sdb.query(
      `INSERT INTO trafficking_events (org_id, case_id, event_type, event_date, country, state, city, street_sealed,
         postal_code, latitude, longitude, description_sealed, created_by)
       SELECT $1, u.case_id::uuid, u.type, u.day::date, u.country, u.state, u.city, decode(u.street, 'hex'),
         u.postal, u.lat::double precision, u.lon::double precision, decode(u.description, 'hex'), $2::uuid
       FROM ${events.from(3)}`,
      [orgId, by, ...events.values],
    );
  }
  if (plans.length > 0) {
    await sdb.query(
      `INSERT INTO support_plans (org_id, case_id, plan_types, objectives_sealed, action_plan_sealed, planned_end,
         actual_end, created_by)
       SELECT $1, u.case_id::uuid, string_to_array(u.types, ','), decode(u.objectives, 'hex'),
         decode(u.action_plan, 'hex'), u.planned::date, u.actual::date, $2::uuid
       FROM ${plans.from(3)}`,
      [orgId, by, ...plans.values],
    );
  }
  if (consents.length > 0) {
    // con_Consent: keeping a case file was explained; true = agreed, false = refused.
    await sdb.query(
      `INSERT INTO consents (org_id, case_id, explained, agreed, given_on, given_by, recorded_by)
       SELECT $1, u.case_id::uuid, ARRAY['store_data'],
         CASE WHEN u.agreed::boolean THEN ARRAY['store_data'] ELSE '{}'::text[] END, $3::date, 'person', $2::uuid
       FROM unnest($4::text[], $5::text[]) AS u(case_id, agreed)`,
      [orgId, by, today, ...consents.values],
    );
  }
  return ids;
}
