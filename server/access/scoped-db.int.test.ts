import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../shared/roles';
import { buildActor } from './actor';
import { withScope, type ScopedDb } from './scoped-db';
import { auditRows, buildUser, setupTestContext, type TTestContext, type TTestUser } from '../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

function asUser<T>(
  user: TTestUser,
  fn: (sdb: ScopedDb) => Promise<T>,
  roles: TRole[] = user.roles,
): Promise<T> {
  const actor = buildActor({
    userId: user.id,
    orgId: user.orgId,
    roles,
    isNetworkAdmin: false,
    locale: 'en',
    sessionIdHash: new Uint8Array(32),
  });
  return withScope(
    ctx.db,
    actor,
    ctx.deps.keyring.auditKey,
    { actorUserId: user.id, actorOrgId: user.orgId, ip: '127.0.0.1', requestId: null },
    fn,
  );
}

describe('the scoped database (row-level security)', () => {
  it('sees only the actor’s organisation’s users, organisations and audit entries', async () => {
    const me = await buildUser(ctx, { roles: ['admin'] });
    const colleague = await buildUser(ctx, { orgId: me.orgId });
    const stranger = await buildUser(ctx);
    await asUser(stranger, async (sdb) =>
      sdb.audit({ action: 'user.read', outcome: 'success', targetType: 'user', targetId: stranger.id }),
    );
    const seen = await asUser(me, async (sdb) => ({
      users: (await sdb.query<{ id: string }>('SELECT id FROM users')).rows.map((r) => r.id).sort(),
      orgs: (await sdb.query<{ id: string }>('SELECT id FROM organisations')).rows.map((r) => r.id),
      foreignAudit: (await sdb.query('SELECT 1 FROM audit_log WHERE actor_org_id <> $1', [me.orgId])).rows
        .length,
      foreignSessions: (await sdb.query('SELECT 1 FROM sessions WHERE user_id = $1', [stranger.id])).rows
        .length,
    }));
    expect(seen.users).toEqual([me.id, colleague.id].sort());
    expect(seen.orgs).toEqual([me.orgId]);
    expect(seen.foreignAudit).toBe(0);
    expect(seen.foreignSessions).toBe(0);
  });

  it('cannot change, add or remove rows of another organisation', async () => {
    const me = await buildUser(ctx, { roles: ['admin'] });
    const stranger = await buildUser(ctx, { roles: ['admin'] });
    await ctx.db.query(`INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, 'h')`, [stranger.id]);
    const changed = await asUser(me, async (sdb) => ({
      users: (await sdb.query(`UPDATE users SET is_active = false WHERE id = $1`, [stranger.id])).rowCount,
      orgs: (await sdb.query(`UPDATE organisations SET name = 'x' WHERE id = $1`, [stranger.orgId])).rowCount,
      cleared: (await sdb.query<{ n: number }>('SELECT senim_clear_recovery_codes($1) AS n', [stranger.id]))
        .rows[0]!.n,
    }));
    expect(changed).toEqual({ users: 0, orgs: 0, cleared: 0 });
    const { rows } = await ctx.db.query<{ is_active: boolean }>('SELECT is_active FROM users WHERE id = $1', [
      stranger.id,
    ]);
    expect(rows[0]!.is_active).toBe(true);
    expect(
      (await ctx.db.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [stranger.id])).rows,
    ).toHaveLength(1);

    await expect(
      asUser(me, (sdb) =>
        sdb.query(
          `INSERT INTO users (org_id, email, full_name_sealed, password_hash, roles) VALUES ($1, 'x@y.kz', '\\x00', 'h', '{admin}')`,
          [stranger.orgId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(asUser(me, (sdb) => sdb.query('DELETE FROM audit_log'))).rejects.toThrow(
      /permission denied/,
    );
    await expect(asUser(me, (sdb) => sdb.exec())).rejects.toThrow(/not allowed/);
  });

  it('senim_email_taken answers for every organisation and reveals nothing else', async () => {
    const me = await buildUser(ctx, { roles: ['admin'] });
    const stranger = await buildUser(ctx);
    const taken = await asUser(me, async (sdb) => ({
      other: (
        await sdb.query<{ t: boolean }>('SELECT senim_email_taken($1) AS t', [stranger.email.toUpperCase()])
      ).rows[0]!.t,
      free: (
        await sdb.query<{ t: boolean }>('SELECT senim_email_taken($1) AS t', [`free-${Date.now()}@x.kz`])
      ).rows[0]!.t,
      visible: (await sdb.query('SELECT 1 FROM users WHERE email = $1', [stranger.email])).rows.length,
    }));
    expect(taken).toEqual({ other: true, free: false, visible: 0 });
  });

  it('appends the audit entries with the change, and drops both when the request fails', async () => {
    const me = await buildUser(ctx, { roles: ['admin'] });
    await asUser(me, async (sdb) => {
      await sdb.query(`UPDATE users SET locale = 'kk' WHERE id = $1`, [me.id]);
      sdb.audit({
        action: 'user.updated',
        outcome: 'success',
        targetType: 'user',
        targetId: me.id,
        details: { fields: ['locale'] },
      });
    });
    await expect(
      asUser(me, async (sdb) => {
        await sdb.query(`UPDATE users SET locale = 'ru' WHERE id = $1`, [me.id]);
        sdb.audit({
          action: 'user.updated',
          outcome: 'success',
          targetType: 'user',
          targetId: me.id,
          details: { fields: ['locale'], n: 2 },
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await ctx.db.query<{ locale: string }>('SELECT locale FROM users WHERE id = $1', [
      me.id,
    ]);
    expect(rows[0]!.locale).toBe('kk');
    expect(await auditRows(ctx, { action: 'user.updated', targetId: me.id })).toEqual([
      expect.objectContaining({ details: { fields: ['locale'] } }),
    ]);
  });
});
