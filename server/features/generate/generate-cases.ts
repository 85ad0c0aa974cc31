/**
 * `senim generate cases`: writes generated (fictional) persons, cases, contacts and trafficking
 * events into one organisation, for demonstrations and benchmarks.
 *
 * Values are sealed and indexed by the app's own code (the Sealer, the persons' blind indexes and
 * name tokens, the duplicate-detection encodings), so search, case files and duplicate checks work
 * on them as on anything typed in. Rows go in big batches (one INSERT … SELECT FROM unnest(…) per
 * table) in one transaction per batch, as the `senim_app` role in the organisation's scope, so
 * row-level security checks every row like the app's; the next batch is drawn and sealed while the
 * database writes the last one.
 */
import crypto from 'node:crypto';
import { buildActor } from '../../access/actor';
import { scopePreamble } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import type { Db, Queryable } from '../../db/types';
import type { TDeps } from '../../http/context';
import { cliAudit } from '../../cli/cli-audit';
import { activeTopicCodes } from '../../../shared/schemas/contacts';
import type { TRole } from '../../../shared/roles';
import { encodePerson, encoderFor, keyBytes } from '../duplicates/encoding';
import { loadTopicTree } from '../hotline-admin/topic-tree';
import { documentIndex, nameSearchIndexes, phoneIndex } from '../persons/blind-indexes';
import { PERSON_SEALED } from '../persons/insert-person';
import { formatCaseNumber } from '../cases/case-number';
import { BulkSealer } from './bulk-sealer';
import { loadNameGroups, type TNameGroup } from './name-lists';
import {
  PERSON_PHONE,
  femaleShareOf,
  synthCase,
  synthCaseContacts,
  synthPerson,
  synthStandaloneContact,
  synthTraffickingEvents,
  type TLayout,
  type TSynthCase,
  type TSynthContact,
  type TSynthPerson,
} from './synth';

export type TGenerateOptions = {
  orgId: string;
  count: number;
  seed: number;
  /** average contacts per case (the first opened it); 0: none */
  contactsPerCase: number;
  /** contacts that opened no case (default: half the number of cases) */
  standaloneContacts: number;
  /** the cases are spread over this many years before `untilMs` */
  years: number;
  untilMs: number;
  /** cases per transaction */
  batchSize: number;
  /** also write the duplicate-detection encodings (as the app does for every person) */
  linkKeys: boolean;
  /** write even where real data may be (see checkSafeToGenerate) */
  force: boolean;
  namesDir?: string;
  onProgress?: (p: TGenerateProgress) => void;
};

export type TGenerateCounts = {
  persons: number;
  nameTokens: number;
  linkKeys: number;
  cases: number;
  caseEvents: number;
  traffickingEvents: number;
  contacts: number;
};
export type TGenerateProgress = { casesDone: number; casesTotal: number; rows: number; elapsedMs: number };
export type TGenerateResult = TGenerateCounts & {
  rows: number;
  elapsedMs: number;
  /** time spent drawing and sealing, and waiting for the database (they overlap on PostgreSQL) */
  buildMs: number;
  waitMs: number;
};

/** The generator would write where it should not: nothing was written. */
export class GenerateRefusedError extends Error {}

type TOrgUser = { id: string; roles: TRole[] };

/**
 * Generated persons must never mix with real ones (statistics, exports, duplicate checks, case
 * lists). Without `force`, the organisation must be a demo organisation and the database must hold
 * no organisation or user that is not demo data (the rule of `senim seed --demo`).
 */
