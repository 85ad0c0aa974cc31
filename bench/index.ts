import os from 'node:os';
import { casesReport, runCasesBench } from './cases';
import { referralsReport, runReferralsBench } from './referrals';
import { report as dedupeReport, runDedupeBench } from './dedupe/run';
import { runFoundationBench } from './foundation';

// `npm run bench`: the figures the issues ask for, measured on this machine. Not a test: it prints.
//   --only <foundation|cases|referrals|dedupe>   one section
//   --skip-dedupe, --skip-cases, --skip-referrals   leave a section out
//   --skip-large                       no 1,000,000-record runs (cases: 10,000 on both databases)
//   --cases <n>                        generated cases on PostgreSQL (default 1,000,000)
//   --embedded-cases <n>               generated cases on the embedded database (default 100,000)
//   --requests <n>                     measured requests of each kind (default 200)
//   --fresh / --drop                   regenerate the kept case databases / remove them afterwards
//   --duplicate-keys                   generate the duplicate-detection encodings too (slower load);
//                                      the issue-5 duplicate check is measured only then
//   --skip-embedded                    cases: PostgreSQL only
//   --duplicate-requests <n>           measured duplicate checks (default: --requests)
//   --referrals <n>                    referrals: generated referrals (default 200,000; 2,000 with --skip-large)
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(d));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
function option(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}
function count(name: string, fallback: number): number {
  const v = option(name);
  const n = v === undefined ? fallback : Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}
const only = option('only');
const runs = (section: 'foundation' | 'cases' | 'dedupe' | 'referrals') => (only ? only === section : !flag(`skip-${section}`));

async function main() {
  console.log(`Senim benchmarks — ${new Date().toISOString()} — ${os.cpus().length} cores, node ${process.version}`);
  let pgReachable = true;
  try {
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: postgresUrl });
    await c.connect();
    await c.end();
  } catch {
    pgReachable = false;
    console.log(`(no PostgreSQL at ${postgresUrl}: embedded figures only)`);
  }
  if (runs('foundation')) {
    const f = await runFoundationBench(pgReachable ? { postgresUrl } : {});
    console.log('\n## Foundation (issue 2)');
    console.log(`first start on an empty data folder → healthy: ${fmt(f.firstStartMs)} ms (goal ≤ 5000)`);
    console.log(`cold start on an existing data folder → healthy: ${fmt(f.coldStartMs)} ms (goal ≤ 2000)`);
    console.log(`idle memory (RSS) after start: ${fmt(f.idleRssMb)} MB (goal ≤ 350)`);
    console.log(`login latency, embedded: p50 ${fmt(f.loginMs.p50, 1)} ms, p95 ${fmt(f.loginMs.p95, 1)} ms`);
    console.log(`scoped read, 20 clients, embedded: ${fmt(f.embedded.requestsPerSecond)} req/s, p97.5 ${fmt(f.embedded.p95Ms)} ms, non-2xx ${f.embedded.non2xx} (goal ≥ 1000/s)`);
    if (f.postgres && f.postgresLoginMs) {
      console.log(`login latency, PostgreSQL: p50 ${fmt(f.postgresLoginMs.p50, 1)} ms, p95 ${fmt(f.postgresLoginMs.p95, 1)} ms`);
      console.log(`scoped read, 20 clients, PostgreSQL: ${fmt(f.postgres.requestsPerSecond)} req/s, p97.5 ${fmt(f.postgres.p95Ms)} ms, non-2xx ${f.postgres.non2xx} (goal ≥ 5000/s)`);
    }
  }

  if (runs('cases')) {
    const large = !flag('skip-large');
    console.log('\n## Cases at size (issue 3): senim generate cases, then the HTTP API, one client');
    const figures = await runCasesBench({
      ...(pgReachable ? { postgresUrl } : {}),
      postgresCases: large ? count('cases', 1_000_000) : count('cases', 10_000),
      embeddedCases: large ? count('embedded-cases', 100_000) : count('embedded-cases', 10_000),
      requests: count('requests', 200),
      fresh: flag('fresh'),
      drop: flag('drop'),
      duplicateKeys: flag('duplicate-keys'),
      skipEmbedded: flag('skip-embedded'),
      duplicateRequests: count('duplicate-requests', count('requests', 200)),
    });
    console.log(casesReport(figures));
  }

  if (runs('referrals')) {
    console.log('\n## Referral network (issue 4): senim generate referrals on the cases database, then the HTTP API');
    if (!pgReachable) console.log('(needs PostgreSQL: skipped)');
    else {
      const large = !flag('skip-large');
      const figures = await runReferralsBench({
        postgresUrl,
        cases: large ? count('cases', 1_000_000) : count('cases', 10_000),
        referrals: large ? count('referrals', 200_000) : count('referrals', 2_000),
        requests: count('requests', 200),
        fresh: flag('fresh'),
        duplicateKeys: flag('duplicate-keys'),
      });
      console.log(referralsReport(figures));
    }
  }

  if (!runs('dedupe')) return;
  console.log('\n## Record linkage (issue 5): senim dedupe');
  const d = await runDedupeBench({ skipLarge: flag('skip-large') });
  console.log(dedupeReport(d));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
