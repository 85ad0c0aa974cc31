import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles';
import { buildActor } from '../../access/actor';
import { withScope } from '../../access/scoped-db';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  type TAgent,
  type TTestContext,
  type TTestUser,
} from '../../test/harness';
import { consentAllows, currentConsent } from './consent';

let ctx: TTestContext;
let orgId: string;
type TWho = TRole | 'stranger' | 'ruWorker';
const users: Partial<Record<TWho, TTestUser>> = {};
const as: Partial<Record<TWho, TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'case_worker', 'supervisor', 'admin'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.ruWorker = await buildUser(ctx, { orgId, roles: ['case_worker'] });
  as.ruWorker = await signIn(ctx, users.ruWorker, { locale: 'ru' });
  users.stranger = await buildUser(ctx, { roles: ['supervisor'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const person = {
  givenName: 'Гульдан',
  familyName: 'Тлегенова',
  birthDate: '1994-03-08',
  phone: '+7 701 555 0101',
  documentNumber: 'N 12345678',
  address: 'Шымкент, ул. Байтурсынова 12',
  sex: 'Feminine',
  citizenship: 'KAZ',
  languages: ['kaz', 'rus'],
};
const extra = {
  email: 'guldan.t@example.kz',
  homePhone: '+7 7252 55 01 01',
  mailingStreet: 'ул. Жибек Жолы 45',
  documents: [{ type: 'passport', number: 'N 87654321', heldBy: 'employer_or_other' }],
  household: [{ name: 'Айсулу Тлегенова', relation: 'child', birthYear: 2015, together: false }],
};
const profile = { maritalStatus: 'Divorced', numberOfChildren: 1, education: 'UpperSecondaryEducation' };
const narrative = 'Работодатель в Дубае забрал паспорт и удерживал зарплату';
const sensitive = { narrative, health: 'Травма руки, нужна операция', comment: 'Звонить только после 18:00' };
const victim = {
  traffickingStatus: 'PossibleVictimOfTrafficking',
  typesOfExploitation: ['ForcedLabour'],
  methodsOfControl: ['DebtBondage', 'FalsePromises'],
  ageWhenTrafficked: 28,
};
const event = {
  type: 'Recruitment',
  date: '2024-05-01',
  country: 'KAZ',
  region: 'shymkent',
  city: 'Шымкент',
  street: 'ул. Толе би 7',
  description: 'Объявление в Instagram о работе официанткой',
};
const consent = {
  explained: ['store_data', 'share_with_partners', 'share_with_police'],
  agreed: ['store_data', 'share_with_partners'],
  givenOn: '2025-01-10',
  givenBy: 'person',
  language: 'rus',
  notes: 'Согласие подписано в присутствии юриста',
};

const hexOf = (s: string) => Buffer.from(s, 'utf8').toString('hex');
/** Secrets that must never reach the database (or the audit log) in clear. */
const SECRETS = [
  'Тлегенова',
  'Айгерим',
  'guldan.t@example',
  '87654321',
  'Жибек',
  'Айсулу',
  'Дубае',
  'Травма',
  'Толе би',
  'Instagram',
  'юриста',
];

async function openCase(who: TWho = 'case_worker') {
  const res = await as[who]!.request('POST', '/api/v1/cases', { person, region: 'shymkent' });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number; person: { id: string } };
}
async function call(who: TWho | null, method: string, path: string, body?: unknown) {
  const res = await (who ? as[who]! : agent(ctx.app)).request(method, path, body);
  const json = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  return { status: res.status, body: json };
}
const versionOf = async (caseId: string) =>
  (await ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId])).rows[0]!.version;
/** Everything stored of a case's profile, as PostgreSQL prints it (bytea as hex). */
async function storedText(caseId: string): Promise<string> {
  const { rows } = await ctx.db.query<{ t: string }>(
    `SELECT concat_ws(' | ',
        (SELECT c::text FROM cases c WHERE c.id = $1),
        (SELECT p::text FROM persons p JOIN cases c ON c.person_id = p.id WHERE c.id = $1),
        (SELECT string_agg(e::text, ' ') FROM trafficking_events e WHERE e.case_id = $1),
        (SELECT string_agg(k::text, ' ') FROM consents k WHERE k.case_id = $1),
        (SELECT string_agg(ev.payload::text, ' ') FROM case_events ev WHERE ev.case_id = $1),
        (SELECT string_agg(a.details::text, ' ') FROM audit_log a WHERE a.target_id = $1::text)) AS t`,
    [caseId],
  );
  return rows[0]!.t;
}
/** A case holding every section, written through the API. */
async function fullCase() {
  const kase = await openCase();
  const base = `/api/v1/cases/${kase.id}`;
  let r = await call('case_worker', 'PUT', `${base}/person`, { person, extra, profile, ageYears: 30, version: 1 });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  r = await call('case_worker', 'PUT', `${base}/victim`, { victim, version: 2 });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  r = await call('case_worker', 'PUT', `${base}/sensitive`, { sensitive, version: 3 });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  r = await call('case_worker', 'POST', `${base}/trafficking-events`, event);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  r = await call('case_worker', 'POST', `${base}/consents`, consent);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.version).toBe(6);
  return { id: kase.id, personId: kase.person.id, base, file: r.body };
}

