/**
 * `senim generate cases --org <id|name> --count <n>`: seeded, reproducible fictional case data for
 * demonstrations and benchmarks (see docs/CLI.md and docs/PERFORMANCE.md). Demo and development
 * databases only: refuses a database with real data unless --force.
 */
import type { Command } from 'commander';
import { generateCases, GenerateRefusedError, type TGenerateProgress } from '../../features/generate/generate-cases';
import { NameListsMissingError } from '../../features/generate/name-lists';
import { generateReferrals } from '../../features/generate/generate-referrals';
import { withInstance } from '../context';
import { CliError } from '../errors';
import { resolveOrg } from '../resolve-org';

export type TGenerateCasesCliOptions = {
  org: string;
  count: string;
  seed?: string;
  contactsPerCase?: string;
  standaloneContacts?: string;
  years?: string;
  until?: string;
  batchSize?: string;
  duplicateKeys?: boolean;
  force?: boolean;
  namesDir?: string;
};

const MAX_COUNT = 10_000_000;

function intOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

export async function runGenerateCases(o: TGenerateCasesCliOptions, log: (s: string) => void = console.log): Promise<void> {
  const count = intOption('count', o.count, 0, 1, MAX_COUNT);
  const seed = intOption('seed', o.seed, 1, 0, 2 ** 32 - 1);
  const perCase = o.contactsPerCase === undefined ? 1 : Number(o.contactsPerCase);
  if (!(perCase >= 0 && perCase <= 20)) throw new CliError('--contacts-per-case must be a number from 0 to 20 (an average).');
  const standalone = intOption('standalone-contacts', o.standaloneContacts, Math.floor(count / 2), 0, 5 * MAX_COUNT);
  const years = intOption('years', o.years, 5, 1, 25);
  const batchSize = intOption('batch-size', o.batchSize, 5000, 10, 50_000);
  let untilMs = Date.now();
  if (o.until !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.until) || Number.isNaN(Date.parse(`${o.until}T18:00:00+05:00`))) {
      throw new CliError('--until must be a day, YYYY-MM-DD.');
    }
    untilMs = Math.min(Date.now(), Date.parse(`${o.until}T18:00:00+05:00`));
  }
  await withInstance(async (deps) => {
    const org = await resolveOrg(deps.systemDb, o.org);
    log(
      `Generating ${count.toLocaleString('en')} cases (seed ${seed}, ${perCase} contact(s) per case, ` +
        `${standalone.toLocaleString('en')} other contacts, ${years} years) into "${org.name}" on ${deps.systemDb.kind === 'postgres' ? 'PostgreSQL' : 'the embedded database'}…`,
    );
    if (o.force) log('warning: --force: writing fictional persons whatever else this database holds.');
    let lastPrint = 0;
    const progress = (p: TGenerateProgress) => {
      const now = performance.now();
      if (now - lastPrint < 2000 && p.casesDone < p.casesTotal) return;
      lastPrint = now;
      const s = p.elapsedMs / 1000;
      log(
        `  ${p.casesDone.toLocaleString('en')} / ${p.casesTotal.toLocaleString('en')} cases ` +
          `(${Math.round((100 * p.casesDone) / p.casesTotal)} %), ${p.rows.toLocaleString('en')} rows, ` +
          `${Math.round(p.casesDone / s).toLocaleString('en')} cases/s, ${Math.round(p.rows / s).toLocaleString('en')} rows/s`,
      );
    };
    try {
      const r = await generateCases({ db: deps.systemDb, keyring: deps.keyring }, {
        orgId: org.id,
        count,
        seed,
        contactsPerCase: perCase,
        standaloneContacts: standalone,
        years,
        untilMs,
        batchSize,
        linkKeys: o.duplicateKeys !== false,
        force: o.force ?? false,
        ...(o.namesDir ? { namesDir: o.namesDir } : {}),
        onProgress: progress,
      });
      const s = r.elapsedMs / 1000;
      log(
        `Done in ${s.toFixed(1)} s: ${r.cases.toLocaleString('en')} cases, ${r.persons.toLocaleString('en')} persons ` +
          `(${r.nameTokens.toLocaleString('en')} name indexes, ${r.linkKeys.toLocaleString('en')} duplicate keys), ` +
          `${r.contacts.toLocaleString('en')} contacts, ${r.caseEvents.toLocaleString('en')} timeline entries, ` +
          `${r.traffickingEvents.toLocaleString('en')} trafficking events — ${r.rows.toLocaleString('en')} rows, ` +
          `${Math.round(r.rows / s).toLocaleString('en')} rows/s.`,
      );
    } catch (err) {
      if (err instanceof GenerateRefusedError || err instanceof NameListsMissingError) throw new CliError(err.message);
      throw err;
    }
  });
}

export type TGenerateReferralsCliOptions = {
  count: string;
  seed?: string;
  partners?: string;
  until?: string;
  batchSize?: string;
  force?: boolean;
};

