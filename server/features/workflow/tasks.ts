import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import { scoped } from '../../http/context';
import { notFound } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import { assertAssignable } from '../cases/create-case';
import { getScopedCase } from '../cases/present-case';
import { isCaseClosed, recordStep } from './case-stage';
import { presentTask, TASK_COLUMNS, type TTaskRow } from './present-workflow';
import { createTaskRoute, listTasksRoute, updateTaskRoute } from './routes';
import type { TTaskListItem } from './schemas';
import { caseClosed, staleVersion } from './workflow-errors';

async function getScopedTask(sdb: ScopedDb, id: string, forUpdate = false): Promise<TTaskRow> {
  const { rows } = await sdb.query<TTaskRow>(
    `SELECT ${TASK_COLUMNS} FROM case_tasks WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('task', id);
  return rows[0];
}

export function registerTasks(app: TApp): void {
  app.openapi(createTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const kase = await getScopedCase(sdb, id, true);
      assertCan(sdb.actor, 'case.update', { type: 'case', id });
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: b,
        replayAudit: { action: 'workflow.read', outcome: 'success', targetType: 'case', targetId: id },
        perform: async () => {
          if (isCaseClosed(kase)) throw caseClosed('task.created', id);
          if (b.assignedUserId) await assertAssignable(sdb, b.assignedUserId, c.var.locale);
          const assignee = b.assignedUserId ?? sdb.actor.userId;
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO case_tasks (org_id, case_id, title_sealed, due_at, assigned_user_id, created_by)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            [
              sdb.actor.orgId,
              id,
              sealer.seal(b.title, 'case_tasks.title'),
              b.dueAt,
              assignee,
              sdb.actor.userId,
            ],
          );
          const taskId = rows[0]!.id;
          await recordStep(sdb, kase, {
            stage: null,
            kind: 'taskCreated',
            payload: { taskId, assignedUserId: assignee },
          });
          sdb.audit({
            action: 'task.created',
            outcome: 'success',
            targetType: 'task',
            targetId: taskId,
            details: { caseId: id, assignedUserId: assignee },
          });
          return { taskId };
        },
        present: async (kept) => presentTask(sealer, await getScopedTask(sdb, kept.taskId)),
      });
      return c.json(out, 201);
    });
  });

  app.openapi(updateTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const found = await getScopedTask(sdb, id);
      assertCan(sdb.actor, 'case.update', { type: 'task', id });
      // Locks in the order every workflow write takes them: the case, then its records. A task of a
      // closed case may still be done or changed (a call promised before the case closed).
      const kase = await getScopedCase(sdb, found.case_id, true);
      const t = await getScopedTask(sdb, id, true);
      if (t.version !== b.version) throw staleVersion('task.updated', { type: 'task', id }, t.version);
      if (b.assignedUserId) await assertAssignable(sdb, b.assignedUserId, c.var.locale);

      const title = b.title ?? sealer.open(t.title_sealed, 'case_tasks.title');
      const dueAt = b.dueAt === undefined ? t.due_at : new Date(b.dueAt);
      const assignee = b.assignedUserId === undefined ? t.assigned_user_id : b.assignedUserId;
      const isDone = b.done ?? t.done_at !== null;
      const fields = [
        ...(b.title !== undefined && title !== sealer.open(t.title_sealed, 'case_tasks.title')
          ? ['title']
          : []),
        ...(dueAt.getTime() !== t.due_at.getTime() ? ['dueAt'] : []),
        ...(assignee !== t.assigned_user_id ? ['assignedUserId'] : []),
        ...(isDone !== (t.done_at !== null) ? ['done'] : []),
      ];
      if (fields.length === 0) return c.json(presentTask(sealer, t), 200);
      const { rows } = await sdb.query<TTaskRow>(
        `UPDATE case_tasks SET title_sealed = $2, due_at = $3, assigned_user_id = $4,
                done_at = CASE WHEN NOT $5::boolean THEN NULL WHEN done_at IS NULL THEN now() ELSE done_at END,
                done_by = CASE WHEN NOT $5::boolean THEN NULL WHEN done_at IS NULL THEN $6::uuid ELSE done_by END,
                version = version + 1
          WHERE id = $1 RETURNING ${TASK_COLUMNS}`,
        [
          id,
          fields.includes('title') ? sealer.seal(title, 'case_tasks.title') : t.title_sealed,
          dueAt,
          assignee,
          isDone,
          sdb.actor.userId,
        ],
      );
      const row = rows[0]!;
      const done = fields.includes('done') ? { done: isDone } : {};
      await recordStep(sdb, kase, {
        stage: null,
        kind: 'taskUpdated',
        payload: { taskId: id, fields, ...done },
      });
      sdb.audit({
        action: 'task.updated',
        outcome: 'success',
        targetType: 'task',
        targetId: id,
        details: { caseId: kase.id, fields, ...done, version: row.version },
      });
      return c.json(presentTask(sealer, row), 200);
    });
  });

  app.openapi(listTasksRoute, async (c) => {
    const q = c.req.valid('query');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'case.read');
      const assigned = q.assigned === 'me' ? sdb.actor.userId : (q.assigned ?? null);
      const open = q.state === 'open';
      const where = `WHERE (t.done_at IS NULL) = $1 AND ($2::uuid IS NULL OR t.assigned_user_id = $2)
          AND ($3::timestamptz IS NULL OR t.due_at < $3) AND ($4::uuid IS NULL OR t.case_id = $4)`;
      const params = [open, assigned, q.dueBefore ?? null, q.caseId ?? null];
      const { rows: counted } = await sdb.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM case_tasks t ${where}`,
        params,
      );
      const cols = TASK_COLUMNS.split(',')
        .map((s) => `t.${s.trim()}`)
        .join(', ');
      // Open tasks by due time: the overdue first, then those due soonest (the reminders).
      const { rows } = await sdb.query<TTaskRow & { case_number: string }>(
        `SELECT ${cols}, c.case_number FROM case_tasks t JOIN cases c ON c.id = t.case_id ${where}
          ORDER BY ${open ? 't.due_at, t.id' : 't.done_at DESC, t.id DESC'} LIMIT $5 OFFSET $6`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      );
      sdb.audit({
        action: 'task.listed',
        outcome: 'success',
        details: {
          state: q.state,
          assigned: q.assigned === undefined ? null : q.assigned === 'me' ? 'me' : 'user',
          count: rows.length,
          page: q.page,
        },
      });
      const now = new Date();
      const items: TTaskListItem[] = rows.map((r) => ({
        ...presentTask(sealer, r, now),
        caseNumber: r.case_number,
      }));
      return c.json({ items, total: counted[0]?.total ?? 0 }, 200);
    });
  });
}
