import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Db } from '../db/types';
import { quoteIdent, readCatalog, type TTableInfo } from './catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, type TBackupHeader } from './format';

const FETCH_ROWS = 2000;

export type TBackupResult = { file: string; tables: number; rows: number; bytes: number; sha256: string; schemaVersion: number };

function rowQuery(t: TTableInfo): string {
  // PostgreSQL writes the row's JSON itself, so numbers and timestamps keep their exact text.
  const overrides = t.bytea.length
    ? ` || jsonb_build_object(${t.bytea
        .map((c) => `'${c.replace(/'/g, "''")}', translate(encode(senim_row.${quoteIdent(c)}, 'base64'), E'\\n', '')`)
        .join(', ')})`
    : '';
  const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map((c) => `senim_row.${quoteIdent(c)}`).join(', ')}` : '';
  return `SELECT (to_jsonb(senim_row)${overrides})::text AS line FROM ${quoteIdent(t.name)} senim_row${order}`;
}

/**
 * Writes a consistent logical dump of the database: one read-only REPEATABLE READ transaction, so
 * every table is seen at the same instant while the server keeps running. The file appears under its
 * name only when complete (written to a temporary name, then renamed).
 */
export async function writeBackup(db: Db, file: string): Promise<TBackupResult> {
  const target = path.resolve(file);
  const tmp = `${target}.${process.pid}.partial`;
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  const gz = zlib.createGzip({ level: 6 });
  gz.pipe(out);
  const write = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  try {
    const summary = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const version = await schemaVersionOf(tx);
      const catalog = await readCatalog(tx);
      const tables: TBackupHeader['tables'] = [];
      for (const t of catalog) {
        const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(t.name)}`);
        tables.push({ name: t.name, columns: t.columns, bytea: t.bytea, rows: rows[0]!.n });
      }
      const header: TBackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        schemaVersion: version,
        createdAt: new Date().toISOString(),
        source: db.kind,
        tables,
      };
      await write(JSON.stringify(header));
      let total = 0;
      for (const [i, t] of catalog.entries()) {
        await write(JSON.stringify({ '@table': t.name, rows: tables[i]!.rows }));
        await tx.query(`DECLARE senim_backup NO SCROLL CURSOR FOR ${rowQuery(t)}`);
        let n = 0;
        for (;;) {
          const { rows } = await tx.query<{ line: string }>(`FETCH FORWARD ${FETCH_ROWS} FROM senim_backup`);
          if (rows.length === 0) break;
          for (const r of rows) await write(r.line);
          n += rows.length;
        }
        await tx.query('CLOSE senim_backup');
        if (n !== tables[i]!.rows) throw new Error(`table ${t.name}: counted ${tables[i]!.rows} rows but read ${n}`);
        total += n;
      }
      await write(JSON.stringify({ '@end': true, rows: total }));
      return { tables: catalog.length, rows: total, schemaVersion: version };
    });
    gz.end();
    await finished(out);
    fs.renameSync(tmp, target);
    const bytes = fs.statSync(target).size;
    const sha256 = await sha256File(target);
    return { file: target, bytes, sha256, ...summary };
  } catch (err) {
    gz.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

async function schemaVersionOf(tx: Pick<Db, 'query'>): Promise<number> {
  const { rows } = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
