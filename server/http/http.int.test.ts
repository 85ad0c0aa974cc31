import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits';
import { agent, buildUser, setupTestContext, signIn, type TTestContext } from '../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

/** A signed-in administrator and a raw request that carries their cookie and CSRF token. */
async function admin() {
  const user = await buildUser(ctx, { roles: ['admin'] });
  const a = await signIn(ctx, user);
  const raw = (method: string, path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
    ctx.app.request(path, {
      method,
      headers: { cookie: a.cookie!, 'x-csrf-token': a.csrf!, 'accept-language': 'en', ...headers },
      body,
    });
  return { user, a, raw };
}

const userCount = async (orgId: string) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE org_id = $1', [orgId]))
    .rows[0]!.n;

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('bad request bodies get a clear 4xx and change nothing', () => {
  it('malformed JSON → 400 error.malformedJson', async () => {
    const { user, raw } = await admin();
    for (const body of ['{"email": ', '{email: "x"}', "{'a':1}", '{"a":1}}', 'nul']) {
      const res = await raw('POST', '/api/v1/users', body, { 'content-type': 'application/json' });
      expect(res.status, body).toBe(400);
      expect((await errorOf(res)).code).toBe('error.malformedJson');
    }
    expect(await userCount(user.orgId)).toBe(1);
  });

  it('an oversized body → 413, whether declared in Content-Length or not', async () => {
    const { user, raw } = await admin();
    const big = JSON.stringify({
      email: 'x@y.kz',
      fullName: 'x'.repeat(LIMITS.bodyBytes),
      roles: ['operator'],
    });
    const declared = await raw('POST', '/api/v1/users', big, {
      'content-type': 'application/json',
      'content-length': String(big.length),
    });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++)
          controller.enqueue(new TextEncoder().encode('x'.repeat(LIMITS.bodyBytes / 10)));
        controller.close();
      },
    });
    const chunked = await ctx.app.request('/api/v1/users', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const err = await errorOf(declared);
    expect(err).toEqual({
      code: 'error.payloadTooLarge',
      message: 'The request is too large (at most 1,000,000 bytes).',
    });
    expect(await userCount(user.orgId)).toBe(1);
  });

  it('a body that is not JSON → 415, an empty body of another type too', async () => {
    const { user, raw } = await admin();
    const form = await raw('POST', '/api/v1/users', 'email=x@y.kz', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect((await errorOf(form)).code).toBe('error.unsupportedMediaType');
    expect(
      (await raw('POST', '/api/v1/users', '{"email":"x@y.kz"}', { 'content-type': 'text/plain' })).status,
    ).toBe(415);
    const empty = await raw('POST', '/api/v1/users', '', { 'content-type': 'text/plain' });
    expect(empty.status).toBe(415);
    expect((await errorOf(empty)).code).toBe('error.unsupportedMediaType');
    expect(await userCount(user.orgId)).toBe(1);
  });

  it('a JSON content type with no body → 400, not a server error', async () => {
    const { user, raw } = await admin();
    const res = await raw('POST', '/api/v1/users', null, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(['error.malformedJson', 'error.validation']).toContain((await errorOf(res)).code);
    expect(await userCount(user.orgId)).toBe(1);
  });

  it('invalid UTF-8 → 400 error.invalidUtf8', async () => {
    const { user, raw } = await admin();
    const bytes = Buffer.concat([
      Buffer.from('{"email":"a@b.kz","fullName":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","roles":["operator"]}'),
    ]);
    const res = await raw('POST', '/api/v1/users', bytes, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: 'error.invalidUtf8',
      message: 'The request body is not valid UTF-8 text.',
    });
    expect(await userCount(user.orgId)).toBe(1);
  });

  it('unknown fields and wrong types → 400 error.validation listing each field, in the caller’s language', async () => {
    const { user, raw } = await admin();
    const body = JSON.stringify({
      email: 'new@x.kz',
      fullName: ['A'],
      roles: 'admin',
      locale: 'ru',
      orgId: user.orgId,
    });
    const en = await raw('POST', '/api/v1/users', body, { 'content-type': 'application/json' });
    expect(en.status).toBe(400);
    const json = await en.json();
    expect(json.error.code).toBe('error.validation');
    expect(json.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'fullName', message: 'wrong type' },
        { path: 'roles', message: 'wrong type' },
        { path: 'orgId', message: 'unknown field' },
      ]),
    );
    const ru = await raw('POST', '/api/v1/users', body, {
      'content-type': 'application/json',
      'accept-language': 'ru',
    });
    expect((await errorOf(ru)).message).toMatch(
      /^Некоторые поля заполнены неверно: .*orgId: неизвестное поле/,
    );
    const kk = await raw('POST', '/api/v1/users', body, {
      'content-type': 'application/json',
      'accept-language': 'kk',
    });
    expect((await errorOf(kk)).message).toMatch(
      /^Кейбір өрістер дұрыс толтырылмаған: .*orgId: белгісіз өріс/,
    );
    expect(await userCount(user.orgId)).toBe(1);
  });

  it('a NUL character in a body or a query → 400, not a database error', async () => {
    const { user, a } = await admin();
    const res = await a.request('POST', '/api/v1/users', {
      email: 'nul@x.kz',
      fullName: 'A\u0000B',
      roles: ['operator'],
      locale: 'ru',
    });
    expect(res.status).toBe(400);
    expect((await a.request('GET', '/api/v1/users?q=%00')).status).toBe(400);
    expect((await a.request('GET', '/api/v1/audit?action=a%00')).status).toBe(400);
    expect(
      (await a.request('PATCH', `/api/v1/organisations/${user.orgId}`, { version: 1, name: 'x\u0000y' }))
        .status,
    ).toBe(400);
    expect(await userCount(user.orgId)).toBe(1);
  });
});

