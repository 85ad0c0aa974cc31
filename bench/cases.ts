/**
 * Issue 3 at size: generated cases (`senim generate cases`) in the embedded database and in
 * PostgreSQL, then latency through the real HTTP server with a signed-in operator and case worker:
 * contact logging, a case list page with two filters, name and phone search, opening a case file.
 * One client, requests one after another, so each figure is a request's own latency.
 *
 * The generated databases are kept and reused by later runs (same size and seed): the embedded one
 * in $TMPDIR/senim-bench-cases-<n>, the PostgreSQL one as database senim_bench_cases_<n> with its key
 * in $TMPDIR/senim-bench-cases-<n>.key. --fresh regenerates, --drop removes them after the run.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../server/seed/demo-data';
import { loadNameGroups } from '../server/features/generate/name-lists';
import { femaleShareOf, synthCase, synthPerson, type TSynthPerson } from '../server/features/generate/synth';
import { REGION_CODES } from '../shared/regions';
import { percentile, ROOT, startServer, type TServer } from './server-process';

const BIN = path.join(ROOT, 'bin', 'senim.mjs');
const ORG = 'Кризисный центр «Сенім» — горячая линия 11616';
const SEED = 3;
const YEARS = 5;

export type TCasesBenchOptions = {
  /** PostgreSQL to create the benchmark database on (postgres://…/postgres); none: embedded only */
  postgresUrl?: string;
  postgresCases: number;
  embeddedCases: number;
  /** measured requests of each kind (after 20 unmeasured ones) */
  requests: number;
  fresh: boolean;
  drop: boolean;
  /** generate the duplicate-detection encodings too (the duplicate check of issue 5 needs them) */
  duplicateKeys: boolean;
  /** PostgreSQL only */
  skipEmbedded?: boolean;
  /** measured duplicate checks (default: requests); fewer also warm up with 3 instead of 20 */
  duplicateRequests?: number;
};

export type TLatency = { p50: number; p95: number; p99: number; n: number; failures: number };
export type TCasesFigures = {
  database: 'embedded' | 'PostgreSQL';
  cases: number;
  /** seconds `senim generate cases` took (on the run that generated the data) */
  loadSeconds: number;
  loadRowsPerSecond: number;
  reused: boolean;
  dbSizeMb: number | null;
  contact: TLatency;
  list: TLatency;
  nameSearch: TLatency;
  familySearch: TLatency;
  phoneSearch: TLatency;
  openCase: TLatency;
  /** matches of the one-word searches (min / median / max), capped at 10,000 */
  familyMatches: [number, number, number];
  /** issue 5: POST /api/v1/persons/duplicate-check for a person being entered (only with --duplicate-keys) */
  duplicateCheck: TLatency | null;
  /** candidates the checks found (min / median / max) */
  duplicateCandidates: [number, number, number] | null;
};

type TMarker = { cases: number; seed: number; duplicateKeys: boolean; loadSeconds: number; rows: number; at: string };

