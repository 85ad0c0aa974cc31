import { beforeAll, describe, expect, it } from 'vitest';
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

const USER_KEYS = [
  'actions',
  'createdAt',
  'email',
  'fullName',
  'id',
  'isActive',
  'lastLoginAt',
  'locale',
  'lockedUntil',
  'roles',
  'twoFactorEnabled',
  'version',
];

async function adminSession() {
  const admin = await buildUser(ctx, { roles: ['admin'] });
  return { admin, a: await signIn(ctx, admin) };
}

async function userRow(id: string) {
  const { rows } = await ctx.db.query<{
    version: number;
    roles: string[];
    locale: string;
    is_active: boolean;
    must_change_password: boolean;
    failed_logins: number;
    locked_until: Date | null;
    totp_enabled_at: Date | null;
    password_hash: string;
  }>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0]!;
}

const sessionCount = async (userId: string) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]))
    .rows[0]!.n;

describe('GET /api/v1/users (deny ladder)', () => {
  it('401 without a session', async () => {
    const res = await agent(ctx.app).request('GET', '/api/v1/users');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('error.unauthenticated');
  });

  it('400 for bad or unknown query parameters', async () => {
    const { a } = await adminSession();
    for (const q of ['pageSize=0', 'pageSize=201', 'page=x', 'bogus=1', 'page=1&page=2']) {
      const res = await a.request('GET', `/api/v1/users?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.code).toBe('error.validation');
    }
  });

  it('403 for a role without user.list, audited as a denial', async () => {
    const worker = await buildUser(ctx, { roles: ['operator'] });
    const w = await signIn(ctx, worker);
    const res = await w.request('GET', '/api/v1/users');
    expect(res.status).toBe(403);
    const rows = await auditRows(ctx, { action: 'access.denied', actorUserId: worker.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ reason: 'forbidden', attempted: 'user.list' });
  });

  it('200: my organisation only, searched by e-mail, paged, audited', async () => {
    const { admin, a } = await adminSession();
    const tag = `t${Date.now()}`;
    const mine = await buildUser(ctx, { orgId: admin.orgId, email: `anna.${tag}@mine.test` });
    await buildUser(ctx, { orgId: admin.orgId, email: `bob.${tag}@mine.test` });
    const foreign = await buildUser(ctx, { email: `anna.${tag}@other.test` });

    const all = await (await a.request('GET', '/api/v1/users')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((u: { id: string }) => u.id)).not.toContain(foreign.id);
    expect(Object.keys(all.items[0]).sort()).toEqual(USER_KEYS);

    const found = await (
      await a.request('GET', `/api/v1/users?q=${encodeURIComponent(`ANNA.${tag}`)}`)
    ).json();
    expect(found.items.map((u: { id: string }) => u.id)).toEqual([mine.id]);
    expect(found.total).toBe(1);

    // % and _ are matched literally, not as wildcards
    expect((await (await a.request('GET', '/api/v1/users?q=%25')).json()).total).toBe(0);
    expect(
      (await (await a.request('GET', `/api/v1/users?q=${encodeURIComponent("' OR 1=1 --")}`)).json()).total,
    ).toBe(0);

    const page2 = await (await a.request('GET', '/api/v1/users?page=2&pageSize=2')).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBe(3);

    const rows = await auditRows(ctx, { action: 'user.listed', actorUserId: admin.id });
    expect(rows.length).toBe(5);
    expect(rows[1]!.details).toEqual({ count: 1, page: 1, search: true });
  });

  it('a supervisor lists and reads users, read-only', async () => {
    const sup = await buildUser(ctx, { roles: ['supervisor'] });
    const s = await signIn(ctx, sup);
    const res = await s.request('GET', '/api/v1/users');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items[0].actions).toEqual(['user.read']);
    expect((await s.request('GET', `/api/v1/users/${sup.id}`)).status).toBe(200);
  });
});

describe('GET /api/v1/users/:id (deny ladder)', () => {
  it('401, 400, 404 (audited), 403, then 200 audited as user.read', async () => {
    const { admin, a } = await adminSession();
    const colleague = await buildUser(ctx, { orgId: admin.orgId });
    const stranger = await buildUser(ctx);

    expect((await agent(ctx.app).request('GET', `/api/v1/users/${colleague.id}`)).status).toBe(401);
    expect((await a.request('GET', '/api/v1/users/not-a-uuid')).status).toBe(400);

    const hidden = await a.request('GET', `/api/v1/users/${stranger.id}`);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.code).toBe('error.notFound');
    expect((await auditRows(ctx, { action: 'access.denied', targetId: stranger.id }))[0]).toMatchObject({
      outcome: 'denied',
    });

    const c = await signIn(ctx, colleague);
    expect((await c.request('GET', `/api/v1/users/${admin.id}`)).status).toBe(403);

    const ok = await a.request('GET', `/api/v1/users/${colleague.id}`);
    expect(ok.status).toBe(200);
    const user = await ok.json();
    expect(Object.keys(user).sort()).toEqual(USER_KEYS);
    expect(user).toMatchObject({
      id: colleague.id,
      email: colleague.email,
      fullName: 'Test User',
      roles: ['case_worker'],
      isActive: true,
      twoFactorEnabled: false,
      lockedUntil: null,
      version: 1,
    });
    expect(user.lastLoginAt).not.toBeNull(); // signed in above
    expect(user.actions).toEqual(['user.read', 'user.update', 'user.resetPassword', 'user.resetTwoFactor']);
    expect(await auditRows(ctx, { action: 'user.read', targetId: colleague.id })).toHaveLength(1);
  });
});

describe('POST /api/v1/users (deny ladder)', () => {
  const body = (email: string) => ({
    email,
    fullName: 'Айгерим Сейткали',
    roles: ['operator'],
    locale: 'kk',
  });
  const count = async (orgId: string) =>
    (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE org_id = $1', [orgId]))
      .rows[0]!.n;

  it('401, 400 (nothing created), 403, then 201 with a temporary password that must be changed', async () => {
    const { admin, a } = await adminSession();
    const email = `new-${Date.now()}@test.senim`;
    expect((await agent(ctx.app).request('POST', '/api/v1/users', body(email))).status).toBe(401);

    const bad = [
      { ...body(email), isAdmin: true },
      { ...body(email), roles: [] },
      { ...body(email), roles: ['root'] },
      { ...body(email), email: 'not-an-email' },
      { ...body(email), fullName: 42 },
      { ...body(email), fullName: '' },
      { ...body(email), locale: 'de' },
      [],
    ];
    for (const b of bad) {
      const res = await a.request('POST', '/api/v1/users', b);
      expect(res.status, JSON.stringify(b)).toBe(400);
    }
    const unknown = await (
      await a.request('POST', '/api/v1/users', { ...body(email), isAdmin: true })
    ).json();
    expect(unknown.error.fields).toEqual([{ path: 'isAdmin', message: 'unknown field' }]);
    expect(await count(admin.orgId)).toBe(1);

    const sup = await buildUser(ctx, { orgId: admin.orgId, roles: ['supervisor'] });
    const s = await signIn(ctx, sup);
    expect((await s.request('POST', '/api/v1/users', body(email))).status).toBe(403);
    expect(await count(admin.orgId)).toBe(2);

    const res = await a.request('POST', '/api/v1/users', {
      ...body(email.toUpperCase()),
      roles: ['operator', 'operator'],
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.user).toMatchObject({
      email,
      fullName: 'Айгерим Сейткали',
      roles: ['operator'],
      locale: 'kk',
      isActive: true,
    });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect((await userRow(created.user.id)).must_change_password).toBe(true);
    expect(await auditRows(ctx, { action: 'user.created', targetId: created.user.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { roles: ['operator'] } }),
    ]);

    const first = agent(ctx.app);
    const login = await first.request('POST', '/api/v1/session', {
      email,
      password: created.temporaryPassword,
    });
    expect(login.status).toBe(200);
    expect((await login.json()).stage).toBe('password');
  });

  it('409 error.emailTaken for an address used in this or another organisation (audited, nothing created)', async () => {
    const { admin, a } = await adminSession();
    const other = await buildUser(ctx, { email: `taken-${Date.now()}@elsewhere.test` });
    const res = await a.request('POST', '/api/v1/users', body(other.email.toUpperCase()));
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('error.emailTaken');
    expect(await count(admin.orgId)).toBe(1);
    const colleague = await buildUser(ctx, { orgId: admin.orgId });
    expect((await a.request('POST', '/api/v1/users', body(colleague.email))).status).toBe(409);
    const rows = await auditRows(ctx, { action: 'user.created', actorUserId: admin.id });
    expect(rows).toEqual([
      expect.objectContaining({ outcome: 'failure', details: { reason: 'emailTaken' } }),
      expect.objectContaining({ outcome: 'failure', details: { reason: 'emailTaken' } }),
    ]);
  });

  it('stores SQL and HTML injection strings inertly and returns them as they were sent', async () => {
    const { a } = await adminSession();
    const nasty = `Robert'); DROP TABLE users;-- <script>alert("x")</script> \u202e`;
    const res = await a.request('POST', '/api/v1/users', {
      ...body(`inj-${Date.now()}@test.senim`),
      fullName: nasty,
    });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user.fullName).toBe(nasty.trim());
    expect((await (await a.request('GET', `/api/v1/users/${user.id}`)).json()).fullName).toBe(nasty.trim());
    expect(res.headers.get('content-type')).toContain('application/json');
    // the name is sealed at rest: not in the row in clear
    const { rows } = await ctx.db.query<{ raw: string }>(
      `SELECT encode(full_name_sealed, 'escape') AS raw FROM users WHERE id = $1`,
      [user.id],
    );
    expect(rows[0]!.raw).not.toContain('DROP TABLE');
  });
});

describe('PATCH /api/v1/users/:id (deny ladder)', () => {
  it('401, 400 (nothing changed), 404, 403, 409, then 200 with an audit row', async () => {
    const { admin, a } = await adminSession();
    const target = await buildUser(ctx, { orgId: admin.orgId });
    const stranger = await buildUser(ctx);
    const path = `/api/v1/users/${target.id}`;

    expect((await agent(ctx.app).request('PATCH', path, { version: 1, locale: 'ru' })).status).toBe(401);
    for (const b of [
      { version: 1, email: 'x@y.z' },
      { locale: 'ru' },
      { version: '1', locale: 'ru' },
      { version: 1, isActive: 'no' },
      { version: 1, roles: [] },
    ]) {
      expect((await a.request('PATCH', path, b)).status, JSON.stringify(b)).toBe(400);
    }
    expect((await userRow(target.id)).version).toBe(1);

    expect(
      (await a.request('PATCH', `/api/v1/users/${stranger.id}`, { version: 1, locale: 'ru' })).status,
    ).toBe(404);
    expect((await userRow(stranger.id)).locale).toBe('en');

    const sup = await buildUser(ctx, { orgId: admin.orgId, roles: ['supervisor'] });
    const s = await signIn(ctx, sup);
    expect((await s.request('PATCH', path, { version: 1, roles: ['admin'] })).status).toBe(403);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: sup.id }))[0]!.details,
    ).toMatchObject({ attempted: 'user.update' });

    const stale = await a.request('PATCH', path, { version: 2, locale: 'ru' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('error.conflict');

    const ok = await a.request('PATCH', path, {
      version: 1,
      fullName: 'Гүлдана Тлегенова',
      roles: ['supervisor', 'operator'],
      locale: 'ru',
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      fullName: 'Гүлдана Тлегенова',
      roles: ['operator', 'supervisor'],
      locale: 'ru',
      version: 2,
    });
    expect(await auditRows(ctx, { action: 'user.updated', targetId: target.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { fields: ['fullName', 'roles', 'locale'], roles: ['operator', 'supervisor'] },
      }),
    ]);
  });

  it('400 error.cannotChangeSelf: an administrator cannot drop their own admin role or disable themselves', async () => {
    const { admin, a } = await adminSession();
    for (const b of [
      { version: 1, roles: ['supervisor'] },
      { version: 1, isActive: false },
    ]) {
      const res = await a.request('PATCH', `/api/v1/users/${admin.id}`, b);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('error.cannotChangeSelf');
    }
    const row = await userRow(admin.id);
    expect(row).toMatchObject({ version: 1, roles: ['admin'], is_active: true });
    const ok = await a.request('PATCH', `/api/v1/users/${admin.id}`, {
      version: 1,
      roles: ['admin', 'supervisor'],
    });
    expect(ok.status).toBe(200);
  });

  it('disabling a user ends their sessions and refuses their sign-in; enabling lets them back', async () => {
    const { admin, a } = await adminSession();
    const target = await buildUser(ctx, { orgId: admin.orgId });
    const t = await signIn(ctx, target);
    expect((await t.request('GET', '/api/v1/session')).status).toBe(200);

    const res = await a.request('PATCH', `/api/v1/users/${target.id}`, { version: 1, isActive: false });
    expect(res.status).toBe(200);
    expect((await res.json()).isActive).toBe(false);
    expect(await sessionCount(target.id)).toBe(0);
    expect((await t.request('GET', '/api/v1/session')).status).toBe(401);
    const again = await agent(ctx.app).request('POST', '/api/v1/session', {
      email: target.email,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(403);
    expect((await again.json()).error.code).toBe('error.accountDisabled');

    expect(
      (await a.request('PATCH', `/api/v1/users/${target.id}`, { version: 2, isActive: true })).status,
    ).toBe(200);
    await signIn(ctx, target);
  });
});

