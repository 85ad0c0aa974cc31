/**
 * `senim import htcds <file.csv> --org …` and `senim export htcds --org … --out <file.csv>`: HTCDS
 * files in and out of one organisation (docs/HTCDS.md). The import streams the file and writes in
 * batches inside one scoped transaction (row-level security as for a request): the whole file or
 * nothing, or with --skip-invalid the valid rows (the others written aside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { ACTIONS } from '../../../shared/roles';
import type { TActor } from '../../access/actor';
import { ScopedDb, scopePreamble } from '../../access/scoped-db';
import { exportHtcds } from '../../features/htcds-io/export-file';
import {
  HtcdsImportRefused,
  importAuditEntry,
  importHtcds,
  rowsPerSecond,
  type TRejectedRow,
} from '../../features/htcds-io/import-file';
import {
  headerErrorMessage,
  rejectedCsvHeader,
  rejectedCsvLine,
  rowErrorsMessage,
} from '../../features/htcds-io/row-messages';
import { CLI_ACTOR_USER_ID } from '../../features/htcds-io/write-cases';
import { HtcdsHeaderError } from '../../features/htcds/csv';
import type { TDeps } from '../../http/context';
import { cliAudit } from '../cli-audit';
import { withInstance } from '../context';
import { CliError } from '../errors';
import { resolveOrg } from '../resolve-org';

/** The command line speaks English. */
const LOCALE = 'en';
/** Refused rows printed one by one; the rest are counted (all are in the rejected file). */
const PRINTED_ERRORS = 50;

type TImportOptions = { org: string; skipInvalid?: boolean; rejected?: string; batch?: string };
type TExportOptions = { org: string; out: string; bom?: boolean; force?: boolean };

/** The command line acts for an organisation with every permission, as no user. */
function cliActor(orgId: string): TActor {
  return {
    userId: CLI_ACTOR_USER_ID,
    orgId,
    roles: ['admin'],
    isNetworkAdmin: false,
    locale: LOCALE,
    sessionIdHash: new Uint8Array(0),
    actions: new Set(ACTIONS),
  };
}

/** One transaction scoped to the organisation (row-level security), its audit appended before commit. */
function withCliScope<T>(deps: TDeps, actor: TActor, fn: (sdb: ScopedDb) => Promise<T>): Promise<T> {
  return deps.systemDb.transaction(
    async (tx) => {
      const sdb = new ScopedDb(tx, actor);
      const result = await fn(sdb);
      await cliAudit(tx, deps, sdb.drainAudit());
      return result;
    },
    { preamble: scopePreamble(actor) },
  );
}

/** The file's text, checked to be UTF-8 as it streams. */
async function* utf8Text(file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new CliError(
        `${file} is not UTF-8 text (near byte ${offset}). Save it as "CSV UTF-8" and try again.`,
      );
    }
    offset += chunk.byteLength;
    yield text;
  }
  try {
    yield decoder.decode();
  } catch {
    throw new CliError(`${file} is not UTF-8 text (it ends inside a character).`);
  }
}