/** Runs the CLI, passing its progress lines through; resolves with everything it printed. */
function senimLive(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SENIM_LOG_LEVEL: 'warn', ...env }, cwd: ROOT });
    let out = '';
    const onData = (d: Buffer) => {
      const text = d.toString();
      out += text;
      for (const line of text.split('\n')) if (line.trim()) console.log(`  [${label}] ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`senim ${args.join(' ')} failed (${code})`))));
  });
}

/** Seeds the demo organisations and generates `n` cases into the crisis centre; returns the load figures. */
async function generate(env: NodeJS.ProcessEnv, n: number, o: TCasesBenchOptions, label: string): Promise<TMarker> {
  await senimLive(['seed', '--demo'], env, label);
  const t0 = performance.now();
  const out = await senimLive(
    [
      'generate', 'cases', '--org', ORG, '--count', String(n), '--seed', String(SEED), '--years', String(YEARS),
      ...(o.duplicateKeys ? [] : ['--no-duplicate-keys']),
    ],
    env,
    label,
  );
  const loadSeconds = (performance.now() - t0) / 1000;
  const rows = Number(/— ([\d,]+) rows,/.exec(out)?.[1]?.replace(/,/g, '') ?? 0);
  return { cases: n, seed: SEED, duplicateKeys: o.duplicateKeys, loadSeconds, rows, at: new Date().toISOString() };
}

async function prepareEmbedded(n: number, o: TCasesBenchOptions) {
  const dataDir = path.join(os.tmpdir(), `senim-bench-cases-${n}`);
  const markerFile = path.join(dataDir, 'bench-generated.json');
  const env = { SENIM_DATA_DIR: dataDir };
  let marker: TMarker | null = null;
  if (!o.fresh && fs.existsSync(markerFile)) {
    marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as TMarker;
    if (marker.cases !== n || marker.seed !== SEED || marker.duplicateKeys !== o.duplicateKeys) marker = null;
  }
  const reused = marker !== null;
  if (!marker) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    marker = await generate(env, n, o, `embedded ${n}`);
    fs.writeFileSync(markerFile, JSON.stringify(marker));
  }
  return {
    env,
    marker,
    reused,
    sizeMb: dirSizeMb(dataDir),
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function preparePostgres(url: string, n: number, o: TCasesBenchOptions) {
  const name = `senim_bench_cases_${n}`;
  const keyFile = path.join(os.tmpdir(), `senim-bench-cases-${n}.key`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  try {
    let marker: TMarker | null = null;
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && !o.fresh && fs.existsSync(keyFile)) {
      const c = new pg.Client({ connectionString: dbUrl.toString() });
      await c.connect();
      try {
        const { rows } = await c.query<{ value: TMarker }>(`SELECT value FROM instance_meta WHERE key = 'bench_cases'`);
        const m = rows[0]?.value;
        if (m && m.cases === n && m.seed === SEED && m.duplicateKeys === o.duplicateKeys) marker = m;
      } catch {
        // not migrated or not ours: regenerate
      } finally {
        await c.end();
      }
    }
    const reused = marker !== null;
    if (!marker) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      fs.writeFileSync(keyFile, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
      const env = { DATABASE_URL: dbUrl.toString(), SENIM_KEY: fs.readFileSync(keyFile, 'utf8') };
      marker = await generate(env, n, o, `PostgreSQL ${n}`);
      const c = new pg.Client({ connectionString: dbUrl.toString() });
      await c.connect();
      await c.query(`INSERT INTO instance_meta (key, value) VALUES ('bench_cases', $1::jsonb)`, [JSON.stringify(marker)]);
      await c.end();
    }
    const size = await admin.query<{ mb: number }>('SELECT pg_database_size($1) / 1048576.0 AS mb', [name]);
    return {
      env: { DATABASE_URL: dbUrl.toString(), SENIM_KEY: fs.readFileSync(keyFile, 'utf8'), SENIM_DB_POOL: '10' },
      marker,
      reused,
      sizeMb: Number(size.rows[0]?.mb ?? 0),
      drop: async () => {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
        fs.rmSync(keyFile, { force: true });
      },
    };
  } finally {
    await admin.end();
  }
}

function dirSizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else bytes += fs.statSync(p).size;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return bytes / 1048576;
}

export type TClient = { cookie: string; csrf: string };

export async function signIn(url: string, email: string): Promise<TClient> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const cookie = /senim_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookie!, csrf: body.csrfToken };
}

/** Times `requests` calls (after 20 unmeasured ones); a call returns false when its answer was wrong. */
export async function measure(requests: number, call: (i: number) => Promise<boolean>, warmup = 20): Promise<TLatency> {
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < requests + warmup; i++) {
    const t0 = performance.now();
    const ok = await call(i);
    const ms = performance.now() - t0;
    if (!ok) failures++;
    if (i >= warmup) times.push(ms);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), n: times.length, failures };
}

/** Persons of the generated set, as the seed draws them (the bench never reads the database). */
function samplePersons(n: number, k: number): TSynthPerson[] {
  const groups = loadNameGroups();
  const layout = { count: n, untilMs: Date.now(), years: YEARS };
  const out: TSynthPerson[] = [];
  let x = 12345;
  for (let j = 0; j < k; j++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const i = x % n;
    const c = synthCase(SEED, i, layout, 1);
    const first = synthCase(SEED, c.personIndex, layout, 1);
    out.push(synthPerson(groups, SEED, c.personIndex, { femaleShare: femaleShareOf(first), ageYears: first.ageYears, openedMs: first.openedMs }));
  }
  return out;
}

async function measureServer(server: TServer, n: number, requests: number, duplicateKeys: boolean, duplicateRequests = requests) {
  const operator = await signIn(server.url, 'operator@crisis.demo');
  const worker = await signIn(server.url, 'caseworker@crisis.demo');
  const get = async (who: TClient, p: string) => {
    const res = await fetch(`${server.url}${p}`, { headers: { cookie: who.cookie } });
    return { status: res.status, body: (await res.json()) as { items?: { id: string }[]; total?: number } };
  };
  const people = samplePersons(n, requests + 20);
  const withPhones = people.filter((p) => p.phone);
  const statuses = ['Active', 'Closed', 'FollowUp', 'ClosedReferred'];
  const ids: string[] = [];

  const contact = await measure(requests, async (i) => {
    const phone = i % 3 === 0 ? undefined : (withPhones[i % withPhones.length]!.phone ?? undefined);
    const res = await fetch(`${server.url}/api/v1/contacts`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: i % 4 === 0 ? 'whatsapp' : 'phone',
        language: i % 2 ? 'rus' : 'kaz',
        startedAt: new Date(Date.now() - 300_000).toISOString(),
        durationS: 240 + (i % 300),
        contactType: i % 5 === 0 ? 'trafficking_report' : 'consultation',
        callerRole: 'self',
        topics: i % 2 ? ['wages'] : ['documents', 'labour_rights'],
        callerRegion: REGION_CODES[i % REGION_CODES.length],
        problemRegion: REGION_CODES[(i * 7) % REGION_CODES.length],
        urgency: 'normal',
        notes: 'Работодатель удерживает паспорт, зарплату не платит второй месяц.',
        outcome: 'information_given',
        ...(phone ? { callerPhone: phone } : {}),
      }),
    });
    await res.arrayBuffer();
    return res.status === 201;
  });

  const list = await measure(requests, async (i) => {
    const r = await get(
      worker,
      `/api/v1/cases?status=${statuses[i % statuses.length]}&region=${REGION_CODES[(i * 7) % REGION_CODES.length]}&page=${1 + (i % 3)}`,
    );
    return r.status === 200;
  });

  const nameSearch = await measure(requests, async (i) => {
    const p = people[i]!;
    const r = await get(worker, `/api/v1/cases?q=${encodeURIComponent(`${p.givenName} ${p.familyName}`)}`);
    if (r.body.items?.[0]) ids.push(r.body.items[0].id);
    return r.status === 200 && (r.body.items?.length ?? 0) > 0;
  });

  const matches: number[] = [];
  const familySearch = await measure(requests, async (i) => {
    const p = people[i]!;
    const r = await get(worker, `/api/v1/cases?q=${encodeURIComponent(p.familyName ?? '')}`);
    matches.push(r.body.total ?? 0);
    return r.status === 200 && (r.body.items?.length ?? 0) > 0;
  });
  matches.sort((a, b) => a - b);

  const phoneSearch = await measure(requests, async (i) => {
    const p = withPhones[i % withPhones.length]!;
    const r = await get(worker, `/api/v1/cases?q=${encodeURIComponent(p.phone!)}`);
    return r.status === 200 && (r.body.items?.length ?? 0) > 0;
  });

  const openCase = await measure(requests, async (i) => {
    const res = await fetch(`${server.url}/api/v1/cases/${ids[i % ids.length]}`, { headers: { cookie: worker.cookie } });
    await res.arrayBuffer();
    return res.status === 200;
  });
  const familyMatches: [number, number, number] = [matches[0] ?? 0, matches[matches.length >> 1] ?? 0, matches.at(-1) ?? 0];

  // Issue 5: the duplicate check while a person is being entered. Half the time the person as the
  // seed drew them, half with only what a first call gives (names and birth date, no phone, no
  // document): both should find the generated person among the candidates.
  let duplicateCheck: TLatency | null = null;
  let duplicateCandidates: [number, number, number] | null = null;
  if (duplicateKeys) {
    const found: number[] = [];
    duplicateCheck = await measure(duplicateRequests, async (i) => {
      const p = people[(i * 7 + 3) % people.length]!;
      const person =
        i % 2 === 0
          ? {
              givenName: p.givenName,
              familyName: p.familyName,
              ...(p.middleName ? { middleName: p.middleName } : {}),
              ...(p.birthDate ? { birthDate: p.birthDate } : {}),
              ...(p.phone ? { phone: p.phone } : {}),
              ...(p.documentNumber ? { documentNumber: p.documentNumber } : {}),
            }
          : { givenName: p.givenName, familyName: p.familyName, ...(p.birthDate ? { birthDate: p.birthDate } : {}) };
      const res = await fetch(`${server.url}/api/v1/persons/duplicate-check`, {
        method: 'POST',
        headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ person }),
      });
      const body = (await res.json()) as { candidates?: unknown[] };
      found.push(body.candidates?.length ?? 0);
      return res.status === 200 && (body.candidates?.length ?? 0) > 0;
    }, duplicateRequests < requests ? 3 : 20);
    found.sort((a, b) => a - b);
    duplicateCandidates = [found[0] ?? 0, found[found.length >> 1] ?? 0, found.at(-1) ?? 0];
  }
  return { contact, list, nameSearch, familySearch, phoneSearch, openCase, familyMatches, duplicateCheck, duplicateCandidates };
}

export async function runCasesBench(o: TCasesBenchOptions): Promise<TCasesFigures[]> {
  const figures: TCasesFigures[] = [];
  const targets: Array<['embedded' | 'PostgreSQL', number]> = o.skipEmbedded ? [] : [['embedded', o.embeddedCases]];
  if (o.postgresUrl) targets.push(['PostgreSQL', o.postgresCases]);
  for (const [database, n] of targets) {
    const prepared = database === 'embedded' ? await prepareEmbedded(n, o) : await preparePostgres(o.postgresUrl!, n, o);
    try {
      const server = await startServer({ ...prepared.env, SENIM_LOGIN_RATE_PER_MINUTE: '100000' }, ['--no-build']);
      try {
        const m = await measureServer(server, n, o.requests, prepared.marker.duplicateKeys, o.duplicateRequests);
        figures.push({
          database,
          cases: n,
          loadSeconds: prepared.marker.loadSeconds,
          loadRowsPerSecond: prepared.marker.rows / prepared.marker.loadSeconds,
          reused: prepared.reused,
          dbSizeMb: prepared.sizeMb,
          ...m,
        });
      } finally {
        await server.stop();
      }
    } finally {
      if (o.drop) await prepared.drop();
    }
  }
  return figures;
}

const f1 = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(1));
const goal = (l: TLatency, ms: number) => `${l.p95 <= ms && l.failures === 0 ? 'met' : 'NOT met'} (p95 ≤ ${ms} ms)`;

export function casesReport(figures: TCasesFigures[]): string {
  const lines: string[] = [];
  for (const f of figures) {
    lines.push(
      `${f.database}, ${f.cases.toLocaleString('en')} generated cases — load ${f1(f.loadSeconds)} s ` +
        `(${Math.round(f.loadRowsPerSecond).toLocaleString('en')} rows/s${f.reused ? ', generated by an earlier run and reused' : ''}), ` +
        `database ${f.dbSizeMb === null ? 'n/a' : Math.round(f.dbSizeMb).toLocaleString('en')} MB`,
    );
    const row = (label: string, l: TLatency, g?: number) =>
      `  ${label.padEnd(38)} p50 ${f1(l.p50).padStart(6)} ms  p95 ${f1(l.p95).padStart(6)} ms  p99 ${f1(l.p99).padStart(6)} ms` +
      `  (${l.n} requests${l.failures ? `, ${l.failures} FAILED` : ''})${g ? `  goal ${goal(l, g)}` : ''}`;
    lines.push(row('POST /api/v1/contacts', f.contact, 30));
    lines.push(row('list, status + region, page 1–3', f.list, 50));
    lines.push(row('search: given + family name', f.nameSearch, 50));
    lines.push(row('search: family name only', f.familySearch, 50));
    lines.push(row('search: phone', f.phoneSearch, 50));
    lines.push(row('GET /api/v1/cases/{id}', f.openCase, 30));
    lines.push(`  (family-name searches matched ${f.familyMatches.join(' / ')} cases: min / median / max)`);
    if (f.duplicateCheck) {
      lines.push(row('POST /api/v1/persons/duplicate-check', f.duplicateCheck, 50));
      lines.push(`  (duplicate checks found ${f.duplicateCandidates!.join(' / ')} candidates: min / median / max)`);
    } else {
      lines.push('  duplicate check: not measured (the database has no duplicate keys: run with --duplicate-keys)');
    }
  }
  return lines.join('\n');
}
