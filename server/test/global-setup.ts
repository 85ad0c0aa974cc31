import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { newKeyringFile } from '../crypto/keyring';
import { migrate } from '../db/migrate';
import { createPgliteDb } from '../db/pglite';
import { createPostgresDb } from '../db/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    testKeyring: string;
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

/**
 * Once per run: a test keyring; a migrated PGlite data folder that every test file loads (initdb
 * once, not per file); and when TEST_DATABASE_URL is set, a fresh migrated PostgreSQL database that
 * every file shares (tests build their own organisations, so they never collide).
 */
export default async function setup(project: TestProject) {
  project.provide('testKeyring', JSON.stringify(newKeyringFile()));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senim-test-'));
  const template = path.join(dir, 'template.tar');
  const db = await createPgliteDb({ memory: true });
  await migrate(db);
  fs.writeFileSync(template, Buffer.from(await (await db.dumpDataDir()).arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', template);

  let dropDb: (() => Promise<void>) | undefined;
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `senim_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const pdb = createPostgresDb(url.toString(), 2);
    await migrate(pdb);
    await pdb.close();
    project.provide('postgresUrl', url.toString());
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    project.provide('postgresUrl', '');
  }
  return async () => {
    await dropDb?.();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
