/**
 * EXPLAIN ANALYZE of the case list's queries on a generated PostgreSQL database, as the app sends
 * them: built by the app's own code (caseListWhere, parseCaseSearch, ORDER_BY), run as `senim_app`
 * under row-level security in the organisation's scope.
 *
 *   DATABASE_URL=postgres://…/senim_bench_cases_1000000 SENIM_KEY=$(cat $TMPDIR/senim-bench-cases-1000000.key) \
 *     node bin/run-ts.mjs bench/explain-cases.ts [--plans]
 *
 * Prints each query's execution time (best of three) and the indexes its plan uses; --plans prints
 * the plans; --q <text> explains that one search.
 */
import pg from 'pg';
import { LIMITS } from '../shared/limits';
import { ZListCasesQuery } from '../shared/schemas/cases';
import { loadKeyring } from '../server/crypto/keyring';
import { initCrypto, Sealer } from '../server/crypto/seal';
import { caseListWhere, ORDER_BY, parseCaseSearch } from '../server/features/cases/case-search';
import { CASE_COLUMNS } from '../server/features/cases/present-case';
import { loadNameGroups } from '../server/features/generate/name-lists';
import { femaleShareOf, synthCase, synthPerson } from '../server/features/generate/synth';

const ORG = 'Кризисный центр «Сенім» — горячая линия 11616';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL (and SENIM_KEY) to a generated database');
  await initCrypto();
  const sealer = new Sealer(loadKeyring({ envKey: process.env.SENIM_KEY, dataDir: '/nonexistent', create: false }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: orgs } = await client.query<{ id: string; user_id: string; cases: number }>(
    `SELECT o.id, (SELECT assigned_user_id FROM cases c WHERE c.org_id = o.id AND assigned_user_id IS NOT NULL LIMIT 1) AS user_id,
            (SELECT count(*)::int FROM cases c WHERE c.org_id = o.id) AS cases
       FROM organisations o WHERE o.name = $1`,
    [ORG],
  );
  const org = orgs[0]!;
  const { rows: meta } = await client.query<{ value: { runs: { seed: number; cases: number }[] } }>(
    `SELECT value FROM instance_meta WHERE key = 'generated'`,
  );
  const run = meta[0]!.value.runs.filter((r) => r.cases > 0).at(-1)!; // the last run of `generate cases`
  const groups = loadNameGroups();
  const layout = { count: run.cases, untilMs: Date.now(), years: 5 };
  const personAt = (i: number) => {
    const c = synthCase(run.seed, i, layout, 1);
    const f = synthCase(run.seed, c.personIndex, layout, 1);
    return synthPerson(groups, run.seed, c.personIndex, { femaleShare: femaleShareOf(f), ageYears: f.ageYears, openedMs: f.openedMs });
  };
  const rare = personAt(Math.floor(run.cases * 0.37));
  const withPhone = [0.11, 0.52, 0.83].map((q) => personAt(Math.floor(run.cases * q))).find((p) => p.phone)!;
  const { rows: numbers } = await client.query<{ n: string }>(
    'SELECT case_number AS n FROM cases WHERE org_id = $1 ORDER BY random() LIMIT 1',
    [org.id],
  );
  console.log(`${org.cases.toLocaleString('en')} cases in the organisation; seed ${run.seed}`);

  const cases: [string, Record<string, string>][] = [
    ['list, no filter, newest first, page 1', {}],
    ['list, status + region, newest first, page 1', { status: 'Active', region: 'almaty' }],
    ['list, status + region (rare), page 3', { status: 'FollowUp', region: 'ulytau', page: '3' }],
    ['list, status + region, by case number', { status: 'Closed', region: 'almaty', sort: 'caseNumber' }],
    ['list, status + region, by last change', { status: 'Active', region: 'shymkent', sort: '-updatedAt' }],
    ['list, assigned to me', { assigned: org.user_id }],
    ['list, opened in one month', { openedFrom: '2025-03-01', openedTo: '2025-03-31' }],
    [`list, deepest page (${LIMITS.listCountCap / 50})`, { page: String(LIMITS.listCountCap / 50) }],
    ['search: given + family name', { q: `${rare.givenName} ${rare.familyName}` }],
    ['search: family name only', { q: rare.familyName! }],
    ['search: given name only', { q: rare.givenName! }],
    ['search: name prefix', { q: `${rare.familyName!.slice(0, 4)}*` }],
    ['search: phone', { q: withPhone.phone! }],
    ['search: case number', { q: numbers[0]!.n }],
  ];
  const plans = process.argv.includes('--plans');
  // --q <text>: only this search
  const only = process.argv.indexOf('--q');
  if (only >= 0) cases.splice(0, cases.length, [`search: ${process.argv[only + 1]}`, { q: process.argv[only + 1]! }]);
  for (const [label, raw] of cases) {
    const q = ZListCasesQuery.parse(raw);
    const search = q.q === undefined ? null : parseCaseSearch(sealer, 'en', q.q);
    const assigned = q.assigned === 'me' ? org.user_id : q.assigned;
    const { where, params } = caseListWhere(q, assigned, search);
    const n = params.length;
    const page = {
      sql: `SELECT ${CASE_COLUMNS} FROM cases c ${where} ORDER BY ${ORDER_BY[q.sort]} LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...params, q.pageSize, (q.page - 1) * q.pageSize],
    };
    const count = {
      sql: `SELECT count(*)::int AS total FROM (SELECT 1 FROM cases c ${where} LIMIT $${n + 1}) AS capped`,
      params: [...params, LIMITS.listCountCap + 1],
    };
    const out: string[] = [];
    for (const [what, stmt] of [['page', page], ['count', count]] as const) {
      let best = Infinity;
      let plan: string[] = [];
      for (let t = 0; t < 3; t++) {
        await client.query('BEGIN');
        await client.query(
          `SELECT set_config('role', 'senim_app', true), set_config('senim.org_id', $1, true),
                  set_config('senim.user_id', $2, true), set_config('senim.network_admin', 'off', true)`,
          [org.id, org.user_id],
        );
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${stmt.sql}`, stmt.params);
        await client.query('ROLLBACK');
        plan = rows.map((r) => r['QUERY PLAN']);
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
        best = Math.min(best, ms);
      }
      const indexes = [...new Set(plan.flatMap((l) => [...l.matchAll(/(?:Index|Index Only) Scan(?: Backward)? using (\w+)/g)].map((m) => m[1]!)))];
      const rowsOut = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan[0] ?? '')?.[1];
      out.push(`${what} ${best.toFixed(2)} ms (${rowsOut} rows; ${indexes.join(', ') || 'no index'}${plan.some((l) => /Seq Scan/.test(l)) ? ', SEQ SCAN' : ''})`);
      if (plans) console.log(`--- ${label} (${what})\n${plan.join('\n')}`);
    }
    console.log(`${label.padEnd(44)} ${out.join(' | ')}`);
  }
  await client.end();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
