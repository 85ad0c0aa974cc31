import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../auth/totp';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  TEST_PASSWORD,
  type TTestContext,
} from '../../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

async function userRow(id: string) {
  const { rows } = await ctx.db.query<{
    locale: string;
    version: number;
    totp_enabled_at: Date | null;
    totp_secret_sealed: Uint8Array | null;
    password_hash: string;
  }>('SELECT locale, version, totp_enabled_at, totp_secret_sealed, password_hash FROM users WHERE id = $1', [
    id,
  ]);
  return rows[0]!;
}
const recoveryCodes = async (id: string) =>
  (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1', [
      id,
    ])
  ).rows[0]!.n;

describe('POST /api/v1/me/two-factor/setup and /confirm (enrolment)', () => {
  it('401 without a session; 403 while a code or a new password is pending', async () => {
    expect((await agent(ctx.app).request('POST', '/api/v1/me/two-factor/setup')).status).toBe(401);
    expect(
      (await agent(ctx.app).request('POST', '/api/v1/me/two-factor/confirm', { code: '123456' })).status,
    ).toBe(401);
    const pending = await buildUser(ctx, { mustChangePassword: true });
    const a = agent(ctx.app);
    await a.request('POST', '/api/v1/session', { email: pending.email, password: TEST_PASSWORD });
    expect((await a.request('POST', '/api/v1/me/two-factor/setup')).status).toBe(403);
    expect((await userRow(pending.id)).totp_secret_sealed).toBeNull();
  });

  it('400 for bad codes (wrong one audited), then 200: enabled, 10 recovery codes, the session becomes full', async () => {
    const org = await buildOrg(ctx, { requireTwoFactor: true });
    const user = await buildUser(ctx, { orgId: org.id });
    const a = agent(ctx.app);
    expect(
      (
        await (
          await a.request('POST', '/api/v1/session', { email: user.email, password: TEST_PASSWORD })
        ).json()
      ).stage,
    ).toBe('enrol');

    const setup = await a.request('POST', '/api/v1/me/two-factor/setup');
    expect(setup.status).toBe(200);
    const { secret, otpauthUrl, qrSvg } = await setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Senim:.*secret=/);
    expect(qrSvg).toMatch(/^<svg/);
    expect((await userRow(user.id)).totp_enabled_at).toBeNull(); // not active until confirmed

    for (const b of [{}, { code: 'abcdef' }, { code: '1234567' }, { code: '123456', secret }]) {
      expect((await a.request('POST', '/api/v1/me/two-factor/confirm', b)).status, JSON.stringify(b)).toBe(
        400,
      );
    }
    const wrong = String((Number(currentTotp(secret)) + 1) % 1_000_000).padStart(6, '0');
    const bad = await a.request('POST', '/api/v1/me/two-factor/confirm', { code: wrong });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('error.invalidTotp');
    expect(await auditRows(ctx, { action: 'twoFactor.failed', targetId: user.id })).toHaveLength(1);
    expect((await userRow(user.id)).totp_enabled_at).toBeNull();

    const ok = await a.request('POST', '/api/v1/me/two-factor/confirm', { code: currentTotp(secret) });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect(body.session).toMatchObject({ stage: 'full', user: { twoFactorEnabled: true } });
    expect(await recoveryCodes(user.id)).toBe(10);
    expect(await auditRows(ctx, { action: 'twoFactor.enrolled', targetId: user.id })).toHaveLength(1);
    expect((await a.request('GET', '/api/v1/home')).status).toBe(200);

    // enabled: neither a new secret nor a second confirmation
    const again = await a.request('POST', '/api/v1/me/two-factor/setup');
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('error.twoFactorAlreadyEnabled');
    expect(
      (await a.request('POST', '/api/v1/me/two-factor/confirm', { code: currentTotp(secret) })).status,
    ).toBe(409);
  });

  it('a fully signed-in user without a second factor may enrol voluntarily', async () => {
    const user = await buildUser(ctx);
    const a = await signIn(ctx, user);
    const { secret } = await (await a.request('POST', '/api/v1/me/two-factor/setup')).json();
    expect(
      (await a.request('POST', '/api/v1/me/two-factor/confirm', { code: currentTotp(secret) })).status,
    ).toBe(200);
    const next = agent(ctx.app);
    expect(
      (
        await (
          await next.request('POST', '/api/v1/session', { email: user.email, password: TEST_PASSWORD })
        ).json()
      ).stage,
    ).toBe('totp');
  });
});