export async function runGenerateReferrals(o: TGenerateReferralsCliOptions, log: (s: string) => void = console.log): Promise<void> {
  const count = intOption('count', o.count, 0, 1, MAX_COUNT);
  const seed = intOption('seed', o.seed, 1, 0, 2 ** 32 - 1);
  const partners = intOption('partners', o.partners, 30, 1, 500);
  const batchSize = intOption('batch-size', o.batchSize, 10_000, 10, 50_000);
  let untilMs = Date.now();
  if (o.until !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.until) || Number.isNaN(Date.parse(`${o.until}T18:00:00+05:00`))) {
      throw new CliError('--until must be a day, YYYY-MM-DD.');
    }
    untilMs = Math.min(Date.now(), Date.parse(`${o.until}T18:00:00+05:00`));
  }
  await withInstance(async (deps) => {
    log(
      `Generating ${count.toLocaleString('en')} referrals (seed ${seed}, at least ${partners} partners) on ` +
        `${deps.systemDb.kind === 'postgres' ? 'PostgreSQL' : 'the embedded database'}…`,
    );
    if (o.force) log('warning: --force: writing fictional referrals whatever else this database holds.');
    let lastPrint = 0;
    try {
      const r = await generateReferrals({ db: deps.systemDb, keyring: deps.keyring }, {
        count,
        seed,
        partners,
        untilMs,
        batchSize,
        force: o.force ?? false,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastPrint < 2000 && p.done < p.total) return;
          lastPrint = now;
          const s = p.elapsedMs / 1000;
          log(`  ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} referrals, ${p.rows.toLocaleString('en')} rows, ${Math.round(p.done / s).toLocaleString('en')} referrals/s`);
        },
      });
      const s = r.elapsedMs / 1000;
      const statuses = Object.entries(r.byStatus)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ');
      log(
        `Done in ${s.toFixed(1)} s: ${r.referrals.toLocaleString('en')} referrals (${statuses}; ${r.overdue.toLocaleString('en')} overdue), ` +
          `${r.events.toLocaleString('en')} steps, ${r.partnersCreated} partner organisations and ${r.profilesCreated} directory entries created — ` +
          `${r.rows.toLocaleString('en')} rows, ${Math.round(r.rows / s).toLocaleString('en')} rows/s.`,
      );
    } catch (err) {
      if (err instanceof GenerateRefusedError) throw new CliError(err.message);
      throw err;
    }
  });
}

export function register(program: Command): void {
  const generate = program.command('generate').description('generate fictional data for demonstrations and benchmarks');
  generate
    .command('cases')
    .description('seeded, reproducible fictional persons, cases, contacts and trafficking events in one organisation')
    .requiredOption('--org <id|name>', 'the organisation (a demo organisation unless --force)')
    .requiredOption('--count <n>', 'how many cases (1,000,000 takes a few minutes on PostgreSQL)')
    .option('--seed <s>', 'the random seed: the same seed gives the same persons (default 1)')
    .option('--contacts-per-case <k>', 'average hotline contacts per case, the first of which opened it (default 1; 0: none)')
    .option('--standalone-contacts <n>', 'contacts that opened no case (default: half the number of cases)')
    .option('--years <n>', 'spread the cases over this many years up to today (default 5)')
    .option('--until <YYYY-MM-DD>', 'the last day of the period (default today): fixes the dates too')
    .option('--batch-size <n>', 'cases written per transaction (default 5000)')
    .option('--no-duplicate-keys', 'skip the duplicate-detection encodings (faster; `senim duplicates reindex` adds them later)')
    .option('--names-dir <folder>', 'where the name lists are (default: the lists in server/features/generate/names)')
    .option('--force', 'write even into a non-demo organisation or a database with real data (throw-away copies only)')
    .addHelpText(
      'after',
      '\nRefuses (exit 1, nothing written) unless the organisation is a demo organisation and the database holds no\n' +
        'organisation or user that is not demo data (as after `senim seed --demo`). Every person is fictional.',
    )
    .action(async (o: TGenerateCasesCliOptions) => {
      await runGenerateCases(o);
    });
  generate
    .command('referrals')
    .description('seeded, reproducible fictional referrals from the generated cases to the partners of the network (partners are added if missing)')
    .requiredOption('--count <n>', 'how many referrals (200,000 take a few minutes on PostgreSQL)')
    .option('--seed <s>', 'the random seed: the same seed on the same generated cases gives the same referrals (default 1)')
    .option('--partners <n>', 'fictional partner organisations are added until the network has this many (default 30)')
    .option('--until <YYYY-MM-DD>', 'the last day of the period (default today): fixes the statuses too')
    .option('--batch-size <n>', 'referrals written per transaction (default 10000)')
    .option('--force', 'write even into a database with real data (throw-away copies only)')
    .addHelpText(
      'after',
      '\nRun after `senim generate cases`: referrals are sent from the organisations that have cases. Refuses (exit 1,\n' +
        'nothing written) unless those are demo organisations in a database without real data.',
    )
    .action(async (o: TGenerateReferralsCliOptions) => {
      await runGenerateReferrals(o);
    });
}
