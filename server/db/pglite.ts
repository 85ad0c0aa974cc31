import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { REPO_ROOT } from '../paths';
import type { Db, TQueryResult, Tx } from './types';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

export type TPgliteSource = { dataDir: string } | { memory: true; loadDataDir?: Blob };

/** The embedded database: PostgreSQL compiled to WebAssembly, in this process, data in a folder. */
/**
 * An initialised empty cluster made at install time (scripts/pglite-template.mjs): loading it is
 * about three times faster than initdb on a first start. Null when it is not there.
 */
function initdbTemplate(): Blob | null {
  try {
    const pkg = path.join(REPO_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
    const { version } = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string };
    const file = path.join(REPO_ROOT, 'dist', `pglite-template-${version}.tgz`);
    return fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : null;
  } catch {
    return null;
  }
}

export type PgliteDb = Db & { dumpDataDir(): Promise<Blob> };

export async function createPgliteDb(source: TPgliteSource): Promise<PgliteDb> {
  let pg: PGlite;
  if ('dataDir' in source) {
    const isNew = !fs.existsSync(source.dataDir) || fs.readdirSync(source.dataDir).length === 0;
    fs.mkdirSync(source.dataDir, { recursive: true });
    const template = isNew ? initdbTemplate() : null;
    pg = await PGlite.create(source.dataDir, { parsers, ...(template ? { loadDataDir: template } : {}) });
  } else {
    pg = await PGlite.create({ parsers, ...(source.loadDataDir ? { loadDataDir: source.loadDataDir } : {}) });
  }
  const toResult = <T>(r: { rows: unknown[]; affectedRows?: number }): TQueryResult<T> => ({
    rows: r.rows as T[],
    rowCount: r.affectedRows ?? r.rows.length,
  });
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[]) {
      return toResult<T>(await pg.query(sql, params as unknown[] | undefined));
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: { preamble?: string }): Promise<T> {
      // PGlite runs one transaction at a time; others wait for it.
      return pg.transaction(async (t) => {
        if (opts?.preamble) await t.exec(opts.preamble);
        return fn({
          async query<R>(sql: string, params?: readonly unknown[]) {
            return toResult<R>(await t.query(sql, params as unknown[] | undefined));
          },
          async exec(sql: string) {
            await t.exec(sql);
          },
        });
      });
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
    async dumpDataDir() {
      return (await pg.dumpDataDir('none'));
    },
  };
}

