import { LIMITS } from '../../../shared/limits';
import type { TStaffLocale } from '../../../shared/locales';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import type { TFieldError } from '../../http/validation';
import { translate } from '../../i18n';
import { fuzzyPersonIds } from '../duplicates/fuzzy';
import { caseListWhere, ORDER_BY, parseCaseSearch } from './case-search';
import { CASE_COLUMNS, presentCaseSummary, type TCaseRow } from './present-case';
import { listCasesRoute } from './routes';

const FILTERS = ['status', 'region', 'assigned', 'openedFrom', 'openedTo'] as const;

/**
 * How far a list counts and pages. A total is counted exactly up to `countCap` rows (never a count
 * of a million rows per page view); beyond it the list says "more than countCap" (`totalCapped`).
 * Pages reach as deep as the count: a page starting past `countCap` is refused (400 on `page`) —
 * narrow the filters or search instead. Tests lower the cap here.
 */
export const listLimits = { countCap: LIMITS.listCountCap as number };

/** The last page that starts within the counted rows. */
export const maxPageOf = (pageSize: number, cap = listLimits.countCap): number => Math.max(1, Math.ceil(cap / pageSize));

function pageTooDeep(locale: TStaffLocale, maxPage: number): HttpError {
  const fields: TFieldError[] = [{ path: 'page', message: translate(locale, 'validation.tooBig', { max: maxPage }) }];
  const err = new HttpError(400, 'error.validation', { details: fields.map((f) => `${f.path}: ${f.message}`).join('; ') });
  (err as HttpError & { fields?: TFieldError[] }).fields = fields;
  return err;
}

export function registerListCases(app: TApp): void {
  app.openapi(listCasesRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'case.read');
      const cap = listLimits.countCap;
      const maxPage = maxPageOf(q.pageSize, cap);
      if (q.page > maxPage) throw pageTooDeep(c.var.locale, maxPage);
      const search = q.q === undefined ? null : parseCaseSearch(c.var.deps.sealer, c.var.locale, q.q);
      const assigned = q.assigned === 'me' ? sdb.actor.userId : q.assigned;
      const { where, params } = caseListWhere(q, assigned, search);
      const n = params.length;
      const offset = (q.page - 1) * q.pageSize;
      // A name search chooses the page's ids first (from the indexes alone, see migration 0014),
      // then reads only those rows: a common name matches thousands of cases.
      let { rows } = await sdb.query<TCaseRow>(
        search?.kind === 'name'
          ? `SELECT ${CASE_COLUMNS} FROM cases c
              WHERE c.id IN (SELECT c.id FROM cases c ${where} ORDER BY ${ORDER_BY[q.sort]} LIMIT $${n + 1} OFFSET $${n + 2})
              ORDER BY ${ORDER_BY[q.sort]}`
          : `SELECT ${CASE_COLUMNS} FROM cases c ${where}
              ORDER BY ${ORDER_BY[q.sort]} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, q.pageSize, offset],
      );
      // No exact match for the name words: the persons with similar names, found on their keyed
      // encodings (a typo, another spelling), are offered instead and marked `similar`.
      let similar = false;
      let similarIds: string[] = [];
      if (search?.kind === 'name' && !search.prefix && rows.length === 0 && q.page === 1) {
        similarIds = await fuzzyPersonIds(sdb, c.var.deps.sealer, sdb.actor.orgId, q.q!);
        if (similarIds.length > 0) {
          const base = caseListWhere(q, assigned, null);
          const m = base.params.length;
          ({ rows } = await sdb.query<TCaseRow>(
            `SELECT ${CASE_COLUMNS} FROM cases c ${base.where ? `${base.where} AND` : 'WHERE'} c.person_id = ANY($${m + 1}::uuid[])
              ORDER BY ${ORDER_BY[q.sort]} LIMIT $${m + 2}`,
            [...base.params, similarIds, q.pageSize],
          ));
          similar = rows.length > 0;
        }
      }
      // A short page that is not past the end tells the total; otherwise count, at most cap + 1 rows.
      let counted: number;
      if (similar || (rows.length > 0 && rows.length < q.pageSize)) {
        counted = offset + rows.length;
      } else if (rows.length === 0 && q.page === 1) {
        counted = 0;
      } else {
        const { rows: c1 } = await sdb.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM (SELECT 1 FROM cases c ${where} LIMIT $${n + 1}) AS capped`,
          [...params, cap + 1],
        );
        counted = c1[0]?.total ?? 0;
      }
      const totalCapped = counted > cap;
      const total = Math.min(counted, cap);
      const filters = FILTERS.filter((k) => q[k] !== undefined);
      // A search is audited with what it was taken for, never with the text searched for.
      sdb.audit(
        search
          ? {
              action: 'case.searched',
              outcome: 'success',
              details: {
                kind: search.kind,
                ...(similar ? { similar } : {}),
                ...(search.kind === 'name' ? { prefix: search.prefix } : {}),
                count: rows.length,
                total,
                ...(totalCapped ? { totalCapped } : {}),
                page: q.page,
                filters,
              },
            }
          : { action: 'case.listed', outcome: 'success', details: { count: rows.length, page: q.page, filters } },
      );
      return c.json({ items: rows.map((r) => presentCaseSummary(sdb.actor, r)), total, totalCapped, ...(similar ? { similar } : {}) }, 200);
    });
  });
}
