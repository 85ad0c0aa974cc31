import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import { scoped } from '../../http/context';
import { idempotent } from '../../http/idempotency';
import { addCaseEvent, CASE_COLUMNS, getScopedCase, type TCaseRow } from '../cases/present-case';
import { ACTUAL_VICTIM, findPendingApproval, getScopedApproval } from './approvals-store';
import { isCaseClosed, recordStep } from './case-stage';
import { APPROVAL_COLUMNS, presentApproval, type TApprovalRow } from './present-workflow';
import { decideApprovalRoute, listApprovalsRoute, requestApprovalRoute } from './routes';
import type { TApprovalListItem } from './schemas';
import {
  alreadyActualVictim,
  alreadyDecided,
  approvalPending,
  caseClosed,
  ownRequest,
} from './workflow-errors';

const presentById = async (sdb: ScopedDb, approvalId: string) =>
  presentApproval(await getScopedApproval(sdb, approvalId));

/** What an approved request changes on the case; returns the fields changed and the new row. */
async function applyApproval(sdb: ScopedDb, a: TApprovalRow): Promise<{ fields: string[]; row: TCaseRow }> {
  if (a.kind === 'closure') {
    const { status, reason } = a.request as { status: string; reason: string };
    // As PATCH /api/v1/cases/{id} closes a case: closed status, closed stage, reason, time.
    const { rows } = await sdb.query<TCaseRow>(
      `UPDATE cases SET status = $2, stage = 'closed', closure_reason = $3, closed_at = now(), updated_at = now(),
              version = version + 1
        WHERE id = $1 RETURNING ${CASE_COLUMNS}`,
      [a.case_id, status, reason],
    );
    return { fields: ['status', 'stage', 'closureReason'], row: rows[0]! };
  }
  const { decisionMaker } = a.request as { decisionMaker: string };
  const { rows } = await sdb.query<TCaseRow>(
    `UPDATE cases SET trafficking_status = $2,
            victim = victim || jsonb_build_object('traffickingStatus', $2::text, 'statusDecisionMaker', $3::text),
            updated_at = now(), version = version + 1
      WHERE id = $1 RETURNING ${CASE_COLUMNS}`,
    [a.case_id, ACTUAL_VICTIM, decisionMaker],
  );
  return { fields: ['victim.traffickingStatus', 'victim.statusDecisionMaker'], row: rows[0]! };
}

export function registerApprovals(app: TApp): void {
  app.openapi(requestApprovalRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const kase = await getScopedCase(sdb, id, true);
      assertCan(sdb.actor, 'case.update', { type: 'case', id });
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: b,
        replayAudit: { action: 'workflow.read', outcome: 'success', targetType: 'case', targetId: id },
        perform: async () => {
          if (isCaseClosed(kase)) throw caseClosed('approval.requested', id);
          if (await findPendingApproval(sdb, id, b.kind)) throw approvalPending(id);
          if (b.kind === 'actual_victim') {
            const { rows } = await sdb.query<{ trafficking_status: string | null }>(
              'SELECT trafficking_status FROM cases WHERE id = $1',
              [id],
            );
            if (rows[0]?.trafficking_status === ACTUAL_VICTIM) throw alreadyActualVictim(id);
          }
          const { kind, ...request } = b;
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO approvals (org_id, case_id, kind, request, requested_by) VALUES ($1, $2, $3, $4::jsonb, $5)
             RETURNING id`,
            [sdb.actor.orgId, id, kind, JSON.stringify(request), sdb.actor.userId],
          );
          const approvalId = rows[0]!.id;
          const codes = b.kind === 'closure' ? { status: b.status } : { decisionMaker: b.decisionMaker };
          await recordStep(sdb, kase, {
            stage: null,
            kind: 'approvalRequested',
            payload: { approvalId, kind, ...codes },
          });
          sdb.audit({
            action: 'approval.requested',
            outcome: 'success',
            targetType: 'approval',
            targetId: approvalId,
            details: { caseId: id, kind, ...codes },
          });
          return { approvalId };
        },
        present: async (kept) => presentById(sdb, kept.approvalId),
      });
      return c.json(out, 201);
    });
  });

  app.openapi(decideApprovalRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const found = await getScopedApproval(sdb, id);
      assertCan(sdb.actor, 'case.approve', { type: 'approval', id });
      // Locks in the order every workflow write takes them: the case, then its records.
      const kase = await getScopedCase(sdb, found.case_id, true);
      const a = await getScopedApproval(sdb, id, true);
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: b,
        status: 200,
        replayAudit: { action: 'workflow.read', outcome: 'success', targetType: 'case', targetId: a.case_id },
        perform: async () => {
          if (a.decision !== null) throw alreadyDecided(id);
          // Four eyes: whoever asked does not decide.
          if (a.requested_by === sdb.actor.userId) throw ownRequest(id);
          const approved = b.decision === 'approved';
          if (approved && isCaseClosed(kase)) throw caseClosed('approval.decided', kase.id);
          await sdb.query(
            `UPDATE approvals SET decision = $2, decided_by = $3, decided_at = now(), comment = $4 WHERE id = $1`,
            [id, b.decision, sdb.actor.userId, b.comment ?? null],
          );
          const effect = approved ? await applyApproval(sdb, a) : null;
          const changed = effect
            ? {
                fields: effect.fields,
                version: effect.row.version,
                status: effect.row.status,
                stage: effect.row.stage,
              }
            : {};
          if (effect)
            await addCaseEvent(sdb, kase.id, 'approvalDecided', {
              approvalId: id,
              kind: a.kind,
              decision: b.decision,
              ...changed,
            });
          else
            await recordStep(sdb, kase, {
              stage: null,
              kind: 'approvalDecided',
              payload: { approvalId: id, kind: a.kind, decision: b.decision },
            });
          sdb.audit({
            action: 'approval.decided',
            outcome: 'success',
            targetType: 'approval',
            targetId: id,
            details: {
              caseId: kase.id,
              kind: a.kind,
              decision: b.decision,
              ...(effect ? { fields: effect.fields } : {}),
            },
          });
          return { approvalId: id };
        },
        present: async (kept) => presentById(sdb, kept.approvalId),
      });
      return c.json(out, 200);
    });
  });

  app.openapi(listApprovalsRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'case.approve');
      const pending = q.state === 'pending';
      const where = `WHERE (a.decision IS NULL) = $1 AND ($2::text IS NULL OR a.kind = $2)`;
      const params = [pending, q.kind ?? null];
      const { rows: counted } = await sdb.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM approvals a ${where}`,
        params,
      );
      const cols = APPROVAL_COLUMNS.split(',')
        .map((s) => `a.${s.trim()}`)
        .join(', ');
      const { rows } = await sdb.query<TApprovalRow & { case_number: string }>(
        `SELECT ${cols}, c.case_number FROM approvals a JOIN cases c ON c.id = a.case_id ${where}
          ORDER BY ${pending ? 'a.requested_at, a.id' : 'a.decided_at DESC, a.id DESC'} LIMIT $3 OFFSET $4`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      );
      sdb.audit({
        action: 'approval.listed',
        outcome: 'success',
        details: { state: q.state, ...(q.kind ? { kind: q.kind } : {}), count: rows.length, page: q.page },
      });
      const items: TApprovalListItem[] = rows.map((r) => ({
        ...presentApproval(r),
        caseNumber: r.case_number,
      }));
      return c.json({ items, total: counted[0]?.total ?? 0 }, 200);
    });
  });
}
