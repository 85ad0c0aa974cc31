/**
 * `senim link export` and `senim link match`: finding the persons two organisations (or two
 * countries) share, from keyed encodings alone. See server/features/linkage/link-files.ts and the
 * privacy model in docs/SECURITY.md.
 */
import { createReadStream, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { mapperFor, parseColumnSpec, type RawPerson, type RowMapper } from '../../features/linkage/columns';
import { readCsv } from '../../features/linkage/csv-reader';
import {
  LINK_THRESHOLD,
  LinkFileError,
  matchLinkLists,
  parseSecret,
  readLinkFile,
  writeLinkFile,
  writeLinkPairs,
} from '../../features/linkage/link-files';
import { PERSON_SEALED } from '../../features/persons/insert-person';
import type { TDeps } from '../../http/context';
import { cliAudit } from '../cli-audit';
import { withInstance } from '../context';
import { CliError } from '../errors';
import { resolveOrg } from '../resolve-org';

type TExportOptions = { out: string; secretFile?: string; org?: string; fromCsv?: string; columns?: string };
type TMatchOptions = { out: string; threshold?: string };

function readSecret(file: string | undefined): string {
  const fromEnv = process.env.SENIM_LINK_SECRET;
  if (!file && !fromEnv) {
    throw new CliError('Give the shared linkage secret: --secret-file <file> (or SENIM_LINK_SECRET).');
  }
  let text: string;
  try {
    text = file ? readFileSync(file, 'utf8') : fromEnv!;
  } catch {
    throw new CliError(`Cannot read the secret file ${file}.`);
  }
  try {
    return parseSecret(text);
  } catch (e) {
    throw new CliError(`${(e as Error).message}.`);
  }
}

/** Persons of one organisation, decrypted one batch at a time, as the engine's raw records. */
async function* personsOf(deps: TDeps, orgId: string): AsyncGenerator<RawPerson> {
  const cols = Object.values(PERSON_SEALED).map(([c]) => c);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await deps.systemDb.query<Record<string, unknown> & { id: string; sex: string | null; citizenship: string | null }>(
      `SELECT id, sex, citizenship, ${cols.join(', ')} FROM persons WHERE org_id = $1 AND id > $2 ORDER BY id LIMIT 2000`,
      [orgId, after],
    );
    if (rows.length === 0) return;
    for (const r of rows) {
      const open = (k: keyof typeof PERSON_SEALED) =>
        deps.sealer.openNullable(r[PERSON_SEALED[k][0]] as Uint8Array | null, PERSON_SEALED[k][1]) ?? '';
      yield {
        id: r.id,
        given_name: open('givenName'),
        family_name: open('familyName'),
        middle_name: open('middleName'),
        birth_date: open('birthDate'),
        sex: r.sex === 'Feminine' ? 'f' : r.sex === 'Masculine' ? 'm' : '',
        citizenship: r.citizenship ?? '',
        document_number: open('documentNumber'),
        phone: open('phone'),
        address: open('address'),
      };
    }
    after = rows[rows.length - 1]!.id;
  }
}

async function* personsOfCsv(path: string, columns: string | undefined): AsyncGenerator<RawPerson> {
  const spec = parseColumnSpec(columns);
  let map: RowMapper | null = null;
  for await (const row of readCsv(createReadStream(path), { strict: false, onProblem: (p) => console.error(`warning: line ${p.line}: ${p.message}`) })) {
    if (!map) {
      map = mapperFor(row.fields, spec);
      continue;
    }
    const raw = map(row.fields);
    if (raw.id !== '') yield raw;
  }
}

export async function runLinkExport(o: TExportOptions): Promise<void> {
  if (!o.org === !o.fromCsv) throw new CliError('Give either --org <organisation> (its persons in Senim) or --from-csv <persons.csv>.');
  const secret = readSecret(o.secretFile);
  if (o.fromCsv) {
    const n = await writeLinkFile(o.out, personsOfCsv(o.fromCsv, o.columns), secret);
    console.log(`${n} persons encoded to ${o.out} (keyed encodings only: no names, dates or numbers in clear).`);
    return;
  }
  await withInstance(async (deps) => {
    const org = await resolveOrg(deps.systemDb, o.org!);
    const n = await writeLinkFile(o.out, personsOf(deps, org.id), secret);
    await deps.systemDb.transaction((tx) =>
      cliAudit(tx, deps, [
        { action: 'linkage.exported', outcome: 'success', targetType: 'organisation', targetId: org.id, details: { persons: n } },
      ]),
    );
    console.log(`${n} persons of ${org.name} encoded to ${o.out} (keyed encodings only: no names, dates or numbers in clear).`);
  });
}

export async function runLinkMatch(ours: string, theirs: string, o: TMatchOptions): Promise<void> {
  const threshold = o.threshold === undefined ? LINK_THRESHOLD : Number(o.threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new CliError('--threshold must be a score between 0 and 1.');
  try {
    const a = await readLinkFile(ours);
    const b = await readLinkFile(theirs);
    const r = matchLinkLists(a, b, threshold);
    await writeLinkPairs(o.out, r.pairs);
    console.log(
      `ours ${r.ours}, theirs ${r.theirs}: ${r.pairs.length} persons in both lists (written to ${o.out}), ` +
        `${r.ours - r.pairs.length} only in ours, ${r.theirs - r.pairs.length} only in theirs; ${r.compared} candidate pairs compared.`,
    );
  } catch (e) {
    if (e instanceof LinkFileError) throw new CliError(`${e.message}.`);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`No such file: ${(e as NodeJS.ErrnoException).path}.`);
    throw e;
  }
}

export function register(program: Command): void {
  const link = program
    .command('link')
    .description('find the persons two organisations share without either seeing the other\'s identities');
  link
    .command('export')
    .description('write the persons of an organisation (or of a CSV file) as keyed encodings only')
    .requiredOption('--out <file>', 'the link file to write (JSON lines; give it to the partner)')
    .option('--org <organisation>', 'the organisation whose persons to encode (id or exact name)')
    .option('--from-csv <persons.csv>', 'encode the persons of a CSV file instead (columns as for `senim dedupe`)')
    .option('--columns <mapping>', 'with --from-csv: map fields to columns, as for `senim dedupe`')
    .option('--secret-file <file>', 'the secret shared under the agreement (at least 16 characters); or SENIM_LINK_SECRET')
    .action(async (o: TExportOptions) => runLinkExport(o));
  link
    .command('match')
    .description('match two link files made with the same secret; writes ours,theirs,score')
    .argument('<ours>', 'our link file')
    .argument('<theirs>', 'the partner\'s link file')
    .requiredOption('--out <pairs.csv>', 'where to write the matched pairs')
    .option('--threshold <score>', `the lowest similarity reported as one person (default ${LINK_THRESHOLD})`)
    .action(async (ours: string, theirs: string, o: TMatchOptions) => runLinkMatch(ours, theirs, o));
}
