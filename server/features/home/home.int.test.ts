import { beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../auth/totp';
import { agent, buildUser, setupTestContext, signIn, type TTestContext } from '../../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

describe('GET /api/v1/home', () => {
  it('401 without a session', async () => {
    const res = await agent(ctx.app, 'kk').request('GET', '/api/v1/home');
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Жалғастыру үшін жүйеге кіріңіз.');
  });

  it('an administrator sees all four counts of their own organisation', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    await buildUser(ctx, { orgId: admin.orgId, roles: ['operator'] }); // no second factor
    const locked = await buildUser(ctx, { orgId: admin.orgId, totp: true });
    await ctx.db.query(`UPDATE users SET locked_until = now() + interval '5 minutes' WHERE id = $1`, [
      locked.id,
    ]);
    const outsider = await buildUser(ctx, { roles: ['admin'] }); // another organisation: counted nowhere here
    const o = await signIn(ctx, outsider);
    await ctx.db.query(`UPDATE users SET locked_until = now() + interval '5 minutes' WHERE id = $1`, [
      outsider.id,
    ]);

    const a = await signIn(ctx, admin);
    // one denial in this organisation (a role without the action), one in the other
    const worker = await buildUser(ctx, { orgId: admin.orgId, roles: ['case_worker'] });
    expect((await (await signIn(ctx, worker)).request('GET', '/api/v1/audit')).status).toBe(403);
    expect((await o.request('GET', `/api/v1/users/${admin.id}`)).status).toBe(404);

    const res = await a.request('GET', '/api/v1/home');
    expect(res.status).toBe(200);
    const home = await res.json();
    expect(home.organisation).toMatchObject({ id: admin.orgId, type: 'ngo' });
    expect(home.roles).toEqual(['admin']);
    expect(home.counts).toEqual({ users: 4, lockedUsers: 1, usersWithoutTwoFactor: 2, deniedLast24h: 1 });
  });

  it('a supervisor sees the number of users only; a case worker no counts', async () => {
    const sup = await buildUser(ctx, { roles: ['supervisor'] });
    await buildUser(ctx, { orgId: sup.orgId });
    const s = await (await (await signIn(ctx, sup)).request('GET', '/api/v1/home')).json();
    expect(s.counts).toEqual({ users: 2 });
    const worker = await buildUser(ctx, { orgId: sup.orgId, roles: ['case_worker', 'operator'] });
    const w = await (await (await signIn(ctx, worker)).request('GET', '/api/v1/home')).json();
    expect(w.counts).toEqual({});
    expect(w.roles).toEqual(['case_worker', 'operator']);
  });

  it('lastLoginAt is the sign-in before this one (null the first time)', async () => {
    const user = await buildUser(ctx, { totp: true });
    const first = await signIn(ctx, user);
    expect((await (await first.request('GET', '/api/v1/home')).json()).lastLoginAt).toBeNull();
    const { rows } = await ctx.db.query<{ at: Date }>(
      `SELECT at FROM audit_log WHERE action = 'session.created' AND target_id = $1`,
      [user.id],
    );
    // second sign-in: the next time step's code (the current one is used up)
    const second = agent(ctx.app);
    await second.request('POST', '/api/v1/session', { email: user.email, password: user.password });
    expect(
      (
        await second.request('POST', '/api/v1/session/totp', {
          code: currentTotp(user.totpSecret!, Date.now() + 30_000),
        })
      ).status,
    ).toBe(200);
    const home = await (await second.request('GET', '/api/v1/home')).json();
    expect(home.lastLoginAt).toBe(rows[0]!.at.toISOString());
  });
});
