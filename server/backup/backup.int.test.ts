import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify';
import { boot } from '../boot';
import { loadConfig } from '../config';
import { newKeyringFile, parseEnvKey, toKeyring } from '../crypto/keyring';
import { listMigrations } from '../db/migrate';
import { createPgliteDb } from '../db/pglite';
import { createPostgresDb } from '../db/postgres';
import type { Db } from '../db/types';
import { seedDemo } from '../seed/seed-demo';
import { tempDir } from '../cli/test-cli';
import { readCatalog, quoteIdent } from './catalog';
import { RestoreRefusedError, restoreBackup } from './restore-backup';
import { writeBackup } from './write-backup';

const keyring = toKeyring(parseEnvKey(inject('testKeyring')), 'env');
const dir = tempDir('backup');
const opened: Db[] = [];

async function emptyPglite(): Promise<Db> {
  const db = await createPgliteDb({ memory: true, loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
  opened.push(db);
  return db;
}

/** Every table's rows as canonical JSON text, in primary-key order, timestamps in UTC. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL TimeZone = 'UTC'`);
    const out: Record<string, string[]> = {};
    for (const t of await readCatalog(tx)) {
      const order = t.primaryKey.map(quoteIdent).join(', ') || '1';
      const { rows } = await tx.query<{ j: string }>(`SELECT to_jsonb(x)::text AS j FROM ${quoteIdent(t.name)} x ORDER BY ${order}`);
      out[t.name] = rows.map((r) => r.j);
    }
    return out;
  });
}

const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
let pgReachable = false;
const pgName = `senim_restore_${process.pid}_${Date.now()}`;
let pgUrl = '';

let source: Db;
let original: Record<string, string[]>;
const file1 = path.join(dir, 'from-pglite.jsonl.gz');

beforeAll(async () => {
  source = await emptyPglite();
  const config = { ...loadConfig({ SENIM_DATA_DIR: '/nonexistent', SENIM_LOG_LEVEL: 'silent' }), demo: false };
  const deps = await boot({ config, db: source, keyring, quiet: true });
  await seedDemo(deps);
  // Values that a naive dump would mangle: a nullable bytea, quotes, newlines, non-Latin text, arrays.
  await source.query(`UPDATE users SET totp_secret_sealed = $1, totp_last_step = 9007199254740 WHERE email = 'admin@ngo.demo'`, [
    deps.sealer.seal('JBSWY3DPEHPK3PXP', 'users.totp_secret'),
  ]);
  await source.query(`UPDATE organisations SET region = $1 WHERE type = 'ngo'`, [`Shymkent "south"\n'Оңтүстік' \\ ұ`]);
  original = await snapshot(source);
  const r = await writeBackup(source, file1);
  expect(r.rows).toBeGreaterThan(14);
  try {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${pgName}`);
    await c.end();
    const u = new URL(adminUrl);
    u.pathname = `/${pgName}`;
    pgUrl = u.toString();
    pgReachable = true;
  } catch {
    pgReachable = false;
  }
}, 60_000);

afterAll(async () => {
  for (const db of opened) await db.close().catch(() => {});
  if (pgReachable) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    await c.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectSameData(restored: Record<string, string[]>, from: Record<string, string[]>) {
  expect(Object.keys(restored).sort()).toEqual(Object.keys(from).sort());
  for (const [table, rows] of Object.entries(from)) {
    if (table === 'audit_log') {
      // the restore appends its own audit row after the restored chain
      expect(restored[table]!.slice(0, rows.length)).toEqual(rows);
      expect(restored[table]!.length).toBe(rows.length + 1);
      expect(restored[table]!.at(-1)).toContain('backup.restored');
    } else {
      expect(restored[table], table).toEqual(rows);
    }
  }
}

describe('backup and restore', () => {
  it('writes a gzip JSON-lines file with the header, table markers and base64 bytea', () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file1)).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0]!) as { format: string; version: number; schemaVersion: number; tables: { name: string; bytea: string[] }[] };
    expect(header).toMatchObject({ format: 'senim-backup', version: 1, schemaVersion: listMigrations().at(-1)!.version });
    const names = header.tables.map((t) => t.name);
    expect(names).not.toContain('schema_migrations');
    expect(names.indexOf('organisations')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));
    expect(header.tables.find((t) => t.name === 'users')!.bytea).toEqual(['full_name_sealed', 'totp_secret_sealed']);
    const user = JSON.parse(lines.find((l) => l.includes('admin@ngo.demo'))!) as { full_name_sealed: string };
    expect(user.full_name_sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ '@end': true });
  });

  it('restores a PGlite backup into PostgreSQL and that one back into PGlite, identically', async ({ skip }) => {
    if (!pgReachable) skip('PostgreSQL is not reachable');
    const target = createPostgresDb(pgUrl, 2);
    opened.push(target);
    const r = await restoreBackup(target, file1, keyring);
    expect(r.triggers).toBe('replica');
    const inPg = await snapshot(target);
    expectSameData(inPg, original);
    expect(await verifyAuditChain(target, keyring.auditKey)).toMatchObject({ ok: true });

    const file2 = path.join(dir, 'from-postgres.jsonl.gz');
    await writeBackup(target, file2);
    const back = await emptyPglite();
    await restoreBackup(back, file2, keyring);
    expectSameData(await snapshot(back), inPg);
    expect(await verifyAuditChain(back, keyring.auditKey)).toMatchObject({ ok: true });

    // a database with data is refused, and stays as it was
    await expect(restoreBackup(target, file1, keyring)).rejects.toThrow(/only goes into an empty database/);
    expect(await snapshot(target)).toEqual(inPg);
  });

  it('restores into PGlite and refuses other keys, damaged files and other schema versions, changing nothing', async () => {
    const ok = await emptyPglite();
    await restoreBackup(ok, file1, keyring);
    expectSameData(await snapshot(ok), original);

    const otherKeys = toKeyring(newKeyringFile(), 'env');
    const a = await emptyPglite();
    await expect(restoreBackup(a, file1, otherKeys)).rejects.toThrow(/other keys/);
    const { rows } = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(rows[0]!.n).toBe(0);

    const text = zlib.gunzipSync(fs.readFileSync(file1)).toString('utf8');
    const truncated = path.join(dir, 'truncated.jsonl.gz');
    fs.writeFileSync(truncated, zlib.gzipSync(text.split('\n').slice(0, -5).join('\n')));
    await expect(restoreBackup(a, truncated, keyring)).rejects.toBeInstanceOf(RestoreRefusedError);
    const newer = path.join(dir, 'newer.jsonl.gz');
    const [head, ...rest] = text.split('\n');
    fs.writeFileSync(newer, zlib.gzipSync([JSON.stringify({ ...JSON.parse(head!), schemaVersion: 999 }), ...rest].join('\n')));
    await expect(restoreBackup(a, newer, keyring)).rejects.toThrow(/schema version 999/);
    const junk = path.join(dir, 'junk.gz');
    fs.writeFileSync(junk, 'not gzip at all');
    await expect(restoreBackup(a, junk, keyring)).rejects.toThrow(/not a Senim backup/);
    const after = await snapshot(a);
    for (const [table, rows2] of Object.entries(after)) expect(rows2.length, table).toBe(table === 'instance_meta' ? rows2.length : 0);
  });
});
