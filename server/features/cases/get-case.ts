import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import { scoped } from '../../http/context';
import { getScopedCase, loadCaseDetail, presentCase } from './present-case';
import { getCaseRoute } from './routes';

export function registerGetCase(app: TApp): void {
  app.openapi(getCaseRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const row = await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'case.read', { type: 'case', id });
      // Every open of a case file is audited, with whether identity fields and sensitive texts were shown.
      sdb.audit({
        action: 'case.read',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: { identity: can(sdb.actor, 'case.readIdentity'), sensitive: can(sdb.actor, 'case.readSensitive') },
      });
      return c.json(presentCase(sdb.actor, c.var.deps.sealer, row, await loadCaseDetail(sdb, row)), 200);
    });
  });
}