/** A file written through a temporary name, renamed into place only when complete. */
function fileWriter(target: string, force = false) {
  if (!force && fs.existsSync(target))
    throw new CliError(`${target} exists; choose another name or add --force.`);
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new CliError(`No such folder: ${dir}.`);
  const partial = `${target}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const state: { failure: Error | null } = { failure: null };
  out.on('error', (e) => (state.failure = e));
  const check = () => {
    if (state.failure) throw new CliError(`Cannot write ${target}: ${state.failure.message}.`);
  };
  return {
    async write(chunk: string) {
      check();
      if (!out.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        });
      }
      check();
    },
    async finish() {
      check();
      out.end();
      await once(out, 'close');
      check();
      fs.renameSync(partial, target);
    },
    async discard() {
      out.destroy();
      fs.rmSync(partial, { force: true });
    },
  };
}

const seconds = (s: number) => `${s.toFixed(1)} s`;

export async function runImportHtcds(file: string, o: TImportOptions): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No such file: ${file}.`);
  const mode = o.skipInvalid ? 'skipInvalid' : 'all';
  const rejectedPath = o.rejected ?? (o.skipInvalid ? `${file}.rejected.csv` : undefined);
  if (rejectedPath && path.resolve(rejectedPath) === path.resolve(file)) {
    throw new CliError('--rejected must name another file than the one imported.');
  }
  const batchSize = o.batch === undefined ? 500 : Number(o.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new CliError('--batch must be a whole number from 1 to 5000.');
  await withInstance(async (deps) => {
    const org = await resolveOrg(deps.systemDb, o.org);
    const rejectedOut = rejectedPath ? fileWriter(rejectedPath, true) : null;
    let width = 0;
    let printed = 0;
    const onRejected = async (row: TRejectedRow) => {
      if (printed++ < PRINTED_ERRORS)
        console.error(`line ${row.line}: ${rowErrorsMessage(LOCALE, row.errors)}`);
      await rejectedOut?.write(`${rejectedCsvLine(LOCALE, width, row)}\r\n`);
    };
    try {
      const result = await withCliScope(deps, cliActor(org.id), (sdb) =>
        importHtcds(sdb, deps.sealer, Readable.from(utf8Text(file)), {
          mode,
          batchSize,
          onHeader: async (header) => {
            width = header.header.length;
            if (header.unknownColumns.length > 0) {
              const list = header.unknownColumns.map((c) => `"${c.name}" (column ${c.position})`).join(', ');
              console.error(`warning: not HTCDS fields, ignored: ${list}`);
            }
            await rejectedOut?.write(`${rejectedCsvHeader(header.header)}\r\n`);
          },
          onRejected,
        }),
      );
      if (printed > PRINTED_ERRORS) console.error(`… and ${printed - PRINTED_ERRORS} more refused rows`);
      if (rejectedOut) {
        if (result.rejected > 0) await rejectedOut.finish();
        else await rejectedOut.discard();
      }
      const refused =
        result.rejected > 0 ? `; ${result.rejected} rows refused, written to ${rejectedPath}` : '';
      console.log(
        `Imported ${result.imported} cases into ${org.name} from ${file} in ${seconds(result.seconds)} ` +
          `(${rowsPerSecond(result)} rows/s)${refused}.`,
      );
    } catch (e) {
      if (e instanceof HtcdsImportRefused) {
        if (printed > PRINTED_ERRORS) console.error(`… and ${printed - PRINTED_ERRORS} more refused rows`);
        if (rejectedOut) await rejectedOut.finish();
        await deps.systemDb.transaction((tx) => cliAudit(tx, deps, [importAuditEntry(org.id, e.result)]));
        const r = e.result;
        throw new CliError(
          `${r.rejected} of ${r.rows} rows are not valid, so nothing was imported (the whole file or nothing)` +
            `${rejectedPath ? `; they are written to ${rejectedPath}` : ''}. Correct them, or add --skip-invalid to import the valid rows only.`,
        );
      }
      await rejectedOut?.discard();
      if (e instanceof HtcdsHeaderError) throw new CliError(`${file}: ${headerErrorMessage(LOCALE, e)}.`);
      throw e;
    }
  });
}

export async function runExportHtcds(o: TExportOptions): Promise<void> {
  const out = fileWriter(o.out, o.force);
  try {
    await withInstance(async (deps) => {
      const org = await resolveOrg(deps.systemDb, o.org);
      const started = performance.now();
      const r = await withCliScope(deps, cliActor(org.id), (sdb) =>
        exportHtcds(sdb, deps.sealer, (chunk) => out.write(chunk), {
          bom: o.bom ?? false,
          visibility: { identity: true, sensitive: true },
        }),
      );
      await out.finish();
      const secs = (performance.now() - started) / 1000;
      console.log(`Exported ${r.cases} cases of ${org.name} to ${o.out} in ${seconds(secs)}.`);
    });
  } catch (e) {
    await out.discard();
    throw e;
  }
}

export function register(program: Command): void {
  program
    .command('import')
    .description('bring data into an organisation')
    .command('htcds')
    .description('import an HTCDS CSV file into an organisation: one case per row (docs/HTCDS.md)')
    .argument('<file.csv>', 'HTCDS CSV, UTF-8, with the field names as the header')
    .requiredOption('--org <organisation>', 'the organisation the cases belong to (id or exact name)')
    .option(
      '--skip-invalid',
      'import the valid rows and write the others aside (default: nothing unless every row is valid)',
    )
    .option(
      '--rejected <file>',
      'where to write the refused rows, with a reason column (default with --skip-invalid: <file.csv>.rejected.csv)',
    )
    .option('--batch <rows>', 'rows written per statement batch (default 500)')
    .action(async (file: string, o: TImportOptions) => runImportHtcds(file, o));
  program
    .command('export')
    .description('take data out of an organisation')
    .command('htcds')
    .description('export every case of an organisation as an HTCDS CSV file (docs/HTCDS.md)')
    .requiredOption('--org <organisation>', 'the organisation (id or exact name)')
    .requiredOption('--out <file.csv>', 'the file to write')
    .option('--bom', 'start with a UTF-8 byte order mark (for spreadsheet programs)')
    .option('--force', 'replace the file if it exists')
    .action(async (o: TExportOptions) => runExportHtcds(o));
}
