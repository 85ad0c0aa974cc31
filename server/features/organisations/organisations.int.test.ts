import { beforeAll, describe, expect, it } from 'vitest';
import { agent, auditRows, buildOrg, buildUser, setupTestContext, signIn, type TTestContext } from '../../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

describe('GET /api/v1/organisations/:id (deny ladder)', () => {
  it('401 without a session', async () => {
    const org = await buildOrg(ctx);
    const res = await agent(ctx.app).request('GET', `/api/v1/organisations/${org.id}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('error.unauthenticated');
  });

  it('400 for a malformed id', async () => {
    const a = await signIn(ctx, await buildUser(ctx));
    const res = await a.request('GET', '/api/v1/organisations/not-a-uuid');
    expect(res.status).toBe(400);
  });

  it("404 for another organisation's record, audited as a denial", async () => {
    const user = await buildUser(ctx);
    const other = await buildOrg(ctx);
    const a = await signIn(ctx, user);
    const res = await a.request('GET', `/api/v1/organisations/${other.id}`);
    expect(res.status).toBe(404);
    const rows = await auditRows(ctx, { action: 'access.denied', targetId: other.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.outcome).toBe('denied');
  });

  it('200 for my own organisation, with its permitted actions', async () => {
    const user = await buildUser(ctx, { roles: ['admin'] });
    const a = await signIn(ctx, user);
    const res = await a.request('GET', `/api/v1/organisations/${user.orgId}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.id).toBe(user.orgId);
    expect(body.actions).toContain('organisation.update');
  });
});

describe('PATCH /api/v1/organisations/:id (deny ladder)', () => {
  it('401, 400, 404, 403, 409 then 200 with an audit row', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    const worker = await buildUser(ctx, { orgId: admin.orgId, roles: ['case_worker'] });
    const other = await buildOrg(ctx);
    expect((await agent(ctx.app).request('PATCH', `/api/v1/organisations/${admin.orgId}`, { version: 1 })).status).toBe(401);
    const a = await signIn(ctx, admin);
    expect((await a.request('PATCH', `/api/v1/organisations/${admin.orgId}`, { version: 1, bogus: 1 })).status).toBe(400);
    expect((await a.request('PATCH', `/api/v1/organisations/${other.id}`, { version: 1, requireTwoFactor: true })).status).toBe(404);
    const w = await signIn(ctx, worker);
    const denied = await w.request('PATCH', `/api/v1/organisations/${admin.orgId}`, { version: 1, requireTwoFactor: true });
    expect(denied.status).toBe(403);
    expect((await auditRows(ctx, { action: 'access.denied', actorUserId: worker.id })).length).toBe(1);
    expect((await a.request('PATCH', `/api/v1/organisations/${admin.orgId}`, { version: 7, requireTwoFactor: true })).status).toBe(409);
    const ok = await a.request('PATCH', `/api/v1/organisations/${admin.orgId}`, { version: 1, requireTwoFactor: true });
    expect(ok.status).toBe(200);
    expect((await ok.json()).requireTwoFactor).toBe(true);
    const rows = await auditRows(ctx, { action: 'organisation.updated', targetId: admin.orgId });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({ fields: ['requireTwoFactor'] });
  });
});

describe('organisation listing and creation', () => {
  it('an organisation admin sees only their own organisation; a network admin sees all and may create', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    await buildOrg(ctx);
    const a = await signIn(ctx, admin);
    const mine = await (await a.request('GET', '/api/v1/organisations')).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([admin.orgId]);
    expect((await a.request('POST', '/api/v1/organisations', { name: 'New NGO x', type: 'ngo' })).status).toBe(403);

    const hub = await buildOrg(ctx, { isNetworkCoordinator: true, type: 'crisis_centre' });
    const netAdmin = await buildUser(ctx, { orgId: hub.id, roles: ['admin'] });
    const n = await signIn(ctx, netAdmin);
    const all = await (await n.request('GET', '/api/v1/organisations')).json();
    expect(all.items.length).toBeGreaterThan(2);
    const created = await n.request('POST', '/api/v1/organisations', { name: `Trade union ${Date.now()}`, type: 'trade_union' });
    expect(created.status).toBe(201);
  });
});

describe('regions are codes from shared/regions.ts', () => {
  it('400 for an unknown region code on create and update; a known code is saved and returned', async () => {
    const hub = await buildOrg(ctx, { isNetworkCoordinator: true });
    const netAdmin = await buildUser(ctx, { orgId: hub.id, roles: ['admin'] });
    const n = await signIn(ctx, netAdmin);

    const name = `Regional NGO ${Date.now()}`;
    const unknown = await n.request('POST', '/api/v1/organisations', { name, type: 'ngo', region: 'Almaty oblast' });
    expect(unknown.status).toBe(400);
    const body = await unknown.json();
    expect(body.error.code).toBe('error.validation');
    expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual(['region']);
    expect((await auditRows(ctx, { action: 'organisation.created', actorUserId: netAdmin.id })).length).toBe(0);

    const created = await n.request('POST', '/api/v1/organisations', { name, type: 'ngo', region: 'jetisu' });
    expect(created.status).toBe(201);
    const org = await created.json();
    expect(org.region).toBe('jetisu');

    const badUpdate = await n.request('PATCH', `/api/v1/organisations/${org.id}`, { version: org.version, region: 'atlantis' });
    expect(badUpdate.status).toBe(400);
    const cleared = await n.request('PATCH', `/api/v1/organisations/${org.id}`, { version: org.version, region: null });
    expect(cleared.status).toBe(200);
    expect((await cleared.json()).region).toBeNull();
  });

  it('presents free text saved before the code list as it is, and the OpenAPI document lists the codes', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    await ctx.db.query(`UPDATE organisations SET region = 'Южно-Казахстанская обл.' WHERE id = $1`, [admin.orgId]);
    const a = await signIn(ctx, admin);
    const res = await a.request('GET', `/api/v1/organisations/${admin.orgId}`);
    expect(res.status).toBe(200);
    expect((await res.json()).region).toBe('Южно-Казахстанская обл.');

    const doc = await (await agent(ctx.app).request('GET', '/api/v1/openapi.json')).json();
    const body = doc.paths['/api/v1/organisations'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(body.properties.region)).toContain('"turkistan"');
    expect(JSON.stringify(doc.components.schemas.Organisation.properties.region)).toContain('"turkistan"');
  });
});