describe('POST /api/v1/users/:id/reset-password (deny ladder)', () => {
  it('401, 400, 404, 403, then 200: a temporary password, sessions ended, lock-out cleared, change forced', async () => {
    const { admin, a } = await adminSession();
    const target = await buildUser(ctx, { orgId: admin.orgId });
    const stranger = await buildUser(ctx);
    const path = `/api/v1/users/${target.id}/reset-password`;
    const t = await signIn(ctx, target);

    expect((await agent(ctx.app).request('POST', path, {})).status).toBe(401);
    expect((await a.request('POST', '/api/v1/users/nope/reset-password', {})).status).toBe(400);
    expect((await a.request('POST', path, { password: 'mine' })).status).toBe(400);
    expect((await a.request('POST', `/api/v1/users/${stranger.id}/reset-password`, {})).status).toBe(404);
    const sup = await buildUser(ctx, { orgId: admin.orgId, roles: ['supervisor'] });
    expect((await (await signIn(ctx, sup)).request('POST', path, {})).status).toBe(403);
    const before = await userRow(target.id);
    expect(before.must_change_password).toBe(false);
    expect((await userRow(stranger.id)).password_hash).toBe((await userRow(stranger.id)).password_hash);

    await ctx.db.query(
      `UPDATE users SET failed_logins = 5, locked_until = now() + interval '10 minutes' WHERE id = $1`,
      [target.id],
    );
    const res = await a.request('POST', path); // no body at all is fine too
    expect(res.status).toBe(200);
    const { temporaryPassword } = await res.json();
    const after = await userRow(target.id);
    expect(after).toMatchObject({
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      version: before.version + 1,
    });
    expect(await sessionCount(target.id)).toBe(0);
    expect((await t.request('GET', '/api/v1/session')).status).toBe(401);
    expect(await auditRows(ctx, { action: 'password.reset', targetId: target.id })).toHaveLength(1);

    const old = await agent(ctx.app).request('POST', '/api/v1/session', {
      email: target.email,
      password: TEST_PASSWORD,
    });
    expect(old.status).toBe(401);
    const n = agent(ctx.app);
    const login = await n.request('POST', '/api/v1/session', {
      email: target.email,
      password: temporaryPassword,
    });
    expect((await login.json()).stage).toBe('password');
    expect((await n.request('GET', '/api/v1/users')).status).toBe(401);
    const changed = await n.request('POST', '/api/v1/session/password', {
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()).stage).toBe('full');
  });
});

