/**
 * Issue 4 at size: generated referrals (`senim generate referrals`) on the PostgreSQL database of the
 * cases benchmark (senim_bench_cases_<n>, kept and reused; made first if missing), then latency
 * through the real HTTP server: sending a referral from a case, the partner's inbox, and the SLA
 * dashboard (an organisation's view and the whole network's). One client, requests one after
 * another, so each figure is a request's own latency.
 *
 * The referrals are generated once per database (marker `bench_referrals` in instance_meta);
 * --fresh regenerates the cases database and with it the referrals.
 */
import path from 'node:path';
import pg from 'pg';
import { measure, preparePostgres, signIn, type TClient, type TLatency } from './cases';
import { ROOT, startServer } from './server-process';
import { spawn } from 'node:child_process';

const BIN = path.join(ROOT, 'bin', 'senim.mjs');
const SEED = 3;

export type TReferralsBenchOptions = {
  postgresUrl: string;
  cases: number;
  referrals: number;
  requests: number;
  fresh: boolean;
  duplicateKeys: boolean;
};

export type TReferralsFigures = {
  cases: number;
  referrals: number;
  loadSeconds: number;
  reused: boolean;
  inbox: { orgName: string; received: number };
  send: TLatency | null;
  inboxList: TLatency | null;
  /** the routes that were not there when the benchmark ran */
  missing: string[];
  dashboardOrg: TLatency & { max: number };
  dashboardNetwork: TLatency & { max: number };
  networkPartners: number;
};

type TMarker = { referrals: number; seed: number; loadSeconds: number; at: string };

