import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from '../db/pglite';
import { cliEnv, exited, runCli, runInProcess, tempDir } from './test-cli';

// Faults an operator meets: a second process on the same folder, a stale lock, the wrong key, a
// tampered audit trail, a data folder written by a newer version. Each is a clear one-line refusal.

const dir = tempDir('cli-faults');
const env = { SENIM_DATA_DIR: dir };
const run = runInProcess;
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at /);
beforeAll(async () => {
  // The first booting command creates the data folder, its key and the key canary.
  const m = await run(['org', 'list'], env);
  expect(m.stdout).toMatch(/No organisations yet/);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof createPgliteDb>>) => Promise<T>): Promise<T> {
  const db = await createPgliteDb({ dataDir: path.join(dir, 'pglite') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('senim refuses clearly', { timeout: 60_000 }, () => {
  it('the real binary: --help, and an expected error is one line with exit 1', async () => {
    const [help, bad] = await Promise.all([
      runCli(['--help'], cliEnv(dir)),
      runCli(['org', 'add', '--name', 'X Y', '--type', 'church'], cliEnv(dir)),
    ]);
    expect(help.code).toBe(0);
    for (const c of ['start', 'migrate', 'seed', 'user', 'org', 'backup', 'restore', 'audit', 'keys']) {
      expect(help.stdout).toMatch(new RegExp(`\\n  ${c}\\b`));
    }
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: --type must be one of: crisis_centre, ngo, police, prosecutor, trade_union, state_body, international_organisation, embassy.\n');
  });

  it('a folder locked by a live process, and takes over the lock of a dead one', async () => {
    const lock = path.join(dir, 'senim.lock');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    fs.writeFileSync(lock, `${sleeper.pid}\n`);
    const busy = await run(['start', '--no-build'], { ...env, PORT: '0' });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(new RegExp(`in use by another Senim process \\(PID ${sleeper.pid}\\)`));
    sleeper.kill('SIGKILL');
    await exited(sleeper);
    const ok = await run(['migrate'], env);
    expect(ok.stdout).toMatch(/up to date/);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('the wrong key', async () => {
    const r = await run(['audit', 'verify'], { ...env, SENIM_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: The key \(SENIM_KEY or data\/senim.key\) does not open this database/);
    noStack(r.stderr);
  });

  it('a tampered audit trail (exit 2)', async () => {
    expect((await run(['org', 'add', '--name', 'Фонд А', '--type', 'ngo'], env)).code).toBe(0);
    expect((await run(['org', 'add', '--name', 'Фонд Б', '--type', 'ngo'], env)).code).toBe(0);
    expect((await run(['audit', 'verify'], env)).stdout).toMatch(/OK: 2 row/);
    await withDb((db) =>
      db.transaction(async (tx) => {
        await tx.query('SET LOCAL session_replication_role = replica');
        await tx.query(`UPDATE audit_log SET details = '{"type":"police"}' WHERE seq = 1`);
      }),
    );
    const r = await run(['audit', 'verify'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Audit chain BROKEN at seq 1/);
  });

  it('a data folder written by a newer version: start and migrate refuse, changing nothing', async () => {
    await withDb((db) => db.query(`INSERT INTO schema_migrations (version, name) VALUES (9999, 'from_the_future')`));
    const start = await run(['start', '--no-build'], { ...env, PORT: '0' });
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/^error: This database was written by a newer version of Senim \(schema version 9999/);
    noStack(start.stderr);
    const migrate = await run(['migrate'], env);
    expect(migrate).toMatchObject({ code: 1, stderr: expect.stringMatching(/newer version/) });
    const versions = await withDb((db) => db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
    expect(versions.rows.at(-1)!.version).toBe(9999);
    expect(fs.existsSync(path.join(dir, 'senim.lock'))).toBe(false);
  });
});
