import type { TKeyring } from '../crypto/keyring';
import { Sealer } from '../crypto/seal';
import { migrate, schemaVersion } from '../db/migrate';
import type { Db, Tx } from '../db/types';
import { cliAudit } from '../cli/cli-audit';
import { quoteIdent, readCatalog } from './catalog';
import { ZBackupHeader, ZEndMarker, ZTableMarker, type TBackupHeader } from './format';
import { readGzipLines } from './read-lines';
import { sha256File } from './write-backup';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

/** The restore was refused or the file is unusable; nothing was changed. */
export class RestoreRefusedError extends Error {}

export type TRestoreResult = { tables: number; rows: number; schemaVersion: number; source: string; createdAt: string; triggers: 'replica' | 'disabled' };

function insertSql(table: string, columns: readonly string[], bytea: readonly string[]): string {
  const cols = columns.map(quoteIdent).join(', ');
  // bytea travels as base64; jsonb_populate_record reads bytea from its '\x…' hex text.
  const fixes = bytea.length
    ? ` || jsonb_build_object(${bytea
        .map((c) => {
          const lit = `'${c.replace(/'/g, "''")}'`;
          return `${lit}, '\\x' || encode(decode(e.j->>${lit}, 'base64'), 'hex')`;
        })
        .join(', ')})`
    : '';
  return `INSERT INTO ${quoteIdent(table)} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${columns.map((c) => `r.${quoteIdent(c)}`).join(', ')}
      FROM jsonb_array_elements($1::jsonb) AS e(j),
           LATERAL jsonb_populate_record(NULL::${quoteIdent(table)}, e.j${fixes}) AS r`;
}

async function readHeader(lines: AsyncGenerator<string>): Promise<TBackupHeader> {
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (err) {
    throw new RestoreRefusedError(`This is not a Senim backup (${err instanceof Error ? err.message : String(err)}).`);
  }
  let parsed: unknown;
  try {
    parsed = first.done ? null : JSON.parse(first.value);
  } catch {
    parsed = null;
  }
  const header = ZBackupHeader.safeParse(parsed);
  if (!header.success) throw new RestoreRefusedError('This is not a Senim backup (format senim-backup, version 1).');
  return header.data;
}

function parseMarker<T>(line: IteratorResult<string>, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, what: string): T {
  let value: unknown = null;
  try {
    value = line.done ? null : JSON.parse(line.value);
  } catch {
    value = null;
  }
  const r = schema.safeParse(value);
  if (!r.success) throw new RestoreRefusedError(`The backup file is damaged or truncated (expected ${what}). Nothing was restored.`);
  return r.data;
}

/**
 * Restores a backup into an EMPTY database of the same schema version, in one transaction: a failure
 * or a crash leaves the database as empty as it was. Sealed values and the audit chain are copied
 * as they are, so the instance's keys (senim.key or SENIM_KEY) must be the ones the backup was made with.
 */
export async function restoreBackup(db: Db, file: string, keyring: TKeyring): Promise<TRestoreResult & { sha256: string }> {
  const sha256 = await sha256File(file);
  const lines = readGzipLines(file);
  try {
    const header = await readHeader(lines);
    await migrate(db);
    const version = await schemaVersion(db);
    if (header.schemaVersion !== version) {
      throw new RestoreRefusedError(
        `This backup has schema version ${header.schemaVersion}; this database (and this Senim) is at ${version}. ` +
          (header.schemaVersion > version
            ? 'Restore it with the newer Senim that made it.'
            : `Restore it with a Senim of schema version ${header.schemaVersion}, then upgrade (start applies the migrations).`),
      );
    }
    const catalog = await readCatalog(db);
    const here = new Map(catalog.map((t) => [t.name, t]));
    const mismatch = [
      ...header.tables.filter((t) => {
        const h = here.get(t.name);
        return !h || h.columns.length !== t.columns.length || t.columns.some((c) => !h.columns.includes(c));
      }).map((t) => t.name),
      ...catalog.filter((t) => !header.tables.some((h) => h.name === t.name)).map((t) => t.name),
    ];
    if (mismatch.length) {
      throw new RestoreRefusedError(`The backup's tables do not match this database's (${mismatch.join(', ')}); nothing was restored.`);
    }

    return { ...(await db.transaction((tx) => restoreInto(tx, header, lines, keyring))), sha256 };
  } finally {
    await lines.return(undefined);
  }
}

async function restoreInto(tx: Tx, header: TBackupHeader, lines: AsyncGenerator<string>, keyring: TKeyring): Promise<TRestoreResult> {
  const names = header.tables.map((t) => t.name);
  // Nobody else may write while we check emptiness and fill the tables (several servers on PostgreSQL).
  await tx.query(`LOCK TABLE ${names.map(quoteIdent).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const busy: string[] = [];
  for (const name of names) {
    const where = name === 'instance_meta' ? ` WHERE key <> 'key_check'` : '';
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(name)}${where}`);
    if (rows[0]!.n > 0) busy.push(`${name} (${rows[0]!.n})`);
  }
  if (busy.length) {
    throw new RestoreRefusedError(
      `Restore only goes into an empty database, and this one has data: ${busy.join(', ')}. ` +
        'Use a new SENIM_DATA_DIR (or a new PostgreSQL database); nothing was changed.',
    );
  }

  // Triggers (the audit trail's append-only guard and any later ones) are bypassed for this transaction only.
  let triggers: TRestoreResult['triggers'] = 'replica';
  await tx.query('SAVEPOINT senim_restore_mode');
  try {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query('RELEASE SAVEPOINT senim_restore_mode');
  } catch {
    // Not a superuser: disable the user triggers table by table (transactional, undone on failure).
    await tx.query('ROLLBACK TO SAVEPOINT senim_restore_mode');
    for (const name of names) await tx.query(`ALTER TABLE ${quoteIdent(name)} DISABLE TRIGGER USER`);
    triggers = 'disabled';
  }
  // The empty target's own key canary gives way to the backup's.
  await tx.query(`DELETE FROM instance_meta WHERE key = 'key_check'`);

  let total = 0;
  for (const t of header.tables) {
    const marker = parseMarker(await lines.next(), ZTableMarker, `the rows of ${t.name}`);
    if (marker['@table'] !== t.name || marker.rows !== t.rows) {
      throw new RestoreRefusedError(`The backup file is damaged (table ${t.name} out of place). Nothing was restored.`);
    }
    const sql = insertSql(t.name, t.columns, t.bytea);
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.query(sql, [`[${batch.join(',')}]`]);
      batch = [];
      chars = 0;
    };
    for (let i = 0; i < t.rows; i++) {
      const line = await lines.next();
      if (line.done || !line.value.startsWith('{')) {
        throw new RestoreRefusedError(`The backup file is truncated or damaged (in table ${t.name}). Nothing was restored.`);
      }
      batch.push(line.value);
      chars += line.value.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    total += t.rows;
  }
  const end = parseMarker(await lines.next(), ZEndMarker, 'the end of the backup');
  if (end.rows !== total) throw new RestoreRefusedError('The backup file is damaged (row count). Nothing was restored.');

  await resetSequences(tx);
  if (triggers === 'replica') await tx.query('SET LOCAL session_replication_role = origin');
  else for (const name of names) await tx.query(`ALTER TABLE ${quoteIdent(name)} ENABLE TRIGGER USER`);

  await assertKeyOpens(tx, keyring);
  await cliAudit(tx, { keyring }, [
    {
      action: 'backup.restored',
      outcome: 'success',
      details: { tables: header.tables.length, rows: total, source: header.source, backupCreatedAt: header.createdAt },
    },
  ]);
  return { tables: header.tables.length, rows: total, schemaVersion: header.schemaVersion, source: header.source, createdAt: header.createdAt, triggers };
}

/** Sequences (serial and identity columns) continue after the restored values. */
async function resetSequences(tx: Tx): Promise<void> {
  const { rows } = await tx.query<{ tbl: string; col: string; seq: string }>(
    `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
  );
  for (const r of rows) {
    await tx.query(
      `SELECT setval($1, m) FROM (SELECT max(${quoteIdent(r.col)}) AS m FROM ${quoteIdent(r.tbl)}) x WHERE m IS NOT NULL`,
      [r.seq],
    );
  }
}

async function assertKeyOpens(tx: Tx, keyring: TKeyring): Promise<void> {
  const { rows } = await tx.query<{ value: { sealed?: string } }>(`SELECT value FROM instance_meta WHERE key = 'key_check'`);
  const sealed = rows[0]?.value.sealed;
  if (!sealed) return;
  try {
    new Sealer(keyring).open(Buffer.from(sealed, 'base64'), 'instance_meta.key_check');
  } catch {
    throw new RestoreRefusedError(
      'This backup was sealed with other keys than this instance has. Restore with the keys of the instance that made it ' +
        '(copy its senim.key into SENIM_DATA_DIR, or set SENIM_KEY to its value). Nothing was restored.',
    );
  }
}
