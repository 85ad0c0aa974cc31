import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  type TAgent,
  type TTestContext,
  type TTestUser,
} from '../../test/harness';

let ctx: TTestContext;
let orgId: string;
const users: Record<'operator' | 'admin' | 'analyst' | 'stranger', TTestUser> = {} as never;
const as: Record<'operator' | 'admin' | 'analyst' | 'stranger', TAgent> = {} as never;

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'admin', 'analyst'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['operator'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
type TC = {
  id: string;
  callbackDueAt: string | null;
  callbackDoneAt: string | null;
  crisisResolvedAt: string | null;
};
type TBoard = Record<'today' | 'openCrises' | 'callbacksDue', { items: TC[]; total: number }>;

async function log(a: TAgent, o: Record<string, unknown> = {}): Promise<TC> {
  const res = await a.request('POST', '/api/v1/contacts', {
    channel: 'phone',
    startedAt: minutesAgo(2),
    contactType: 'crisis',
    urgency: 'emergency',
    ...o,
  });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()).contact as TC;
}
const count = async () =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE org_id = $1', [orgId]))
    .rows[0]!.n;
const board = async (a: TAgent = as.operator) => {
  const res = await a.request('GET', '/api/v1/hotline/board');
  expect(res.status).toBe(200);
  return (await res.json()) as TBoard;
};
const ids = (list: { items: TC[] }) => list.items.map((i) => i.id);

describe('POST /api/v1/contacts with a callback', () => {
  it('400 for a callback in the past, not an instant, or on a count-only contact (nothing stored); 201 keeps it', async () => {
    const before = await count();
    for (const [o, message] of [
      [{ callbackDueAt: minutesAgo(10) }, 'must be in the future'],
      [{ callbackDueAt: 'tonight' }, null],
      [{ callbackDueAt: '2999-01-01T00:00:00Z' }, null],
      [{ contactType: 'hang_up', callbackDueAt: inHours(1) }, 'not for a contact that is only counted'],
    ] as const) {
      const res = await as.operator.request('POST', '/api/v1/contacts', {
        channel: 'phone',
        startedAt: minutesAgo(1),
        contactType: 'consultation',
        ...o,
      });
      expect(res.status, JSON.stringify(o)).toBe(400);
      const { error } = await res.json();
      expect(error.fields.map((f: { path: string }) => f.path)).toEqual(['callbackDueAt']);
      if (message) expect(error.fields[0].message).toBe(message);
    }
    expect(await count()).toBe(before);
    const due = inHours(2);
    const c = await log(as.operator, { contactType: 'consultation', callbackDueAt: due });
    expect(c).toMatchObject({ callbackDueAt: due, callbackDoneAt: null, crisisResolvedAt: null });
    expect((await auditRows(ctx, { action: 'contact.created', targetId: c.id }))[0]!.details).toMatchObject({
      callback: true,
    });
  });
});

describe('GET /api/v1/hotline/board (deny ladder)', () => {
  it('401, 403 (audited); today, open crises of any day and callbacks due (overdue first), my organisation only', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/hotline/board')).status).toBe(401);
    expect((await as.analyst.request('GET', '/api/v1/hotline/board')).status).toBe(403);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: users.analyst.id })).at(-1)!.details,
    ).toMatchObject({ attempted: 'contact.read' });

    const oldCrisis = await log(as.operator, { startedAt: minutesAgo(3 * 24 * 60) });
    const crisis = await log(as.operator, { callbackDueAt: inHours(5) });
    const later = await log(as.operator, { contactType: 'consultation', callbackDueAt: inHours(1) });
    const overdue = await log(as.operator, { contactType: 'consultation', callbackDueAt: inHours(3) });
    await ctx.db.query(`UPDATE contacts SET callback_due_at = now() - interval '2 hours' WHERE id = $1`, [
      overdue.id,
    ]);
    const foreign = await log(as.stranger, { callbackDueAt: inHours(1) });

    const b = await board();
    expect(ids(b.today)).toContain(crisis.id);
    expect(ids(b.today)).not.toContain(oldCrisis.id);
    expect(ids(b.openCrises)).toEqual(expect.arrayContaining([oldCrisis.id, crisis.id]));
    expect(ids(b.openCrises)).not.toContain(later.id);
    const due = ids(b.callbacksDue);
    expect(due.indexOf(overdue.id)).toBeLessThan(due.indexOf(later.id));
    expect(due.indexOf(later.id)).toBeLessThan(due.indexOf(crisis.id));
    const times = b.callbacksDue.items.map((i) => i.callbackDueAt!);
    expect([...times].sort()).toEqual(times);
    for (const list of Object.values(b)) {
      expect(ids(list)).not.toContain(foreign.id);
      expect(list.total).toBe(list.items.length);
    }
    // administrators oversee the board (contact.read) without taking calls
    expect(ids((await board(as.admin)).openCrises)).toContain(crisis.id);
    expect(
      (await auditRows(ctx, { action: 'contact.listed', actorUserId: users.operator.id })).at(-1)!.details,
    ).toMatchObject({
      board: true,
    });
  });
});

