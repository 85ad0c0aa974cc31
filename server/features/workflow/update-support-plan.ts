import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { notFound } from '../../http/errors';
import { getScopedCase } from '../cases/present-case';
import { isCaseClosed, recordStep } from './case-stage';
import { PLAN_COLUMNS, presentPlan, type TPlanRow } from './present-workflow';
import { presentWorkflowOf } from './record-steps';
import { updateSupportPlanRoute } from './routes';
import { caseClosed, staleVersion } from './workflow-errors';

export function registerUpdateSupportPlan(app: TApp): void {
  app.openapi(updateSupportPlanRoute, async (c) => {
    const { id, planId } = c.req.valid('param');
    const b = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const kase = await getScopedCase(sdb, id, true);
      const { rows } = await sdb.query<TPlanRow>(
        `SELECT ${PLAN_COLUMNS} FROM support_plans WHERE id = $1 AND case_id = $2 FOR UPDATE`,
        [planId, id],
      );
      const plan = rows[0];
      if (!plan) throw notFound('supportPlan', planId);
      assertCan(sdb.actor, 'case.update', { type: 'case', id });
      if (isCaseClosed(kase)) throw caseClosed('supportPlan.updated', id);
      if (plan.version !== b.version)
        throw staleVersion('supportPlan.updated', { type: 'case', id }, plan.version, { planId });

      const was = presentPlan((v, ctx) => sealer.openNullable(v, ctx), plan);
      const next = {
        types: b.types,
        objectives: b.objectives ?? null,
        actionPlan: b.actionPlan ?? null,
        plannedEnd: b.plannedEnd ?? null,
        actualEnd: b.actualEnd ?? null,
      };
      const fields = (Object.keys(next) as (keyof typeof next)[]).filter(
        (f) => JSON.stringify(next[f]) !== JSON.stringify(was[f]),
      );
      if (fields.length > 0) {
        await sdb.query(
          `UPDATE support_plans SET plan_types = $2::text[], objectives_sealed = $3, action_plan_sealed = $4,
                  planned_end = $5, actual_end = $6, updated_at = now(), version = version + 1
            WHERE id = $1`,
          [
            planId,
            next.types,
            sealer.sealNullable(next.objectives, 'support_plans.objectives'),
            sealer.sealNullable(next.actionPlan, 'support_plans.action_plan'),
            next.plannedEnd,
            next.actualEnd,
          ],
        );
        await recordStep(sdb, kase, { stage: null, kind: 'supportPlanUpdated', payload: { planId, fields } });
        sdb.audit({
          action: 'supportPlan.updated',
          outcome: 'success',
          targetType: 'case',
          targetId: id,
          details: { planId, fields, version: plan.version + 1 },
        });
      }
      return c.json(await presentWorkflowOf(sdb, sealer, id), 200);
    });
  });
}