describe('GET /api/v1/cases/:id with the profile sections', () => {
  it('shows each role what it may see (identity, sensitive texts), audits which, and stores nothing in clear', async () => {
    const { id, base } = await fullCase();
    const cw = (await call('case_worker', 'GET', base)).body;
    expect(cw).toMatchObject({
      personExtra: extra,
      personProfile: profile,
      ageYears: 30,
      ageStatedOn: new Date().toISOString().slice(0, 10),
      victim,
      sensitive,
      sensitiveRedacted: false,
      traffickingEvents: [{ ...event, state: null, postalCode: null, latitude: null, longitude: null, createdBy: users.case_worker!.id }],
      consents: [{ ...consent, withdrawnAt: null, recordedBy: users.case_worker!.id }],
      currentConsent: { ...consent },
      actions: expect.arrayContaining(['case.readIdentity', 'case.readSensitive', 'case.update']),
    });

    const adm = (await call('admin', 'GET', base)).body;
    expect(adm).toMatchObject({
      personExtra: extra,
      personProfile: profile,
      sensitive: null,
      sensitiveRedacted: true,
      traffickingEvents: [{ street: event.street, description: null, city: 'Шымкент' }],
      consents: [{ notes: null, agreed: consent.agreed }],
      currentConsent: { notes: null },
    });

    const op = (await call('operator', 'GET', base)).body;
    expect(op).toMatchObject({
      identityRedacted: true,
      personExtra: null,
      personProfile: profile,
      ageYears: 30,
      victim,
      sensitive: null,
      sensitiveRedacted: true,
      traffickingEvents: [{ type: 'Recruitment', date: '2024-05-01', street: null, description: null }],
      consents: [{ notes: null }],
    });
    const opText = JSON.stringify(op);
    for (const s of [...SECRETS, 'Гульдан', 'ул. Толе']) expect(opText, s).not.toContain(s);

    expect((await auditRows(ctx, { action: 'case.read', targetId: id })).map((r) => r.details)).toEqual([
      { identity: true, sensitive: true },
      { identity: true, sensitive: false },
      { identity: false, sensitive: false },
    ]);

    // At rest: no name, narrative, street or note in clear, nor its UTF-8 bytes, in any row of the
    // case (sealed columns, jsonb, timeline payloads, audit details).
    const stored = await storedText(id);
    for (const s of SECRETS) {
      expect(stored, s).not.toContain(s);
      expect(stored, s).not.toContain(hexOf(s));
    }
    // codes are in clear, for statistics
    expect(stored).toContain('PossibleVictimOfTrafficking');
    expect(stored).toContain('Divorced');
    expect(stored).toContain('Recruitment');
    expect(stored).toContain('share_with_partners');
  });
});