describe('PATCH /api/v1/contacts/:id (deny ladder)', () => {
  it('401, 400, 404 for another organisation (audited), 403 (audited), 400 for what the contact lacks, then 200 once', async () => {
    const crisis = await log(as.operator, { callbackDueAt: inHours(1) });
    const plain = await log(as.operator, { contactType: 'consultation' });
    const foreign = await log(as.stranger);
    const path = `/api/v1/contacts/${crisis.id}`;
    expect((await agent(ctx.app).request('PATCH', path, { callbackDone: true })).status).toBe(401);
    for (const b of [
      {},
      { callbackDone: false },
      { crisisResolved: 'yes' },
      { callbackDone: true, notes: 'x' },
    ]) {
      expect((await as.operator.request('PATCH', path, b)).status, JSON.stringify(b)).toBe(400);
    }
    expect((await as.operator.request('PATCH', '/api/v1/contacts/nope', { callbackDone: true })).status).toBe(
      400,
    );
    expect(
      (await as.operator.request('PATCH', `/api/v1/contacts/${foreign.id}`, { crisisResolved: true })).status,
    ).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { reason: 'notFound' } }),
    ]);
    for (const role of ['admin', 'analyst'] as const) {
      expect((await as[role].request('PATCH', path, { crisisResolved: true })).status, role).toBe(403);
    }
    expect(await auditRows(ctx, { action: 'access.denied', targetId: crisis.id })).toEqual([
      expect.objectContaining({ details: { reason: 'forbidden', attempted: 'contact.create' } }),
      expect.objectContaining({ details: { reason: 'forbidden', attempted: 'contact.create' } }),
    ]);
    const lacking = await as.operator.request('PATCH', `/api/v1/contacts/${plain.id}`, {
      callbackDone: true,
      crisisResolved: true,
    });
    expect(lacking.status).toBe(400);
    expect((await lacking.json()).error.fields).toEqual([
      { path: 'callbackDone', message: 'this contact has no callback to mark as done' },
      { path: 'crisisResolved', message: 'this contact is not a crisis' },
    ]);
    const { rows: untouched } = await ctx.db.query(
      'SELECT 1 FROM contacts WHERE id = ANY($1::uuid[]) AND (callback_done_at IS NOT NULL OR crisis_resolved_at IS NOT NULL)',
      [[crisis.id, plain.id, foreign.id]],
    );
    expect(untouched).toHaveLength(0);

    const done = await as.operator.request('PATCH', path, { callbackDone: true });
    expect(done.status).toBe(200);
    const afterCall = (await done.json()) as TC;
    expect(afterCall.callbackDoneAt).not.toBeNull();
    expect(afterCall.crisisResolvedAt).toBeNull();
    let b = await board();
    expect(ids(b.callbacksDue)).not.toContain(crisis.id);
    expect(ids(b.openCrises)).toContain(crisis.id);

    const resolved = (await (
      await as.operator.request('PATCH', path, { crisisResolved: true, callbackDone: true })
    ).json()) as TC;
    expect(resolved.crisisResolvedAt).not.toBeNull();
    expect(resolved.callbackDoneAt).toBe(afterCall.callbackDoneAt); // set once
    b = await board();
    expect(ids(b.openCrises)).not.toContain(crisis.id);
    expect(ids(b.today)).toContain(crisis.id);
    // a repeat changes nothing and writes nothing
    expect((await as.operator.request('PATCH', path, { crisisResolved: true })).status).toBe(200);
    expect(await auditRows(ctx, { action: 'contact.updated', targetId: crisis.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { fields: ['callbackDone'] } }),
      expect.objectContaining({ outcome: 'success', details: { fields: ['crisisResolved'] } }),
    ]);
  });
});

describe('Idempotency-Key and the topic tree', () => {
  it('a replay answers as the first time even when a topic it names was retired since', async () => {
    const key = `form-${crypto.randomUUID()}`;
    const b = { channel: 'phone', startedAt: minutesAgo(2), contactType: 'consultation', topics: ['health'] };
    const first = await as.operator.request('POST', '/api/v1/contacts', b, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const { contact } = await first.json();
    const tree = await (await as.admin.request('GET', '/api/v1/hotline/topics?includeRetired=true')).json();
    const retired = tree.topics.map((n: { code: string }) =>
      n.code === 'health' ? { ...n, active: false } : n,
    );
    expect(
      (await as.admin.request('PUT', '/api/v1/hotline/topics', { topics: retired, version: tree.version }))
        .status,
    ).toBe(200);
    expect(
      (await as.operator.request('POST', '/api/v1/contacts', { ...b, startedAt: minutesAgo(1) })).status,
    ).toBe(400);
    const again = await as.operator.request('POST', '/api/v1/contacts', b, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).contact.id).toBe(contact.id);
  });
});
