import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles';
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
type TWho = TRole | 'stranger';
const users: Partial<Record<TWho, TTestUser>> = {};
const as: Partial<Record<TWho, TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'case_worker', 'supervisor', 'analyst'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['case_worker'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function openCase(who: TWho = 'case_worker') {
  const res = await as[who]!.request('POST', '/api/v1/cases', { person: { givenName: 'Madina' } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; caseNumber: string };
}
async function addTask(who: TWho, caseId: string, body: unknown, headers?: Record<string, string>) {
  return as[who]!.request('POST', `/api/v1/cases/${caseId}/tasks`, body, headers);
}
const taskCount = async (caseId: string) =>
  (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_tasks WHERE case_id = $1', [
      caseId,
    ])
  ).rows[0]!.n;

describe('POST /api/v1/cases/:id/tasks (deny ladder)', () => {
  it('401, 404 (audited), 403 (audited), 400 with nothing stored, then 201 for the creator by default', async () => {
    const kase = await openCase();
    const foreign = await openCase('stranger');
    const task = { title: 'Позвонить в посольство', dueAt: inHours(5) };
    expect((await agent(ctx.app).request('POST', `/api/v1/cases/${kase.id}/tasks`, task)).status).toBe(401);
    expect((await addTask('case_worker', foreign.id, task)).status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toHaveLength(1);
    expect((await addTask('operator', kase.id, task)).status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: kase.id })).toHaveLength(1);
    for (const b of [
      { ...task, dueAt: 'tomorrow' },
      { ...task, dueAt: '2026-05-01' },
      { ...task, title: '' },
      { ...task, title: 'x'.repeat(301) },
      { ...task, assignedUserId: 'me' },
      { ...task, done: true },
    ]) {
      expect((await addTask('case_worker', kase.id, b)).status, JSON.stringify(b)).toBe(400);
    }
    const ghost = await addTask('case_worker', kase.id, { ...task, assignedUserId: users.stranger!.id });
    expect(ghost.status).toBe(400);
    expect((await ghost.json()).error.fields).toEqual([
      { path: 'assignedUserId', message: 'no such user in your organisation' },
    ]);
    expect(await taskCount(kase.id)).toBe(0);

    const res = await addTask('case_worker', kase.id, task);
    expect(res.status).toBe(201);
    const t = await res.json();
    expect(t).toMatchObject({
      caseId: kase.id,
      title: task.title,
      dueAt: task.dueAt,
      assignedUserId: users.case_worker!.id,
      createdBy: users.case_worker!.id,
      doneAt: null,
      doneBy: null,
      version: 1,
      overdue: false,
    });
    const other = await addTask('supervisor', kase.id, { ...task, assignedUserId: users.case_worker!.id });
    expect((await other.json()).assignedUserId).toBe(users.case_worker!.id);
    expect(await auditRows(ctx, { action: 'task.created', targetId: t.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { caseId: kase.id, assignedUserId: users.case_worker!.id },
      }),
    ]);
    const { rows } = await ctx.db.query<{ raw: string }>(
      `SELECT encode(title_sealed, 'hex') AS raw FROM case_tasks WHERE id = $1`,
      [t.id],
    );
    expect(rows[0]!.raw).not.toContain(Buffer.from('посольство').toString('hex'));
  });
});

describe('PATCH /api/v1/tasks/:id (deny ladder)', () => {
  it('401, 404 for another organisation’s task (audited), 403, 400, 409 stale (audited), then done with who and when', async () => {
    const kase = await openCase();
    const t = await (
      await addTask('case_worker', kase.id, { title: 'Отвезти к врачу', dueAt: inHours(-2) })
    ).json();
    const foreignCase = await openCase('stranger');
    const foreign = await (
      await addTask('stranger', foreignCase.id, { title: 'x', dueAt: inHours(1) })
    ).json();
    const path = `/api/v1/tasks/${t.id}`;
    expect((await agent(ctx.app).request('PATCH', path, { version: 1, done: true })).status).toBe(401);
    expect(
      (await as.case_worker!.request('PATCH', `/api/v1/tasks/${foreign.id}`, { version: 1, done: true }))
        .status,
    ).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toHaveLength(1);
    expect((await as.operator!.request('PATCH', path, { version: 1, done: true })).status).toBe(403);
    for (const b of [
      { done: true },
      { version: 1, done: 'yes' },
      { version: 1, dueAt: 'soon' },
      { version: 1, caseId: kase.id },
    ]) {
      expect((await as.case_worker!.request('PATCH', path, b)).status, JSON.stringify(b)).toBe(400);
    }
    expect(
      (await as.case_worker!.request('PATCH', path, { version: 1, assignedUserId: users.stranger!.id }))
        .status,
    ).toBe(400);

    const moved = await as.case_worker!.request('PATCH', path, {
      version: 1,
      dueAt: inHours(20),
      assignedUserId: users.supervisor!.id,
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      version: 2,
      assignedUserId: users.supervisor!.id,
      overdue: false,
    });
    const stale = await as.supervisor!.request('PATCH', path, { version: 1, done: true });
    expect(stale.status).toBe(409);
    const done = await as.supervisor!.request('PATCH', path, {
      version: 2,
      done: true,
      title: 'Отвезти к врачу в 14:00',
    });
    expect(done.status).toBe(200);
    const d = await done.json();
    expect(d).toMatchObject({
      version: 3,
      doneBy: users.supervisor!.id,
      title: 'Отвезти к врачу в 14:00',
      overdue: false,
    });
    expect(d.doneAt).not.toBeNull();
    expect(await auditRows(ctx, { action: 'task.updated', targetId: t.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ fields: ['dueAt', 'assignedUserId'] }),
      }),
      expect.objectContaining({
        outcome: 'failure',
        details: expect.objectContaining({ reason: 'conflict' }),
      }),
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ fields: ['title', 'done'], done: true }),
      }),
    ]);
    const reopened = await (await as.case_worker!.request('PATCH', path, { version: 3, done: false })).json();
    expect(reopened).toMatchObject({ doneAt: null, doneBy: null, version: 4 });
    const events = await ctx.db.query<{ kind: string }>(
      `SELECT kind FROM case_events WHERE case_id = $1 ORDER BY at`,
      [kase.id],
    );
    expect(events.rows.map((e) => e.kind)).toEqual([
      'created',
      'taskCreated',
      'taskUpdated',
      'taskUpdated',
      'taskUpdated',
    ]);
  });

  it('a task of a closed case can still be done', async () => {
    const kase = await openCase();
    const t = await (
      await addTask('case_worker', kase.id, { title: 'Перезвонить через месяц', dueAt: inHours(700) })
    ).json();
    expect(
      (
        await as.supervisor!.request('PATCH', `/api/v1/cases/${kase.id}`, {
          version: 1,
          status: 'Closed',
          closureReason: 'ok',
        })
      ).status,
    ).toBe(200);
    expect(
      (await as.case_worker!.request('PATCH', `/api/v1/tasks/${t.id}`, { version: 1, done: true })).status,
    ).toBe(200);
  });
});

