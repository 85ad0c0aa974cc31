import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { caseListWhere, ORDER_BY, parseCaseSearch } from './case-search';
import { CASE_COLUMNS, presentCaseSummary, type TCaseRow } from './present-case';
import { listCasesRoute } from './routes';

const FILTERS = ['status', 'region', 'assigned', 'openedFrom', 'openedTo'] as const;

export function registerListCases(app: TApp): void {
  app.openapi(listCasesRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'case.read');
      const search = q.q === undefined ? null : parseCaseSearch(c.var.deps.sealer, c.var.locale, q.q);
      const assigned = q.assigned === 'me' ? sdb.actor.userId : q.assigned;
      const { where, params } = caseListWhere(q, assigned, search);
      const { rows: counted } = await sdb.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM cases c ${where}`,
        params,
      );
      const n = params.length;
      const { rows } = await sdb.query<TCaseRow>(
        `SELECT ${CASE_COLUMNS} FROM cases c ${where}
          ORDER BY ${ORDER_BY[q.sort]} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      );
      const filters = FILTERS.filter((k) => q[k] !== undefined);
      // A search is audited with what it was taken for, never with the text searched for.
      sdb.audit(
        search
          ? {
              action: 'case.searched',
              outcome: 'success',
              details: {
                kind: search.kind,
                ...(search.kind === 'name' ? { prefix: search.prefix } : {}),
                count: rows.length,
                total: counted[0]?.total ?? 0,
                page: q.page,
                filters,
              },
            }
          : { action: 'case.listed', outcome: 'success', details: { count: rows.length, page: q.page, filters } },
      );
      return c.json({ items: rows.map((r) => presentCaseSummary(sdb.actor, r)), total: counted[0]?.total ?? 0 }, 200);
    });
  });
}