describe('POST /api/v1/users/:id/reset-two-factor (deny ladder)', () => {
  it('401, 400, 404, 403, then 204: authenticator and recovery codes removed, sessions ended, enrolment next', async () => {
    const { admin, a } = await adminSession();
    const target = await buildUser(ctx, { orgId: admin.orgId, roles: ['admin'] });
    await ctx.db.query(`INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, 'x'), ($1, 'y')`, [
      target.id,
    ]);
    const stranger = await buildUser(ctx, { roles: ['admin'] });
    const path = `/api/v1/users/${target.id}/reset-two-factor`;
    const t = await signIn(ctx, target);

    expect((await agent(ctx.app).request('POST', path, {})).status).toBe(401);
    expect((await a.request('POST', path, { now: true })).status).toBe(400);
    expect((await a.request('POST', `/api/v1/users/${stranger.id}/reset-two-factor`, {})).status).toBe(404);
    expect((await userRow(stranger.id)).totp_enabled_at).not.toBeNull();
    const sup = await buildUser(ctx, { orgId: admin.orgId, roles: ['supervisor'] });
    expect((await (await signIn(ctx, sup)).request('POST', path, {})).status).toBe(403);
    expect((await userRow(target.id)).totp_enabled_at).not.toBeNull();

    const res = await a.request('POST', path, {});
    expect(res.status).toBe(204);
    expect((await userRow(target.id)).totp_enabled_at).toBeNull();
    const { rows } = await ctx.db.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [target.id]);
    expect(rows).toHaveLength(0);
    expect((await t.request('GET', '/api/v1/session')).status).toBe(401);
    expect(await auditRows(ctx, { action: 'twoFactor.reset', targetId: target.id })).toHaveLength(1);

    const login = await agent(ctx.app).request('POST', '/api/v1/session', {
      email: target.email,
      password: TEST_PASSWORD,
    });
    expect((await login.json()).stage).toBe('enrol'); // an administrator outside demo mode
  });
});

