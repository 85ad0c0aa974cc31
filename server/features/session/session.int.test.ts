import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { RateLimiter } from '../../auth/rate-limit';
import { currentTotp } from '../../auth/totp';
import { verifyAuditChain } from '../../audit/verify';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  TEST_PASSWORD,
  type TTestContext,
  type TTestUser,
} from '../../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

const login = (a = agent(ctx.app), user: Pick<TTestUser, 'email'>, password = TEST_PASSWORD) =>
  a.request('POST', '/api/v1/session', { email: user.email, password });

async function userRow(id: string) {
  const { rows } = await ctx.db.query<{
    failed_logins: number;
    locked_until: Date | null;
    totp_last_step: number | null;
    version: number;
  }>('SELECT failed_logins, locked_until, totp_last_step, version FROM users WHERE id = $1', [id]);
  return rows[0]!;
}

const sessionsOf = async (userId: string) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]))
    .rows[0]!.n;

describe('GET /api/v1/session', () => {
  it('401 without a session, in the caller’s language', async () => {
    const cases = {
      en: 'Please sign in to continue.',
      ru: 'Войдите в систему, чтобы продолжить.',
      kk: 'Жалғастыру үшін жүйеге кіріңіз.',
    };
    for (const [locale, message] of Object.entries(cases)) {
      const res = await agent(ctx.app, locale).request('GET', '/api/v1/session');
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'error.unauthenticated', message } });
    }
    const ru = await agent(ctx.app, 'ru-RU,ru;q=0.9,en;q=0.5').request('GET', '/api/v1/session');
    expect((await ru.json()).error.message).toBe(cases.ru);
    const explicit = await agent(ctx.app, 'ru').request('GET', '/api/v1/session?lang=kk');
    expect((await explicit.json()).error.message).toBe(cases.kk);
  });

  it('200 with the session, its CSRF token and the permitted actions', async () => {
    const user = await buildUser(ctx, { roles: ['supervisor'] });
    const a = await signIn(ctx, user);
    const res = await a.request('GET', '/api/v1/session');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      stage: 'full',
      csrfToken: a.csrf,
      demo: false,
      user: { id: user.id, email: user.email, roles: ['supervisor'] },
    });
    expect(body.actions).toEqual([
      'organisation.read',
      'user.list',
      'user.read',
      'stats.read',
      'contact.create',
      'contact.read',
      'contact.readNotes',
      'case.create',
      'case.read',
      'case.readIdentity',
      'case.update',
      'case.close',
      'case.attachContact',
      'case.readSensitive',
      'case.approve',
      'attachment.read',
      'attachment.create',
      'attachment.delete',
      'case.export',
      'caller.flag',
      'person.merge',
      'partner.read',
      'referral.read',
      'referral.create',
      'referral.respond',
      'referral.override',
      'referral.dashboard',
      'notification.read',
    ]);
  });
});

