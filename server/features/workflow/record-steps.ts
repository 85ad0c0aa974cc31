import type { TAuditEvent } from '../../../shared/audit-events';
import type { TCaseEventKind } from '../../../shared/schemas/case-file';
import type { TCaseStage } from '../../../shared/schemas/cases';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { scoped, type TCtx } from '../../http/context';
import { idempotent } from '../../http/idempotency';
import { fieldErrors } from '../cases/case-errors';
import { getScopedCase } from '../cases/present-case';
import { isCaseClosed, recordStep } from './case-stage';
import { loadWorkflow } from './present-workflow';
import {
  createAssessmentRoute,
  createFollowUpRoute,
  createServiceRoute,
  createSupportPlanRoute,
  getWorkflowRoute,
} from './routes';
import { caseClosed } from './workflow-errors';

/** The workflow as the actor may see it, for the case's current row. */
export async function presentWorkflowOf(sdb: ScopedDb, sealer: Sealer, caseId: string) {
  return loadWorkflow(sdb, sdb.actor, sealer, await getScopedCase(sdb, caseId));
}

type TStep = {
  /** the audit event of the write */
  action: TAuditEvent;
  kind: TCaseEventKind;
  stage: TCaseStage;
  /** inserts the record; returns its id and the codes worth auditing (never texts) */
  insert: () => Promise<{ id: string; details: Record<string, unknown> }>;
  idName: string;
};

/**
 * One step added to a case's file: 404 outside the organisation, 403 without case.update, the
 * idempotency key, 409 on a closed case, then the record, the stage, the timeline and the audit.
 */
async function addStep(
  c: TCtx,
  sdb: ScopedDb,
  caseId: string,
  request: unknown,
  key: string | undefined,
  step: TStep,
) {
  const sealer = c.var.deps.sealer;
  const cur = await getScopedCase(sdb, caseId, true);
  assertCan(sdb.actor, 'case.update', { type: 'case', id: caseId });
  return idempotent(c, sdb, {
    key,
    request,
    replayAudit: {
      action: 'workflow.read',
      outcome: 'success',
      targetType: 'case',
      targetId: caseId,
      details: { sensitive: can(sdb.actor, 'case.readSensitive') },
    },
    perform: async () => {
      if (isCaseClosed(cur)) throw caseClosed(step.action, caseId);
      const { id, details } = await step.insert();
      const row = await recordStep(sdb, cur, {
        stage: step.stage,
        kind: step.kind,
        payload: { [step.idName]: id },
      });
      sdb.audit({
        action: step.action,
        outcome: 'success',
        targetType: 'case',
        targetId: caseId,
        details: { [step.idName]: id, ...details, stage: row.stage },
      });
      return { caseId };
    },
    present: async () => presentWorkflowOf(sdb, sealer, caseId),
  });
}

const isForeignKeyError = (err: unknown, constraint: string) =>
  typeof err === 'object' &&
  err !== null &&
  (err as { code?: unknown }).code === '23503' &&
  [undefined, constraint].includes((err as { constraint?: string }).constraint);

export function registerRecordSteps(app: TApp): void {
  app.openapi(getWorkflowRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const row = await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'case.read', { type: 'case', id });
      const sensitive = can(sdb.actor, 'case.readSensitive');
      sdb.audit({
        action: 'workflow.read',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: { sensitive },
      });
      return c.json(await loadWorkflow(sdb, sdb.actor, c.var.deps.sealer, row), 200);
    });
  });

  app.openapi(createAssessmentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const out = await addStep(c, sdb, id, b, c.req.valid('header')['idempotency-key'], {
        action: 'assessment.recorded',
        kind: 'assessmentRecorded',
        stage: 'assessment',
        idName: 'assessmentId',
        insert: async () => {
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO assessments (org_id, case_id, assessed_on, needs, risk_level, summary_sealed, created_by)
             VALUES ($1, $2, $3, $4::text[], $5, $6, $7) RETURNING id`,
            [
              sdb.actor.orgId,
              id,
              b.assessedOn,
              b.needs,
              b.riskLevel,
              sealer.sealNullable(b.summary, 'assessments.summary'),
              sdb.actor.userId,
            ],
          );
          return {
            id: rows[0]!.id,
            details: { riskLevel: b.riskLevel, needs: b.needs, hasSummary: !!b.summary },
          };
        },
      });
      return c.json(out, 201);
    });
  });

  app.openapi(createSupportPlanRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const out = await addStep(c, sdb, id, b, c.req.valid('header')['idempotency-key'], {
        action: 'supportPlan.recorded',
        kind: 'supportPlanRecorded',
        stage: 'support_plan',
        idName: 'planId',
        insert: async () => {
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO support_plans (org_id, case_id, plan_types, objectives_sealed, action_plan_sealed, planned_end,
                actual_end, created_by)
             VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8) RETURNING id`,
            [
              sdb.actor.orgId,
              id,
              b.types,
              sealer.sealNullable(b.objectives, 'support_plans.objectives'),
              sealer.sealNullable(b.actionPlan, 'support_plans.action_plan'),
              b.plannedEnd ?? null,
              b.actualEnd ?? null,
              sdb.actor.userId,
            ],
          );
          return { id: rows[0]!.id, details: { types: b.types } };
        },
      });
      return c.json(out, 201);
    });
  });

  app.openapi(createServiceRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const out = await addStep(c, sdb, id, b, c.req.valid('header')['idempotency-key'], {
        action: 'service.recorded',
        kind: 'serviceRecorded',
        stage: 'services',
        idName: 'serviceId',
        insert: async () => {
          try {
            // The provider may be any organisation of the network: row-level security hides the
            // others from this request, but the foreign key still checks that it exists.
            const { rows } = await sdb.query<{ id: string }>(
              `INSERT INTO case_services (org_id, case_id, service_type, provider_org_id, provider_name, delivered_on,
                  outcome, notes_sealed, created_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
              [
                sdb.actor.orgId,
                id,
                b.type,
                b.providerOrgId ?? null,
                b.providerName ?? null,
                b.deliveredOn,
                b.outcome,
                sealer.sealNullable(b.notes, 'case_services.notes'),
                sdb.actor.userId,
              ],
            );
            return {
              id: rows[0]!.id,
              details: { type: b.type, outcome: b.outcome, providerOrgId: b.providerOrgId ?? null },
            };
          } catch (err) {
            if (isForeignKeyError(err, 'case_services_provider_org_id_fkey')) {
              throw fieldErrors(c.var.locale, [
                { path: 'providerOrgId', key: 'validation.workflowUnknownOrganisation' },
              ]);
            }
            throw err;
          }
        },
      });
      return c.json(out, 201);
    });
  });

  app.openapi(createFollowUpRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const out = await addStep(c, sdb, id, b, c.req.valid('header')['idempotency-key'], {
        action: 'followUp.recorded',
        kind: 'followUpRecorded',
        stage: 'follow_up',
        idName: 'followUpId',
        insert: async () => {
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO follow_ups (org_id, case_id, followed_on, method, outcome, notes_sealed, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
            [
              sdb.actor.orgId,
              id,
              b.followedOn,
              b.method,
              b.outcome,
              sealer.sealNullable(b.notes, 'follow_ups.notes'),
              sdb.actor.userId,
            ],
          );
          return { id: rows[0]!.id, details: { method: b.method, outcome: b.outcome } };
        },
      });
      return c.json(out, 201);
    });
  });
}