describe('CSRF', () => {
  it('a state-changing request without the right X-CSRF-Token → 403 error.csrf, nothing changed', async () => {
    const { user, a } = await admin();
    const body = { email: `csrf-${Date.now()}@x.kz`, fullName: 'A', roles: ['operator'], locale: 'ru' };
    for (const token of [null, 'forged', a.csrf!.slice(0, -1)]) {
      const res = await ctx.app.request('/api/v1/users', {
        method: 'POST',
        headers: {
          cookie: a.cookie!,
          'content-type': 'application/json',
          'accept-language': 'ru',
          ...(token ? { 'x-csrf-token': token } : {}),
        },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toEqual({
        code: 'error.csrf',
        message:
          'Токен безопасности страницы отсутствует или устарел. Обновите страницу и повторите попытку.',
      });
    }
    const other = await signIn(ctx, await buildUser(ctx));
    const crossToken = await ctx.app.request('/api/v1/users', {
      method: 'POST',
      headers: { cookie: a.cookie!, 'content-type': 'application/json', 'x-csrf-token': other.csrf! },
      body: JSON.stringify(body),
    });
    expect(crossToken.status).toBe(403);
    expect(await userCount(user.orgId)).toBe(1);
    expect((await a.request('POST', '/api/v1/users', body)).status).toBe(201);
  });
});

describe('every response', () => {
  it('carries the security headers; API responses are not cached', async () => {
    const res = await agent(ctx.app).request('GET', '/api/v1/session');
    const h = res.headers;
    expect(h.get('content-security-policy')).toContain("default-src 'self'");
    expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(h.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('cache-control')).toBe('no-store');
    expect(h.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unknown API path is a JSON 404 in the caller’s language', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/nothing-here')).status).toBe(401); // no session: nothing to see
    const a = await signIn(ctx, await buildUser(ctx), { locale: 'kk' });
    const res = await a.request('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'error.notFound', message: 'Табылмады.' } });
  });

  it('the OpenAPI document describes every route', async () => {
    const res = await agent(ctx.app).request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/session',
      '/api/v1/session/totp',
      '/api/v1/session/password',
      '/api/v1/me',
      '/api/v1/me/password',
      '/api/v1/me/two-factor/setup',
      '/api/v1/me/two-factor/confirm',
      '/api/v1/home',
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/users/{id}/reset-password',
      '/api/v1/users/{id}/reset-two-factor',
      '/api/v1/users/{id}/unlock',
      '/api/v1/audit',
    ]) {
      expect(paths, p).toContain(p);
    }
    expect(Object.keys(doc.paths['/api/v1/users'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