describe('deny ladder of every profile route', () => {
  it('401 without a session, 404 for another organisation’s case (audited), 403 for a role without the action (audited), 400 with nothing changed', async () => {
    const { id, base, file } = await fullCase();
    const eventId = file.traffickingEvents[0].id as string;
    const consentId = file.consents[0].id as string;
    const sibling = await fullCase(); // another case of my organisation
    const stranger = await openCase('stranger');
    const sBase = `/api/v1/cases/${stranger.id}`;
    const sEvent = await call('stranger', 'POST', `${sBase}/trafficking-events`, event);
    const sConsent = await call('stranger', 'POST', `${sBase}/consents`, consent);
    const sEventId = sEvent.body.traffickingEvents[0].id as string;
    const sConsentId = sConsent.body.consents[0].id as string;
    const v = 6;
    const routes: {
      name: string;
      method: string;
      path: (b: string, ev: string, co: string) => string;
      body?: unknown;
      bad: unknown[];
    }[] = [
      {
        name: 'person',
        method: 'PUT',
        path: (b) => `${b}/person`,
        body: { person, version: v },
        bad: [
          { person: { ...person, birthDate: '2999-01-01' }, version: v }, // in the future
          { person, ageYears: 30, ageStatedOn: '2999-01-01', version: v },
          { person: { ...person, sex: 'F' }, version: v }, // not an HTCDS code
          { person, profile: { maritalStatus: 'Complicated' }, version: v },
          { person, extra: { documents: [{ type: 'passport', number: 'x', heldBy: 'nobody' }] }, version: v },
          { person, ageYears: 'thirty', version: v }, // wrong type
          { person, ageYears: 121, version: v },
          { person, extra: { email: 'not-an-email' }, version: v },
          { person, nickname: 'x', version: v }, // unknown field
          { person }, // no version
        ],
      },
      {
        name: 'victim',
        method: 'PUT',
        path: (b) => `${b}/victim`,
        body: { victim: {}, version: v },
        bad: [
          { victim: { traffickingStatus: 'Maybe' }, version: v },
          { victim: { typesOfExploitation: ['Slavery'] }, version: v },
          { victim: { ageWhenTrafficked: -1 }, version: v },
          { victim: { methodsOfControl: 'DebtBondage' }, version: v }, // not a list
          { victim: {}, version: '6' },
        ],
      },
      {
        name: 'sensitive',
        method: 'PUT',
        path: (b) => `${b}/sensitive`,
        body: { sensitive: {}, version: v },
        bad: [
          { sensitive: { narrative: '' }, version: v },
          { sensitive: { narrative: 'x'.repeat(20_001) }, version: v },
          { sensitive: { diary: 'x' }, version: v },
          { sensitive: { narrative: 42 }, version: v },
        ],
      },
      {
        name: 'add event',
        method: 'POST',
        path: (b) => `${b}/trafficking-events`,
        body: { type: 'Transit' },
        bad: [
          { ...event, date: '2999-12-31' },
          { ...event, type: 'Holiday' },
          { ...event, country: 'Kazakhstan' },
          { ...event, region: 'atlantis' },
          { ...event, latitude: 91 },
          { ...event, longitude: '76.9' },
          { date: '2024-01-01' },
        ],
      },
      {
        name: 'update event',
        method: 'PUT',
        path: (b, ev) => `${b}/trafficking-events/${ev}`,
        body: { type: 'Transit' },
        bad: [{ ...event, date: '2999-12-31' }, { ...event, type: 'Holiday' }, { ...event, version: 0 }],
      },
      { name: 'delete event', method: 'DELETE', path: (b, ev) => `${b}/trafficking-events/${ev}`, bad: [] },
      {
        name: 'record consent',
        method: 'POST',
        path: (b) => `${b}/consents`,
        body: { explained: ['store_data'], agreed: [], givenOn: '2025-01-01', givenBy: 'person' },
        bad: [
          { ...consent, agreed: ['store_data', 'use_in_statistics'] }, // agreed but not explained
          { ...consent, givenOn: '2999-01-01' },
          { ...consent, explained: [] },
          { ...consent, givenBy: 'neighbour' },
          { ...consent, explained: ['sell_data'] },
          { ...consent, language: 'russian' },
        ],
      },
      {
        name: 'withdraw consent',
        method: 'POST',
        path: (b, _ev, co) => `${b}/consents/${co}/withdraw`,
        body: {},
        bad: [{ reason: 'x' }],
      },
    ];

    const count = async () =>
      (
        await ctx.db.query<{ n: string }>(
          `SELECT concat_ws(',', (SELECT version FROM cases WHERE id = $1),
             (SELECT count(*) FROM trafficking_events WHERE case_id = $1), (SELECT count(*) FROM consents WHERE case_id = $1),
             (SELECT count(*) FROM consents WHERE case_id = $1 AND withdrawn_at IS NOT NULL),
             (SELECT md5(p::text) FROM persons p WHERE p.id = (SELECT person_id FROM cases WHERE id = $1)),
             (SELECT md5(c::text) FROM cases c WHERE c.id = $1)) AS n`,
          [id],
        )
      ).rows[0]!.n;
    const before = await count();
    for (const r of routes) {
      const path = r.path(base, eventId, consentId);
      expect((await call(null, r.method, path, r.body)).status, `${r.name} 401`).toBe(401);
      for (const bad of r.bad) {
        const res = await call('case_worker', r.method, path, bad);
        expect(res.status, `${r.name} 400 ${JSON.stringify(bad).slice(0, 120)}`).toBe(400);
        expect(res.body.error.code).toBe('error.validation');
      }
      // another organisation's case (and its event or consent): not found, and audited
      const foreignPath = r.path(sBase, sEventId, sConsentId);
      expect((await call('case_worker', r.method, foreignPath, r.body)).status, `${r.name} 404`).toBe(404);
      // an event or consent of another case of my organisation is not found under this case
      if ((path.includes('/trafficking-events/') || path.includes('/consents/'))) {
        const other = r.path(sibling.base, eventId, consentId);
        expect((await call('case_worker', r.method, other, r.body)).status, `${r.name} other case`).toBe(404);
      }
      // roles without case.update (the operator; the administrator, who reads identity)
      for (const who of ['operator', 'admin'] as const) {
        const res = await call(who, r.method, path, r.body);
        expect(res.status, `${r.name} 403 ${who}`).toBe(403);
        expect(res.body.error.code).toBe('error.forbidden');
      }
    }
    expect(await count()).toBe(before);
    const denied = await auditRows(ctx, { action: 'access.denied', targetId: stranger.id });
    expect(denied.length).toBeGreaterThanOrEqual(6);
    expect(denied.every((d) => d.outcome === 'denied')).toBe(true);
    const forbidden = await auditRows(ctx, { action: 'access.denied', targetId: id });
    expect(forbidden.filter((d) => d.details.attempted === 'case.update')).toHaveLength(routes.length * 2);
    // the event and consent ids of the other organisation are never confirmed
    expect(await auditRows(ctx, { action: 'access.denied', targetId: sEventId })).toHaveLength(0);

    // a body of 10 MB is refused before it is read whole
    const huge = await as.case_worker!.request(
      'PUT',
      `${base}/sensitive`,
      JSON.stringify({ sensitive: { narrative: 'x'.repeat(10_000_000) }, version: v }),
    );
    expect(huge.status).toBe(413);
    expect(await count()).toBe(before);
  });
});

