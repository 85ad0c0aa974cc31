import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZPartnerList } from '../../../shared/schemas/partners';
import { buildActor } from '../../access/actor';
import { withScope } from '../../access/scoped-db';
import { agent, auditRows, setupTestContext, type TAgent, type TTestContext } from '../../test/harness';
import { expectPartner, member, networkAdmin, profileBody, uniq, type TSide } from './partners.test-helper';

/** Sends a request and returns the status and JSON body. */
async function call(a: TAgent, method: string, path: string, body?: unknown) {
  const res = await a.request(method, path, body);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

let ctx: TTestContext;
let hub: TSide; // network administrator
beforeAll(async () => {
  ctx = await setupTestContext();
  hub = await networkAdmin(ctx);
});

describe('the partner directory: an organisation’s own entry, approval, reading', () => {
  it('401 without a session on every directory route', async () => {
    const anon = agent(ctx.app);
    const id = crypto.randomUUID();
    for (const [m, p, b] of [
      ['GET', '/api/v1/partners'],
      ['GET', `/api/v1/partners/${id}`],
      ['PUT', `/api/v1/partners/${id}`, profileBody({ version: 1 })],
      ['POST', '/api/v1/partners', { ...profileBody(), organisationName: 'Профсоюз X' }],
      ['POST', `/api/v1/partners/${id}/membership`, { decision: 'approved', version: 1 }],
    ] as const) {
      const r = await call(anon, m, p, b);
      expect(r.status, `${m} ${p}`).toBe(401);
      expect(r.body.error.code).toBe('error.unauthenticated');
    }
  });

  it('an organisation applies (pending), is approved by a network administrator, then edits with versions; others see it only once approved', async () => {
    const admin = await member(ctx, ['admin']);
    const worker = await member(ctx, ['case_worker'], admin.orgId);
    const other = await member(ctx, ['admin']); // another organisation's administrator
    const entry = `/api/v1/partners/${admin.orgId}`;

    // 400: unknown field, bad code, missing services, bad e-mail; nothing stored
    for (const bad of [
      profileBody({ version: 1, unexpected: 1 }),
      profileBody({ version: 1, services: ['magic'] }),
      profileBody({ version: 1, services: [] }),
      profileBody({ version: 1, notifyEmail: 'not-an-address' }),
      profileBody({ version: 1, names: { kk: 'тек қазақша' } }),
      profileBody({ version: 1, contactPoints: [{ label: 'Нет связи' }] }),
      profileBody({ version: 0 }),
    ]) {
      const r = await call(admin.a, 'PUT', entry, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe('error.validation');
    }
    // 403: a case worker of the organisation may read but not write its entry (denial audited)
    const denied = await call(worker.a, 'PUT', entry, profileBody({ version: 1 }));
    expect(denied.status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', actorUserId: worker.user.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', target_id: admin.orgId, details: expect.objectContaining({ attempted: 'partner.update' }) }),
    ]);
    // 404: another organisation's administrator cannot write it, not even create it (denial audited)
    const foreign = await call(other.a, 'PUT', entry, profileBody({ version: 1 }));
    expect(foreign.status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', actorUserId: other.user.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', target_id: admin.orgId, details: { reason: 'notFound' } }),
    ]);
    // 409: a new entry is written with version 1
    expect((await call(admin.a, 'PUT', entry, profileBody({ version: 3 }))).status).toBe(409);
    expect((await ctx.db.query('SELECT 1 FROM partner_profiles WHERE org_id = $1', [admin.orgId])).rows).toHaveLength(0);

    // success: created as pending
    const body = profileBody({ version: 1, regions: ['almaty', 'almaty', 'jetisu'] });
    const created = await call(admin.a, 'PUT', entry, body);
    expect(created.status).toBe(201);
    const p = expectPartner(created.body);
    expect(p).toMatchObject({
      orgId: admin.orgId,
      membership: 'pending',
      usesSenim: true,
      regions: ['almaty', 'jetisu'],
      notifyEmail: 'referrals@zharyq.example.org',
      canEdit: true,
      version: 1,
      memoranda: [],
    });
    expect(await auditRows(ctx, { action: 'partner.created', targetId: admin.orgId })).toEqual([
      expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ membership: 'pending', fields: expect.arrayContaining(['names', 'services']) }) }),
    ]);

    // pending: its own organisation reads it (the case worker too, without the right to edit); others do not
    const own = await call(worker.a, 'GET', entry);
    expect(own.status).toBe(200);
    expect(expectPartner(own.body)).toMatchObject({ membership: 'pending', canEdit: false, notifyEmail: 'referrals@zharyq.example.org' });
    expect((await call(other.a, 'GET', entry)).status).toBe(404);
    const q = encodeURIComponent(body.names.ru.split(' ').at(-1)!);
    expect((await call(other.a, 'GET', `/api/v1/partners?q=${q}`)).body.items).toEqual([]);
    // only network administrators list the other states
    expect((await call(other.a, 'GET', `/api/v1/partners?membership=pending`)).status).toBe(403);
    const pending = await call(hub.a, 'GET', `/api/v1/partners?membership=pending&q=${q}`);
    expect(pending.body.items.map((i: { orgId: string }) => i.orgId)).toEqual([admin.orgId]);

    // membership: 401/403/404/400/409, then approval
    const decide = `${entry}/membership`;
    expect((await call(admin.a, 'POST', decide, { decision: 'approved', version: 1 })).status).toBe(403);
    expect((await call(hub.a, 'POST', `/api/v1/partners/${crypto.randomUUID()}/membership`, { decision: 'approved', version: 1 })).status).toBe(404);
    expect((await call(hub.a, 'POST', decide, { decision: 'maybe', version: 1 })).status).toBe(400);
    expect((await call(hub.a, 'POST', decide, { decision: 'approved', version: 1, note: 'x' })).status).toBe(400);
    expect((await call(hub.a, 'POST', decide, { decision: 'approved', version: 7 })).status).toBe(409);
    const approved = await call(hub.a, 'POST', decide, { decision: 'approved', version: 1 });
    expect(approved.status).toBe(200);
    expect(expectPartner(approved.body)).toMatchObject({ membership: 'approved', version: 2, canEdit: true, notifyEmail: 'referrals@zharyq.example.org' });
    expect(await auditRows(ctx, { action: 'partner.membershipDecided', targetId: admin.orgId })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { from: 'pending', to: 'approved' } }),
    ]);

    // approved: everyone reads it; the notification address only its own organisation and network administrators
    const seen = await call(other.a, 'GET', entry);
    expect(seen.status).toBe(200);
    expect(expectPartner(seen.body)).toMatchObject({ membership: 'approved', notifyEmail: null, canEdit: false });
    expect(await auditRows(ctx, { action: 'partner.read', targetId: admin.orgId, actorUserId: other.user.id })).toHaveLength(1);
    const listed = await call(other.a, 'GET', `/api/v1/partners?q=${q}`);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ orgId: admin.orgId, notifyEmail: null, canEdit: false });
    expect((await call(hub.a, 'GET', entry)).body).toMatchObject({ notifyEmail: 'referrals@zharyq.example.org', canEdit: true });

    // the organisation edits its entry: versioned, the audit names the fields changed
    const edit = await call(admin.a, 'PUT', entry, { ...body, hours: 'круглосуточно', version: 2 });
    expect(edit.status).toBe(200);
    expect(expectPartner(edit.body)).toMatchObject({ hours: 'круглосуточно', version: 3, membership: 'approved' });
    expect(await auditRows(ctx, { action: 'partner.updated', targetId: admin.orgId })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { fields: ['hours'] } }),
    ]);
    const stale = await call(admin.a, 'PUT', entry, { ...body, hours: 'ночью', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('error.conflict');
    // a network administrator may edit any entry
    const byHub = await call(hub.a, 'PUT', entry, { ...body, hours: 'пн–сб', version: 3 });
    expect(byHub.status).toBe(200);
    // another organisation's administrator still cannot, even with the right version (404)
    expect((await call(other.a, 'PUT', entry, { ...body, hours: 'x', version: 4 })).status).toBe(404);
    const { rows } = await ctx.db.query<{ hours: string }>('SELECT hours FROM partner_profiles WHERE org_id = $1', [admin.orgId]);
    expect(rows[0]!.hours).toBe('пн–сб');

    // the partner leaves: out of the directory, 404 for others, kept for itself and the network administrators
    const left = await call(hub.a, 'POST', decide, { decision: 'left', version: 4 });
    expect(left.status).toBe(200);
    expect(left.body.membership).toBe('left');
    const { rows: l } = await ctx.db.query<{ left_at: Date | null; membership_decided_by: string }>(
      'SELECT left_at, membership_decided_by FROM partner_profiles WHERE org_id = $1',
      [admin.orgId],
    );
    expect(l[0]).toMatchObject({ left_at: expect.any(Date), membership_decided_by: hub.user.id });
    expect((await call(other.a, 'GET', `/api/v1/partners?q=${q}`)).body.items).toEqual([]);
    expect((await call(other.a, 'GET', entry)).status).toBe(404);
    expect((await call(worker.a, 'GET', entry)).status).toBe(200);
    expect((await call(hub.a, 'GET', `/api/v1/partners?membership=left&q=${q}`)).body.items).toHaveLength(1);
  });

  it('row-level security: a non-network administrator cannot write another organisation’s entry even by id', async () => {
    const target = await member(ctx, ['admin']);
    const intruder = await member(ctx, ['admin']);
    expect((await call(target.a, 'PUT', `/api/v1/partners/${target.orgId}`, profileBody({ version: 1 }))).status).toBe(201);
    const scope = <T>(orgId: string, userId: string, isNetworkAdmin: boolean, fn: Parameters<typeof withScope<T>>[4]) =>
      withScope(
        ctx.db,
        buildActor({ userId, orgId, roles: ['admin'], isNetworkAdmin, locale: 'en', sessionIdHash: new Uint8Array(32) }),
        ctx.deps.keyring.auditKey,
        { actorUserId: userId, actorOrgId: orgId, ip: '127.0.0.1', requestId: 'test' },
        fn,
      );
    // it can read the directory, but an UPDATE of another's entry touches nothing
    const updated = await scope(intruder.orgId, intruder.user.id, false, async (sdb) => {
      const read = await sdb.query('SELECT 1 FROM partner_profiles WHERE org_id = $1', [target.orgId]);
      expect(read.rows).toHaveLength(1);
      return sdb.query(`UPDATE partner_profiles SET hours = 'hijacked', membership = 'approved' WHERE org_id = $1`, [target.orgId]);
    });
    expect(updated.rowCount).toBe(0);
    // nor can it create an entry for an organisation without one, nor write memoranda
    const fresh = await member(ctx, ['admin']);
    await expect(
      scope(intruder.orgId, intruder.user.id, false, (sdb) =>
        sdb.query(`INSERT INTO partner_profiles (org_id, partner_type, names, membership) VALUES ($1, 'NGO', '{"ru":"x"}', 'approved')`, [fresh.orgId]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      scope(intruder.orgId, intruder.user.id, false, (sdb) => sdb.query(`INSERT INTO memoranda (titles, signed_on) VALUES ('{"ru":"x"}', '2025-01-01')`)),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await ctx.db.query<{ hours: string; membership: string }>('SELECT hours, membership FROM partner_profiles WHERE org_id = $1', [target.orgId]);
    expect(rows[0]).toEqual({ hours: 'пн–пт 9:00–18:00', membership: 'pending' });
    // the network administrator's scope may
    const byHub = await scope(hub.orgId, hub.user.id, true, (sdb) =>
      sdb.query(`UPDATE partner_profiles SET hours = 'круглосуточно' WHERE org_id = $1`, [target.orgId]),
    );
    expect(byHub.rowCount).toBe(1);
  });
});

describe('partners without Senim (POST /api/v1/partners)', () => {
  it('403 for an organisation administrator, 400 for a bad body, 201 with an organisations row, 409 for a taken name', async () => {
    const admin = await member(ctx, ['admin']);
    const name = `Профсоюз работников транспорта ${uniq()}`;
    const body = {
      ...profileBody({ partnerType: 'TradeUnion', names: { ru: name }, regions: ['turkistan'], published: false }),
      organisationName: name,
    };
    const forbidden = await call(admin.a, 'POST', '/api/v1/partners', body);
    expect(forbidden.status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', actorUserId: admin.user.id })).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ attempted: 'partner.approve' }) }),
    ]);
    for (const bad of [{ ...body, organisationName: 'x' }, { ...body, usesSenim: true }, { ...body, partnerType: 'Cult' }]) {
      expect((await call(hub.a, 'POST', '/api/v1/partners', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await ctx.db.query('SELECT 1 FROM organisations WHERE name = $1', [name])).rows).toHaveLength(0);

    const created = await call(hub.a, 'POST', '/api/v1/partners', body);
    expect(created.status).toBe(201);
    const p = expectPartner(created.body);
    expect(p).toMatchObject({ usesSenim: false, membership: 'approved', partnerType: 'TradeUnion', letterLanguage: 'ru', published: false });
    const { rows } = await ctx.db.query<{ type: string; region: string; users: number }>(
      'SELECT type, region, (SELECT count(*)::int FROM users WHERE org_id = o.id) AS users FROM organisations o WHERE id = $1',
      [p.orgId],
    );
    expect(rows[0]).toEqual({ type: 'trade_union', region: 'turkistan', users: 0 });
    expect(await auditRows(ctx, { action: 'partner.created', targetId: p.orgId })).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ usesSenim: false, membership: 'approved' }) }),
    ]);
    // in the directory for everyone (approved), as a partner that receives letters
    const seen = await call(admin.a, 'GET', `/api/v1/partners?usesSenim=false&q=${encodeURIComponent(name.split(' ').at(-1)!)}`);
    expect(seen.body.items.map((i: { orgId: string }) => i.orgId)).toEqual([p.orgId]);

    const dup = await call(hub.a, 'POST', '/api/v1/partners', { ...body, organisationName: name.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('error.partnerNameTaken');

    // a double click with one Idempotency-Key: one partner, the same answer
    const name2 = `Посольство ${uniq()}`;
    const key = crypto.randomUUID();
    const body2 = { ...body, partnerType: 'Embassy', organisationName: name2 };
    const first = await hub.a.request('POST', '/api/v1/partners', body2, { 'idempotency-key': key });
    const again = await hub.a.request('POST', '/api/v1/partners', body2, { 'idempotency-key': key });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { orgId: string }).orgId).toBe(((await first.json()) as { orgId: string }).orgId);
    const { rows: emb } = await ctx.db.query<{ type: string }>('SELECT type FROM organisations WHERE name = $1', [name2]);
    expect(emb).toEqual([{ type: 'embassy' }]);
  });
});