function senimLive(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, SENIM_LOG_LEVEL: 'warn', ...env },
      cwd: ROOT,
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      for (const line of d.toString().split('\n')) if (line.trim()) console.log(`  [referrals] ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`senim ${args.join(' ')} failed (${code})`)),
    );
  });
}

/** Like measure(), also keeping the slowest request. */
async function measureMax(
  requests: number,
  call: (i: number) => Promise<boolean>,
): Promise<TLatency & { max: number }> {
  let max = 0;
  const l = await measure(requests, async (i) => {
    const t0 = performance.now();
    const ok = await call(i);
    if (i >= 20) max = Math.max(max, performance.now() - t0);
    return ok;
  });
  return { ...l, max };
}

export async function runReferralsBench(o: TReferralsBenchOptions): Promise<TReferralsFigures> {
  const prepared = await preparePostgres(o.postgresUrl, o.cases, {
    postgresUrl: o.postgresUrl,
    postgresCases: o.cases,
    embeddedCases: 0,
    requests: o.requests,
    fresh: o.fresh,
    drop: false,
    duplicateKeys: o.duplicateKeys,
  });
  const db = new pg.Client({ connectionString: prepared.env.DATABASE_URL });
  await db.connect();
  try {
    // Referrals: generated once per database.
    const { rows } = await db.query<{ value: TMarker }>(
      `SELECT value FROM instance_meta WHERE key = 'bench_referrals'`,
    );
    let marker = rows[0]?.value ?? null;
    const reused = marker !== null && marker.referrals === o.referrals && marker.seed === SEED;
    if (!reused) {
      if (marker)
        throw new Error(
          `the database holds ${marker.referrals} generated referrals, not ${o.referrals}: run with --fresh`,
        );
      const t0 = performance.now();
      await senimLive(
        ['generate', 'referrals', '--count', String(o.referrals), '--seed', String(SEED)],
        prepared.env,
      );
      marker = {
        referrals: o.referrals,
        seed: SEED,
        loadSeconds: (performance.now() - t0) / 1000,
        at: new Date().toISOString(),
      };
      await db.query(`INSERT INTO instance_meta (key, value) VALUES ('bench_referrals', $1::jsonb)`, [
        JSON.stringify(marker),
      ]);
    }

    // What the requests need, read once: the crisis centre's cases, partners that use Senim, and
    // the demo partner whose officer reads the inbox.
    const { rows: cases } = await db.query<{ id: string }>(
      `SELECT c.id FROM cases c JOIN organisations o ON o.id = c.org_id
        WHERE o.name = 'Кризисный центр «Сенім» — горячая линия 11616' AND c.status <> 'Closed' AND c.status <> 'ClosedReferred'
        ORDER BY c.opened_at DESC LIMIT $1`,
      [o.requests + 20],
    );
    const { rows: partners } = await db.query<{ id: string; services: string[] }>(
      `SELECT p.org_id AS id, p.services FROM partner_profiles p JOIN organisations o ON o.id = p.org_id
        WHERE p.membership = 'approved' AND p.uses_senim AND o.is_active
          AND o.name <> 'Кризисный центр «Сенім» — горячая линия 11616' ORDER BY o.name`,
    );
    const { rows: inboxOrg } = await db.query<{ name: string; received: number }>(
      `SELECT o.name, (SELECT count(*)::int FROM referrals r WHERE r.to_org_id = o.id) AS received
         FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.email = 'officer@police.demo'`,
    );

    const server = await startServer({ ...prepared.env, SENIM_LOGIN_RATE_PER_MINUTE: '100000' }, [
      '--no-build',
    ]);
    try {
      const worker = await signIn(server.url, 'caseworker@crisis.demo');
      const supervisor = await signIn(server.url, 'supervisor@crisis.demo');
      const admin = await signIn(server.url, 'admin@crisis.demo'); // a network administrator (demo: no second factor)
      const officer = await signIn(server.url, 'officer@police.demo');
      const get = (who: TClient, p: string) =>
        fetch(`${server.url}${p}`, { headers: { cookie: who.cookie } });
      const missing: string[] = [];

      const dashboardOrg = await measureMax(Math.min(o.requests, 100), async () => {
        const res = await get(supervisor, '/api/v1/referral-dashboard');
        const body = (await res.json()) as { scope?: string };
        return res.status === 200 && body.scope === 'organisation';
      });
      let networkPartners = 0;
      const dashboardNetwork = await measureMax(Math.min(o.requests, 100), async () => {
        const res = await get(admin, '/api/v1/referral-dashboard');
        const body = (await res.json()) as { scope?: string; partners?: unknown[] };
        networkPartners = body.partners?.length ?? 0;
        return res.status === 200 && body.scope === 'network';
      });

      // Sending: only default (non-personal) fields, so no consent is needed; a new Idempotency-Key each.
      let send: TLatency | null = null;
      const probe = await fetch(`${server.url}/api/v1/cases/${cases[0]!.id}/referrals`, {
        method: 'POST',
        headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': 'application/json' },
        body: '{}',
      });
      await probe.arrayBuffer();
      if (probe.status === 404 && cases.length > 0) missing.push('POST /api/v1/cases/{id}/referrals');
      else {
        const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
        let lastError = '';
        send = await measure(o.requests, async (i) => {
          const partner = partners[i % partners.length]!;
          const res = await fetch(`${server.url}/api/v1/cases/${cases[i % cases.length]!.id}/referrals`, {
            method: 'POST',
            headers: {
              cookie: worker.cookie,
              'x-csrf-token': worker.csrf,
              'content-type': 'application/json',
              'idempotency-key': crypto.randomUUID(),
            },
            body: JSON.stringify({
              toOrgId: partner.id,
              reason: 'AdditionalServicesRequired',
              services: [partner.services[0] ?? 'other'],
              urgency: i % 5 === 0 ? 'urgent' : 'routine',
              deadline,
              sharedFields: ['caseRegion', 'needs'],
              message: 'Просим оказать юридическую консультацию по трудовому спору.',
            }),
          });
          const text = await res.text();
          if (res.status !== 201) lastError = `${res.status} ${text.slice(0, 300)}`;
          return res.status === 201;
        });
        if (send.failures) console.log(`  (send failures: last answer ${lastError})`);
      }

      let inboxList: TLatency | null = null;
      const probe2 = await get(officer, '/api/v1/referrals?box=inbox');
      await probe2.arrayBuffer();
      if (probe2.status === 404) missing.push('GET /api/v1/referrals');
      else {
        inboxList = await measure(o.requests, async (i) => {
          // the first page, every fourth one filtered to what is still waiting
          const res = await get(officer, `/api/v1/referrals?box=inbox${i % 4 === 3 ? '&status=sent' : ''}`);
          const body = (await res.json()) as { items?: unknown[] };
          return res.status === 200 && Array.isArray(body.items);
        });
      }
      return {
        cases: o.cases,
        referrals: o.referrals,
        loadSeconds: marker!.loadSeconds,
        reused,
        inbox: { orgName: inboxOrg[0]?.name ?? '?', received: inboxOrg[0]?.received ?? 0 },
        send,
        inboxList,
        missing,
        dashboardOrg,
        dashboardNetwork,
        networkPartners,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.end();
  }
}

const f1 = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(1));

export function referralsReport(f: TReferralsFigures): string {
  const row = (label: string, l: TLatency & { max?: number }, goal: number, goalOnMax = false) => {
    const met = (goalOnMax ? (l.max ?? l.p95) : l.p95) <= goal && l.failures === 0;
    return (
      `  ${label.padEnd(44)} p50 ${f1(l.p50).padStart(6)} ms  p95 ${f1(l.p95).padStart(6)} ms  p99 ${f1(l.p99).padStart(6)} ms` +
      `${l.max !== undefined ? `  max ${f1(l.max).padStart(6)} ms` : ''}  (${l.n} requests${l.failures ? `, ${l.failures} FAILED` : ''})` +
      `  goal ${met ? 'met' : 'NOT met'} (${goalOnMax ? 'max' : 'p95'} ≤ ${goal} ms)`
    );
  };
  const lines = [
    `PostgreSQL, ${f.cases.toLocaleString('en')} cases, ${f.referrals.toLocaleString('en')} generated referrals — ` +
      `load ${f1(f.loadSeconds)} s${f.reused ? ' (generated by an earlier run and reused)' : ''}`,
    row('GET /api/v1/referral-dashboard (organisation)', f.dashboardOrg, 300, true),
    row(`GET /api/v1/referral-dashboard (network, ${f.networkPartners} orgs)`, f.dashboardNetwork, 300, true),
  ];
  if (f.send) lines.push(row('POST /api/v1/cases/{id}/referrals', f.send, 50));
  if (f.inboxList) lines.push(row('GET /api/v1/referrals?box=inbox', f.inboxList, 50));
  lines.push(
    `  (inbox of "${f.inbox.orgName}", which has received ${f.inbox.received.toLocaleString('en')} referrals)`,
  );
  for (const m of f.missing) lines.push(`  ${m}: not measured — the route is not there yet`);
  return lines.join('\n');
}