describe('PUT /api/v1/cases/:id/person', () => {
  it('replaces the person: re-sealed, re-indexed (search finds the new name, not the old), versioned, on the timeline and audited', async () => {
    const kase = await openCase();
    const base = `/api/v1/cases/${kase.id}`;
    const renamed = {
      ...person,
      givenName: 'Айгерим',
      familyName: 'Сарсенбаева',
      phone: '+7 702 000 1122',
      documentNumber: 'ID 5566778',
      birthDate: undefined,
    };
    const r = await call('case_worker', 'PUT', `${base}/person`, {
      person: renamed,
      profile: { education: 'PrimaryEducation' },
      ageYears: 41,
      ageStatedOn: '2024-12-01',
      version: 1,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      version: 2,
      person: {
        id: kase.person.id,
        birthYear: null,
        identity: { givenName: 'Айгерим', familyName: 'Сарсенбаева', birthDate: null, phone: '+7 702 000 1122' },
      },
      personExtra: {},
      personProfile: { education: 'PrimaryEducation' },
      ageYears: 41,
      ageStatedOn: '2024-12-01',
    });
    const entry = r.body.timeline.at(-1);
    expect(entry).toMatchObject({ kind: 'personUpdated', payload: { personId: kase.person.id, version: 2 } });
    expect(entry.payload.fields).toEqual(
      expect.arrayContaining(['person.givenName', 'person.familyName', 'person.birthDate', 'person.phone', 'ageYears', 'profile.education']),
    );
    expect(entry.payload.fields).not.toContain('person.sex');
    expect(await auditRows(ctx, { action: 'person.updated', targetId: kase.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ personId: kase.person.id, version: 2 }) }),
    ]);

    // search by the new name, phone and document finds the case; the old name and phone do not
    const found = async (q: string) =>
      ((await call('supervisor', 'GET', `/api/v1/cases?q=${encodeURIComponent(q)}`)).body.items as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await found('Сарсенбаева')).toEqual([kase.id]);
    expect(await found('Aigerim Sarsenbayeva')).toEqual([kase.id]);
    expect(await found('Сар*')).toContain(kase.id);
    expect(await found('+77020001122')).toEqual([kase.id]);
    expect(await found('ID 5566778')).toEqual([kase.id]);
    expect(await found('Тлегенова')).not.toContain(kase.id);
    expect(await found('Гульдан')).not.toContain(kase.id);
    expect(await found('+77015550101')).not.toContain(kase.id);
    const { rows: tokens } = await ctx.db.query<{ same: boolean }>(
      `SELECT (SELECT array_agg(token_bidx ORDER BY token_bidx) FROM person_name_tokens WHERE person_id = $1)
            = (SELECT array_agg(t ORDER BY t) FROM persons, unnest(name_tokens_bidx) t WHERE id = $1) AS same`,
      [kase.person.id],
    );
    expect(tokens[0]!.same).toBe(true);
    const stored = await storedText(kase.id);
    for (const s of ['Айгерим', 'Сарсенбаева', '0001122', '5566778']) {
      expect(stored, s).not.toContain(s);
      expect(stored, s).not.toContain(hexOf(s));
    }

    // the same again: nothing changes, no new version
    const same = await call('case_worker', 'PUT', `${base}/person`, {
      person: renamed,
      profile: { education: 'PrimaryEducation' },
      ageYears: 41,
      ageStatedOn: '2024-12-01',
      version: 2,
    });
    expect(same.body.version).toBe(2);

    // a stale version: 409 naming what changed since, audited, nothing stored
    const stale = await call('supervisor', 'PUT', `${base}/person`, { person, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('error.conflict');
    expect(stale.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['person.givenName', 'ageYears']),
    );
    expect(await auditRows(ctx, { action: 'person.updated', targetId: kase.id })).toHaveLength(2);
    expect((await auditRows(ctx, { action: 'person.updated', targetId: kase.id }))[1]).toMatchObject({
      outcome: 'failure',
      details: { reason: 'conflict' },
    });
    expect(await versionOf(kase.id)).toBe(2);

    // a day the age was stated on, without the age, is refused with a field error
    const noAge = await call('case_worker', 'PUT', `${base}/person`, { person, ageStatedOn: '2024-12-01', version: 2 });
    expect(noAge.status).toBe(400);
    expect(noAge.body.error.fields).toEqual([{ path: 'ageYears', message: 'required when the day the age was stated is given' }]);
  });

  it('creates the person of a case that has none', async () => {
    const { rows } = await ctx.db.query<{ id: string }>(
      `INSERT INTO cases (org_id, case_number, created_by) VALUES ($1, $2, $3) RETURNING id`,
      [orgId, `KZ-1999-${crypto.randomInt(100000, 999999)}`, users.case_worker!.id],
    );
    const id = rows[0]!.id;
    const r = await call('case_worker', 'PUT', `/api/v1/cases/${id}/person`, { person: { givenName: 'Ерлан' }, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ version: 2, person: { identity: { givenName: 'Ерлан', familyName: null } } });
    expect(r.body.timeline.at(-1)).toMatchObject({ kind: 'personUpdated', payload: { created: true, fields: ['person.givenName'] } });
    expect(await auditRows(ctx, { action: 'person.created', targetId: r.body.person.id })).toHaveLength(1);
    const found = (await call('case_worker', 'GET', '/api/v1/cases?q=Erlan')).body.items.map((x: { id: string }) => x.id);
    expect(found).toContain(id);
  });
});

