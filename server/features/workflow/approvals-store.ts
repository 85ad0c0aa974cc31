import type { ScopedDb } from '../../access/scoped-db';
import { notFound } from '../../http/errors';
import { APPROVAL_COLUMNS, type TApprovalRow } from './present-workflow';

// Approval rows, shared by the approval routes and PATCH /api/v1/cases/{id} (a supervisor's direct
// closure is recorded as an approval too, for the trail).

export const ACTUAL_VICTIM = 'ActualVictimOfTrafficking';

export async function getScopedApproval(sdb: ScopedDb, id: string, forUpdate = false): Promise<TApprovalRow> {
  const { rows } = await sdb.query<TApprovalRow>(
    `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('approval', id);
  return rows[0];
}

/** The id of the case's request of this kind waiting for a decision, if any. */
export async function findPendingApproval(
  sdb: ScopedDb,
  caseId: string,
  kind: TApprovalRow['kind'],
): Promise<string | null> {
  const { rows } = await sdb.query<{ id: string }>(
    `SELECT id FROM approvals WHERE case_id = $1 AND kind = $2 AND decision IS NULL`,
    [caseId, kind],
  );
  return rows[0]?.id ?? null;
}

/**
 * A closure decided by the supervisor who closes the case (PATCH with case.close): requested and
 * approved by them at once, so the closures of a case are all found among its approvals.
 */
export async function recordDirectClosure(
  sdb: ScopedDb,
  caseId: string,
  request: { status: string; reason: string },
): Promise<string> {
  const { rows } = await sdb.query<{ id: string }>(
    `INSERT INTO approvals (org_id, case_id, kind, request, requested_by, decision, decided_by, decided_at)
     VALUES ($1, $2, 'closure', $3::jsonb, $4, 'approved', $4, now()) RETURNING id`,
    [sdb.actor.orgId, caseId, JSON.stringify({ ...request, direct: true }), sdb.actor.userId],
  );
  return rows[0]!.id;
}
