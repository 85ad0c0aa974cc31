import { CLOSED_STATUSES, type TUpdateCaseRequest } from '../../../shared/schemas/cases';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import { scoped } from '../../http/context';
import { findPendingApproval, recordDirectClosure } from '../workflow/approvals-store';
import { closeNeedsApproval, closurePending } from '../workflow/workflow-errors';
import { caseConflict, fieldErrors } from './case-errors';
import { assertAssignable } from './create-case';
import {
  addCaseEvent,
  CASE_COLUMNS,
  getScopedCase,
  loadCaseDetail,
  presentCase,
  type TCaseRow,
} from './present-case';
import { updateCaseRoute } from './routes';
import { changedSince } from '../case-profile/case-write';

const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);

const COLUMN_OF = {
  status: 'status',
  stage: 'stage',
  assignedUserId: 'assigned_user_id',
  region: 'region',
  closureReason: 'closure_reason',
} as const satisfies Record<Exclude<keyof TUpdateCaseRequest, 'version'>, keyof TCaseRow>;
type TField = keyof typeof COLUMN_OF;

export function registerUpdateCase(app: TApp): void {
  app.openapi(updateCaseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const locale = c.var.locale;
    return scoped(c, async (sdb) => {
      const cur = await getScopedCase(sdb, id, true);
      assertCan(sdb.actor, 'case.update', { type: 'case', id });
      if (cur.version !== body.version) {
        throw caseConflict(locale, id, await changedSince(sdb, id, body.version), cur.version);
      }
      // Status and stage move together: a closed status is the closed stage and back.
      let status = body.status ?? cur.status;
      let stage = body.stage ?? cur.stage;
      if (body.stage === 'closed' && body.status === undefined && !isClosed(status)) status = 'Closed';
      if (body.status !== undefined && isClosed(status) && body.stage === undefined) stage = 'closed';
      if (body.status !== undefined && !isClosed(status) && body.stage === undefined && stage === 'closed')
        stage = 'assessment';
      if (isClosed(status) !== (stage === 'closed')) throw fieldErrors(locale, [{ path: 'stage', key: 'validation.invalidOption' }]);
      const closing = isClosed(status) && !isClosed(cur.status);
      const reopening = !isClosed(status) && isClosed(cur.status);
      // Closing and reopening need a supervisor. A case worker asks for a closure instead
      // (POST /api/v1/cases/{id}/approvals); a supervisor closing here is the approver, and the
      // closure is recorded among the case's approvals too.
      if (closing && !can(sdb.actor, 'case.close')) throw closeNeedsApproval(id);
      if (reopening) assertCan(sdb.actor, 'case.close', { type: 'case', id });
      const closureReason = body.closureReason ?? (reopening ? null : cur.closure_reason);
      if (closing && !closureReason) throw fieldErrors(locale, [{ path: 'closureReason', key: 'validation.closureReasonRequired' }]);
      if (closing && (await findPendingApproval(sdb, id, 'closure'))) throw closurePending(id);
      if (body.assignedUserId) await assertAssignable(sdb, body.assignedUserId, locale);

      const next: Pick<TCaseRow, (typeof COLUMN_OF)[TField]> = {
        status,
        stage,
        assigned_user_id: body.assignedUserId === undefined ? cur.assigned_user_id : body.assignedUserId,
        region: body.region === undefined ? cur.region : body.region,
        closure_reason: closureReason,
      };
      const fields = (Object.keys(COLUMN_OF) as TField[]).filter((f) => next[COLUMN_OF[f]] !== cur[COLUMN_OF[f]]);
      if (fields.length === 0) {
        return c.json(presentCase(sdb.actor, c.var.deps.sealer, cur, await loadCaseDetail(sdb, cur)), 200);
      }
      const { rows } = await sdb.query<TCaseRow>(
        `UPDATE cases SET status = $2, stage = $3, assigned_user_id = $4, region = $5, closure_reason = $6,
                closed_at = CASE WHEN $7::boolean THEN now() WHEN $8::boolean THEN NULL ELSE closed_at END,
                updated_at = now(), version = version + 1
          WHERE id = $1 RETURNING ${CASE_COLUMNS}`,
        [id, status, stage, next.assigned_user_id, next.region, closureReason, closing, reopening],
      );
      const row = rows[0]!;
      const approvalId = closing ? await recordDirectClosure(sdb, id, { status, reason: closureReason! }) : null;
      await addCaseEvent(sdb, id, 'updated', { fields, version: row.version, status, stage, ...(approvalId ? { approvalId } : {}) });
      sdb.audit({
        action: 'case.updated',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: { fields, status, stage, ...(closing ? { closed: true } : {}), ...(reopening ? { reopened: true } : {}) },
      });
      if (approvalId) {
        sdb.audit({
          action: 'approval.decided',
          outcome: 'success',
          targetType: 'approval',
          targetId: approvalId,
          details: { caseId: id, kind: 'closure', decision: 'approved', direct: true, fields: ['status', 'stage', 'closureReason'] },
        });
      }
      return c.json(presentCase(sdb.actor, c.var.deps.sealer, row, await loadCaseDetail(sdb, row)), 200);
    });
  });
}
