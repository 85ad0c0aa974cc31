import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { loadKeyring } from '../crypto/keyring';
import { createPgliteDb } from '../db/pglite';
import { cliEnv, exited, runInProcess, startCliServer, tempDir } from './test-cli';

// A kill -9 in the middle of writes leaves no half-written data: every acknowledged write is there,
// every organisation has its audit row and the reverse, and the audit chain verifies.

const dir = tempDir('crash');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@crisis.demo', password: 'Senim-demo-2026!' }),
  });
  expect(res.status).toBe(200);
  const cookie = /senim_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

describe('kill -9 during writes', () => {
  it('restarts on the same folder with nothing half-written', async () => {
    const env = cliEnv(dir);
    expect((await runInProcess(['seed', '--demo'], { SENIM_DATA_DIR: dir })).code).toBe(0);
    const server = await startCliServer(env);
    const { cookie, csrf } = await signIn(server.url);

    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `Crash test ${w}-${i}`;
        try {
          const res = await fetch(`${server.url}/api/v1/organisations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
            body: JSON.stringify({ name, type: 'ngo', region: 'almaty' }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (!stop) throw err;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.allSettled(writers);
    await exited(server.child);
    expect(fs.existsSync(path.join(dir, 'senim.lock'))).toBe(true); // left behind by the killed server

    // The next start takes over the stale lock and recovers the database.
    const verify = await runInProcess(['audit', 'verify'], { SENIM_DATA_DIR: dir });
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain OK/);

    const db = await createPgliteDb({ dataDir: path.join(dir, 'pglite') });
    try {
      const { rows: orgs } = await db.query<{ id: string }>('SELECT id FROM organisations WHERE NOT is_demo');
      const ids = new Set(orgs.map((o) => o.id));
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      const { rows: orphans } = await db.query(
        `SELECT o.id FROM organisations o WHERE NOT o.is_demo
            AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'organisation.created' AND a.target_id = o.id::text)
         UNION ALL
         SELECT a.target_id::uuid FROM audit_log a WHERE a.action = 'organisation.created'
            AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id::text = a.target_id)`,
      );
      expect(orphans).toEqual([]);
      const keyring = loadKeyring({ envKey: undefined, dataDir: dir, create: false });
      expect((await verifyAuditChain(db, keyring.auditKey)).ok).toBe(true);
    } finally {
      await db.close();
    }
  }, 90_000);
});
