import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openDb } from '../../boot';
import { RestoreRefusedError, restoreBackup } from '../../backup/restore-backup';
import { writeBackup } from '../../backup/write-backup';
import { verifyAuditChain } from '../../audit/verify';
import { loadKeyring } from '../../crypto/keyring';
import { initCrypto } from '../../crypto/seal';
import { cliAudit } from '../cli-audit';
import { cliConfig, lockFor, withInstance } from '../context';
import { CliError } from '../errors';

export async function runBackup(file: string, o: { force?: boolean }): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target) && !o.force) throw new CliError(`${target} exists; choose another name or add --force to replace it.`);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`The folder ${path.dirname(target)} does not exist.`);
  await withInstance(async (deps) => {
    const r = await writeBackup(deps.systemDb, target);
    await deps.systemDb.transaction((tx) =>
      cliAudit(tx, deps, [
        {
          action: 'backup.created',
          outcome: 'success',
          details: { file: path.basename(r.file), tables: r.tables, rows: r.rows, bytes: r.bytes, sha256: r.sha256, schemaVersion: r.schemaVersion },
        },
      ]),
    );
    console.log(`Backup written: ${r.file}`);
    console.log(`  ${r.tables} tables, ${r.rows} rows, ${(r.bytes / 1024).toFixed(1)} KiB, schema version ${r.schemaVersion}`);
    console.log(`  sha256 ${r.sha256}`);
    console.log(
      '  Sealed values are in it encrypted: restoring needs this instance’s keys ' +
        (deps.keyring.source === 'file' ? `(${deps.keyring.file}); keep a copy of that file apart from the backup.` : '(SENIM_KEY).'),
    );
  });
}

export async function runRestore(file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`No such file: ${source}`);
  const config = cliConfig();
  const lock = lockFor(config);
  try {
    await initCrypto();
    // Never create a key here: the backup can only be opened with the keys it was made with.
    const keyring = loadKeyring({ envKey: config.key, dataDir: config.dataDir, create: false });
    const db = await openDb(config);
    try {
      let r;
      try {
        r = await restoreBackup(db, source, keyring);
      } catch (err) {
        if (err instanceof RestoreRefusedError) throw new CliError(err.message);
        throw err;
      }
      console.log(`Restored ${r.rows} rows into ${r.tables} tables from a ${r.source} backup of ${r.createdAt} (schema version ${r.schemaVersion}).`);
      const chain = await verifyAuditChain(db, keyring.auditKey);
      console.log(
        chain.ok
          ? `  Audit chain verified: ${chain.rows} rows.`
          : `  warning: the audit chain does not verify (broken at seq ${chain.brokenAt}); the keys may differ from the original instance’s.`,
      );
      console.log('  Sealed values were copied as they are: this instance must keep using the keys the backup was made with.');
    } finally {
      await db.close();
    }
  } finally {
    lock?.release();
  }
}

export function register(program: Command): void {
  program
    .command('backup')
    .description('write a consistent backup of the whole database (gzip’d JSON lines), safe while the server runs on PostgreSQL')
    .argument('<file>', 'where to write it, e.g. senim-2026-05-01.jsonl.gz')
    .option('--force', 'replace the file if it exists')
    .addHelpText(
      'after',
      '\nSealed (encrypted) values stay sealed in the backup: keep the keys (data/senim.key or SENIM_KEY) safe and apart.\n' +
        'With the embedded database, stop the server first (one process per data folder).',
    )
    .action(async (file: string, o: { force?: boolean }) => {
      await runBackup(file, o);
    });
  program
    .command('restore')
    .description('restore a backup into an EMPTY database of the same schema version (PGlite or PostgreSQL)')
    .argument('<file>', 'a file written by `senim backup`')
    .addHelpText(
      'after',
      '\nAll or nothing: one transaction. The keys of the instance that made the backup are required\n' +
        '(copy its senim.key into SENIM_DATA_DIR first, or set SENIM_KEY); the restore refuses other keys.',
    )
    .action(async (file: string) => {
      await runRestore(file);
    });
}
