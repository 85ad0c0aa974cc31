import crypto from 'node:crypto';
import { kazakhstanDay } from '../../../shared/schemas/referrals';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  type TAgent,
  type TTestContext,
} from '../../test/harness';
import { buildActor } from '../../access/actor';
import { withScope } from '../../access/scoped-db';
import { expireOverdueReferrals } from './expire';
import { checkSharing, partnerFor } from './snapshot';
import { answerReferral } from './transitions';

let ctx: TTestContext;
type TWho =
  | 'worker' // NGO case worker (sender)
  | 'super' // NGO supervisor (override)
  | 'operator' // NGO operator (no referral.create)
  | 'analyst' // NGO analyst (no referral.read)
  | 'policeOfficer' // police partner officer (receiver, no case.create)
  | 'policeWorker' // police case worker (receiver, case.create)
  | 'stranger'; // a supervisor of a third organisation
const as = {} as Record<TWho, TAgent>;
const org = {} as Record<'ngo' | 'police' | 'union' | 'left' | 'third' | 'shelter', string>;

async function partner(
  orgId: string,
  p: { type: string; usesSenim?: boolean; membership?: string; services?: string[]; regions?: string[]; languages?: string[]; ru: string },
) {
  await ctx.db.query(
    `INSERT INTO partner_profiles (org_id, partner_type, names, regions, services, languages, uses_senim, membership)
     VALUES ($1, $2, $3::jsonb, $4::text[], $5::text[], $6::text[], $7, $8)`,
    [
      orgId,
      p.type,
      JSON.stringify({ ru: p.ru, en: p.ru }),
      p.regions ?? [],
      p.services ?? ['other'],
      p.languages ?? ['ru'],
      p.usesSenim ?? true,
      p.membership ?? 'approved',
    ],
  );
}

beforeAll(async () => {
  ctx = await setupTestContext();
  const uniq = crypto.randomBytes(3).toString('hex');
  for (const k of ['ngo', 'police', 'union', 'left', 'third', 'shelter'] as const) org[k] = (await buildOrg(ctx, { name: `${k} ${uniq}` })).id;
  await partner(org.ngo, { type: 'NGO', ru: `НПО ${uniq}`, services: ['legal_aid'] });
  await partner(org.police, {
    type: 'LawEnforcement',
    ru: `Полиция ${uniq}`,
    services: ['criminal_investigation', 'legal_aid'],
    regions: ['shymkent'],
    languages: ['ru', 'kk'],
  });
  await partner(org.union, { type: 'TradeUnion', ru: `Профсоюз ${uniq}`, usesSenim: false, services: ['labour_inspection'] });
  await partner(org.left, { type: 'NGO', ru: `Ушедшие ${uniq}`, membership: 'left' });
  await partner(org.shelter, { type: 'NGO', ru: `Приют ${uniq}`, services: ['shelter', 'psychological'], regions: ['shymkent'], languages: ['en'] });
  const make = async (who: TWho, orgId: string, roles: TRole[]) => {
    as[who] = await signIn(ctx, await buildUser(ctx, { orgId, roles }));
  };
  await make('worker', org.ngo, ['case_worker']);
  await make('super', org.ngo, ['supervisor']);
  await make('operator', org.ngo, ['operator']);
  await make('analyst', org.ngo, ['analyst']);
  await make('policeOfficer', org.police, ['partner_officer']);
  await make('policeWorker', org.police, ['case_worker']);
  await make('stranger', org.third, ['supervisor']);
});

const person = {
  givenName: 'Гульдан',
  familyName: 'Тлегенова',
  birthDate: '1994-03-08',
  phone: '+7 701 555 0101',
  documentNumber: 'N 12345678',
  sex: 'Feminine',
  citizenship: 'KAZ',
  languages: ['kaz', 'rus'],
};
const narrative = 'Работодатель в Дубае забрал паспорт';
const inDays = (n: number) => kazakhstanDay(Date.now() + n * 86_400_000);

async function call(who: TWho | null, method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await (who ? as[who] : agent(ctx.app)).request(method, path, body, headers);
  const json = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  return { status: res.status, body: json, headers: res.headers };
}

