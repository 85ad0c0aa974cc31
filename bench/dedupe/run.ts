/**
 * The dedupe benchmark: FEBRL dataset1/2 F1, the generated Central Asian set per variant kind,
 * and the time and peak memory to deduplicate 1,000,000 generated persons.
 *
 *   npx tsx bench/dedupe/run.ts [--skip-large] [--n 20000] [--large 1000000] [--seed 7]
 *
 * `runDedupeBench(opts)` returns the same figures as an object, for `npm run bench`.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { loadPersons, parseColumnSpec, dedupePrepared, febrlTruth, pairKey, quality, type Quality } from '../../server/features/linkage/index';
import { writeDataset } from './generate';
import { VARIANT_KINDS } from './variants';

export interface DedupeBenchOptions {
  seed?: number;
  /** Records in the generated quality set (default 20,000). */
  n?: number;
  /** Records in the timed run (default 1,000,000; 0 or skipLarge to skip). */
  largeN?: number;
  skipLarge?: boolean;
  log?: (line: string) => void;
}

export interface KindFigures {
  truePairs: number;
  recall: number;
  /** Precision of found pairs that involve a record of this kind. */
  precision: number;
}

export interface DedupeBenchResult {
  febrl: { dataset1: Quality; dataset2: Quality };
  generated: { records: number; seed: number; overall: Quality; perKind: Record<string, KindFigures> };
  large?: { persons: number; seconds: number; maxRssMb: number; pairs: number; candidates: number };
}

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const FEBRL_DIR = resolve(repo, '..', 'shared', 'data', 'linkage', 'febrl');
/** FEBRL columns mapped to the person fields (address joined from its parts). */
export const FEBRL_COLUMNS =
  'id=rec_id,family_name=surname,birth_date=date_of_birth,document_number=soc_sec_id,postcode=postcode,' +
  'address=street_number+address_1+address_2+suburb+state';

async function febrl(name: string): Promise<Quality> {
  const path = join(FEBRL_DIR, `${name}.csv`);
  if (!existsSync(path)) throw new Error(`${path} is missing (FEBRL sets are read from ../shared/data/linkage/febrl)`);
  const { persons } = await loadPersons(path, parseColumnSpec(FEBRL_COLUMNS));
  const res = dedupePrepared(persons);
  const found = res.pairs.map((p) => [persons[p.a]?.id ?? '', persons[p.b]?.id ?? ''] as [string, string]);
  return quality(found, febrlTruth(persons.map((p) => p.id)));
}

async function generated(dir: string, n: number, seed: number) {
  const file = join(dir, 'generated.csv');
  const ds = await writeDataset({ n, seed, out: file });
  const { persons } = await loadPersons(file, {});
  const res = dedupePrepared(persons);
  const personOf = ds.personOf ?? new Map<string, number>();
  const members = new Map<number, string[]>();
  for (const [id, p] of personOf) {
    const m = members.get(p);
    if (m) m.push(id);
    else members.set(p, [id]);
  }
  const truth = new Set<string>();
  const truthKind = new Map<string, string>();
  for (const m of members.values()) {
    for (let i = 0; i < m.length; i++) {
      for (let j = i + 1; j < m.length; j++) {
        const a = m[i] as string;
        const b = m[j] as string;
        const k = pairKey(a, b);
        truth.add(k);
        const ka = ds.kinds.get(a);
        const kb = ds.kinds.get(b);
        truthKind.set(k, ka === 'original' ? (kb ?? '?') : kb === 'original' ? (ka ?? '?') : 'between-duplicates');
      }
    }
  }
  const found = res.pairs.map((p) => [persons[p.a]?.id ?? '', persons[p.b]?.id ?? ''] as [string, string]);
  const overall = quality(found, truth);
  const perKind: Record<string, KindFigures> = {};
  for (const kind of [...VARIANT_KINDS, 'between-duplicates']) {
    const kindTruth = new Set([...truthKind].filter(([, k]) => k === kind).map(([p]) => p));
    const foundSet = new Set(found.map(([a, b]) => pairKey(a, b)));
    let hit = 0;
    for (const p of kindTruth) if (foundSet.has(p)) hit++;
    let involved = 0;
    let correct = 0;
    for (const [a, b] of found) {
      const ka = ds.kinds.get(a);
      const kb = ds.kinds.get(b);
      const touches = kind === 'between-duplicates' ? ka !== 'original' && kb !== 'original' : ka === kind || kb === kind;
      if (!touches) continue;
      involved++;
      if (truth.has(pairKey(a, b))) correct++;
    }
    perKind[kind] = {
      truePairs: kindTruth.size,
      recall: kindTruth.size ? hit / kindTruth.size : 1,
      precision: involved ? correct / involved : 1,
    };
  }
  return { records: ds.records, seed, overall, perKind };
}

function large(dir: string, file: string) {
  const out = join(dir, 'large-pairs.csv');
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'large-child.ts'), file, out], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`the 1M run failed: ${child.stderr}`);
  const last = child.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as NonNullable<DedupeBenchResult['large']>;
}

export async function runDedupeBench(opts: DedupeBenchOptions = {}): Promise<DedupeBenchResult> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 7;
  const dir = mkdtempSync(join(tmpdir(), 'senim-dedupe-'));
  try {
    log('FEBRL …');
    const result: DedupeBenchResult = {
      febrl: { dataset1: await febrl('dataset1'), dataset2: await febrl('dataset2') },
      generated: await generated(dir, opts.n ?? 20_000, seed),
    };
    const largeN = opts.skipLarge ? 0 : (opts.largeN ?? 1_000_000);
    if (largeN > 0) {
      log(`generating ${largeN} persons …`);
      const file = join(dir, 'large.csv');
      await writeDataset({ n: largeN, seed: seed + 1, out: file });
      log('deduplicating them (timed, separate process) …');
      result.large = large(dir, file);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fmt(q: Quality): string {
  return `P ${q.precision.toFixed(4)}  R ${q.recall.toFixed(4)}  F1 ${q.f1.toFixed(4)}  (true ${q.truePairs}, found ${q.foundPairs})`;
}

export function report(r: DedupeBenchResult): string {
  const lines = [
    `FEBRL dataset1   ${fmt(r.febrl.dataset1)}`,
    `FEBRL dataset2   ${fmt(r.febrl.dataset2)}`,
    `generated (${r.generated.records} records, seed ${r.generated.seed})  ${fmt(r.generated.overall)}`,
    '  kind                 true pairs  recall   precision',
  ];
  for (const [k, f] of Object.entries(r.generated.perKind)) {
    lines.push(`  ${k.padEnd(20)} ${String(f.truePairs).padStart(10)}  ${f.recall.toFixed(4)}   ${f.precision.toFixed(4)}`);
  }
  if (r.large) {
    lines.push(
      `1M run: ${r.large.persons} persons in ${r.large.seconds.toFixed(1)} s, peak RSS ${r.large.maxRssMb.toFixed(0)} MB, ` +
        `${r.large.candidates} candidate pairs, ${r.large.pairs} pairs`,
    );
  }
  return lines.join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runDedupeBench({
    skipLarge: process.argv.includes('--skip-large'),
    ...(arg('n') ? { n: Number(arg('n')) } : {}),
    ...(arg('large') ? { largeN: Number(arg('large')) } : {}),
    ...(arg('seed') ? { seed: Number(arg('seed')) } : {}),
    log: (s) => console.error(s),
  });
  console.log(report(r));
}