describe('POST /api/v1/me/password', () => {
  it('401, 400 (bad body), 403 (wrong current password, audited), 400 (weak), then 204; other sessions end', async () => {
    const path = '/api/v1/me/password';
    expect(
      (
        await agent(ctx.app).request('POST', path, {
          currentPassword: TEST_PASSWORD,
          newPassword: 'new long password',
        })
      ).status,
    ).toBe(401);
    const user = await buildUser(ctx);
    const other = await signIn(ctx, user);
    const a = await signIn(ctx, user);
    const hash = (await userRow(user.id)).password_hash;

    for (const b of [
      { newPassword: 'new long password' },
      { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      { currentPassword: TEST_PASSWORD, newPassword: 'new long password', x: 1 },
    ]) {
      expect((await a.request('POST', path, b)).status, JSON.stringify(b)).toBe(400);
    }
    const wrong = await a.request('POST', path, {
      currentPassword: 'not mine at all',
      newPassword: 'new long password',
    });
    expect(wrong.status).toBe(403);
    expect(await auditRows(ctx, { action: 'password.changed', targetId: user.id })).toEqual([
      expect.objectContaining({ outcome: 'failure', details: { reason: 'currentPassword' } }),
    ]);
    expect(
      (await a.request('POST', path, { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' })).status,
    ).toBe(400);
    expect(
      (await a.request('POST', path, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).status,
    ).toBe(400);
    expect((await userRow(user.id)).password_hash).toBe(hash);

    const res = await a.request('POST', path, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'new long password',
    });
    expect(res.status).toBe(204);
    expect((await a.request('GET', '/api/v1/session')).status).toBe(200);
    expect((await other.request('GET', '/api/v1/session')).status).toBe(401);
    const old = await agent(ctx.app).request('POST', '/api/v1/session', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(old.status).toBe(401);
    await signIn(ctx, { ...user, password: 'new long password' });
  });
});

describe('PATCH /api/v1/me (language)', () => {
  it('401, 403 without the CSRF token (nothing changed), 400 for bad bodies, then 200; messages follow the new language', async () => {
    expect((await agent(ctx.app).request('PATCH', '/api/v1/me', { locale: 'kk' })).status).toBe(401);
    const user = await buildUser(ctx);
    const a = await signIn(ctx, user);
    const csrf = a.csrf;
    a.csrf = null;
    const noToken = await a.request('PATCH', '/api/v1/me', { locale: 'kk' });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.code).toBe('error.csrf');
    a.csrf = csrf;
    for (const b of [{ locale: 'de' }, { locale: 'kk', theme: 'dark' }, { locale: ['kk'] }, {}]) {
      expect((await a.request('PATCH', '/api/v1/me', b)).status, JSON.stringify(b)).toBe(400);
    }
    expect(await userRow(user.id)).toMatchObject({ locale: 'en' });

    const res = await a.request('PATCH', '/api/v1/me', { locale: 'kk' });
    expect(res.status).toBe(200);
    expect((await res.json()).user.locale).toBe('kk');
    expect(await auditRows(ctx, { action: 'user.updated', targetId: user.id })).toEqual([
      expect.objectContaining({ details: { fields: ['locale'] } }),
    ]);
    // without Accept-Language, errors come in the user's own language
    const denied = await ctx.app.request('/api/v1/users', { headers: { cookie: a.cookie! } });
    expect((await denied.json()).error.message).toBe('Сіздің рөліңіз бұл әрекетке рұқсат бермейді.');
  });

  it('403 while the sign-in is not complete', async () => {
    const user = await buildUser(ctx, { totp: true });
    const a = agent(ctx.app);
    await a.request('POST', '/api/v1/session', { email: user.email, password: TEST_PASSWORD });
    expect((await a.request('PATCH', '/api/v1/me', { locale: 'kk' })).status).toBe(403);
    expect(
      (
        await a.request('POST', '/api/v1/me/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'new long password',
        })
      ).status,
    ).toBe(403);
    expect(await userRow(user.id)).toMatchObject({ locale: 'en' });
  });
});
