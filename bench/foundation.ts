import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { percentile, rssMb, senim, startServer, type TServer } from './server-process';

const DEMO_PASSWORD = 'Senim-demo-2026!';

async function login(url: string, email: string): Promise<{ cookie: string; orgId: string }> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = /senim_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  const body = (await res.json()) as { user: { orgId: string } };
  return { cookie: cookie!, orgId: body.user.orgId };
}

async function loginLatency(url: string, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await login(url, 'caseworker@ngo.demo');
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function readThroughput(server: TServer, seconds: number) {
  const { cookie, orgId } = await login(server.url, 'caseworker@ngo.demo');
  const result = await autocannon({
    url: `${server.url}/api/v1/organisations/${orgId}`,
    connections: 20,
    duration: seconds,
    headers: { cookie },
  });
  const non2xx = result.non2xx + result.errors;
  return { requestsPerSecond: result.requests.average, p95Ms: result.latency.p97_5, non2xx };
}

export type TFoundationFigures = Awaited<ReturnType<typeof runFoundationBench>>;

export async function runFoundationBench(opts: { postgresUrl?: string; seconds?: number } = {}) {
  const seconds = opts.seconds ?? 10;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senim-bench-'));
  const env = { SENIM_DATA_DIR: dataDir, SENIM_LOGIN_RATE_PER_MINUTE: '100000' };
  try {
    // First start on an empty folder: initdb, key file, migrations.
    let server = await startServer(env);
    const firstStartMs = server.startMs;
    await server.stop();
    await senim(['seed', '--demo'], env);
    // Cold start on the existing folder.
    server = await startServer(env);
    const coldStartMs = server.startMs;
    await new Promise((r) => setTimeout(r, 3000));
    const idleRssMb = rssMb(server.child.pid!);
    const loginMs = await loginLatency(server.url, 30);
    const embedded = await readThroughput(server, seconds);
    await server.stop();

    let postgres: Awaited<ReturnType<typeof readThroughput>> | null = null;
    let postgresLoginMs: { p50: number; p95: number } | null = null;
    if (opts.postgresUrl) {
      const name = `senim_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: opts.postgresUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(opts.postgresUrl);
      url.pathname = `/${name}`;
      const pgEnv = { ...env, DATABASE_URL: url.toString(), SENIM_KEY: crypto.randomBytes(32).toString('base64'), SENIM_DB_POOL: '20' };
      try {
        await senim(['seed', '--demo'], pgEnv);
        const pgServer = await startServer(pgEnv);
        postgresLoginMs = await loginLatency(pgServer.url, 30);
        postgres = await readThroughput(pgServer, seconds);
        await pgServer.stop();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
    return { firstStartMs, coldStartMs, idleRssMb, loginMs, embedded, postgresLoginMs, postgres };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