describe('POST /api/v1/users/:id/unlock (deny ladder)', () => {
  it('401, 400, 404, 403, then 204 and the user can sign in again', async () => {
    const { admin, a } = await adminSession();
    const target = await buildUser(ctx, { orgId: admin.orgId });
    const stranger = await buildUser(ctx);
    const lock = `UPDATE users SET failed_logins = 5, locked_until = now() + interval '10 minutes' WHERE id = $1`;
    await ctx.db.query(lock, [target.id]);
    await ctx.db.query(lock, [stranger.id]);
    const path = `/api/v1/users/${target.id}/unlock`;

    const shown = await (await a.request('GET', `/api/v1/users/${target.id}`)).json();
    expect(Date.parse(shown.lockedUntil)).toBeGreaterThan(Date.now());
    expect((await agent(ctx.app).request('POST', path, {})).status).toBe(401);
    expect((await a.request('POST', path, { until: null })).status).toBe(400);
    expect((await a.request('POST', `/api/v1/users/${stranger.id}/unlock`, {})).status).toBe(404);
    expect((await userRow(stranger.id)).locked_until).not.toBeNull();
    const sup = await buildUser(ctx, { orgId: admin.orgId, roles: ['supervisor'] });
    expect((await (await signIn(ctx, sup)).request('POST', path, {})).status).toBe(403);
    const locked = await agent(ctx.app).request('POST', '/api/v1/session', {
      email: target.email,
      password: TEST_PASSWORD,
    });
    expect(locked.status).toBe(423);

    expect((await a.request('POST', path, {})).status).toBe(204);
    expect(await userRow(target.id)).toMatchObject({ failed_logins: 0, locked_until: null });
    expect((await (await a.request('GET', `/api/v1/users/${target.id}`)).json()).lockedUntil).toBeNull();
    expect(await auditRows(ctx, { action: 'user.updated', targetId: target.id })).toEqual([
      expect.objectContaining({ details: { fields: ['lockedUntil'], unlocked: true } }),
    ]);
    await signIn(ctx, target);
  });
});

describe('an organisation administrator and another organisation', () => {
  it('cannot read, change, reset or unlock users of another organisation: 404 everywhere, nothing changed', async () => {
    const { a } = await adminSession();
    const stranger = await buildUser(ctx, { roles: ['admin'], orgId: (await buildOrg(ctx)).id });
    const before = await userRow(stranger.id);
    const id = stranger.id;
    const results = await Promise.all([
      a.request('GET', `/api/v1/users/${id}`),
      a.request('PATCH', `/api/v1/users/${id}`, { version: 1, isActive: false }),
      a.request('POST', `/api/v1/users/${id}/reset-password`, {}),
      a.request('POST', `/api/v1/users/${id}/reset-two-factor`, {}),
      a.request('POST', `/api/v1/users/${id}/unlock`, {}),
    ]);
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect(await userRow(id)).toEqual(before);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: id })).toHaveLength(5);
  });
});
