import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type TVerifyResult } from '../../audit/verify';
import type { Tx } from '../../db/types';
import { agent, auditRows, buildUser, setupTestContext, signIn, type TTestContext } from '../../test/harness';

let ctx: TTestContext;
beforeAll(async () => {
  ctx = await setupTestContext();
});

type TEntry = {
  seq: number;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  outcome: string;
  targetId: string | null;
};

describe('GET /api/v1/audit (deny ladder)', () => {
  it('401 without a session', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/audit')).status).toBe(401);
  });

  it('400 for bad or unknown query parameters', async () => {
    const a = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
    for (const q of [
      'limit=0',
      'limit=1000',
      'before=-1',
      'before=abc',
      'outcome=maybe',
      'actor=me',
      `action=${'x'.repeat(65)}`,
    ]) {
      const res = await a.request('GET', `/api/v1/audit?${q}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('403 for roles without audit.read (supervisor included), audited as a denial', async () => {
    const sup = await buildUser(ctx, { roles: ['supervisor'] });
    const res = await (await signIn(ctx, sup)).request('GET', '/api/v1/audit');
    expect(res.status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', actorUserId: sup.id })).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: { reason: 'forbidden', attempted: 'audit.read' },
      }),
    ]);
  });

  it('200 for an administrator: own organisation only, newest first, with the actor’s e-mail; the read is audited', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    const colleague = await buildUser(ctx, { orgId: admin.orgId });
    const outsider = await buildUser(ctx);
    await signIn(ctx, colleague);
    await signIn(ctx, outsider);
    const a = await signIn(ctx, admin);
    const res = await a.request('GET', '/api/v1/audit?action=&outcome=');
    expect(res.status).toBe(200);
    const page = await res.json();
    const items = page.items as TEntry[];
    expect(page.nextBefore).toBeNull();
    expect(items.map((e) => e.actorUserId)).not.toContain(outsider.id);
    expect(items.map((e) => e.targetId)).not.toContain(outsider.id);
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((x, y) => y - x));
    expect(items.find((e) => e.actorUserId === colleague.id && e.action === 'session.created')).toMatchObject(
      { actorEmail: colleague.email, outcome: 'success' },
    );
    expect(Object.keys(items[0]!).sort()).toEqual([
      'action',
      'actorEmail',
      'actorUserId',
      'at',
      'details',
      'ip',
      'outcome',
      'seq',
      'targetId',
      'targetType',
    ]);
    expect(await auditRows(ctx, { action: 'audit.listed', actorUserId: admin.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { count: items.length } }),
    ]);
  });

  it('pages with before/nextBefore and filters by event, event prefix and outcome', async () => {
    const admin = await buildUser(ctx, { roles: ['admin'] });
    const worker = await buildUser(ctx, { orgId: admin.orgId, roles: ['operator'] });
    const w = await signIn(ctx, worker);
    for (let i = 0; i < 3; i++) expect((await w.request('GET', '/api/v1/users')).status).toBe(403);
    const a = await signIn(ctx, admin);

    const seen: number[] = [];
    let before: number | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const res = await a.request('GET', `/api/v1/audit?limit=2${before ? `&before=${before}` : ''}`);
      const page = (await res.json()) as { items: TEntry[]; nextBefore: number | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.seq));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));

    const denied = (await (await a.request('GET', '/api/v1/audit?outcome=denied')).json()).items as TEntry[];
    expect(denied.map((e) => [e.action, e.actorUserId])).toEqual(Array(3).fill(['access.denied', worker.id]));
    const sessions = (await (await a.request('GET', '/api/v1/audit?action=session.')).json())
      .items as TEntry[];
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((e) => e.action.startsWith('session.'))).toBe(true);
    const exact = (await (await a.request('GET', '/api/v1/audit?action=session')).json()).items as TEntry[];
    expect(exact).toEqual([]); // not a prefix without the dot
    const injected = await a.request('GET', `/api/v1/audit?action=${encodeURIComponent("x' OR '1'='1")}`);
    expect((await injected.json()).items).toEqual([]);
  });
});

class Rollback extends Error {}

/** Runs fn in a transaction that is always rolled back: the database shared by parallel test files is never left tampered. */
async function inRolledBackTx(fn: (tx: Tx) => Promise<TVerifyResult>): Promise<TVerifyResult> {
  let result: TVerifyResult | undefined;
  await ctx.db
    .transaction(async (tx) => {
      // bypasses the append-only triggers for this transaction only, as an attacker with superuser rights could
      await tx.query('SET LOCAL session_replication_role = replica');
      result = await fn(tx);
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return result!;
}

describe('the tamper-evident audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await buildUser(ctx).then((u) => signIn(ctx, u));
    await expect(ctx.db.query(`UPDATE audit_log SET outcome = 'success' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(ctx.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies, and detects a changed row, a removed row and the wrong key', async () => {
    const user = await buildUser(ctx);
    await signIn(ctx, user);
    await signIn(ctx, await buildUser(ctx)); // the row under test is not the last one
    const key = ctx.deps.keyring.auditKey;
    expect(await verifyAuditChain(ctx.db, key)).toMatchObject({ ok: true });
    const { rows } = await ctx.db.query<{ seq: number }>(
      `SELECT seq FROM audit_log WHERE action = 'session.created' AND target_id = $1`,
      [user.id],
    );
    const seq = rows[0]!.seq;

    const changed = await inRolledBackTx(async (tx) => {
      await tx.query(`UPDATE audit_log SET details = '{"stage":"totp"}' WHERE seq = $1`, [seq]);
      return verifyAuditChain(tx, key);
    });
    expect(changed).toEqual({ ok: false, rows: seq - 1, brokenAt: seq, reason: 'hash' });

    const removed = await inRolledBackTx(async (tx) => {
      await tx.query('DELETE FROM audit_log WHERE seq = $1', [seq]);
      return verifyAuditChain(tx, key);
    });
    expect(removed).toMatchObject({ ok: false, brokenAt: seq, reason: 'gap' });

    // the whole chain rewritten without the key does not verify either
    expect(await verifyAuditChain(ctx.db, crypto.randomBytes(32))).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: 'hash',
    });
    // and nothing of the above stayed
    expect(await verifyAuditChain(ctx.db, key)).toMatchObject({ ok: true });
  });

  it('detects rows removed from the end against an anchor taken earlier', async () => {
    const key = ctx.deps.keyring.auditKey;
    await signIn(ctx, await buildUser(ctx));
    const before = await verifyAuditChain(ctx.db, key);
    if (!before.ok || !before.head) throw new Error('chain should verify');
    const anchor = before.head;
    expect(anchor.hash).toMatch(/^[0-9a-f]{64}$/);
    const truncated = await inRolledBackTx(async (tx) => {
      await tx.query('DELETE FROM audit_log WHERE seq >= $1', [anchor.seq]);
      // without the anchor the shorter chain looks intact…
      expect(await verifyAuditChain(tx, key)).toMatchObject({ ok: true });
      // …with it, the removal shows
      return verifyAuditChain(tx, key, { anchor });
    });
    expect(truncated).toMatchObject({ ok: false, reason: 'truncated', brokenAt: anchor.seq });
    expect(await verifyAuditChain(ctx.db, key, { anchor })).toMatchObject({ ok: true });
  });
});
