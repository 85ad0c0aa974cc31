import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, TQueryResult, Tx } from './types';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

export type TPgliteSource = { dataDir: string } | { memory: true; loadDataDir?: Blob };

/** The embedded database: PostgreSQL compiled to WebAssembly, in this process, data in a folder. */
export type PgliteDb = Db & { dumpDataDir(): Promise<Blob> };

export async function createPgliteDb(source: TPgliteSource): Promise<PgliteDb> {
  let pg: PGlite;
  if ('dataDir' in source) {
    fs.mkdirSync(source.dataDir, { recursive: true });
    pg = await PGlite.create(source.dataDir, { parsers });
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

