import { quoteIdent } from '../backup/catalog';
import { KEY_CHECK, SEALED_COLUMNS, type TSealedColumn } from '../crypto/sealed-columns';
import type { Sealer } from '../crypto/seal';
import type { Db } from '../db/types';

// Re-sealing under the current key, batch by batch (each batch its own short transaction, so the
// server can keep working on PostgreSQL and an interruption loses nothing: run it again to finish).

const KEY_ID_SQL = (col: string) => `encode(substring(${col} from 3 for get_byte(${col}, 1)), 'escape')`;

export type TKeyUsage = Map<string, number>;

export class ResealError extends Error {}

/** How many sealed values each key id seals, over every registered column and the key canary. */
export async function keyUsage(db: Db, columns: readonly TSealedColumn[] = SEALED_COLUMNS): Promise<TKeyUsage> {
  const usage: TKeyUsage = new Map();
  const add = (id: string, n: number) => usage.set(id, (usage.get(id) ?? 0) + n);
  for (const c of columns) {
    const col = quoteIdent(c.column);
    const { rows } = await db.query<{ kid: string; n: number }>(
      `SELECT ${KEY_ID_SQL(col)} AS kid, count(*)::int AS n FROM ${quoteIdent(c.table)} WHERE ${col} IS NOT NULL GROUP BY 1`,
    );
    for (const r of rows) add(r.kid, r.n);
  }
  const { rows } = await db.query<{ value: { sealed?: string } }>('SELECT value FROM instance_meta WHERE key = $1', [KEY_CHECK.key]);
  const sealed = rows[0]?.value.sealed;
  if (sealed) {
    const buf = Buffer.from(sealed, 'base64');
    add(buf.subarray(2, 2 + buf[1]!).toString('ascii'), 1);
  }
  return usage;
}

export type TResealReport = { total: number; byColumn: Record<string, number> };

export async function resealAll(
  db: Db,
  sealer: Sealer,
  opts: { batch?: number; columns?: readonly TSealedColumn[]; onProgress?: (column: string, n: number) => void } = {},
): Promise<TResealReport> {
  const batch = opts.batch ?? 500;
  const current = sealer.currentKeyId;
  const byColumn: Record<string, number> = {};
  for (const c of opts.columns ?? SEALED_COLUMNS) {
    const name = `${c.table}.${c.column}`;
    const col = quoteIdent(c.column);
    const key = quoteIdent(c.key);
    let done = 0;
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ k: unknown; v: Uint8Array }>(
          `SELECT ${key} AS k, ${col} AS v FROM ${quoteIdent(c.table)}
            WHERE ${col} IS NOT NULL AND ${KEY_ID_SQL(col)} <> $1
            ORDER BY ${key} LIMIT $2 FOR UPDATE`,
          [current, batch],
        );
        for (const r of rows) {
          let plain: string;
          try {
            plain = sealer.open(r.v, c.context);
          } catch (err) {
            throw new ResealError(`${name} of row ${String(r.k)} does not open (${err instanceof Error ? err.message : String(err)}); nothing of this batch was changed.`);
          }
          await tx.query(`UPDATE ${quoteIdent(c.table)} SET ${col} = $2 WHERE ${key} = $1`, [r.k, sealer.seal(plain, c.context)]);
        }
        return rows.length;
      });
      if (n === 0) break;
      done += n;
      opts.onProgress?.(name, done);
    }
    byColumn[name] = done;
  }

  // The canary last: until it is re-sealed, every key in use stays visibly needed.
  const canary = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ value: { sealed?: string } }>('SELECT value FROM instance_meta WHERE key = $1 FOR UPDATE', [KEY_CHECK.key]);
    const sealed = rows[0]?.value.sealed;
    if (!sealed) return 0;
    const buf = Buffer.from(sealed, 'base64');
    if (sealer.keyIdOf(buf) === current) return 0;
    const again = Buffer.from(sealer.seal(sealer.open(buf, KEY_CHECK.context), KEY_CHECK.context)).toString('base64');
    await tx.query('UPDATE instance_meta SET value = $2 WHERE key = $1', [KEY_CHECK.key, JSON.stringify({ sealed: again })]);
    return 1;
  });
  byColumn['instance_meta.key_check'] = canary;
  return { total: Object.values(byColumn).reduce((a, b) => a + b, 0), byColumn };
}
