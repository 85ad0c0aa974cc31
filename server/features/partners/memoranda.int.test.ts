import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZMemorandum } from '../../../shared/schemas/partners';
import { agent, auditRows, setupTestContext, type TAgent, type TTestContext } from '../../test/harness';
import { member, networkAdmin, profileBody, uniq, type TSide } from './partners.test-helper';

/** Sends a request and returns the status and JSON body. */
async function call(a: TAgent, method: string, path: string, body?: unknown) {
  const res = await a.request(method, path, body);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

let ctx: TTestContext;
let hub: TSide;
let partners: string[];
beforeAll(async () => {
  ctx = await setupTestContext();
  hub = await networkAdmin(ctx);
  partners = [];
  for (const t of ['TradeUnion', 'ProsecutorsOffice', 'InternationalOrganisation']) {
    const r = await call(hub.a, 'POST', '/api/v1/partners', { ...profileBody({ partnerType: t }), organisationName: `${t} ${uniq()}` });
    expect(r.status).toBe(201);
    partners.push(r.body.orgId as string);
  }
});

const memo = (over: Record<string, unknown> = {}) => ({
  titles: { ru: `Меморандум о сотрудничестве ${uniq()}`, kk: 'Ынтымақтастық туралы меморандум', en: 'Memorandum of cooperation' },
  scopes: { ru: 'Передача обращений мигрантов по компетенции.' },
  signedOn: '2025-03-14',
  memberOrgIds: partners.slice(0, 2),
  ...over,
});

describe('memoranda', () => {
  it('401 without a session; 403 for anyone but a network administrator (reading is for everyone)', async () => {
    const anon = agent(ctx.app);
    const id = crypto.randomUUID();
    expect((await call(anon, 'GET', '/api/v1/memoranda')).status).toBe(401);
    expect((await call(anon, 'POST', '/api/v1/memoranda', memo())).status).toBe(401);
    expect((await call(anon, 'PUT', `/api/v1/memoranda/${id}`, { ...memo(), version: 1 })).status).toBe(401);

    const admin = await member(ctx, ['admin']);
    const r = await call(admin.a, 'POST', '/api/v1/memoranda', memo());
    expect(r.status).toBe(403);
    expect((await call(admin.a, 'PUT', `/api/v1/memoranda/${id}`, { ...memo(), version: 1 })).status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', actorUserId: admin.user.id })).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ attempted: 'memorandum.manage' }) }),
      expect.objectContaining({ target_id: id, details: expect.objectContaining({ attempted: 'memorandum.manage' }) }),
    ]);
    const analyst = await member(ctx, ['analyst']);
    expect((await call(analyst.a, 'GET', '/api/v1/memoranda')).status).toBe(200);
  });

  it('records a memorandum (400 for bad members or dates), lists it, shows it on the members’ entries, replaces it with versions', async () => {
    const before = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM memoranda');
    for (const [bad, code] of [
      [memo({ memberOrgIds: [partners[0], crypto.randomUUID()] }), 'error.memorandumUnknownMembers'],
      [memo({ memberOrgIds: [partners[0], hub.orgId] }), 'error.memorandumUnknownMembers'], // an organisation without an entry
      [memo({ memberOrgIds: [partners[0], partners[0]] }), 'error.memorandumTooFewMembers'],
      [memo({ validUntil: '2024-01-01' }), 'error.memorandumDates'],
      [memo({ memberOrgIds: [partners[0]] }), 'error.validation'],
      [memo({ signedOn: '14.03.2025' }), 'error.validation'],
      [memo({ titles: { en: 'no Russian title' } }), 'error.validation'],
      [memo({ extra: true }), 'error.validation'],
    ] as const) {
      const r = await call(hub.a, 'POST', '/api/v1/memoranda', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe(code);
    }
    const ru = await hub.a.request('POST', '/api/v1/memoranda', memo({ memberOrgIds: [partners[0], crypto.randomUUID()] }), { 'accept-language': 'ru' });
    expect(((await ru.json()) as { error: { message: string } }).error.message).toMatch(/не найдено: 1/);
    expect((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM memoranda')).rows[0]!.n).toBe(before.rows[0]!.n);

    const body = memo({ validUntil: '2028-03-14' });
    const created = await call(hub.a, 'POST', '/api/v1/memoranda', body);
    expect(created.status).toBe(201);
    expect(ZMemorandum.safeParse(created.body).error?.issues ?? []).toEqual([]);
    expect(created.body).toMatchObject({ titles: body.titles, signedOn: '2025-03-14', validUntil: '2028-03-14', version: 1 });
    expect(created.body.members.map((m: { orgId: string }) => m.orgId).sort()).toEqual(partners.slice(0, 2).sort());
    expect(created.body.members[0]).toMatchObject({ names: { ru: expect.any(String) }, partnerType: expect.any(String) });
    const id = created.body.id as string;
    expect(await auditRows(ctx, { action: 'memorandum.created', targetId: id })).toHaveLength(1);

    // everyone reads it; each member's entry lists it
    const reader = await member(ctx, ['partner_officer']);
    const list = await call(reader.a, 'GET', '/api/v1/memoranda');
    expect(list.body.items.find((m: { id: string }) => m.id === id)).toMatchObject({ titles: body.titles });
    const entry = await call(reader.a, 'GET', `/api/v1/partners/${partners[0]}`);
    expect(entry.body.memoranda).toEqual([{ id, titles: body.titles, signedOn: '2025-03-14' }]);
    expect((await call(reader.a, 'GET', `/api/v1/partners/${partners[2]}`)).body.memoranda).toEqual([]);

    // replaced: members change (who stays keeps the day they joined), versioned
    const put = `/api/v1/memoranda/${id}`;
    expect((await call(hub.a, 'PUT', `/api/v1/memoranda/${crypto.randomUUID()}`, { ...body, version: 1 })).status).toBe(404);
    expect((await call(hub.a, 'PUT', put, { ...body, version: 1, memberOrgIds: [partners[1], crypto.randomUUID()] })).status).toBe(400);
    const upd = await call(hub.a, 'PUT', put, { ...body, validUntil: undefined, memberOrgIds: [partners[1], partners[2]], version: 1 });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ version: 2, validUntil: null });
    expect(upd.body.members.map((m: { orgId: string }) => m.orgId).sort()).toEqual(partners.slice(1).sort());
    const { rows: joined } = await ctx.db.query<{ org_id: string; joined_on: string }>(
      'SELECT org_id, joined_on::text AS joined_on FROM memorandum_members WHERE memorandum_id = $1',
      [id],
    );
    expect(joined.find((j) => j.org_id === partners[1])!.joined_on).toBe('2025-03-14');
    expect(joined.find((j) => j.org_id === partners[2])!.joined_on).not.toBe('2025-03-14');
    expect(await auditRows(ctx, { action: 'memorandum.updated', targetId: id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { members: [partners[1], partners[2]] } }),
    ]);
    const stale = await call(hub.a, 'PUT', put, { ...body, version: 1 });
    expect(stale.status).toBe(409);
    expect((await call(reader.a, 'GET', `/api/v1/partners/${partners[0]}`)).body.memoranda).toEqual([]);

    // a double click with one Idempotency-Key records one memorandum
    const key = crypto.randomUUID();
    const again = memo();
    const r1 = await hub.a.request('POST', '/api/v1/memoranda', again, { 'idempotency-key': key });
    const r2 = await hub.a.request('POST', '/api/v1/memoranda', again, { 'idempotency-key': key });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const { rows } = await ctx.db.query(`SELECT 1 FROM memoranda WHERE titles->>'ru' = $1`, [again.titles.ru]);
    expect(rows).toHaveLength(1);
  });
});
