/**
 * `senim dedupe <persons.csv> --out <pairs.csv>`: find the records of one person in a CSV file,
 * without a database. Writes id_a,id_b,score (score = posterior probability that the two records
 * are one person). With --truth, prints precision, recall and F1.
 */
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { parseColumnSpec, ColumnError } from '../../features/linkage/columns';
import { dedupeFile, writePairs } from '../../features/linkage/dedupe-file';
import { readCsv, CsvError } from '../../features/linkage/csv-reader';
import { febrlTruth, pairKey, quality } from '../../features/linkage/evaluate';

interface DedupeCliOptions {
  out: string;
  columns?: string;
  truth?: string;
  strict?: boolean;
  threshold?: string;
  maxBlock?: string;
}

async function readTruthFile(path: string): Promise<Set<string>> {
  const out = new Set<string>();
  let header = true;
  for await (const row of readCsv(createReadStream(path), {})) {
    if (header) {
      header = false;
      if (/^id_?a$/i.test(row.fields[0] ?? '')) continue;
    }
    const [a, b] = row.fields;
    if (a && b) out.add(pairKey(a, b));
  }
  return out;
}

export async function runDedupe(file: string, o: DedupeCliOptions, log: (s: string) => void = console.log): Promise<void> {
  const spec = parseColumnSpec(o.columns);
  const threshold = o.threshold === undefined ? 0.5 : Number(o.threshold);
  if (!(threshold > 0 && threshold < 1)) throw new ColumnError('--threshold must be a probability between 0 and 1 (exclusive)');
  const started = performance.now();
  const { loaded, result, rows } = await dedupeFile(file, spec, {
    strict: o.strict ?? false,
    threshold,
    ...(o.maxBlock ? { maxBlock: Number(o.maxBlock) } : {}),
  });
  for (const p of loaded.problems) console.error(`warning: line ${p.line}: ${p.message}`);
  if (loaded.problemCount > loaded.problems.length) {
    console.error(`warning: ${loaded.problemCount - loaded.problems.length} more malformed lines not shown`);
  }
  await writePairs(o.out, rows);
  const secs = (performance.now() - started) / 1000;
  log(`${loaded.persons.length} persons, ${result.candidates} candidate pairs compared, ${rows.length} pairs written to ${o.out} in ${secs.toFixed(1)} s`);
  if (o.truth) {
    const truth = o.truth === 'febrl' ? febrlTruth(loaded.persons.map((p) => p.id)) : await readTruthFile(o.truth);
    const q = quality(
      rows.map(([a, b]) => [a, b] as [string, string]),
      truth,
    );
    log(
      `precision ${q.precision.toFixed(4)}  recall ${q.recall.toFixed(4)}  F1 ${q.f1.toFixed(4)}  ` +
        `(true pairs ${q.truePairs}, found ${q.foundPairs}, correct ${q.truePositives})`,
    );
  }
}

export function register(program: Command): void {
  program
    .command('dedupe')
    .description('find records of the same person in a CSV file (no database needed)')
    .argument('<persons.csv>', 'CSV file with a header row')
    .requiredOption('--out <pairs.csv>', 'where to write the pairs judged to be one person (id_a,id_b,score)')
    .option(
      '--columns <mapping>',
      'map fields to columns: id=rec_id,family_name=surname,address=street_number+address_1 (join with +)',
    )
    .option('--truth <file|febrl>', 'true pairs (CSV id_a,id_b), or "febrl" for rec-N-org/rec-N-dup-k ids; prints precision, recall, F1')
    .option('--strict', 'stop at the first malformed line instead of skipping it')
    .option('--threshold <p>', 'report pairs whose probability of being one person is at least p (default 0.5)')
    .option('--max-block <n>', 'skip blocks larger than n records (default 1000)')
    .action(async (file: string, o: DedupeCliOptions) => {
      try {
        await runDedupe(file, o);
      } catch (e) {
        if (e instanceof CsvError || e instanceof ColumnError || (e instanceof Error && /ENOENT|empty|line \d+/.test(e.message))) {
          console.error(`error: ${e.message}`);
          process.exitCode = 1;
          return;
        }
        throw e;
      }
    });
}
