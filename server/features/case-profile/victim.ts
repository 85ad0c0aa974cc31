import type { TVictimContext } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import { scoped } from '../../http/context';
import { fieldErrors } from '../cases/case-errors';
import { loadCaseDetail, presentCase } from '../cases/present-case';
import { changedKeys, commitCaseWrite, openCaseForWrite } from './case-write';
import { updateVictimRoute } from './routes';

/** The status that only an approved request (four eyes) sets: see the workflow's approvals. */
export const ACTUAL_VICTIM = 'ActualVictimOfTrafficking';

export function registerUpdateVictim(app: TApp): void {
  app.openapi(updateVictimRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const locale = c.var.locale;
    return scoped(c, async (sdb) => {
      const row = await openCaseForWrite(sdb, locale, id, { audit: 'case.victimUpdated', version: body.version });
      const { rows } = await sdb.query<{ victim: TVictimContext; trafficking_status: string | null }>(
        'SELECT victim, trafficking_status FROM cases WHERE id = $1',
        [id],
      );
      const cur = rows[0]!;
      const next: TVictimContext = { ...body.victim };
      const refuse = (path: string, key: 'validation.caseFileActualVictimNeedsApproval' | 'validation.caseFileDecisionFixed') =>
        fieldErrors(locale, [{ path, key }], {
          action: 'case.victimUpdated',
          outcome: 'failure',
          targetType: 'case',
          targetId: id,
          details: { reason: key === 'validation.caseFileDecisionFixed' ? 'decisionFixed' : 'needsApproval' },
        });
      if (cur.trafficking_status === ACTUAL_VICTIM) {
        // An approved recognition stays, with its deciding body, unless another status is chosen.
        if (next.traffickingStatus === undefined || next.traffickingStatus === ACTUAL_VICTIM) {
          const decided = cur.victim.statusDecisionMaker;
          if (next.statusDecisionMaker !== undefined && next.statusDecisionMaker !== decided) {
            throw refuse('victim.statusDecisionMaker', 'validation.caseFileDecisionFixed');
          }
          next.traffickingStatus = ACTUAL_VICTIM;
          if (decided === undefined) delete next.statusDecisionMaker;
          else next.statusDecisionMaker = decided;
        }
      } else if (next.traffickingStatus === ACTUAL_VICTIM) {
        throw refuse('victim.traffickingStatus', 'validation.caseFileActualVictimNeedsApproval');
      }

      const fields = changedKeys('victim.', cur.victim, next);
      if (fields.length === 0) return c.json(presentCase(sdb.actor, c.var.deps.sealer, row, await loadCaseDetail(sdb, row)), 200);
      await sdb.query('UPDATE cases SET victim = $2::jsonb, trafficking_status = $3 WHERE id = $1', [
        id,
        JSON.stringify(next),
        next.traffickingStatus ?? null,
      ]);
      const saved = await commitCaseWrite(sdb, id, {
        kind: 'victimUpdated',
        audit: 'case.victimUpdated',
        fields,
        payload: { traffickingStatus: next.traffickingStatus ?? null },
      });
      return c.json(presentCase(sdb.actor, c.var.deps.sealer, saved, await loadCaseDetail(sdb, saved)), 200);
    });
  });
}
