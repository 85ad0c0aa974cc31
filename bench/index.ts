import os from 'node:os';
import { report as dedupeReport, runDedupeBench } from './dedupe/run';
import { runFoundationBench } from './foundation';

// `npm run bench`: the figures the issues ask for, measured on this machine. Not a test: it prints.
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(d));

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

  if (process.argv.includes('--skip-dedupe')) return;
  console.log('\n## Record linkage (issue 5): senim dedupe');
  const d = await runDedupeBench({ skipLarge: process.argv.includes('--skip-large') });
  console.log(dedupeReport(d));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