export async function checkSafeToGenerate(db: Queryable, orgId: string, force: boolean): Promise<{ name: string; isDemo: boolean }> {
  const { rows } = await db.query<{ name: string; is_demo: boolean; orgs: number; users: number }>(
    `SELECT o.name, o.is_demo,
            (SELECT count(*)::int FROM organisations WHERE NOT is_demo) AS orgs,
            (SELECT count(*)::int FROM users WHERE NOT is_demo) AS users
       FROM organisations o WHERE o.id = $1`,
    [orgId],
  );
  const org = rows[0];
  if (!org) throw new GenerateRefusedError(`No organisation with id ${orgId}.`);
  if (force) return { name: org.name, isDemo: org.is_demo };
  if (!org.is_demo) {
    throw new GenerateRefusedError(
      `"${org.name}" is not a demo organisation: generated persons would mix with its real ones. Nothing was written. ` +
        'Generate into a demo organisation (`senim seed --demo`), or pass --force on a throw-away copy.',
    );
  }
  if (org.orgs > 0 || org.users > 0) {
    throw new GenerateRefusedError(
      `This database holds real (non-demo) data: ${org.orgs} organisation(s) and ${org.users} user(s). Nothing was written. ` +
        'Generated data belongs in a demo or benchmark database; pass --force only on a throw-away copy.',
    );
  }
  return { name: org.name, isDemo: org.is_demo };
}

const hex = (b: Uint8Array | null | undefined): string | null => (b ? Buffer.from(b).toString('hex') : null);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
/** Kazakhstan time (UTC+5) decides the year of a case number, as in case-number.ts. */
const kzYear = (ms: number) => new Date(ms + 5 * 3_600_000).getUTCFullYear();

/** Name indexes are the same for every person with the same word: remember them (HMACs are the cost). */
class IndexMemo {
  private readonly names = new Map<string, string>();
  constructor(private readonly sealer: Sealer) {}
  nameIndexes(p: TSynthPerson): string {
    const key = `${p.givenName}\u0001${p.middleName ?? ''}\u0001${p.familyName}`;
    let v = this.names.get(key);
    if (v === undefined) {
      v = nameSearchIndexes(this.sealer, p.givenName, p.middleName, p.familyName)
        .map((b) => Buffer.from(b).toString('hex'))
        .join(',');
      if (this.names.size > 200_000) this.names.clear();
      this.names.set(key, v);
    }
    return v;
  }
}

/** Column arrays of one batch, ready to be sent as parameters. */
type TBatch = {
  cases: TSynthCase[];
  caseIds: string[];
  persons: Record<string, unknown[]>;
  personCount: number;
  tokenCount: number;
  linkKeyCount: number;
  caseCols: Record<string, unknown[]>;
  contacts: Record<string, unknown[]>;
  contactCount: number;
  events: Record<string, unknown[]>;
  eventCount: number;
  trafficking: Record<string, unknown[]>;
  traffickingCount: number;
};

const cols = <K extends string>(...names: K[]): Record<K, unknown[]> =>
  Object.fromEntries(names.map((n) => [n, [] as unknown[]])) as Record<K, unknown[]>;

