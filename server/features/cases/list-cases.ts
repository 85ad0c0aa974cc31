import type { TListCasesQuery } from '../../../shared/schemas/cases';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { CASE_COLUMNS, presentCaseSummary, type TCaseRow } from './present-case';
import { listCasesRoute } from './routes';

/** Sort keys to SQL: an allow-list, never text from the request. Ties broken by id for stable pages. */
const ORDER_BY: Record<TListCasesQuery['sort'], string> = {
  '-openedAt': 'opened_at DESC, id DESC',
  openedAt: 'opened_at ASC, id ASC',
  '-caseNumber': 'case_number DESC',
  caseNumber: 'case_number ASC',
};

export function registerListCases(app: TApp): void {
  app.openapi(listCasesRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'case.read');
      const assigned = q.assigned === 'me' ? sdb.actor.userId : (q.assigned ?? null);
      // Row-level security adds the organisation; the indexes start with org_id.
      const where = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR region = $2)
        AND ($3::uuid IS NULL OR assigned_user_id = $3)`;
      const params = [q.status ?? null, q.region ?? null, assigned];
      const { rows: counted } = await sdb.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM cases WHERE ${where}`,
        params,
      );
      const { rows } = await sdb.query<TCaseRow>(
        `SELECT ${CASE_COLUMNS} FROM cases WHERE ${where} ORDER BY ${ORDER_BY[q.sort]} LIMIT $4 OFFSET $5`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      );
      sdb.audit({
        action: 'case.listed',
        outcome: 'success',
        details: {
          count: rows.length,
          page: q.page,
          filters: (['status', 'region', 'assigned'] as const).filter((k) => q[k] !== undefined),
        },
      });
      return c.json({ items: rows.map((r) => presentCaseSummary(sdb.actor, r)), total: counted[0]?.total ?? 0 }, 200);
    });
  });
}