describe('GET /api/v1/tasks (reminders)', () => {
  it('my open tasks, overdue first, with case numbers; due-before, done and per-case filters; 403 without case.read', async () => {
    const worker = await buildUser(ctx, { orgId, roles: ['case_worker'] });
    const me = await signIn(ctx, worker);
    const k1 = await openCase();
    const k2 = await openCase();
    const mk = async (caseId: string, title: string, dueAt: string, assignedUserId = worker.id) =>
      (await (await addTask('supervisor', caseId, { title, dueAt, assignedUserId })).json()) as {
        id: string;
        version: number;
      };
    const later = await mk(k1.id, 'Через неделю', inHours(24 * 7));
    const overdue = await mk(k2.id, 'Просрочено', inHours(-30));
    const soon = await mk(k1.id, 'Скоро', inHours(3));
    const done = await mk(k2.id, 'Сделано', inHours(-1));
    await mk(k1.id, 'Чужая задача', inHours(1), users.case_worker!.id);
    expect((await me.request('PATCH', `/api/v1/tasks/${done.id}`, { version: 1, done: true })).status).toBe(
      200,
    );

    expect((await agent(ctx.app).request('GET', '/api/v1/tasks')).status).toBe(401);
    expect((await as.analyst!.request('GET', '/api/v1/tasks?assigned=me')).status).toBe(403);
    expect((await me.request('GET', '/api/v1/tasks?state=late')).status).toBe(400);
    expect((await me.request('GET', '/api/v1/tasks?dueBefore=tomorrow')).status).toBe(400);

    const open = await (await me.request('GET', '/api/v1/tasks?assigned=me&state=open')).json();
    expect(open.total).toBe(3);
    expect(open.items.map((t: { id: string }) => t.id)).toEqual([overdue.id, soon.id, later.id]);
    expect(open.items[0]).toMatchObject({ title: 'Просрочено', overdue: true, caseNumber: k2.caseNumber });
    expect(open.items[1]).toMatchObject({ overdue: false, caseNumber: k1.caseNumber });

    const reminders = await (
      await me.request(
        'GET',
        `/api/v1/tasks?assigned=me&state=open&dueBefore=${encodeURIComponent(inHours(24))}`,
      )
    ).json();
    expect(reminders.items.map((t: { id: string }) => t.id)).toEqual([overdue.id, soon.id]);
    const finished = await (await me.request('GET', '/api/v1/tasks?assigned=me&state=done')).json();
    expect(finished.items).toEqual([
      expect.objectContaining({ id: done.id, doneBy: worker.id, overdue: false }),
    ]);
    const ofCase = await (await me.request('GET', `/api/v1/tasks?caseId=${k1.id}`)).json();
    expect(ofCase.total).toBe(3);
    const paged = await (await me.request('GET', '/api/v1/tasks?assigned=me&pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ total: 3, items: [expect.objectContaining({ id: soon.id })] });
    // An operator (case.read) reads task titles; another organisation's tasks are never listed.
    const op = await (await as.operator!.request('GET', `/api/v1/tasks?assigned=${worker.id}`)).json();
    expect(op.total).toBe(3);
    const stranger = await (await as.stranger!.request('GET', `/api/v1/tasks?assigned=${worker.id}`)).json();
    expect(stranger.total).toBe(0);
    expect((await auditRows(ctx, { action: 'task.listed', actorUserId: worker.id })).at(0)!.details).toEqual({
      state: 'open',
      assigned: 'me',
      count: 3,
      page: 1,
    });
  });

  it('Idempotency-Key: a repeated task submission creates one task', async () => {
    const kase = await openCase();
    const key = { 'Idempotency-Key': `task-${crypto.randomUUID()}` };
    const body = { title: 'Купить билет', dueAt: inHours(48) };
    const a = await addTask('case_worker', kase.id, body, key);
    const b = await addTask('case_worker', kase.id, body, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect((await b.json()).id).toBe((await a.json()).id);
    expect(await taskCount(kase.id)).toBe(1);
  });
});
