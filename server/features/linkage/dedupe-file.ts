/**
 * Deduplicating a CSV file: rows are streamed and prepared one at a time (the raw lines are not
 * kept), then the engine runs and the pairs are written as id_a,id_b,score with id_a < id_b.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readCsv, csvField, type CsvProblem } from './csv-reader';
import { mapperFor, type ColumnSpec, type RowMapper } from './columns';
import { preparePerson, type PreparedPerson } from './prepare';
import { dedupePrepared, type DedupeOptions, type DedupeResult } from './engine';

export interface LoadResult {
  persons: PreparedPerson[];
  problems: CsvProblem[];
  /** Problems beyond the first 100 are counted, not kept. */
  problemCount: number;
  duplicateIds: number;
}

export async function loadPersons(
  path: string,
  spec: ColumnSpec,
  opts: { strict?: boolean; onProblem?: (p: CsvProblem) => void } = {},
): Promise<LoadResult> {
  const problems: CsvProblem[] = [];
  let problemCount = 0;
  const onProblem = (p: CsvProblem) => {
    problemCount++;
    if (problems.length < 100) problems.push(p);
    opts.onProblem?.(p);
  };
  const persons: PreparedPerson[] = [];
  const ids = new Set<string>();
  let duplicateIds = 0;
  let map: RowMapper | null = null;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const row of readCsv(input, { strict: opts.strict ?? false, onProblem })) {
    if (!map) {
      map = mapperFor(row.fields, spec);
      continue;
    }
    const raw = map(row.fields);
    if (raw.id === '') {
      const p = { line: row.line, message: 'empty id' };
      if (opts.strict) throw new Error(`line ${p.line}: ${p.message}`);
      onProblem(p);
      continue;
    }
    if (ids.has(raw.id)) {
      duplicateIds++;
      const p = { line: row.line, message: `id "${raw.id}" appears twice; the later row is skipped` };
      if (opts.strict) throw new Error(`line ${p.line}: ${p.message}`);
      onProblem(p);
      continue;
    }
    ids.add(raw.id);
    persons.push(preparePerson(raw, persons.length));
  }
  if (!map) throw new Error('the file is empty (no header)');
  return { persons, problems, problemCount, duplicateIds };
}

/** Pairs as [id_a, id_b, score] with id_a < id_b, sorted. */
export function pairRows(result: DedupeResult, persons: readonly PreparedPerson[]): Array<[string, string, number]> {
  const rows = result.pairs.map((p): [string, string, number] => {
    const a = persons[p.a]?.id ?? '';
    const b = persons[p.b]?.id ?? '';
    return a < b ? [a, b, p.probability] : [b, a, p.probability];
  });
  rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return rows;
}

export async function writePairs(path: string, rows: ReadonlyArray<[string, string, number]>): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('id_a,id_b,score\n');
  let buf = '';
  for (const [a, b, s] of rows) {
    buf += `${csvField(a)},${csvField(b)},${s.toFixed(4)}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  if (buf) await write(buf);
  out.end();
  await once(out, 'finish');
}

export async function dedupeFile(path: string, spec: ColumnSpec, opts: DedupeOptions & { strict?: boolean } = {}) {
  const loaded = await loadPersons(path, spec, { strict: opts.strict ?? false });
  const result = dedupePrepared(loaded.persons, opts);
  return { loaded, result, rows: pairRows(result, loaded.persons) };
}
