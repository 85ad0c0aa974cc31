/**
 * EXPLAIN ANALYZE of the duplicate check's candidate query (issue 5) on a generated PostgreSQL
 * database, with the keys the app computes for a generated person, as `senim_app` in scope:
 *
 *   DATABASE_URL=postgres://…/senim_bench_cases_1000000 SENIM_KEY=$(cat $TMPDIR/senim-bench-cases-1000000.key) \
 *     node bin/run-ts.mjs bench/explain-duplicates.ts
 *
 * Prints how many persons each blocking key holds (the cost driver) and the plan of the query.
 */
import pg from 'pg';
import { loadKeyring } from '../server/crypto/keyring';
import { initCrypto, Sealer } from '../server/crypto/seal';
import { encodePerson, encoderFor, keyBytes } from '../server/features/duplicates/encoding';
import { loadNameGroups } from '../server/features/generate/name-lists';
import { femaleShareOf, synthCase, synthPerson } from '../server/features/generate/synth';

const ORG = 'Кризисный центр «Сенім» — горячая линия 11616';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL (and SENIM_KEY) to a generated database');
  await initCrypto();
  const sealer = new Sealer(
    loadKeyring({ envKey: process.env.SENIM_KEY, dataDir: '/nonexistent', create: false }),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const org = (
    await client.query<{ id: string; user_id: string }>(
      `SELECT o.id, (SELECT id FROM users u WHERE u.org_id = o.id LIMIT 1) AS user_id FROM organisations o WHERE o.name = $1`,
      [ORG],
    )
  ).rows[0]!;
  const n = 1_000_000;
  const groups = loadNameGroups();
  const layout = { count: n, untilMs: Date.now(), years: 5 };
  const c = synthCase(3, 370_001, layout, 1);
  const f = synthCase(3, c.personIndex, layout, 1);
  const p = synthPerson(groups, 3, c.personIndex, {
    femaleShare: femaleShareOf(f),
    ageYears: f.ageYears,
    openedMs: f.openedMs,
  });
  const keys = keyBytes(encodePerson(encoderFor(sealer, org.id), p));
  console.log(`${keys.length} blocking keys for one person`);
  for (const k of keys) {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person_link_keys WHERE org_id = $1 AND key = $2',
      [org.id, k],
    );
    console.log(`  key ${k.toString('hex').slice(0, 12)}…: ${rows[0]!.n} persons`);
  }
  await client.query('BEGIN');
  await client.query(
    `SELECT set_config('role', 'senim_app', true), set_config('senim.org_id', $1, true), set_config('senim.user_id', $2, true)`,
    [org.id, org.user_id],
  );
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) WITH ks AS MATERIALIZED (SELECT decode(k, 'hex') AS key FROM unnest($2::text[]) AS k),
     cand AS (
       SELECT DISTINCT c.person_id FROM ks,
         LATERAL (SELECT person_id FROM person_link_keys WHERE org_id = $1 AND key = ks.key LIMIT 200) c
       LIMIT 400)
     SELECT p.id FROM cand JOIN persons p ON p.org_id = $1 AND p.id = cand.person_id WHERE p.merged_into IS NULL`,
    [org.id, keys.map((k) => k.toString('hex'))],
  );
  for (const r of rows) console.log(r['QUERY PLAN']);
  // The same with the keys sent as bytea[]: `key = k` is a leakproof comparison, which row-level
  // security lets the planner use as an index condition (decode() is not leakproof).
  const { rows: alt } = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) WITH cand AS (
       SELECT DISTINCT c.person_id FROM unnest($2::bytea[]) AS k,
         LATERAL (SELECT person_id FROM person_link_keys WHERE org_id = $1 AND key = k LIMIT 200) c
       LIMIT 400)
     SELECT p.id FROM cand JOIN persons p ON p.org_id = $1 AND p.id = cand.person_id WHERE p.merged_into IS NULL`,
    [org.id, keys],
  );
  console.log('\n-- keys as bytea[]:');
  for (const r of alt) console.log(r['QUERY PLAN']);
  await client.query('ROLLBACK');
  await client.end();
}
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