/** `target.db`: the system database handle (the CLI's); rows are written in the organisation's scope. */
export async function generateCases(
  target: { db: Db; keyring: TDeps['keyring'] },
  o: TGenerateOptions,
): Promise<TGenerateResult> {
  const db = target.db;
  const sealer = new BulkSealer(target.keyring);
  const started = performance.now();
  const org = await checkSafeToGenerate(db, o.orgId, o.force);
  const { rows: users } = await db.query<TOrgUser>(
    'SELECT id, roles FROM users WHERE org_id = $1 AND is_active ORDER BY created_at, id',
    [o.orgId],
  );
  if (users.length === 0) {
    throw new GenerateRefusedError(`"${org.name}" has no active users to assign cases to and log contacts: add some first.`);
  }
  const has = (u: TOrgUser, ...roles: TRole[]) => roles.some((r) => u.roles.includes(r));
  const handlers = users.filter((u) => has(u, 'case_worker', 'supervisor'));
  const caseHandlers = handlers.length ? handlers : users;
  const operatorList = users.filter((u) => has(u, 'operator', 'case_worker', 'supervisor'));
  const operators = operatorList.length ? operatorList : users;
  const actor = buildActor({
    userId: users[0]!.id,
    orgId: o.orgId,
    roles: users[0]!.roles,
    isNetworkAdmin: false,
    locale: 'ru',
    sessionIdHash: new Uint8Array(32),
  });
  const preamble = scopePreamble(actor);
  const topics = await db.transaction(async (tx) => [...activeTopicCodes((await loadTopicTree(tx)).nodes)].sort(), {
    preamble,
  });
  const groups = loadNameGroups(o.namesDir);
  const layout: TLayout = { count: o.count, untilMs: o.untilMs, years: o.years };
  const memo = new IndexMemo(sealer);
  const encoder = o.linkKeys ? encoderFor(sealer, o.orgId) : null;

  // Persons of recent cases (a person may come back in a later case), by the case that made them.
  const recent = new Map<number, { id: string; phone: string | undefined; group: TNameGroup; citizenship: string }>();
  const totals: TGenerateCounts = { persons: 0, nameTokens: 0, linkKeys: 0, cases: 0, caseEvents: 0, traffickingEvents: 0, contacts: 0 };

  const personOf = (i: number, c: TSynthCase): TSynthPerson => {
    if (i === c.index) return synthPerson(groups, o.seed, i, { femaleShare: femaleShareOf(c), ageYears: c.ageYears, openedMs: c.openedMs });
    const first = synthCase(o.seed, i, layout, caseHandlers.length);
    return synthPerson(groups, o.seed, i, { femaleShare: femaleShareOf(first), ageYears: first.ageYears, openedMs: first.openedMs });
  };

  function build(from: number, to: number): TBatch {
    const b: TBatch = {
      cases: [],
      caseIds: [],
      persons: cols(
        'id', 'given', 'family', 'middle', 'birth', 'phone', 'document', 'address', 'phoneBidx', 'documentBidx', 'tokens',
        'sex', 'citizenship', 'birthYear', 'languages', 'migration', 'profile', 'createdBy', 'createdAt',
        'linkName', 'linkGiven', 'linkFamily', 'linkDob', 'keys',
      ),
      personCount: 0,
      tokenCount: 0,
      linkKeyCount: 0,
      caseCols: cols(
        'id', 'year', 'person', 'status', 'stage', 'assigned', 'region', 'opened', 'closed', 'reason', 'createdBy',
        'updated', 'version', 'victim', 'tstatus',
      ),
      contacts: cols(
        'id', 'user', 'channel', 'language', 'started', 'duration', 'type', 'role', 'topics', 'callerRegion',
        'problemRegion', 'urgency', 'notes', 'phone', 'phoneBidx', 'outcome', 'person', 'case', 'resolved',
      ),
      contactCount: 0,
      events: cols('case', 'at', 'user', 'kind', 'payload'),
      eventCount: 0,
      trafficking: cols('case', 'type', 'date', 'country', 'region', 'city', 'createdBy', 'createdAt'),
      traffickingCount: 0,
    };
    const P = b.persons;
    const C = b.caseCols;
    const K = b.contacts;
    const E = b.events;
    const T = b.trafficking;
    const addContact = (x: TSynthContact, user: string, personId: string | null, caseId: string | null, personPhone?: string) => {
      const phone = x.callerPhone === PERSON_PHONE ? (personPhone ?? null) : x.callerPhone;
      const id = crypto.randomUUID();
      K.id!.push(id);
      K.user!.push(user);
      K.channel!.push(x.channel);
      K.language!.push(x.language);
      K.started!.push(iso(x.startedMs));
      K.duration!.push(x.durationS);
      K.type!.push(x.contactType);
      K.role!.push(x.callerRole);
      K.topics!.push(x.topics.join(','));
      K.callerRegion!.push(x.callerRegion);
      K.problemRegion!.push(x.problemRegion);
      K.urgency!.push(x.urgency);
      K.notes!.push(hex(x.notes ? sealer.seal(x.notes, 'contacts.notes') : null));
      K.phone!.push(hex(phone ? sealer.seal(phone, 'contacts.caller_phone') : null));
      K.phoneBidx!.push(hex(phoneIndex(sealer, phone)));
      K.outcome!.push(x.outcome);
      K.person!.push(personId);
      K.case!.push(caseId);
      K.resolved!.push(x.crisisResolvedMs !== null && x.crisisResolvedMs <= o.untilMs ? iso(x.crisisResolvedMs) : null);
      b.contactCount++;
      return id;
    };
    const addEvent = (caseId: string, atMs: number, user: string, kind: string, payload: Record<string, unknown>) => {
      E.case!.push(caseId);
      E.at!.push(iso(atMs));
      E.user!.push(user);
      E.kind!.push(kind);
      E.payload!.push(JSON.stringify(payload));
      b.eventCount++;
    };

    for (let i = from; i < to; i++) {
      const c = synthCase(o.seed, i, layout, caseHandlers.length);
      const handler = c.assignee === null ? null : caseHandlers[c.assignee]!.id;
      const creator = handler ?? operators[i % operators.length]!.id;
      let person = recent.get(c.personIndex);
      if (!person) {
        const synth = personOf(c.personIndex, c);
        const id = crypto.randomUUID();
        person = { id, phone: synth.phone, group: synth.group, citizenship: synth.citizenship ?? 'KAZ' };
        recent.set(c.personIndex, person);
        const seal = (k: keyof typeof PERSON_SEALED) => hex(sealer.sealNullable(synth[k], PERSON_SEALED[k][1]));
        P.id!.push(id);
        P.given!.push(seal('givenName'));
        P.family!.push(seal('familyName'));
        P.middle!.push(seal('middleName'));
        P.birth!.push(seal('birthDate'));
        P.phone!.push(seal('phone'));
        P.document!.push(seal('documentNumber'));
        P.address!.push(seal('address'));
        P.phoneBidx!.push(hex(phoneIndex(sealer, synth.phone)));
        P.documentBidx!.push(hex(documentIndex(sealer, synth.documentNumber)));
        const tokens = memo.nameIndexes(synth);
        P.tokens!.push(tokens);
        b.tokenCount += tokens === '' ? 0 : tokens.split(',').length;
        P.sex!.push(synth.sex);
        P.citizenship!.push(synth.citizenship ?? null);
        P.birthYear!.push(synth.birthDate ? Number(synth.birthDate.slice(0, 4)) : null);
        P.languages!.push((synth.languages ?? []).join(','));
        P.migration!.push(synth.migrationStatus ?? null);
        P.profile!.push(JSON.stringify({ primaryLanguage: synth.languages?.[0] }));
        P.createdBy!.push(creator);
        P.createdAt!.push(iso(c.openedMs));
        if (encoder) {
          const e = encodePerson(encoder, synth);
          const keys = keyBytes(e).map((k) => k.toString('hex'));
          P.linkName!.push(hex(e.name));
          P.linkGiven!.push(hex(e.given));
          P.linkFamily!.push(hex(e.family));
          P.linkDob!.push(hex(e.dob));
          P.keys!.push(keys.join(','));
          b.linkKeyCount += keys.length;
        } else {
          for (const k of ['linkName', 'linkGiven', 'linkFamily', 'linkDob', 'keys']) P[k]!.push(null);
        }
        b.personCount++;
      }
      // personIndexOf looks back at most 5 × 100 cases
      recent.delete(i - 500);

      const caseId = crypto.randomUUID();
      b.cases.push(c);
      b.caseIds.push(caseId);
      C.id!.push(caseId);
      C.year!.push(kzYear(c.openedMs));
      C.person!.push(person.id);
      C.status!.push(c.status);
      C.stage!.push(c.stage);
      C.assigned!.push(handler);
      C.region!.push(c.region);
      C.opened!.push(iso(c.openedMs));
      C.closed!.push(iso(c.closedMs));
      C.reason!.push(c.closureReason);
      C.createdBy!.push(creator);
      C.updated!.push(iso(c.updatedMs));
      C.version!.push(c.version);
      C.victim!.push(JSON.stringify(c.victim));
      C.tstatus!.push(c.traffickingStatus);

      const contacts = synthCaseContacts(o.seed, c, person.group, o.contactsPerCase, topics, o.untilMs);
      let intakeId: string | null = null;
      for (const x of contacts) {
        const id = addContact(x, x.intake ? creator : operators[(i + b.contactCount) % operators.length]!.id, person.id, caseId, person.phone);
        if (x.intake) intakeId = id;
      }
      // as a case opened from a contact (its 'contactAttached' entry left out: one row less per case)
      addEvent(caseId, c.openedMs, creator, 'created', { personId: person.id, ...(intakeId ? { contactId: intakeId } : {}) });
      if (c.version > 1) {
        addEvent(caseId, c.closedMs ?? c.updatedMs, handler ?? creator, 'updated', {
          fields: c.closedMs ? ['status', 'stage', 'closureReason'] : ['status', 'stage'],
          version: c.version,
          status: c.status,
          stage: c.stage,
        });
      }
      for (const t of synthTraffickingEvents(o.seed, c, person.citizenship)) {
        T.case!.push(caseId);
        T.type!.push(t.type);
        T.date!.push(t.date);
        T.country!.push(t.country);
        T.region!.push(t.region);
        T.city!.push(t.city);
        T.createdBy!.push(handler ?? creator);
        T.createdAt!.push(iso(c.openedMs + 3_600_000));
        b.traffickingCount++;
      }
    }
    // Contacts that opened no case, spread over the batches in proportion.
    const s0 = Math.floor((from * o.standaloneContacts) / o.count);
    const s1 = Math.floor((to * o.standaloneContacts) / o.count);
    for (let j = s0; j < s1; j++) {
      const x = synthStandaloneContact(o.seed, j, layout, topics);
      addContact(x, operators[j % operators.length]!.id, null, null);
    }
    return b;
  }

  async function write(b: TBatch): Promise<void> {
    await db.transaction(
      async (tx) => {
        // Case numbers: take a block of each year's counter (as the app takes one number).
        const perYear = new Map<number, number>();
        for (const y of b.caseCols.year as number[]) perYear.set(y, (perYear.get(y) ?? 0) + 1);
        const { rows: blocks } = await tx.query<{ year: number; last_value: number }>(
          `INSERT INTO case_number_counters (org_id, year, last_value)
           SELECT $1, y, k FROM unnest($2::int[], $3::int[]) AS u (y, k)
           ON CONFLICT (org_id, year) DO UPDATE SET last_value = case_number_counters.last_value + EXCLUDED.last_value
           RETURNING year, last_value`,
          [o.orgId, [...perYear.keys()], [...perYear.values()]],
        );
        const next = new Map(blocks.map((r) => [r.year, r.last_value - perYear.get(r.year)! + 1]));
        const numbers = (b.caseCols.year as number[]).map((y) => {
          const n = next.get(y)!;
          next.set(y, n + 1);
          return formatCaseNumber(y, n);
        });
        if (b.personCount > 0) await insertPersons(tx, o.orgId, b.persons);
        await insertCases(tx, o.orgId, b.caseCols, numbers);
        if (b.contactCount > 0) await insertContacts(tx, o.orgId, b.contacts);
        if (b.eventCount > 0) await insertEvents(tx, o.orgId, b.events);
        if (b.traffickingCount > 0) await insertTrafficking(tx, o.orgId, b.trafficking);
      },
      { preamble },
    );
    totals.persons += b.personCount;
    totals.nameTokens += b.tokenCount;
    totals.linkKeys += b.linkKeyCount;
    totals.cases += b.cases.length;
    totals.caseEvents += b.eventCount;
    totals.traffickingEvents += b.traffickingCount;
    totals.contacts += b.contactCount;
    o.onProgress?.({ casesDone: totals.cases, casesTotal: o.count, rows: rowsOf(totals), elapsedMs: performance.now() - started });
  }

  // Draw and seal the next batch while the database writes the last one.
  let inflight: Promise<void> | null = null;
  let buildMs = 0;
  let waitMs = 0;
  for (let from = 0; from < o.count; from += o.batchSize) {
    const t0 = performance.now();
    const batch = build(from, Math.min(o.count, from + o.batchSize));
    const t1 = performance.now();
    if (inflight) await inflight;
    buildMs += t1 - t0;
    waitMs += performance.now() - t1;
    inflight = write(batch);
  }
  const t2 = performance.now();
  if (inflight) await inflight;
  waitMs += performance.now() - t2;

  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO instance_meta (key, value) VALUES ('generated', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = jsonb_set(instance_meta.value, '{runs}', (instance_meta.value->'runs') || ($1::jsonb->'runs'))`,
      [
        JSON.stringify({
          runs: [{ orgId: o.orgId, cases: totals.cases, seed: o.seed, at: new Date().toISOString(), force: o.force }],
        }),
      ],
    );
    await cliAudit(tx, target, [
      {
        action: 'seed.demoCreated',
        outcome: 'success',
        targetType: 'organisation',
        targetId: o.orgId,
        details: { generated: true, ...totals, seed: o.seed, force: o.force },
      },
    ]);
  });
  await analyse(db);
  const elapsedMs = performance.now() - started;
  return { ...totals, rows: rowsOf(totals), elapsedMs, buildMs, waitMs };
}

const rowsOf = (t: TGenerateCounts) =>
  t.persons + t.nameTokens + t.linkKeys + t.cases + t.caseEvents + t.traffickingEvents + t.contacts;

/** Fresh planner statistics (and, on PostgreSQL, the visibility map for index-only counts). */
async function analyse(db: Db): Promise<void> {
  const tables = ['persons', 'person_name_tokens', 'person_link_keys', 'cases', 'contacts', 'case_events', 'trafficking_events'];
  await db.exec(`${db.kind === 'postgres' ? 'VACUUM ' : ''}ANALYZE ${tables.join(', ')}`);
}

async function insertPersons(tx: Queryable, orgId: string, p: Record<string, unknown[]>): Promise<void> {
  await tx.query(
    `WITH person AS (
       INSERT INTO persons (id, org_id, given_name_sealed, family_name_sealed, middle_name_sealed, birth_date_sealed,
          phone_sealed, document_number_sealed, address_sealed, phone_bidx, document_bidx, name_tokens_bidx,
          sex, citizenship, birth_year, languages, migration_status, profile, created_by, created_at, updated_at,
          link_name, link_given, link_family, link_dob)
       SELECT id, $1::uuid, decode(g, 'hex'), decode(f, 'hex'), decode(m, 'hex'), decode(b, 'hex'),
          decode(ph, 'hex'), decode(d, 'hex'), decode(a, 'hex'), decode(pb, 'hex'), decode(db, 'hex'),
          ARRAY(SELECT decode(t, 'hex') FROM unnest(string_to_array(tok, ',')) AS t),
          sex, cit, by, string_to_array(lang, ','), ms, prof::jsonb, cb, ca, ca,
          decode(ln, 'hex'), decode(lg, 'hex'), decode(lf, 'hex'), decode(ld, 'hex')
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int[], $16::text[], $17::text[],
                     $18::text[], $19::uuid[], $20::timestamptz[], $21::text[], $22::text[], $23::text[], $24::text[])
           AS u (id, g, f, m, b, ph, d, a, pb, db, tok, sex, cit, by, lang, ms, prof, cb, ca, ln, lg, lf, ld)
       RETURNING id, name_tokens_bidx),
     tokens AS (
       INSERT INTO person_name_tokens (org_id, token_bidx, person_id)
       SELECT DISTINCT $1::uuid, t.token, person.id FROM person, unnest(person.name_tokens_bidx) AS t (token))
     INSERT INTO person_link_keys (org_id, key, person_id)
     SELECT DISTINCT $1::uuid, decode(k, 'hex'), u.id
       FROM unnest($2::uuid[], $25::text[]) AS u (id, keys), unnest(string_to_array(u.keys, ',')) AS k
      WHERE u.keys IS NOT NULL`,
    [
      orgId,
      p.id, p.given, p.family, p.middle, p.birth, p.phone, p.document, p.address, p.phoneBidx, p.documentBidx, p.tokens,
      p.sex, p.citizenship, p.birthYear, p.languages, p.migration, p.profile, p.createdBy, p.createdAt,
      p.linkName, p.linkGiven, p.linkFamily, p.linkDob, p.keys,
    ],
  );
}

async function insertCases(tx: Queryable, orgId: string, c: Record<string, unknown[]>, numbers: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, org_id, case_number, person_id, status, stage, assigned_user_id, region, opened_at, closed_at,
        closure_reason, created_by, updated_at, version, victim, trafficking_status)
     SELECT id, $1::uuid, n, p, s, st, a, r, o, cl, re, cb, up, v, vic::jsonb, ts
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::timestamptz[],
                   $10::timestamptz[], $11::text[], $12::uuid[], $13::timestamptz[], $14::int[], $15::text[], $16::text[])
         AS u (id, n, p, s, st, a, r, o, cl, re, cb, up, v, vic, ts)`,
    [
      orgId,
      c.id, numbers, c.person, c.status, c.stage, c.assigned, c.region, c.opened, c.closed, c.reason, c.createdBy,
      c.updated, c.version, c.victim, c.tstatus,
    ],
  );
}

