import type {
  TApproval,
  TAssessment,
  TCaseWorkflow,
  TFollowUp,
  TService,
  TSupportPlan,
  TTask,
} from '../../../shared/schemas/case-file';
import type { TActor } from '../../access/actor';
import { can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';

// Rows of the workflow tables and their presenters. Sealed texts are opened only for readers with
// case.readSensitive (the others get null and `redacted: true`); task titles for every case reader.

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD') AS ${col}`;

type TAssessmentRow = {
  id: string;
  assessed_on: string;
  needs: TAssessment['needs'];
  risk_level: TAssessment['riskLevel'];
  summary_sealed: Uint8Array | null;
  created_by: string | null;
  created_at: Date;
};
const ASSESSMENT_COLUMNS = `id, ${day('assessed_on')}, needs, risk_level, summary_sealed, created_by, created_at`;

type TPlanRow = {
  id: string;
  plan_types: TSupportPlan['types'];
  objectives_sealed: Uint8Array | null;
  action_plan_sealed: Uint8Array | null;
  planned_end: string | null;
  actual_end: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};
export const PLAN_COLUMNS = `id, plan_types, objectives_sealed, action_plan_sealed, ${day('planned_end')},
  ${day('actual_end')}, created_by, created_at, updated_at, version`;
export type { TPlanRow };

type TServiceRow = {
  id: string;
  service_type: TService['type'];
  provider_org_id: string | null;
  provider_name: string | null;
  delivered_on: string;
  outcome: TService['outcome'];
  notes_sealed: Uint8Array | null;
  created_by: string | null;
  created_at: Date;
};
const SERVICE_COLUMNS = `id, service_type, provider_org_id, provider_name, ${day('delivered_on')}, outcome, notes_sealed,
  created_by, created_at`;

type TFollowUpRow = {
  id: string;
  followed_on: string;
  method: TFollowUp['method'];
  outcome: TFollowUp['outcome'];
  notes_sealed: Uint8Array | null;
  created_by: string | null;
  created_at: Date;
};
const FOLLOW_UP_COLUMNS = `id, ${day('followed_on')}, method, outcome, notes_sealed, created_by, created_at`;

export type TApprovalRow = {
  id: string;
  case_id: string;
  kind: TApproval['kind'];
  request: Record<string, unknown>;
  requested_by: string;
  requested_at: Date;
  decision: 'approved' | 'rejected' | null;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
};
export const APPROVAL_COLUMNS = `id, case_id, kind, request, requested_by, requested_at, decision, decided_by, decided_at, comment`;

export type TTaskRow = {
  id: string;
  case_id: string;
  title_sealed: Uint8Array;
  due_at: Date;
  assigned_user_id: string | null;
  done_at: Date | null;
  done_by: string | null;
  created_by: string | null;
  created_at: Date;
  version: number;
};
export const TASK_COLUMNS = `id, case_id, title_sealed, due_at, assigned_user_id, done_at, done_by, created_by, created_at, version`;

export function presentApproval(r: TApprovalRow): TApproval {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    request: r.request,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at.toISOString(),
    decision: r.decision,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    comment: r.comment,
  };
}

export function presentTask(sealer: Sealer, r: TTaskRow, now = new Date()): TTask {
  return {
    id: r.id,
    caseId: r.case_id,
    title: sealer.open(r.title_sealed, 'case_tasks.title'),
    dueAt: r.due_at.toISOString(),
    assignedUserId: r.assigned_user_id,
    doneAt: r.done_at?.toISOString() ?? null,
    doneBy: r.done_by,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    overdue: r.done_at === null && r.due_at.getTime() < now.getTime(),
  };
}

export function presentPlan(
  open: (v: Uint8Array | null, ctx: string) => string | null,
  r: TPlanRow,
): TSupportPlan {
  return {
    id: r.id,
    types: r.plan_types,
    objectives: open(r.objectives_sealed, 'support_plans.objectives'),
    actionPlan: open(r.action_plan_sealed, 'support_plans.action_plan'),
    plannedEnd: r.planned_end,
    actualEnd: r.actual_end,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

/** The whole workflow of one case (the case's own row is read by the caller, scoped). */
export async function loadWorkflow(
  db: Queryable,
  actor: TActor,
  sealer: Sealer,
  kase: { id: string; stage: string },
): Promise<TCaseWorkflow> {
  const sensitive = can(actor, 'case.readSensitive');
  // Field-level need to know: sealed texts are not even opened for other roles.
  const open = (v: Uint8Array | null, ctx: string) => (sensitive ? sealer.openNullable(v, ctx) : null);
  const q = async <T>(sql: string) => (await db.query<T>(sql, [kase.id])).rows;
  const assessments = await q<TAssessmentRow>(
    `SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE case_id = $1 ORDER BY assessed_on, created_at, id`,
  );
  const plans = await q<TPlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM support_plans WHERE case_id = $1 ORDER BY created_at, id`,
  );
  const services = await q<TServiceRow>(
    `SELECT ${SERVICE_COLUMNS} FROM case_services WHERE case_id = $1 ORDER BY delivered_on, created_at, id`,
  );
  const followUps = await q<TFollowUpRow>(
    `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE case_id = $1 ORDER BY followed_on, created_at, id`,
  );
  const approvals = await q<TApprovalRow>(
    `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE case_id = $1 ORDER BY requested_at, id`,
  );
  const tasks = await q<TTaskRow>(
    `SELECT ${TASK_COLUMNS} FROM case_tasks WHERE case_id = $1 ORDER BY done_at IS NOT NULL, due_at, id`,
  );
  const now = new Date();
  return {
    caseId: kase.id,
    stage: kase.stage,
    redacted: !sensitive,
    assessments: assessments.map((r) => ({
      id: r.id,
      assessedOn: r.assessed_on,
      needs: r.needs,
      riskLevel: r.risk_level,
      summary: open(r.summary_sealed, 'assessments.summary'),
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    })),
    supportPlans: plans.map((r) => presentPlan(open, r)),
    services: services.map((r) => ({
      id: r.id,
      type: r.service_type,
      providerOrgId: r.provider_org_id,
      providerName: r.provider_name,
      deliveredOn: r.delivered_on,
      outcome: r.outcome,
      notes: open(r.notes_sealed, 'case_services.notes'),
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    })),
    followUps: followUps.map((r) => ({
      id: r.id,
      followedOn: r.followed_on,
      method: r.method,
      outcome: r.outcome,
      notes: open(r.notes_sealed, 'follow_ups.notes'),
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    })),
    approvals: approvals.map(presentApproval),
    tasks: tasks.map((r) => presentTask(sealer, r, now)),
  };
}