describe('PUT /api/v1/cases/:id/victim', () => {
  it('stores the codes; an actual victim is recognised only through an approval (refused in the user’s language)', async () => {
    const kase = await openCase();
    const base = `/api/v1/cases/${kase.id}`;
    const refused = await call('ruWorker', 'PUT', `${base}/victim`, {
      victim: { ...victim, traffickingStatus: 'ActualVictimOfTrafficking', statusDecisionMaker: 'Police' },
      version: 1,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      {
        path: 'victim.traffickingStatus',
        message:
          'признание фактической жертвой торговли людьми требует одобрения супервизора: отправьте запрос из карточки дела',
      },
    ]);
    expect(await versionOf(kase.id)).toBe(1);
    expect(await auditRows(ctx, { action: 'case.victimUpdated', targetId: kase.id })).toEqual([
      expect.objectContaining({ outcome: 'failure', details: { reason: 'needsApproval' } }),
    ]);

    const ok = await call('case_worker', 'PUT', `${base}/victim`, { victim, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, victim });
    expect(ok.body.timeline.at(-1)).toMatchObject({
      kind: 'victimUpdated',
      payload: { traffickingStatus: 'PossibleVictimOfTrafficking', version: 2 },
    });
    const { rows } = await ctx.db.query<{ trafficking_status: string }>('SELECT trafficking_status FROM cases WHERE id = $1', [
      kase.id,
    ]);
    expect(rows[0]!.trafficking_status).toBe('PossibleVictimOfTrafficking');

    // as an approved request leaves it (the approvals endpoint)
    await ctx.db.query(
      `UPDATE cases SET trafficking_status = 'ActualVictimOfTrafficking',
         victim = victim || '{"traffickingStatus":"ActualVictimOfTrafficking","statusDecisionMaker":"CourtOrProsecution"}'::jsonb
       WHERE id = $1`,
      [kase.id],
    );
    // the status and its deciding body stay when the form leaves them out or sends them back
    const kept = await call('case_worker', 'PUT', `${base}/victim`, {
      victim: { typesOfExploitation: ['ForcedLabour', 'SexualExploitation'] },
      version: 2,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.victim).toEqual({
      traffickingStatus: 'ActualVictimOfTrafficking',
      statusDecisionMaker: 'CourtOrProsecution',
      typesOfExploitation: ['ForcedLabour', 'SexualExploitation'],
    });
    const again = await call('case_worker', 'PUT', `${base}/victim`, { victim: kept.body.victim, version: 3 });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(3); // nothing changed
    const otherBody = await call('case_worker', 'PUT', `${base}/victim`, {
      victim: { ...kept.body.victim, statusDecisionMaker: 'NGO' },
      version: 3,
    });
    expect(otherBody.status).toBe(400);
    expect(otherBody.body.error.fields[0].path).toBe('victim.statusDecisionMaker');

    // a stale version names the victim fields changed since
    const stale = await call('supervisor', 'PUT', `${base}/victim`, { victim: {}, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['victim.traffickingStatus', 'victim.typesOfExploitation']),
    );
  });
});

describe('PUT /api/v1/cases/:id/sensitive', () => {
  it('seals the texts, replaces them whole (absent = cleared), versioned', async () => {
    const kase = await openCase();
    const base = `/api/v1/cases/${kase.id}`;
    const r = await call('supervisor', 'PUT', `${base}/sensitive`, { sensitive, version: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 2, sensitive, sensitiveRedacted: false });
    expect(r.body.timeline.at(-1).payload.fields).toEqual(['sensitive.comment', 'sensitive.health', 'sensitive.narrative']);
    const { rows } = await ctx.db.query<{ raw: string }>(`SELECT encode(sensitive_sealed, 'hex') AS raw FROM cases WHERE id = $1`, [
      kase.id,
    ]);
    expect(rows[0]!.raw.length).toBeGreaterThan(100);
    expect(rows[0]!.raw).not.toContain(hexOf('Дубае'));

    const cleared = await call('case_worker', 'PUT', `${base}/sensitive`, { sensitive: { narrative }, version: 2 });
    expect(cleared.body).toMatchObject({ version: 3, sensitive: { narrative } });
    expect(cleared.body.sensitive.health).toBeUndefined();
    expect(cleared.body.timeline.at(-1).payload.fields).toEqual(['sensitive.comment', 'sensitive.health']);
    const none = await call('case_worker', 'PUT', `${base}/sensitive`, { sensitive: {}, version: 3 });
    expect(none.body).toMatchObject({ version: 4, sensitive: {} });
    expect((await ctx.db.query('SELECT 1 FROM cases WHERE id = $1 AND sensitive_sealed IS NULL', [kase.id])).rows).toHaveLength(1);
    expect(await auditRows(ctx, { action: 'case.sensitiveUpdated', targetId: kase.id })).toHaveLength(3);
  });
});

describe('trafficking events', () => {
  it('are the route on a timeline (by date, undated last), replaced and deleted, each a new version', async () => {
    const kase = await openCase();
    const base = `/api/v1/cases/${kase.id}/trafficking-events`;
    const add = async (e: Record<string, unknown>) => {
      const r = await call('case_worker', 'POST', base, e);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    await add({ type: 'Exploitation', country: 'ARE', city: 'Dubai' }); // no date
    await add({ type: 'Transit', date: '2024-05-20', country: 'KAZ', region: 'almaty', latitude: 43.25, longitude: 76.95 });
    const last = await add(event);
    expect(last.version).toBe(4);
    expect(last.traffickingEvents.map((e: { type: string }) => e.type)).toEqual(['Recruitment', 'Transit', 'Exploitation']);
    expect(last.traffickingEvents[1]).toMatchObject({ latitude: 43.25, longitude: 76.95, region: 'almaty' });
    const transit = last.traffickingEvents[1].id as string;
    const dubai = last.traffickingEvents[2].id as string;

    const moved = await call('case_worker', 'PUT', `${base}/${dubai}`, {
      type: 'Exploitation',
      date: '2024-06-01',
      country: 'ARE',
      city: 'Dubai',
      description: 'Работа без выходных, паспорт у работодателя',
      version: 4,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.version).toBe(5);
    expect(moved.body.traffickingEvents.map((e: { id: string }) => e.id).at(-1)).toBe(dubai);
    expect(moved.body.traffickingEvents.at(-1)).toMatchObject({ date: '2024-06-01', description: expect.stringContaining('паспорт') });
    expect(moved.body.timeline.at(-1)).toMatchObject({
      kind: 'traffickingEventUpdated',
      payload: { eventId: dubai, fields: ['traffickingEvents'], eventFields: ['date', 'description'] },
    });
    const stale = await call('case_worker', 'PUT', `${base}/${dubai}`, { type: 'Transit', version: 4 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.fields).toEqual([{ path: 'traffickingEvents', message: 'changed by someone else in the meantime' }]);

    const del = await call('case_worker', 'DELETE', `${base}/${transit}`);
    expect(del.status).toBe(200);
    expect(del.body.traffickingEvents.map((e: { id: string }) => e.id)).not.toContain(transit);
    expect(del.body.timeline.at(-1)).toMatchObject({ kind: 'traffickingEventDeleted', payload: { eventId: transit, type: 'Transit' } });
    expect((await call('case_worker', 'DELETE', `${base}/${transit}`)).status).toBe(404);
    expect((await auditRows(ctx, { targetId: kase.id })).map((a) => a.action)).toEqual(
      expect.arrayContaining(['traffickingEvent.recorded', 'traffickingEvent.updated', 'traffickingEvent.deleted']),
    );
    const stored = await storedText(kase.id);
    expect(stored).not.toContain(hexOf('паспорт у работодателя'));
    expect(stored).not.toContain(hexOf('Толе би'));
  });
});

describe('consent', () => {
  it('the current consent is the latest not withdrawn; withdrawing is recorded once, also on a closed case', async () => {
    const kase = await openCase();
    const base = `/api/v1/cases/${kase.id}`;
    const first = await call('case_worker', 'POST', `${base}/consents`, consent);
    expect(first.status).toBe(201);
    const second = await call('case_worker', 'POST', `${base}/consents`, {
      explained: ['store_data', 'use_in_statistics'],
      agreed: ['store_data'],
      givenOn: '2025-02-01',
      givenBy: 'parent_or_guardian',
    });
    expect(second.body.consents).toHaveLength(2);
    const [c1, c2] = second.body.consents as { id: string }[];
    expect(second.body.currentConsent.id).toBe(c2!.id);
    expect(second.body.timeline.at(-1)).toMatchObject({
      kind: 'consentRecorded',
      payload: { consentId: c2!.id, agreed: ['store_data'], givenBy: 'parent_or_guardian', fields: ['consents'] },
    });

    const scope = <T>(fn: Parameters<typeof withScope<T>>[4]) =>
      withScope(
        ctx.db,
        buildActor({
          userId: users.case_worker!.id,
          orgId,
          roles: ['case_worker'],
          isNetworkAdmin: false,
          locale: 'en',
          sessionIdHash: new Uint8Array(32),
        }),
        ctx.deps.keyring.auditKey,
        { actorUserId: users.case_worker!.id, actorOrgId: orgId, ip: '127.0.0.1', requestId: 'test' },
        fn,
      );
    expect(await scope((sdb) => currentConsent(sdb, kase.id))).toMatchObject({ id: c2!.id, givenBy: 'parent_or_guardian' });
    expect(await scope(async (sdb) => consentAllows(await currentConsent(sdb, kase.id), 'share_with_partners'))).toBe(false);

    const w = await call('case_worker', 'POST', `${base}/consents/${c2!.id}/withdraw`, {});
    expect(w.status).toBe(200);
    expect(w.body.currentConsent.id).toBe(c1!.id);
    expect(w.body.consents[1]).toMatchObject({ withdrawnBy: users.case_worker!.id, withdrawnAt: expect.any(String) });
    expect(await scope(async (sdb) => consentAllows(await currentConsent(sdb, kase.id), 'share_with_partners'))).toBe(true);
    const twice = await call('case_worker', 'POST', `${base}/consents/${c2!.id}/withdraw`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('caseFile.error.consentWithdrawn');

    // closed: nothing is added, but a consent can still be withdrawn
    const closed = await call('supervisor', 'PATCH', base, { version: w.body.version, status: 'Closed', closureReason: 'done' });
    expect(closed.status).toBe(200);
    const add = await call('case_worker', 'POST', `${base}/consents`, consent);
    expect(add.status).toBe(409);
    const w1 = await call('case_worker', 'POST', `${base}/consents/${c1!.id}/withdraw`);
    expect(w1.status).toBe(200);
    expect(w1.body.currentConsent).toBeNull();
    expect(await scope((sdb) => currentConsent(sdb, kase.id))).toBeNull();
    expect((await auditRows(ctx, { action: 'consent.withdrawn', targetId: kase.id })).map((a) => a.outcome)).toEqual([
      'success',
      'failure',
      'success',
    ]);
  });
});

describe('Idempotency-Key on trafficking events and consents', () => {
  const count = async (table: 'trafficking_events' | 'consents', caseId: string) =>
    (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId])).rows[0]!.n;

  for (const [name, table, path, body, other] of [
    ['a trafficking event', 'trafficking_events', 'trafficking-events', event, { ...event, city: 'Туркестан' }],
    ['a consent', 'consents', 'consents', consent, { ...consent, agreed: ['store_data'] }],
  ] as const) {
    it(`${name}: the same key twice stores one row and replays the answer; another body with the key → 409`, async () => {
      const kase = await openCase();
      const url = `/api/v1/cases/${kase.id}/${path}`;
      const key = { 'Idempotency-Key': `form-${crypto.randomUUID()}` };
      const first = await as.case_worker!.request('POST', url, body, key);
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await as.case_worker!.request('POST', url, body, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const [a, b] = [await first.json(), await again.json()];
      expect(b).toEqual(a);
      expect(a.version).toBe(2);
      expect(await count(table, kase.id)).toBe(1);
      expect(await versionOf(kase.id)).toBe(2);
      const replays = await auditRows(ctx, { action: 'case.read', targetId: kase.id });
      expect(replays.at(-1)!.details).toEqual(expect.objectContaining({ replayed: true, identity: true, sensitive: true }));

      const reused = await as.case_worker!.request('POST', url, other, key);
      expect(reused.status).toBe(409);
      expect((await reused.json()).error.code).toBe('error.idempotencyKeyReused');
      // the key on the other route, or from a colleague, is not the same request either
      const [otherPath, otherBody] = path === 'consents' ? ['trafficking-events', event] : ['consents', consent];
      expect((await as.case_worker!.request('POST', `/api/v1/cases/${kase.id}/${otherPath}`, otherBody, key)).status).toBe(409);
      expect((await as.supervisor!.request('POST', url, body, key)).status).toBe(409);
      expect(await count(table, kase.id)).toBe(1);
      expect(await versionOf(kase.id)).toBe(2);
      // a malformed key is a bad request
      expect((await as.case_worker!.request('POST', url, body, { 'Idempotency-Key': 'short' })).status).toBe(400);

      // a replay after the case was closed still answers with the case; a new key is refused (409)
      const closed = await call('supervisor', 'PATCH', `/api/v1/cases/${kase.id}`, { version: 2, status: 'Closed', closureReason: 'done' });
      expect(closed.status).toBe(200);
      const late = await as.case_worker!.request('POST', url, body, key);
      expect(late.status).toBe(201);
      expect(late.headers.get('idempotent-replayed')).toBe('true');
      const fresh = await as.case_worker!.request('POST', url, body, { 'Idempotency-Key': `form-${crypto.randomUUID()}` });
      expect(fresh.status).toBe(409);
      expect((await fresh.json()).error.code).toBe('caseFile.error.caseClosed');
      expect(await count(table, kase.id)).toBe(1);
      // what is kept for a replay is a reference, no text of the request
      const { rows } = await ctx.db.query<{ response: unknown }>(
        'SELECT response FROM idempotency_keys WHERE org_id = $1 AND key = $2',
        [orgId, key['Idempotency-Key']],
      );
      expect(rows).toEqual([{ response: { caseId: kase.id } }]);
    });
  }
});

describe('closed cases and versions across sections', () => {
  it('a closed case refuses every profile change with 409 and a clear message; a stale version lists what changed in every section', async () => {
    const { id, base, file } = await fullCase();
    // version 1 is stale: every section was written since
    const stale = await call('case_worker', 'PUT', `${base}/sensitive`, { sensitive: {}, version: 1 });
    expect(stale.status).toBe(409);
    const paths = stale.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['extra.email', 'victim.traffickingStatus', 'sensitive.narrative', 'traffickingEvents', 'consents']));
    // a stale edit of the case's own fields (PATCH) is refused too
    expect((await call('case_worker', 'PATCH', base, { version: 1, region: 'almaty' })).status).toBe(409);

    const closed = await call('supervisor', 'PATCH', base, { version: file.version, status: 'Closed', closureReason: 'done' });
    expect(closed.status).toBe(200);
    const v = closed.body.version as number;
    const eventId = file.traffickingEvents[0].id as string;
    for (const [method, path, body] of [
      ['PUT', `${base}/person`, { person, version: v }],
      ['PUT', `${base}/victim`, { victim: {}, version: v }],
      ['PUT', `${base}/sensitive`, { sensitive: {}, version: v }],
      ['POST', `${base}/trafficking-events`, event],
      ['PUT', `${base}/trafficking-events/${eventId}`, event],
      ['DELETE', `${base}/trafficking-events/${eventId}`, undefined],
      ['POST', `${base}/consents`, consent],
    ] as const) {
      const r = await call('ruWorker', method, path, body);
      expect(r.status, `${method} ${path}`).toBe(409);
      expect(r.body.error).toMatchObject({
        code: 'caseFile.error.caseClosed',
        message: 'Дело закрыто: его данные нельзя изменить. Открыть дело снова может супервизор.',
      });
    }
    expect(await versionOf(id)).toBe(v);
    expect((await auditRows(ctx, { action: 'traffickingEvent.deleted', targetId: id }))[0]).toMatchObject({
      outcome: 'failure',
      details: { reason: 'caseClosed' },
    });
  });
});

describe('OpenAPI', () => {
  it('describes every profile route with a summary, answering with the whole case', async () => {
    const doc = (await (await agent(ctx.app).request('GET', '/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { summary?: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [path, method] of [
      ['/api/v1/cases/{id}/person', 'put'],
      ['/api/v1/cases/{id}/victim', 'put'],
      ['/api/v1/cases/{id}/sensitive', 'put'],
      ['/api/v1/cases/{id}/trafficking-events', 'post'],
      ['/api/v1/cases/{id}/trafficking-events/{eventId}', 'put'],
      ['/api/v1/cases/{id}/trafficking-events/{eventId}', 'delete'],
      ['/api/v1/cases/{id}/consents', 'post'],
      ['/api/v1/cases/{id}/consents/{consentId}/withdraw', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
    }
    const caseSchema = JSON.stringify(doc.components.schemas.Case);
    for (const field of ['personExtra', 'victim', 'sensitive', 'sensitiveRedacted', 'traffickingEvents', 'currentConsent']) {
      expect(caseSchema).toContain(`"${field}"`);
    }
  });
});