async function insertContacts(tx: Queryable, orgId: string, k: Record<string, unknown[]>): Promise<void> {
  await tx.query(
    `INSERT INTO contacts (id, org_id, user_id, channel, language, started_at, duration_s, contact_type, caller_role, topics,
        caller_region, problem_region, urgency, notes_sealed, caller_phone_sealed, caller_phone_bidx, outcome, person_id,
        case_id, created_at, crisis_resolved_at)
     SELECT id, $1::uuid, u, ch, l, s, d, t, r, string_to_array(tp, ','), cr, pr, ur, decode(n, 'hex'), decode(ph, 'hex'),
        decode(pb, 'hex'), oc, p, c, s, res
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
                   $18::uuid[], $19::uuid[], $20::timestamptz[])
         AS x (id, u, ch, l, s, d, t, r, tp, cr, pr, ur, n, ph, pb, oc, p, c, res)`,
    [
      orgId,
      k.id, k.user, k.channel, k.language, k.started, k.duration, k.type, k.role, k.topics, k.callerRegion,
      k.problemRegion, k.urgency, k.notes, k.phone, k.phoneBidx, k.outcome, k.person, k.case, k.resolved,
    ],
  );
}

async function insertEvents(tx: Queryable, orgId: string, e: Record<string, unknown[]>): Promise<void> {
  await tx.query(
    `INSERT INTO case_events (case_id, org_id, at, user_id, kind, payload)
     SELECT c, $1::uuid, a, u, k, p::jsonb FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[])
       AS x (c, a, u, k, p)`,
    [orgId, e.case, e.at, e.user, e.kind, e.payload],
  );
}

async function insertTrafficking(tx: Queryable, orgId: string, t: Record<string, unknown[]>): Promise<void> {
  await tx.query(
    `INSERT INTO trafficking_events (org_id, case_id, event_type, event_date, country, region, city, created_by, created_at)
     SELECT $1::uuid, c, t, d, co, r, ci, cb, ca
       FROM unnest($2::uuid[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::timestamptz[])
         AS x (c, t, d, co, r, ci, cb, ca)`,
    [orgId, t.case, t.type, t.date, t.country, t.region, t.city, t.createdBy, t.createdAt],
  );
}