async function openCase() {
  const r = await call('worker', 'POST', '/api/v1/cases', { person, region: 'shymkent' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  const s = await call('worker', 'PUT', `/api/v1/cases/${id}/sensitive`, { sensitive: { narrative, health: 'Травма руки' }, version: 1 });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  await ctx.db.query(
    `INSERT INTO assessments (org_id, case_id, assessed_on, needs, risk_level) VALUES ($1, $2, '2025-06-02', '{shelter,legal_aid}', 'high')`,
    [org.ngo, id],
  );
  return id;
}
async function giveConsent(caseId: string, agreed: string[]) {
  const r = await call('worker', 'POST', `/api/v1/cases/${caseId}/consents`, {
    explained: ['store_data', 'share_with_partners', 'share_with_police'],
    agreed,
    givenOn: '2025-01-10',
    givenBy: 'person',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body.consents as { id: string }[]).at(-1)!.id;
}
const send = (who: TWho, caseId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  call(who, 'POST', `/api/v1/cases/${caseId}/referrals`, {
    toOrgId: org.police,
    reason: 'AdditionalServicesRequired',
    services: ['criminal_investigation'],
    urgency: 'urgent',
    deadline: inDays(7),
    sharedFields: ['caseRegion', 'needs'],
    ...body,
  }, headers);
async function sent(caseId: string, body: Record<string, unknown> = {}, who: TWho = 'worker') {
  const r = await send(who, caseId, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; version: number; reference: string; status: string };
}
const timeline = async (caseId: string) =>
  (
    await ctx.db.query<{ kind: string; payload: Record<string, unknown>; org_id: string }>(
      `SELECT kind, payload, org_id FROM case_events WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    )
  ).rows;

describe('GET /api/v1/cases/:id/referral-options', () => {
  it('denies, then suggests approved partners by services, region and language, with what each may receive', async () => {
    const caseId = await openCase();
    const path = `/api/v1/cases/${caseId}/referral-options`;
    expect((await call(null, 'GET', path)).status).toBe(401);
    expect((await call('stranger', 'GET', path)).status).toBe(404);
    expect((await call('operator', 'GET', path)).status).toBe(403);
    expect((await call('worker', 'GET', '/api/v1/cases/not-a-uuid/referral-options')).status).toBe(400);
    const r = await call('worker', 'GET', path);
    expect(r.status).toBe(200);
    expect(r.body.consent).toEqual({ partners: false, police: false, consentId: null });
    expect(r.body.canOverride).toBe(false);
    const ids = (r.body.suggestions as { orgId: string }[]).map((s) => s.orgId);
    expect(ids).toEqual(expect.arrayContaining([org.police, org.union, org.shelter]));
    expect(ids).not.toContain(org.ngo);
    expect(ids).not.toContain(org.left);
    // shelter: shelter + psychological? needs are shelter and legal_aid → shelter (2) + region (1) = 3;
    // police: legal_aid (2) + region (1) + language (1) = 4
    const by = Object.fromEntries((r.body.suggestions as { orgId: string; score: number; mayReceive: string[] }[]).map((s) => [s.orgId, s]));
    expect(by[org.police]!.score).toBe(4);
    expect(by[org.shelter]!.score).toBe(3);
    expect(ids.indexOf(org.police)).toBeLessThan(ids.indexOf(org.shelter));
    expect(by[org.police]!.mayReceive).not.toContain('health');
    expect(by[org.union]!.mayReceive).not.toContain('narrative'); // letters carry nothing sensitive
    expect(by[org.shelter]!.mayReceive).toContain('health');
    expect((await call('super', 'GET', path)).body.canOverride).toBe(true);
    expect(await auditRows(ctx, { action: 'referral.optionsRead', targetId: caseId })).toHaveLength(2);
  });
});

describe('POST /api/v1/cases/:id/referrals', () => {
  it('denies in order: no session, another organisation, a role, bad input, a partner that left, own organisation', async () => {
    const caseId = await openCase();
    expect((await send(null as unknown as TWho, caseId, {})).status).toBe(401);
    expect((await send('stranger', caseId, {})).status).toBe(404);
    expect((await send('operator', caseId, {})).status).toBe(403);
    expect((await send('worker', caseId, { deadline: '2020-01-01' })).status).toBe(400);
    expect((await send('worker', caseId, { sharedFields: ['secrets'] })).status).toBe(400);
    expect((await send('worker', caseId, { sharedFields: ['needs', 'needs'] })).status).toBe(400);
    const left = await send('worker', caseId, { toOrgId: org.left });
    expect([left.status, left.body.error.code]).toEqual([422, 'error.partnerNotMember']);
    const nobody = await send('worker', caseId, { toOrgId: crypto.randomUUID() });
    expect([nobody.status, nobody.body.error.code]).toEqual([422, 'error.partnerNotMember']);
    const self = await send('worker', caseId, { toOrgId: org.ngo });
    expect([self.status, self.body.error.code]).toEqual([422, 'error.referralToSelf']);
    const health = await send('worker', caseId, { sharedFields: ['health'], overrideReason: undefined });
    expect([health.status, health.body.error.code]).toEqual([422, 'error.fieldNotAllowed']);
    expect(health.body.error.message).toContain('health');
    const narr = await send('worker', caseId, { toOrgId: org.union, sharedFields: ['narrative'] });
    expect([narr.status, narr.body.error.code]).toEqual([422, 'error.fieldNotAllowed']);
    expect((await ctx.db.query('SELECT 1 FROM referrals WHERE from_case_id = $1', [caseId])).rows).toHaveLength(0);
    const denials = await auditRows(ctx, { action: 'referral.created' });
    expect(denials.filter((d) => d.outcome === 'failure').length).toBeGreaterThanOrEqual(5);
  });

  it('sends need-to-know fields without consent; a closed case is refused', async () => {
    const caseId = await openCase();
    const r = await sent(caseId);
    expect(r).toMatchObject({ status: 'sent', side: 'sender', fromCaseId: caseId, toCaseId: null, delivery: 'app', overridden: false });
    expect(r.reference).toMatch(/^R-\d{4}-\d{6}$/);
    expect((r as unknown as { snapshot: unknown }).snapshot).toEqual({
      caseNumber: expect.stringMatching(/^KZ-/),
      caseRegion: 'shymkent',
      needs: ['shelter', 'legal_aid'],
      message: null,
    });
    const version = (await ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId])).rows[0]!.version;
    const events = await timeline(caseId);
    expect(events.at(-1)).toMatchObject({ kind: 'referralSent', payload: { referralId: r.id, reference: r.reference } });
    // a step on the timeline, not a new version of the case
    expect((await ctx.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId])).rows[0]!.version).toBe(version);
    expect(await auditRows(ctx, { action: 'referral.created', targetId: caseId })).toMatchObject([
      { outcome: 'success', details: { referralId: r.id, sharedFields: ['caseRegion', 'needs'], overridden: false } },
    ]);

    await ctx.db.query(`UPDATE cases SET status = 'Closed', stage = 'closed' WHERE id = $1`, [caseId]);
    const closed = await send('worker', caseId, {});
    expect([closed.status, closed.body.error.code]).toEqual([409, 'error.referralCaseClosed']);
  });

  it('gates personal data on consent: partners, police, withdrawal, override with permission and reason', async () => {
    const caseId = await openCase();
    const personal = { toOrgId: org.shelter, services: ['shelter'], sharedFields: ['caseRegion', 'personName', 'personPhone', 'narrative'] };
    const no = await send('worker', caseId, personal);
    expect([no.status, no.body.error.code]).toEqual([422, 'error.consentRequired']);
    const consentId = await giveConsent(caseId, ['store_data', 'share_with_partners']);
    const ok = await sent(caseId, personal);
    expect((ok as unknown as { snapshot: Record<string, unknown> }).snapshot).toMatchObject({
      personName: { given: 'Гульдан', family: 'Тлегенова', middle: null },
      personPhone: '+7 701 555 0101',
      narrative,
    });
    expect((await ctx.db.query('SELECT consent_id FROM referrals WHERE id = $1', [ok.id])).rows[0]).toEqual({ consent_id: consentId });
    // sealed at rest: no name or narrative in clear anywhere in the referral's rows
    const stored = (
      await ctx.db.query<{ t: string }>(
        `SELECT concat_ws('|', (SELECT r::text FROM referrals r WHERE id = $1),
                (SELECT string_agg(e::text, '|') FROM referral_events e WHERE referral_id = $1)) AS t`,
        [ok.id],
      )
    ).rows[0]!.t;
    for (const s of ['Тлегенова', 'Дубае', '555 0101']) {
      expect(stored).not.toContain(s);
      expect(stored).not.toContain(Buffer.from(s).toString('hex'));
    }

    // the police need share_with_police
    const police = await send('worker', caseId, { sharedFields: ['personName'] });
    expect([police.status, police.body.error.code, police.body.error.message]).toEqual([422, 'error.consentRequired', expect.stringContaining('share_with_police')]);
    // an override reason without the permission: 403
    const reason = 'Imminent danger to life, police must act today';
    expect((await send('worker', caseId, { sharedFields: ['personName'], overrideReason: reason })).status).toBe(403);
    // a supervisor with a reason: sent, audited, visible to supervisors
    const over = await sent(caseId, { sharedFields: ['personName'], overrideReason: reason }, 'super');
    expect(over).toMatchObject({ overridden: true, overrideReason: reason });
    expect(await auditRows(ctx, { action: 'referral.consentOverridden', targetId: over.id })).toMatchObject([
      { outcome: 'success', details: { scope: 'share_with_police', personalFields: ['personName'] } },
    ]);
    expect((await call('super', 'GET', `/api/v1/referrals/${over.id}`)).body.overrideReason).toBe(reason);
    expect((await call('worker', 'GET', `/api/v1/referrals/${over.id}`)).body.overrideReason).toBeNull();
    const recv = (await call('policeOfficer', 'GET', `/api/v1/referrals/${over.id}`)).body;
    expect(recv).toMatchObject({ overridden: true, overrideReason: null, fromCaseId: null, side: 'receiver' });
    // with police consent, a case worker may
    await giveConsent(caseId, ['store_data', 'share_with_partners', 'share_with_police']);
    await sent(caseId, { sharedFields: ['personName'] });

    // withdrawn: refused again
    const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM consents WHERE case_id = $1 AND withdrawn_at IS NULL', [caseId]);
    for (const c of rows) {
      const w = await call('worker', 'POST', `/api/v1/cases/${caseId}/consents/${c.id}/withdraw`, {});
      expect(w.status, JSON.stringify(w.body)).toBe(200);
    }
    const after = await send('worker', caseId, personal);
    expect([after.status, after.body.error.code]).toEqual([422, 'error.consentRequired']);
  });

  it('identity fields need case.readIdentity, narrative and health case.readSensitive', async () => {
    const caseId = await openCase();
    await giveConsent(caseId, ['store_data', 'share_with_partners']);
    // no role holds referral.create without both: an actor made for the test holds only the first
    const actor = { ...buildActor({ userId: crypto.randomUUID(), orgId: org.ngo, roles: [], isNetworkAdmin: false, locale: 'en', sessionIdHash: new Uint8Array(32) }) };
    const check = (fields: string[], actions: string[]) =>
      withScope(
        ctx.db,
        { ...actor, actions: new Set(actions) as typeof actor.actions },
        ctx.deps.keyring.auditKey,
        { actorUserId: null, actorOrgId: org.ngo, ip: null, requestId: 'test' },
        async (sdb) => {
          const p = await partnerFor(sdb, org.shelter, org.ngo, 'referral.created');
          return checkSharing(sdb, caseId, p, fields as never, undefined, 'referral.created');
        },
      );
    await expect(check(['personName'], ['referral.create', 'case.read'])).rejects.toMatchObject({ status: 403 });
    await expect(check(['narrative'], ['referral.create', 'case.read', 'case.readIdentity'])).rejects.toMatchObject({ status: 403 });
    await expect(check(['health'], ['referral.create', 'case.read', 'case.readIdentity'])).rejects.toMatchObject({ status: 403 });
    await expect(check(['personCitizenship', 'route'], ['referral.create', 'case.read'])).resolves.toMatchObject({ overridden: false });
    await expect(check(['narrative'], ['referral.create', 'case.read', 'case.readSensitive'])).resolves.toMatchObject({
      scope: 'share_with_partners',
      personal: ['narrative'],
    });
  });

  it('one referral for a double click with one Idempotency-Key', async () => {
    const caseId = await openCase();
    const key = crypto.randomUUID();
    const [a, b] = [await send('worker', caseId, {}, { 'idempotency-key': key }), await send('worker', caseId, {}, { 'idempotency-key': key })];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await ctx.db.query('SELECT 1 FROM referrals WHERE from_case_id = $1', [caseId])).rows).toHaveLength(1);
  });
});

describe('GET /api/v1/referrals', () => {
  it('lists the inbox and the sent box, filtered and paged; nothing of it for a third organisation', async () => {
    const caseId = await openCase();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sent(caseId)).id);
    expect((await call(null, 'GET', '/api/v1/referrals')).status).toBe(401);
    expect((await call('analyst', 'GET', '/api/v1/referrals')).status).toBe(403);
    expect((await call('worker', 'GET', '/api/v1/referrals?box=other')).status).toBe(400);
    expect((await call('worker', 'GET', '/api/v1/referrals?cursor=xyz')).status).toBe(400);

    const mine = await call('worker', 'GET', `/api/v1/referrals?box=sent&caseId=${caseId}&limit=2`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([ids[2], ids[1]]);
    expect(mine.body.items[0]).toMatchObject({ snapshot: null, events: [], side: 'sender', fromCaseId: caseId });
    expect(mine.body.items[0].to.names.ru).toMatch(/^Полиция/);
    const next = await call('worker', 'GET', `/api/v1/referrals?box=sent&caseId=${caseId}&limit=2&cursor=${mine.body.nextCursor}`);
    expect(next.body.items.map((x: { id: string }) => x.id)).toEqual([ids[0]]);
    expect(next.body.nextCursor).toBeNull();

    const inbox = await call('policeOfficer', 'GET', '/api/v1/referrals?box=inbox&limit=100');
    const got = inbox.body.items.filter((x: { id: string }) => ids.includes(x.id));
    expect(got).toHaveLength(3);
    expect(got[0]).toMatchObject({ side: 'receiver', fromCaseId: null, actions: ['accept', 'decline'] });
    expect(got[0].from.names.ru).toMatch(/^НПО/);

    // overdue: deadline passed while still sent
    await ctx.db.query(`UPDATE referrals SET deadline = current_date - 2 WHERE id = $1`, [ids[0]]);
    const overdue = await call('worker', 'GET', `/api/v1/referrals?box=sent&caseId=${caseId}&overdue=true`);
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toEqual([ids[0]]);
    expect(overdue.body.items[0].overdue).toBe(true);
    const notOverdue = await call('worker', 'GET', `/api/v1/referrals?box=sent&caseId=${caseId}&overdue=false`);
    expect(notOverdue.body.items).toHaveLength(2);
    const byStatus = await call('worker', 'GET', `/api/v1/referrals?box=sent&caseId=${caseId}&status=accepted`);
    expect(byStatus.body.items).toHaveLength(0);

    const third = await call('stranger', 'GET', '/api/v1/referrals?box=inbox');
    expect(third.body.items).toHaveLength(0);
    expect((await call('stranger', 'GET', '/api/v1/referrals?box=sent')).body.items).toHaveLength(0);
    expect((await auditRows(ctx, { action: 'referral.listed' })).length).toBeGreaterThanOrEqual(6);
  });
});

describe('answers, revoking, updates, a case from a referral', () => {
  it('the receiver accepts and completes; the outcome reaches the sender’s case', async () => {
    const caseId = await openCase();
    const r = await sent(caseId, { message: 'Please open an investigation' });
    const path = `/api/v1/referrals/${r.id}`;
    // reading: the ladder
    expect((await call(null, 'GET', path)).status).toBe(401);
    expect((await call('stranger', 'GET', path)).status).toBe(404);
    expect((await call('analyst', 'GET', path)).status).toBe(403);
    const view = await call('policeOfficer', 'GET', path);
    expect(view.body).toMatchObject({ side: 'receiver', snapshot: { message: 'Please open an investigation' }, version: 1 });
    expect(view.body.events).toMatchObject([{ kind: 'sent', byOrgId: org.ngo, byUserName: null }]);
    expect((await call('worker', 'GET', path)).body.events[0].byUserName).toBe('Test User');
    expect(await auditRows(ctx, { action: 'referral.read', targetId: r.id })).toHaveLength(2);

    // answering: the ladder
    const accept = { status: 'accepted', note: 'Assigned to an investigator', version: 1 };
    expect((await call(null, 'POST', `${path}/answer`, accept)).status).toBe(401);
    expect((await call('stranger', 'POST', `${path}/answer`, accept)).status).toBe(404);
    expect((await call('analyst', 'POST', `${path}/answer`, accept)).status).toBe(403);
    expect((await call('policeOfficer', 'POST', `${path}/answer`, { status: 'declined', version: 1 })).status).toBe(400);
    const unknown = await call('policeOfficer', 'POST', `${path}/answer`, { ...accept, unexpectedField: 1 });
    expect([unknown.status, unknown.body.error.fields]).toEqual([400, expect.arrayContaining([{ path: 'unexpectedField', message: 'unknown field' }])]);
    const bySender = await call('worker', 'POST', `${path}/answer`, accept);
    expect([bySender.status, bySender.body.error.code]).toEqual([403, 'error.referralAnsweredByPartner']);
    const early = await call('policeOfficer', 'POST', `${path}/answer`, { status: 'completed', outcome: 'investigation_opened', version: 1 });
    expect([early.status, early.body.error.code]).toEqual([409, 'error.referralAcceptFirst']);
    expect((await call('policeOfficer', 'POST', `${path}/answer`, { ...accept, version: 9 })).status).toBe(409);

    const a = await call('policeOfficer', 'POST', `${path}/answer`, accept);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toMatchObject({ status: 'accepted', answerNote: 'Assigned to an investigator', version: 2, actions: ['decline', 'complete'] });
    expect(a.body.answeredAt).not.toBeNull();
    const done = await call('policeOfficer', 'POST', `${path}/answer`, { status: 'completed', outcome: 'investigation_opened', version: 2 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', answerCode: 'investigation_opened' });

    const senderView = (await call('worker', 'GET', path)).body;
    expect(senderView).toMatchObject({ status: 'completed', answerCode: 'investigation_opened', completedAt: expect.any(String) });
    expect(senderView.events.map((e: { kind: string }) => e.kind)).toEqual(['sent', 'accepted', 'completed']);
    expect(senderView.events[1].content).toEqual({ message: 'Assigned to an investigator', addedFields: [] });
    expect(senderView.events[1].byUserName).toBeNull(); // another organisation's user
    const steps = (await timeline(caseId)).filter((e) => e.kind.startsWith('referral'));
    expect(steps.map((e) => e.kind)).toEqual(['referralSent', 'referralAccepted', 'referralCompleted']);
    expect(steps[2]).toMatchObject({ org_id: org.ngo, payload: { referralId: r.id, answerCode: 'investigation_opened', status: 'completed' } });
    // the refused early completion is audited as a failure, the completion as a success
    expect((await auditRows(ctx, { action: 'referral.completed', targetId: r.id })).map((x) => x.outcome)).toEqual(['failure', 'success']);

    const again = await call('policeOfficer', 'POST', `${path}/answer`, { status: 'declined', reason: 'other', version: 3 });
    expect([again.status, again.body.error.code]).toEqual([409, 'error.referralNotAnswerable']);
  });

  it('revokes; a revoked referral cannot be answered; the receiver and a third organisation cannot revoke', async () => {
    const caseId = await openCase();
    const r = await sent(caseId);
    const path = `/api/v1/referrals/${r.id}`;
    expect((await call(null, 'POST', `${path}/revoke`, { version: 1 })).status).toBe(401);
    expect((await call('stranger', 'POST', `${path}/revoke`, { version: 1 })).status).toBe(404);
    expect((await call('policeWorker', 'POST', `${path}/revoke`, { version: 1 })).status).toBe(403);
    expect((await call('operator', 'POST', `${path}/revoke`, { version: 1 })).status).toBe(403);
    expect((await call('worker', 'POST', `${path}/revoke`, {})).status).toBe(400);
    expect((await call('worker', 'POST', `${path}/revoke`, { version: 5 })).status).toBe(409);
    const v = await call('worker', 'POST', `${path}/revoke`, { version: 1, note: 'The person moved abroad' });
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ status: 'revoked', actions: [] });
    const ans = await call('policeOfficer', 'POST', `${path}/answer`, { status: 'accepted', version: 2 });
    expect([ans.status, ans.body.error.code]).toEqual([409, 'error.referralNotAnswerable']);
    const twice = await call('worker', 'POST', `${path}/revoke`, { version: 2 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'error.referralFinal']);
    expect((await timeline(caseId)).at(-1)).toMatchObject({ kind: 'referralRevoked' });
    expect((await auditRows(ctx, { action: 'referral.revoked', targetId: r.id })).map((x) => x.outcome)).toEqual(['success', 'failure']);
  });

  it('opens the receiver’s case (HTCDS incoming fields), then updates and revoking reach it', async () => {
    const caseId = await openCase();
    await giveConsent(caseId, ['store_data', 'share_with_partners', 'share_with_police']);
    const r = await sent(caseId, { sharedFields: ['caseRegion', 'personName', 'personBirthDate', 'personPhone', 'personLanguages', 'personSexAge'] });
    const path = `/api/v1/referrals/${r.id}`;
    const early = await call('policeWorker', 'POST', `${path}/case`);
    expect([early.status, early.body.error.code]).toEqual([409, 'error.referralNotAccepted']);
    expect((await call('policeWorker', 'POST', `${path}/answer`, { status: 'accepted', version: 1 })).status).toBe(200);
    expect((await call(null, 'POST', `${path}/case`)).status).toBe(401);
    expect((await call('stranger', 'POST', `${path}/case`)).status).toBe(404);
    expect((await call('worker', 'POST', `${path}/case`)).status).toBe(403); // the sender
    expect((await call('policeOfficer', 'POST', `${path}/case`)).status).toBe(403); // no case.create
    const opened = await call('policeWorker', 'POST', `${path}/case`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const newCase = opened.body.caseId as string;
    expect((await call('policeWorker', 'POST', `${path}/case`)).body.error.code).toBe('error.referralCaseAlreadyOpened');

    const kase = await call('policeWorker', 'GET', `/api/v1/cases/${newCase}`);
    expect(kase.status).toBe(200);
    expect(kase.body).toMatchObject({
      region: 'shymkent',
      person: {
        sex: 'Feminine',
        languages: ['kaz', 'rus'],
        identity: { givenName: 'Гульдан', familyName: 'Тлегенова', birthDate: '1994-03-08', phone: '+7 701 555 0101', documentNumber: null },
      },
    });
    const { rows } = await ctx.db.query<{ htcds_extra: Record<string, unknown>; org_id: string; phone_bidx: Uint8Array | null }>(
      `SELECT c.htcds_extra, c.org_id, p.phone_bidx FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
      [newCase],
    );
    expect(rows[0]!.org_id).toBe(org.police);
    expect(rows[0]!.phone_bidx).not.toBeNull(); // blind index written: the person is found by phone
    expect(rows[0]!.htcds_extra).toEqual({
      referringOrganisation: expect.stringMatching(/^НПО/),
      incomingReferralDate: new Date().toISOString().slice(0, 10),
      reasonForIncomingReferral: 'AdditionalServicesRequired',
    });
    // both in one transaction: the embedded database's clock may give them the same instant
    expect((await timeline(newCase)).map((e) => e.kind).sort()).toEqual(['created', 'referralReceived']);
    // the receiver sees its case, the sender does not
    expect((await call('policeWorker', 'GET', path)).body.toCaseId).toBe(newCase);
    expect((await call('worker', 'GET', path)).body.toCaseId).toBeNull();
    expect(JSON.stringify((await call('worker', 'GET', path)).body)).not.toContain(newCase);
    expect((await auditRows(ctx, { action: 'referral.caseOpened', targetId: r.id })).map((x) => x.outcome)).toEqual([
      'failure', // not accepted yet
      'success',
      'failure', // already opened
    ]);

    // a later update: the ladder, the checks, then shared and echoed on the receiver's case
    const upd = `${path}/updates`;
    expect((await call(null, 'POST', upd, { message: 'x' })).status).toBe(401);
    expect((await call('stranger', 'POST', upd, { message: 'x' })).status).toBe(404);
    expect((await call('policeWorker', 'POST', upd, { message: 'x' })).status).toBe(403);
    expect((await call('worker', 'POST', upd, {})).status).toBe(400);
    expect((await call('worker', 'POST', upd, { addFields: ['health'] })).body.error.code).toBe('error.fieldNotAllowed');
    const u = await call('worker', 'POST', upd, { message: 'The person is now in Almaty', addFields: ['personCitizenship', 'personName'] });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.sharedFields).toContain('personCitizenship');
    const recv = (await call('policeWorker', 'GET', path)).body;
    expect(recv.snapshot).toMatchObject({ personCitizenship: 'KAZ', personName: { given: 'Гульдан' } });
    expect(recv.events.at(-1)).toMatchObject({
      kind: 'updateShared',
      content: { message: 'The person is now in Almaty', addedFields: ['personCitizenship'] },
    });
    expect((await timeline(newCase)).at(-1)).toMatchObject({ kind: 'referralUpdateShared', payload: { referralId: r.id } });
    expect((await timeline(caseId)).at(-1)).toMatchObject({ kind: 'referralUpdateShared' });

    // revoking reaches the receiver's case through the definer function
    expect((await call('worker', 'POST', `${path}/revoke`, { version: recv.version })).status).toBe(200);
    expect((await timeline(newCase)).at(-1)).toMatchObject({ kind: 'referralRevoked', org_id: org.police });
    const late = await call('worker', 'POST', upd, { message: 'more' });
    expect([late.status, late.body.error.code]).toEqual([409, 'error.referralFinal']);
  });

  it('records a letter partner’s answer (the sender), outcome at once', async () => {
    const caseId = await openCase();
    const r = await sent(caseId, { toOrgId: org.union, services: ['labour_inspection'] });
    expect(r).toMatchObject({ delivery: 'letter', actions: expect.arrayContaining(['recordAnswer', 'letter', 'revoke']) });
    const a = await call('worker', 'POST', `/api/v1/referrals/${r.id}/answer`, { status: 'completed', outcome: 'inspection_done', version: 1 });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.events.map((e: { kind: string }) => e.kind)).toEqual(['sent', 'answerRecorded']);
    expect((await timeline(caseId)).at(-1)).toMatchObject({ kind: 'referralCompleted', payload: { via: 'sender', answerCode: 'inspection_done' } });
    expect(await auditRows(ctx, { action: 'referral.answerRecorded', targetId: r.id })).toMatchObject([
      { outcome: 'success', details: { status: 'completed' } },
    ]);
  });

  it('answerReferral through a one-time link (owner connection, no organisation) writes both timelines', async () => {
    const caseId = await openCase();
    const r = await sent(caseId, { toOrgId: org.union, services: ['labour_inspection'] });
    const res = await ctx.db.transaction((tx) =>
      answerReferral(tx, {
        referralId: r.id,
        answer: { status: 'declined', reason: 'outside_mandate', note: 'Not our sector' },
        via: 'link',
        actorOrgId: null,
        actorUserId: null,
        sealer: ctx.deps.sealer,
      }),
    );
    expect(res).toMatchObject({ id: r.id, status: 'declined', reference: r.reference, previousStatus: 'sent', answerCode: 'outside_mandate' });
    expect((await timeline(caseId)).at(-1)).toMatchObject({ kind: 'referralDeclined', payload: { via: 'link', answerCode: 'outside_mandate' } });
    const view = (await call('worker', 'GET', `/api/v1/referrals/${r.id}`)).body;
    expect(view).toMatchObject({ status: 'declined', answerNote: 'Not our sector' });
    expect(view.events.at(-1)).toMatchObject({ kind: 'linkAnswered', byOrgId: null, byUserName: null });
    // a final referral: 409
    await expect(
      ctx.db.transaction((tx) =>
        answerReferral(tx, { referralId: r.id, answer: { status: 'accepted' }, via: 'link', actorOrgId: null, actorUserId: null, sealer: ctx.deps.sealer }),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'error.referralNotAnswerable' });
    // every step enqueued a notification job (ids and codes only)
    const { rows: jobs } = await ctx.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM pgboss.job WHERE name = 'referral.notify' AND data->>'referralId' = $1 ORDER BY created_on`,
      [r.id],
    );
    expect(jobs.map((j) => j.data)).toEqual([
      { referralId: r.id, event: 'sent' },
      { referralId: r.id, event: 'declined' },
    ]);
  });

  it('expireOverdueReferrals marks unanswered referrals past their deadline, with steps and audit', async () => {
    const caseId = await openCase();
    const r = await sent(caseId);
    const keep = await sent(caseId);
    await ctx.db.query(`UPDATE referrals SET deadline = current_date - 1 WHERE id = $1`, [r.id]);
    const n = await expireOverdueReferrals(ctx.db, undefined, ctx.deps.keyring.auditKey);
    expect(n).toBeGreaterThanOrEqual(1);
    const { rows } = await ctx.db.query<{ id: string; status: string }>(`SELECT id, status FROM referrals WHERE id = ANY($1::uuid[]) ORDER BY sent_at`, [
      [r.id, keep.id],
    ]);
    expect(rows.map((x) => x.status)).toEqual(['expired', 'sent']);
    expect((await timeline(caseId)).filter((e) => e.kind === 'referralExpired')).toMatchObject([{ payload: { referralId: r.id } }]);
    expect(await auditRows(ctx, { action: 'referral.expired', targetId: r.id })).toMatchObject([{ outcome: 'success' }]);
    const view = (await call('worker', 'GET', `/api/v1/referrals/${r.id}`)).body;
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(['sent', 'expired']);
    const ans = await call('policeOfficer', 'POST', `/api/v1/referrals/${r.id}/answer`, { status: 'accepted', version: 2 });
    expect([ans.status, ans.body.error.code]).toEqual([409, 'error.referralNotAnswerable']);
    expect(await expireOverdueReferrals(ctx.db, undefined, ctx.deps.keyring.auditKey)).toBe(0);
  });

  it('a third organisation gets 404 on every referral route', async () => {
    const caseId = await openCase();
    const r = await sent(caseId);
    const p = `/api/v1/referrals/${r.id}`;
    for (const [method, path, body] of [
      ['GET', p, undefined],
      ['POST', `${p}/answer`, { status: 'accepted', version: 1 }],
      ['POST', `${p}/revoke`, { version: 1 }],
      ['POST', `${p}/updates`, { message: 'hello' }],
      ['POST', `${p}/case`, undefined],
      ['GET', `/api/v1/cases/${caseId}/referral-options`, undefined],
      ['POST', `/api/v1/cases/${caseId}/referrals`, { toOrgId: org.police, reason: 'Other', services: ['other'], urgency: 'routine', deadline: inDays(3), sharedFields: [] }],
    ] as const) {
      expect((await call('stranger', method, path, body)).status, `${method} ${path}`).toBe(404);
    }
  });
});
