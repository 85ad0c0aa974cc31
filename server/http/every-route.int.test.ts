import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { agent, buildUser, setupTestContext, signIn, type TTestContext } from '../test/harness';

// Sweeps over every route in the OpenAPI document, so a route added later without a session check,
// a CSRF check or a strict body schema fails here even before it has its own tests.

let ctx: TTestContext;
type TOperation = { requestBody?: { content?: Record<string, unknown> } };
let routes: { method: string; path: string; op: TOperation }[] = [];

/** Routes that work without a session: sign-in itself, health, the API description. */
const PUBLIC = new Set(['POST /api/v1/session', 'GET /api/health', 'GET /api/v1/openapi.json']);
/** The public API (no login: the "Our partners" page, a referral letter's one-time answer link). */
const isPublic = (method: string, path: string) => PUBLIC.has(`${method} ${path}`) || path.startsWith('/api/public/');

beforeAll(async () => {
  ctx = await setupTestContext();
  const doc = (await (await agent(ctx.app).request('GET', '/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, TOperation>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});

const concrete = (path: string) => path.replace(/\{\w+\}/g, () => crypto.randomUUID());

describe('every route', () => {
  it('the document lists the routes of this app', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it('401 without a session, except sign-in, health and the API description', async () => {
    const open: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path}`;
      if (isPublic(r.method, r.path)) continue;
      const res = await agent(ctx.app, 'ru').request(
        r.method,
        concrete(r.path),
        r.op.requestBody ? {} : undefined,
      );
      if (res.status !== 401) open.push(`${key} → ${res.status}`);
      else expect((await res.json()).error.code).toBe('error.unauthenticated');
    }
    expect(open).toEqual([]);
    expect((await agent(ctx.app).request('GET', '/api/health')).status).toBe(200);
  });

  it('403 error.csrf for every state-changing route without the session’s CSRF token', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    const a = await signIn(ctx, admin);
    const token = a.csrf;
    a.csrf = null;
    const passed: string[] = [];
    for (const r of routes.filter((x) => x.method !== 'GET' && !isPublic(x.method, x.path))) {
      const res = await a.request(r.method, concrete(r.path), r.op.requestBody ? {} : undefined);
      if (res.status !== 403 || (await res.json()).error.code !== 'error.csrf')
        passed.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(passed).toEqual([]);
    a.csrf = token;
    expect((await a.request('GET', '/api/v1/session')).status).toBe(200); // still signed in
  });

  it('400 for an unknown field in every JSON body', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    const a = await signIn(ctx, admin);
    const accepted: string[] = [];
    for (const r of routes.filter((x) => x.op.requestBody?.content?.['application/json'])) {
      if (r.method === 'DELETE') continue;
      const path = concrete(r.path.replace('/organisations/{id}', `/organisations/${admin.orgId}`));
      const res = await a.request(r.method, path, { unexpectedField: '<script>' });
      if (res.status !== 400) accepted.push(`${r.method} ${r.path} → ${res.status}`);
      else
        expect((await res.json()).error.fields).toEqual(
          expect.arrayContaining([{ path: 'unexpectedField', message: 'unknown field' }]),
        );
    }
    expect(accepted).toEqual([]);
  });
});

describe('POST /api/v1/organisations and GET /api/v1/organisations (the rungs not covered elsewhere)', () => {
  it('400 for a bad body (nothing created); a network administrator lists every organisation', async () => {
    const hub = await buildUser(ctx, { roles: ['admin'] });
    await ctx.db.query('UPDATE organisations SET is_network_coordinator = true WHERE id = $1', [hub.orgId]);
    const n = await signIn(ctx, hub);
    const name = `Bad ${Date.now()}`;
    for (const b of [
      { name, type: 'cult' },
      { name: 'x', type: 'ngo' },
      { name, type: 'ngo', requireTwoFactor: 'yes' },
      { name, type: 'ngo', id: crypto.randomUUID() },
    ]) {
      expect((await n.request('POST', '/api/v1/organisations', b)).status, JSON.stringify(b)).toBe(400);
    }
    const { rows } = await ctx.db.query('SELECT 1 FROM organisations WHERE name = $1', [name]);
    expect(rows).toHaveLength(0);
    const dup = await n.request('POST', '/api/v1/organisations', {
      name: (
        await ctx.db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [hub.orgId])
      ).rows[0]!.name.toUpperCase(),
      type: 'ngo',
    });
    expect(dup.status).toBe(409);
  });
});