describe('search, filters and the map (GET /api/v1/partners)', () => {
  it('finds by a name in any language and case, filters by service, region, language, type and Senim use, and counts per region', async () => {
    const tag = uniq();
    const add = async (organisationName: string, p: Record<string, unknown>) => {
      const r = await call(hub.a, 'POST', '/api/v1/partners', { ...profileBody(p), organisationName });
      expect(r.status).toBe(201);
      return r.body.orgId as string;
    };
    const shelter = await add(`Приют ${tag}`, {
      partnerType: 'CrisisCentre',
      names: { ru: `Приют «Үміт» ${tag}`, kk: `«Үміт» баспанасы ${tag}` },
      services: ['shelter', 'psychological'],
      regions: ['shymkent', 'turkistan'],
      languages: ['kk', 'uz'],
    });
    const lawyers = await add(`Юристы ${tag}`, {
      partnerType: 'LegalService',
      names: { ru: `Правовой центр ${tag}`, en: `Legal Centre ${tag}` },
      services: ['legal_aid'],
      regions: ['shymkent'],
      languages: ['ru', 'en'],
    });
    const reader = await member(ctx, ['operator']);
    const ids = async (query: string) => {
      const r = await call(reader.a, 'GET', `/api/v1/partners?q=${tag}${query}`);
      expect(r.status).toBe(200);
      expect(ZPartnerList.safeParse(r.body).error?.issues ?? []).toEqual([]);
      return (r.body.items as { orgId: string }[]).map((i) => i.orgId).sort();
    };
    expect(await ids('')).toEqual([shelter, lawyers].sort());
    // any language and case: the Kazakh name in upper case, the English one in lower case, two words
    const kk = await call(reader.a, 'GET', `/api/v1/partners?q=${encodeURIComponent(`БАСПАНАСЫ ${tag.toUpperCase()}`)}`);
    expect(kk.body.items.map((i: { orgId: string }) => i.orgId)).toEqual([shelter]);
    const en = await call(reader.a, 'GET', `/api/v1/partners?q=${encodeURIComponent(`legal centre ${tag}`)}`);
    expect(en.body.items.map((i: { orgId: string }) => i.orgId)).toEqual([lawyers]);
    expect(await ids('&service=shelter')).toEqual([shelter]);
    expect(await ids('&service=legal_aid')).toEqual([lawyers]);
    expect(await ids('&region=turkistan')).toEqual([shelter]);
    expect(await ids('&region=shymkent')).toEqual([shelter, lawyers].sort());
    expect(await ids('&language=en')).toEqual([lawyers]);
    expect(await ids('&type=CrisisCentre')).toEqual([shelter]);
    expect(await ids('&usesSenim=true')).toEqual([]);
    expect(await ids('&service=shelter&language=en')).toEqual([]);

    // the map: approved partners matching the search, per region, every region listed
    const map = (await call(reader.a, 'GET', `/api/v1/partners?q=${tag}&region=turkistan`)).body.byRegion as { region: string; count: number }[];
    expect(map).toHaveLength(20);
    expect(map.filter((r) => r.count > 0)).toEqual([
      { region: 'turkistan', count: 1 },
      { region: 'shymkent', count: 2 },
    ]);
    // a partner that left drops out of the list and the map
    const v = (await call(hub.a, 'GET', `/api/v1/partners/${lawyers}`)).body.version as number;
    expect((await call(hub.a, 'POST', `/api/v1/partners/${lawyers}/membership`, { decision: 'left', version: v })).status).toBe(200);
    expect(await ids('')).toEqual([shelter]);
    const after = (await call(reader.a, 'GET', `/api/v1/partners?q=${tag}`)).body.byRegion as { region: string; count: number }[];
    expect(after.find((r) => r.region === 'shymkent')!.count).toBe(1);

    expect(await auditRows(ctx, { action: 'partner.listed', actorUserId: reader.user.id })).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ filters: ['q', 'service'] }) })]),
    );
    // 400: an unknown filter, a bad code, an unknown membership state
    for (const bad of ['?colour=red', '?service=magic', '?region=mars', '?membership=maybe', '?usesSenim=yes']) {
      expect((await call(reader.a, 'GET', `/api/v1/partners${bad}`)).status, bad).toBe(400);
    }
  });
});
