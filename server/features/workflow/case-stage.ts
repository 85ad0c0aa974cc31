import { CASE_STAGES, CLOSED_STATUSES } from '../../../shared/schemas/cases';
import type { TAuditEvent } from '../../../shared/audit-events';
import type { TCaseEventKind } from '../../../shared/schemas/case-file';
import type { ScopedDb } from '../../access/scoped-db';
import { addCaseEvent, CASE_COLUMNS, getScopedCase, type TCaseRow } from '../cases/present-case';
import { caseClosed } from './workflow-errors';

type TStage = (typeof CASE_STAGES)[number];

export const isCaseClosed = (row: Pick<TCaseRow, 'status' | 'stage'>): boolean =>
  (CLOSED_STATUSES as readonly string[]).includes(row.status) || row.stage === 'closed';

/** The case, locked for this request's writes; 409 when it is closed (nothing is added to a closed file). */
export async function getOpenCase(sdb: ScopedDb, caseId: string, action: TAuditEvent): Promise<TCaseRow> {
  const row = await getScopedCase(sdb, caseId, true);
  if (isCaseClosed(row)) throw caseClosed(action, caseId);
  return row;
}

/**
 * Records a step of the workflow on the case: the stage moves forward to `stage` (never back; a new
 * case version, the field named on the timeline so a stale edit of the case reports it), the case
 * is marked updated, and the step goes on the timeline with `payload` (ids and codes only).
 */
export async function recordStep(
  sdb: ScopedDb,
  row: TCaseRow,
  step: { stage: TStage | null; kind: TCaseEventKind; payload: Record<string, unknown> },
): Promise<TCaseRow> {
  const advances =
    step.stage !== null && CASE_STAGES.indexOf(step.stage) > CASE_STAGES.indexOf(row.stage as TStage);
  const { rows } = await sdb.query<TCaseRow>(
    advances
      ? `UPDATE cases SET stage = $2, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING ${CASE_COLUMNS}`
      : `UPDATE cases SET updated_at = now() WHERE id = $1 RETURNING ${CASE_COLUMNS}`,
    advances ? [row.id, step.stage] : [row.id],
  );
  const next = rows[0]!;
  await addCaseEvent(sdb, row.id, step.kind, {
    ...step.payload,
    ...(advances ? { fields: ['stage'], stage: next.stage, version: next.version } : {}),
  });
  return next;
}
