import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { boot } from '../../boot';
import { addSealKey, keyringToFile, loadKeyring, writeKeyringFile, type TKeyring } from '../../crypto/keyring';
import { initCrypto, Sealer } from '../../crypto/seal';
import type { TDeps } from '../../http/context';
import { cliAudit } from '../cli-audit';
import { cliConfig, lockFor } from '../context';
import { CliError } from '../errors';
import { keyUsage, ResealError, resealAll } from '../reseal';
import { attachmentFileKeyUsage, resealAttachmentFiles } from '../../features/attachments/storage';

type TRotateOptions = { out?: string; retireOld?: boolean; batch: string };

/** Saves the new keyring where it lives (the key file), and to --out for the operator (keys from SENIM_KEY). */
function saveKeyring(next: TKeyring, out: string | undefined): string {
  const written: string[] = [];
  if (next.source === 'file') {
    writeKeyringFile(next.file!, keyringToFile(next));
    written.push(next.file!);
  }
  if (out) {
    writeKeyringFile(path.resolve(out), keyringToFile(next));
    written.push(path.resolve(out));
  }
  return written.join(' and ');
}

async function withKeys<T>(fn: (deps: TDeps) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const lock = lockFor(config);
  try {
    await initCrypto();
    const keyring = loadKeyring({ envKey: config.key, dataDir: config.dataDir, create: false });
    const deps = await boot({ config, keyring, quiet: true }); // checks that these keys open this database
    try {
      return await fn(deps);
    } finally {
      await deps.systemDb.close();
    }
  } finally {
    lock?.release();
  }
}

export async function runKeysRotate(o: TRotateOptions): Promise<void> {
  const batch = Number(o.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new CliError('--batch must be a whole number from 1 to 10000.');
  const config = cliConfig();
  if (config.key && !o.out) {
    throw new CliError('The keys come from SENIM_KEY, which this command cannot change: add --out <file> to receive the new keyring (JSON), then set SENIM_KEY to it.');
  }
  if (o.out && fs.existsSync(o.out)) throw new CliError(`${path.resolve(o.out)} exists; choose a new file for the keyring.`);

  await withKeys(async (deps) => {
    const progress = (column: string, n: number) => console.log(`  re-sealed ${n} value(s) of ${column}…`);
    try {
      if (!o.retireOld) {
        const next = addSealKey(deps.keyring);
        // The new keyring is saved before anything is re-sealed with it, and keeps the old keys.
        const savedTo = saveKeyring(next, o.out);
        console.log(`New sealing key ${next.sealCurrent} added (saved to ${savedTo}); re-sealing every sealed value…`);
        const report = await resealAll(deps.systemDb, new Sealer(next), { batch, onProgress: progress });
        // Attachment files in SENIM_ATTACHMENTS_DIR are sealed too, outside the database.
        if (deps.config.attachmentsDir) {
          const files = await resealAttachmentFiles(deps.systemDb, new Sealer(next), deps.config.attachmentsDir);
          report.byColumn['attachments (files)'] = files;
          report.total += files;
        }
        await deps.systemDb.transaction((tx) =>
          cliAudit(tx, deps, [
            { action: 'keys.rotated', outcome: 'success', details: { step: 'rotate', newKeyId: next.sealCurrent, resealed: report.byColumn } },
          ]),
        );
        console.log(`Done: ${report.total} value(s) re-sealed under ${next.sealCurrent}. The old key(s) are still in the keyring.`);
        if (o.out || deps.keyring.source === 'env') {
          console.log(`Set SENIM_KEY to the content of ${savedTo} and restart every server now: the old SENIM_KEY cannot open the re-sealed values.`);
        }
        console.log('When every server runs with the new keys, remove the old ones: `senim keys rotate --retire-old`.');
        return;
      }

      const sealer = new Sealer(deps.keyring);
      const report = await resealAll(deps.systemDb, sealer, { batch, onProgress: progress });
      if (deps.config.attachmentsDir) report.total += await resealAttachmentFiles(deps.systemDb, sealer, deps.config.attachmentsDir);
      if (report.total) console.log(`${report.total} value(s) still under an old key were re-sealed under ${sealer.currentKeyId}.`);
      const usage = await keyUsage(deps.systemDb);
      if (deps.config.attachmentsDir) {
        for (const [id, n] of await attachmentFileKeyUsage(deps.systemDb, sealer, deps.config.attachmentsDir)) usage.set(id, (usage.get(id) ?? 0) + n);
      }
      const retired = [...deps.keyring.sealKeys.keys()].filter((id) => id !== deps.keyring.sealCurrent && !usage.has(id));
      if (retired.length === 0) {
        console.log(`No key to retire: the keyring holds only ${[...deps.keyring.sealKeys.keys()].join(', ')} (current ${deps.keyring.sealCurrent}).`);
        return;
      }
      const sealKeys = new Map([...deps.keyring.sealKeys].filter(([id]) => !retired.includes(id)));
      const savedTo = saveKeyring({ ...deps.keyring, sealKeys }, o.out);
      await deps.systemDb.transaction((tx) =>
        cliAudit(tx, deps, [{ action: 'keys.rotated', outcome: 'success', details: { step: 'retireOld', retired, current: deps.keyring.sealCurrent } }]),
      );
      console.log(`Retired key(s) ${retired.join(', ')}; the keyring (${savedTo}) now holds ${[...sealKeys.keys()].join(', ')}.`);
      if (o.out || deps.keyring.source === 'env') console.log(`Set SENIM_KEY to the content of ${savedTo}.`);
      console.log('Backups made before the rotation need the old keyring: keep a copy of it with them.');
    } catch (err) {
      if (err instanceof ResealError) throw new CliError(`${err.message} Run the command again after fixing it; what was re-sealed stays re-sealed.`);
      throw err;
    }
  });
}

export async function runKeysStatus(): Promise<void> {
  await withKeys(async (deps) => {
    const usage = await keyUsage(deps.systemDb);
    console.log(`Keys from ${deps.keyring.source === 'env' ? 'SENIM_KEY' : deps.keyring.file}; current sealing key: ${deps.keyring.sealCurrent}`);
    for (const id of deps.keyring.sealKeys.keys()) console.log(`  ${id}: ${usage.get(id) ?? 0} sealed value(s)`);
    const unknown = [...usage.keys()].filter((id) => !deps.keyring.sealKeys.has(id));
    if (unknown.length) console.log(`  warning: values sealed under keys not in the keyring: ${unknown.join(', ')}`);
  });
}

export function register(program: Command): void {
  const keys = program.command('keys').description('the keys that seal identity data at rest');
  keys
    .command('rotate')
    .description('add a new sealing key and re-seal every sealed value with it (in batches, each its own transaction)')
    .option('--out <file>', 'write the new keyring (JSON) to this file; required when the keys come from SENIM_KEY')
    .option('--retire-old', 'after a rotation: finish any re-sealing, then remove the keys no value uses any more')
    .option('--batch <n>', 'values per transaction', '500')
    .addHelpText(
      'after',
      `
The old key stays in the keyring until \`--retire-old\`; an interrupted rotation is finished by
running \`--retire-old\` (or rotate again). With PostgreSQL and several servers, stop them (or restart
them with the new keyring right after): a server holding the old keyring cannot open re-sealed values.`,
    )
    .action(async (o: TRotateOptions) => {
      await runKeysRotate(o);
    });
  keys
    .command('status')
    .description('list the sealing keys and how many values each one seals')
    .action(async () => {
      await runKeysStatus();
    });
}
