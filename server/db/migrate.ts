import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import type { Db } from './types';

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'server', 'db', 'migrations');
const LOCK_KEY = 727_001; // pg_advisory_lock key for migrations

export type TMigration = { version: number; name: string; sql: string };

export function listMigrations(dir = MIGRATIONS_DIR): TMigration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.slice(5, -4),
      sql: fs.readFileSync(path.join(dir, f), 'utf8'),
    }));
}

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This database was written by a newer version of Senim (schema version ${found}; this version knows up to ${known}). ` +
        'Nothing was changed. Upgrade Senim to open it, or restore a backup made by this version.',
    );
  }
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that several
 * servers starting at once apply each migration exactly once. Forward only: a landed migration is
 * never edited. Refuses a database whose schema is newer than this code.
 */
export async function migrate(db: Db, log: (msg: string) => void = () => {}): Promise<number[]> {
  const migrations = listMigrations();
  const known = migrations.at(-1)?.version ?? 0;
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  await db.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > known) throw new NewerSchemaError(newest, known);
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await db.transaction(async (tx) => {
        // Statements of one file run as one script inside the transaction.
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      });
      log(`applied migration ${m.version} ${m.name}`);
      applied.push(m.version);
    }
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
  return applied;
}

export async function schemaVersion(db: Db): Promise<number> {
  const { rows } = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
