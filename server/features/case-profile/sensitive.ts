import type { TCaseSensitive } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import { scoped } from '../../http/context';
import { loadCaseDetail, presentCase } from '../cases/present-case';
import { changedKeys, commitCaseWrite, openCaseForWrite } from './case-write';
import { SEALED } from './present-profile';
import { updateSensitiveRoute } from './routes';

export function registerUpdateSensitive(app: TApp): void {
  app.openapi(updateSensitiveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      // Replacing texts one cannot read would be writing blind: case.readSensitive is needed too.
      const row = await openCaseForWrite(sdb, c.var.locale, id, {
        audit: 'case.sensitiveUpdated',
        needs: ['case.readSensitive'],
        version: body.version,
      });
      const { rows } = await sdb.query<{ sensitive_sealed: Uint8Array | null }>(
        'SELECT sensitive_sealed FROM cases WHERE id = $1',
        [id],
      );
      const text = sealer.openNullable(rows[0]!.sensitive_sealed, SEALED.sensitive);
      const before = (text === null ? {} : JSON.parse(text)) as TCaseSensitive;
      const fields = changedKeys('sensitive.', before, body.sensitive);
      if (fields.length === 0) return c.json(presentCase(sdb.actor, sealer, row, await loadCaseDetail(sdb, row)), 200);
      const empty = Object.keys(body.sensitive).length === 0;
      await sdb.query('UPDATE cases SET sensitive_sealed = $2 WHERE id = $1', [
        id,
        empty ? null : sealer.seal(JSON.stringify(body.sensitive), SEALED.sensitive),
      ]);
      const saved = await commitCaseWrite(sdb, id, { kind: 'sensitiveUpdated', audit: 'case.sensitiveUpdated', fields });
      return c.json(presentCase(sdb.actor, sealer, saved, await loadCaseDetail(sdb, saved)), 200);
    });
  });
}
