import pg from 'pg';
import type { Db, TQueryResult, Tx } from './types';

// int8 and numeric counts come back as numbers (ids are uuids, counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function createPostgresDb(url: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'senim' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const toResult = <T>(r: pg.QueryResult): TQueryResult<T> => ({
    rows: r.rows as T[],
    rowCount: r.rowCount ?? 0,
  });
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: readonly unknown[]) {
      return toResult<T>(await pool.query(sql, params as unknown[] | undefined));
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: { preamble?: string }): Promise<T> {
      const client = await pool.connect();
      const tx: Tx = {
        async query<R>(sql: string, params?: readonly unknown[]) {
          return toResult<R>(await client.query(sql, params as unknown[] | undefined));
        },
        async exec(sql: string) {
          await client.query(sql);
        },
      };
      let broken = false;
      try {
        await client.query(opts?.preamble ? `BEGIN; ${opts.preamble}` : 'BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
