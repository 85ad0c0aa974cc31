import type { TErrorKey } from '../../../shared/i18n/errors';
import type { TAuditEvent } from '../../../shared/audit-events';
import { HttpError } from '../../http/errors';

/** A refusal audited as a failure of `action` on the target (kept after the request rolls back). */
const refused = (
  status: 409 | 403,
  key: TErrorKey,
  action: TAuditEvent,
  target: { type: string; id: string },
  reason: string,
): HttpError =>
  new HttpError(
    status,
    key,
    {},
    {
      action,
      outcome: status === 403 ? 'denied' : 'failure',
      targetType: target.type,
      targetId: target.id,
      details: { reason },
    },
  );

/** 409: nothing is added to a closed case's file. */
export const caseClosed = (action: TAuditEvent, caseId: string): HttpError =>
  refused(409, 'workflow.caseClosed', action, { type: 'case', id: caseId }, 'caseClosed');

/** 409: one pending request per case and kind. */
export const approvalPending = (caseId: string): HttpError =>
  refused(409, 'workflow.approvalPending', 'approval.requested', { type: 'case', id: caseId }, 'pending');

export const alreadyActualVictim = (caseId: string): HttpError =>
  refused(
    409,
    'workflow.alreadyActualVictim',
    'approval.requested',
    { type: 'case', id: caseId },
    'alreadyActualVictim',
  );

/** 409: a request is decided once. */
export const alreadyDecided = (approvalId: string): HttpError =>
  refused(
    409,
    'workflow.alreadyDecided',
    'approval.decided',
    { type: 'approval', id: approvalId },
    'alreadyDecided',
  );

/** 403: four eyes; a supervisor does not decide their own request. */
export const ownRequest = (approvalId: string): HttpError =>
  refused(403, 'workflow.ownRequest', 'access.denied', { type: 'approval', id: approvalId }, 'ownRequest');

/** 403 for a case worker who tries to close a case directly: the way is a closure request. */
export const closeNeedsApproval = (caseId: string): HttpError =>
  new HttpError(
    403,
    'workflow.closeNeedsApproval',
    {},
    {
      action: 'access.denied',
      outcome: 'denied',
      targetType: 'case',
      targetId: caseId,
      details: { reason: 'forbidden', attempted: 'case.close', approvalRequired: true },
    },
  );

/** 409 for a supervisor closing directly while a closure request waits for a decision. */
export const closurePending = (caseId: string): HttpError =>
  refused(409, 'workflow.closurePending', 'case.updated', { type: 'case', id: caseId }, 'closurePending');

/** A version conflict on a workflow record (the generic message: reload and try again). */
export const staleVersion = (
  action: TAuditEvent,
  target: { type: string; id: string },
  current: number,
  extra: Record<string, unknown> = {},
): HttpError =>
  new HttpError(
    409,
    'error.conflict',
    {},
    {
      action,
      outcome: 'failure',
      targetType: target.type,
      targetId: target.id,
      details: { ...extra, reason: 'conflict', currentVersion: current },
    },
  );