describe('POST /api/v1/session (sign-in)', () => {
  it('400 for bad bodies, 401 for wrong credentials (audited), then 200 with a secure cookie', async () => {
    const user = await buildUser(ctx);
    for (const b of [
      { email: user.email },
      { email: user.email, password: TEST_PASSWORD, remember: true },
      { email: 5, password: 'x' },
      { email: 'no', password: 'x' },
    ]) {
      const res = await agent(ctx.app).request('POST', '/api/v1/session', b);
      expect(res.status, JSON.stringify(b)).toBe(400);
    }
    expect(await userRow(user.id)).toMatchObject({ failed_logins: 0 });

    const unknown = await login(undefined, { email: `nobody-${Date.now()}@test.senim` });
    expect(unknown.status).toBe(401);
    const wrong = await login(undefined, user, 'not the password');
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('error.invalidCredentials');
    expect(await userRow(user.id)).toMatchObject({ failed_logins: 1 });
    expect(await auditRows(ctx, { action: 'session.loginFailed', targetId: user.id })).toEqual([
      expect.objectContaining({ outcome: 'failure', details: { reason: 'password', failures: 1 } }),
    ]);

    const ok = await login(undefined, { email: user.email.toUpperCase() });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^senim_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(await userRow(user.id)).toMatchObject({ failed_logins: 0 });
    expect(await auditRows(ctx, { action: 'session.created', targetId: user.id })).toHaveLength(1);
  });

  it('rotates the session on sign-in: the old cookie no longer works', async () => {
    const user = await buildUser(ctx);
    const a = await signIn(ctx, user);
    const oldCookie = a.cookie!;
    expect((await login(a, user)).status).toBe(200);
    expect(a.cookie).not.toBe(oldCookie);
    expect((await a.request('GET', '/api/v1/session')).status).toBe(200);
    const stale = agent(ctx.app);
    stale.cookie = oldCookie;
    expect((await stale.request('GET', '/api/v1/session')).status).toBe(401);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it('locks the account after 5 failures: 423 with a translated message, even with the right password', async () => {
    const user = await buildUser(ctx);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(undefined, user, `wrong ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect(await auditRows(ctx, { action: 'session.lockedOut', targetId: user.id })).toHaveLength(1);

    const messages: Record<string, string> = {};
    for (const locale of ['en', 'ru', 'kk']) {
      const res = await login(agent(ctx.app, locale), user);
      expect(res.status).toBe(423);
      const body = await res.json();
      expect(body.error.code).toBe('error.lockedOut');
      messages[locale] = body.error.message;
    }
    expect(messages.en).toContain('locked for 15 minutes');
    expect(messages.ru).toContain('заблокирована на 15 минут.');
    expect(messages.kk).toContain('15 минутқа бұғатталды');
    // Russian plurals: 1 минуту, 2–4 минуты, 5–20 минут, 21 минуту
    for (const [minutes, word] of [
      [1, '1 минуту'],
      [3, '3 минуты'],
      [11, '11 минут'],
      [21, '21 минуту'],
    ] as const) {
      await ctx.db.query(`UPDATE users SET locked_until = now() + make_interval(secs => $2) WHERE id = $1`, [
        user.id,
        minutes * 60 - 20,
      ]);
      const body = await (await login(agent(ctx.app, 'ru'), user)).json();
      expect(body.error.message).toContain(`на ${word}.`);
    }
  });

  it('after a lock-out has run out, one more mistake does not lock the account again', async () => {
    const user = await buildUser(ctx);
    await ctx.db.query(
      `UPDATE users SET failed_logins = 5, locked_until = now() - interval '1 second' WHERE id = $1`,
      [user.id],
    );
    expect((await login(undefined, user, 'wrong again')).status).toBe(401);
    expect(await userRow(user.id)).toMatchObject({ failed_logins: 1, locked_until: null });
    expect((await login(undefined, user)).status).toBe(200);
  });

  it('429 after too many attempts from one address; another address is not affected', async () => {
    const app = createApp({
      ...ctx.deps,
      loginLimiter: new RateLimiter(3, 60_000),
      config: { ...ctx.deps.config, trustProxy: true },
    });
    const user = await buildUser(ctx);
    const from = (ip: string) =>
      agent(app, 'ru').request(
        'POST',
        '/api/v1/session',
        { email: user.email, password: 'wrong' },
        { 'x-forwarded-for': ip },
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from('203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await (await from('203.0.113.7')).json();
    expect(limited.error).toEqual({
      code: 'error.rateLimited',
      message: 'Слишком много попыток с этого адреса. Подождите минуту и повторите.',
    });
    expect((await from('198.51.100.9')).status).toBe(401);
    // refused before the password is checked: the account's failure count did not move
    expect(await userRow(user.id)).toMatchObject({ failed_logins: 4 });
    const { rows } = await ctx.db.query(
      `SELECT 1 FROM audit_log WHERE ip = '203.0.113.7' AND details->>'reason' = 'rateLimited'`,
    );
    expect(rows.length).toBe(2);
  });

  it('refuses a sign-in posted from another site (CSRF on the sign-in form)', async () => {
    const user = await buildUser(ctx);
    const cross = await agent(ctx.app).request(
      'POST',
      '/api/v1/session',
      { email: user.email, password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    expect((await cross.json()).error.code).toBe('error.csrf');
    const fetchSite = await agent(ctx.app).request(
      'POST',
      '/api/v1/session',
      { email: user.email, password: TEST_PASSWORD },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(fetchSite.status).toBe(403);
    expect(await sessionsOf(user.id)).toBe(0);
  });
});

describe('session cookies that are not valid', () => {
  it('an expired session (idle) is refused with error.sessionExpired, deleted and audited', async () => {
    const user = await buildUser(ctx);
    const a = await signIn(ctx, user, { locale: 'ru' });
    await ctx.db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const res = await a.request('GET', '/api/v1/users');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'error.sessionExpired', message: 'Сеанс истёк. Войдите снова.' },
    });
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await auditRows(ctx, { action: 'session.expired', targetId: user.id })).toHaveLength(1);
    expect((await a.request('GET', '/api/v1/session')).status).toBe(401);
  });

  it('an expired session (absolute lifetime) is refused', async () => {
    const user = await buildUser(ctx);
    const a = await signIn(ctx, user);
    await ctx.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      user.id,
    ]);
    expect((await (await a.request('GET', '/api/v1/session')).json()).error.code).toBe(
      'error.sessionExpired',
    );
  });

  it('a forged or malformed cookie is 401 and changes nothing', async () => {
    for (const token of [
      crypto.randomBytes(32).toString('base64url'),
      'x',
      "'; DROP TABLE sessions; --",
      'a'.repeat(5000),
    ]) {
      const a = agent(ctx.app);
      a.cookie = `senim_session=${encodeURIComponent(token)}`;
      const res = await a.request('GET', '/api/v1/home');
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('error.unauthenticated');
    }
  });
});

describe('DELETE /api/v1/session (sign-out)', () => {
  it('401 without a session, 403 without the CSRF token (still signed in), then 204 and the session is gone', async () => {
    expect((await agent(ctx.app).request('DELETE', '/api/v1/session')).status).toBe(401);
    const user = await buildUser(ctx);
    const a = await signIn(ctx, user);
    const csrf = a.csrf;
    a.csrf = null;
    expect((await a.request('DELETE', '/api/v1/session')).status).toBe(403);
    a.csrf = 'wrong-token';
    expect((await a.request('DELETE', '/api/v1/session')).status).toBe(403);
    expect(await sessionsOf(user.id)).toBe(1);
    a.csrf = csrf;
    const cookie = a.cookie;
    const res = await a.request('DELETE', '/api/v1/session');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/senim_session=;/);
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await auditRows(ctx, { action: 'session.ended', targetId: user.id })).toHaveLength(1);
    const replay = agent(ctx.app);
    replay.cookie = cookie;
    expect((await replay.request('GET', '/api/v1/session')).status).toBe(401);
  });
});

describe('POST /api/v1/session/totp (second factor)', () => {
  it('401 without a session, 400 for a malformed code, 403 in the wrong stage, 403 for a wrong code (audited)', async () => {
    expect((await agent(ctx.app).request('POST', '/api/v1/session/totp', { code: '123456' })).status).toBe(
      401,
    );
    const user = await buildUser(ctx, { totp: true });
    const a = agent(ctx.app);
    expect((await (await login(a, user)).json()).stage).toBe('totp');
    for (const b of [
      { code: '12345' },
      { code: 123456 },
      { code: '123456', extra: 1 },
      { code: "1' OR '1'='1" },
    ]) {
      expect((await a.request('POST', '/api/v1/session/totp', b)).status, JSON.stringify(b)).toBe(400);
    }
    // a half-signed-in session is not signed in
    const blocked = await a.request('GET', '/api/v1/users');
    expect(blocked.status).toBe(401);
    expect((await blocked.json()).error.code).toBe('error.twoFactorRequired');

    const wrong = String((Number(currentTotp(user.totpSecret!)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await a.request('POST', '/api/v1/session/totp', { code: wrong });
    expect(bad.status).toBe(403);
    expect((await bad.json()).error.code).toBe('error.invalidTotp');
    expect(await auditRows(ctx, { action: 'twoFactor.failed', targetId: user.id })).toHaveLength(1);

    const ok = await a.request('POST', '/api/v1/session/totp', { code: currentTotp(user.totpSecret!) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).stage).toBe('full');
    expect((await a.request('POST', '/api/v1/session/totp', { code: '000000' })).status).toBe(403); // stage is full now
  });

  it('refuses a replayed code: a code is accepted once', async () => {
    const user = await buildUser(ctx, { totp: true });
    const code = currentTotp(user.totpSecret!);
    const first = agent(ctx.app);
    await login(first, user);
    expect((await first.request('POST', '/api/v1/session/totp', { code })).status).toBe(200);
    const step = (await userRow(user.id)).totp_last_step;

    const second = agent(ctx.app);
    await login(second, user);
    const replay = await second.request('POST', '/api/v1/session/totp', { code });
    expect(replay.status).toBe(403);
    expect(await userRow(user.id)).toMatchObject({ totp_last_step: step });
    expect((await second.request('GET', '/api/v1/home')).status).toBe(401);
  });

  it('a recovery code works once', async () => {
    const org = await buildOrg(ctx, { requireTwoFactor: true });
    const user = await buildUser(ctx, { orgId: org.id });
    const a = agent(ctx.app);
    expect((await (await login(a, user)).json()).stage).toBe('enrol');
    const { secret } = await (await a.request('POST', '/api/v1/me/two-factor/setup')).json();
    const confirmed = await a.request('POST', '/api/v1/me/two-factor/confirm', { code: currentTotp(secret) });
    const { recoveryCodes } = await confirmed.json();
    expect(recoveryCodes).toHaveLength(10);

    const b = agent(ctx.app);
    expect((await (await login(b, user)).json()).stage).toBe('totp');
    const used = await b.request('POST', '/api/v1/session/totp', { code: recoveryCodes[3].toUpperCase() });
    expect(used.status).toBe(200);
    expect(await auditRows(ctx, { action: 'twoFactor.recoveryUsed', targetId: user.id })).toHaveLength(1);

    const c = agent(ctx.app);
    await login(c, user);
    expect((await c.request('POST', '/api/v1/session/totp', { code: recoveryCodes[3] })).status).toBe(403);
    expect((await c.request('POST', '/api/v1/session/totp', { code: recoveryCodes[4] })).status).toBe(200);
  });
});

describe('enrolment and password stages', () => {
  it('an administrator outside demo mode must enrol a second factor (stage enrol)', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'], totp: false });
    const a = agent(ctx.app);
    expect((await (await login(a, admin)).json()).stage).toBe('enrol');
    const blocked = await a.request('GET', '/api/v1/users');
    expect(blocked.status).toBe(401);
    expect((await blocked.json()).error.code).toBe('error.twoFactorEnrolmentRequired');

    // in demo mode the same administrator is let in without one
    const demoApp = createApp({ ...ctx.deps, isDemo: () => true });
    const d = agent(demoApp);
    expect((await (await login(d, admin)).json()).stage).toBe('full');
  });

  it('an organisation that requires two-factor sign-in makes every role enrol', async () => {
    const org = await buildOrg(ctx, { requireTwoFactor: true });
    for (const role of ['operator', 'analyst'] as const) {
      const user = await buildUser(ctx, { orgId: org.id, roles: [role] });
      expect((await (await login(undefined, user)).json()).stage).toBe('enrol');
    }
  });

  it('a user whose password was reset must choose a new one (stage password)', async () => {
    const user = await buildUser(ctx, { mustChangePassword: true });
    const a = agent(ctx.app, 'kk');
    expect((await (await login(a, user)).json()).stage).toBe('password');
    const blocked = await a.request('GET', '/api/v1/home');
    expect(blocked.status).toBe(401);
    expect(await blocked.json()).toEqual({
      error: { code: 'error.passwordChangeRequired', message: 'Жалғастыру үшін жаңа құпиясөз орнатыңыз.' },
    });
    const version = (await userRow(user.id)).version;

    expect(
      (await agent(ctx.app).request('POST', '/api/v1/session/password', { newPassword: 'a long enough one' }))
        .status,
    ).toBe(401);
    expect((await a.request('POST', '/api/v1/session/password', { newPassword: 'short' })).status).toBe(400);
    expect(
      (await a.request('POST', '/api/v1/session/password', { newPassword: 'a long enough one', also: 1 }))
        .status,
    ).toBe(400);
    const weak = await a.request('POST', '/api/v1/session/password', { newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.message).toBe(
      'Құпиясөз кемінде 12 таңбадан тұруы және жиі қолданылатын құпиясөз болмауы керек.',
    );
    expect((await a.request('POST', '/api/v1/session/password', { newPassword: TEST_PASSWORD })).status).toBe(
      400,
    ); // the same as before
    expect((await userRow(user.id)).version).toBe(version);

    const ok = await a.request('POST', '/api/v1/session/password', { newPassword: 'a long enough one' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).stage).toBe('full');
    expect((await a.request('GET', '/api/v1/home')).status).toBe(200);
    expect(await auditRows(ctx, { action: 'password.changed', targetId: user.id })).toHaveLength(1);
    expect(
      (await a.request('POST', '/api/v1/session/password', { newPassword: 'yet another long one' })).status,
    ).toBe(403);
    expect((await login(undefined, user, 'a long enough one')).status).toBe(200);
  });
});

describe('the audit trail after all of the above', () => {
  it('still verifies', async () => {
    const result = await verifyAuditChain(ctx.db, ctx.deps.keyring.auditKey);
    expect(result).toMatchObject({ ok: true });
    expect(result.rows).toBeGreaterThan(50);
  });
});
