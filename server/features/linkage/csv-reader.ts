/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).
 * Rows are yielded one at a time, so files of millions of lines use constant memory. Malformed
 * rows (unterminated quotes, stray quotes, a field count different from the header) are
 * reported with their line number; with `strict` the first one stops the read with an error.
 */
import type { Readable } from 'node:stream';

export interface CsvRow {
  /** Line number (1-based) where the row starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvOptions {
  strict?: boolean;
  /** Trim spaces around unquoted fields (FEBRL writes ", " between fields). Default true. */
  trim?: boolean;
  /** Called for each malformed row that is skipped (when not strict). */
  onProblem?: (p: CsvProblem) => void;
  /** A quoted field may not span more lines than this (protects against a stray quote). */
  maxLinesPerRow?: number;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** Parse one logical row. Returns null and a message when the quoting is broken. */
export function parseCsvRow(text: string, trim = true): { fields: string[] } | { error: string } {
  if (!text.includes('"')) {
    const parts = text.split(',');
    return { fields: trim ? parts.map((p) => p.trim()) : parts };
  }
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    // Skip leading spaces before a quote.
    let j = i;
    while (j < n && text[j] === ' ') j++;
    if (text[j] === '"') {
      let value = '';
      j++;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return { error: 'unterminated quoted field' };
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      while (j < n && text[j] === ' ') j++;
      if (j < n && text[j] !== ',') return { error: `unexpected character after a quoted field at column ${j + 1}` };
      fields.push(value);
      i = j + 1;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      const raw = text.slice(i, end);
      if (raw.includes('"')) return { error: `stray quote in an unquoted field at column ${i + raw.indexOf('"') + 1}` };
      fields.push(trim ? raw.trim() : raw);
      i = end + 1;
    }
    if (i > n) break;
  }
  return { fields };
}

function quoteCount(s: string): number {
  let c = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) c++;
  return c;
}

/** Yield the physical lines of a stream with their numbers (handles \n and \r\n, a BOM). */
async function* lines(input: Readable): AsyncGenerator<string> {
  let rest = '';
  let first = true;
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    let data = rest + chunk;
    if (first) {
      if (data.charCodeAt(0) === 0xfeff) data = data.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = data.indexOf('\n', start); nl >= 0; nl = data.indexOf('\n', start)) {
      const end = nl > start && data.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield data.slice(start, end);
      start = nl + 1;
    }
    rest = data.slice(start);
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * Read rows. The first row is the header and is yielded like the others (line 1). Rows whose
 * field count differs from the header's are reported. Empty lines are skipped.
 */
export async function* readCsv(input: Readable, opts: CsvOptions = {}): AsyncGenerator<CsvRow> {
  const trim = opts.trim ?? true;
  const maxLines = opts.maxLinesPerRow ?? 100;
  let lineNo = 0;
  let width = -1;
  const problem = (line: number, message: string) => {
    if (opts.strict) throw new CsvError(line, message);
    opts.onProblem?.({ line, message });
  };
  const finish = (text: string, line: number): CsvRow | null => {
    const parsed = parseCsvRow(text, trim);
    if ('error' in parsed) {
      problem(line, parsed.error);
      return null;
    }
    if (width < 0) width = parsed.fields.length;
    else if (parsed.fields.length !== width) {
      problem(line, `expected ${width} fields, found ${parsed.fields.length}`);
      return null;
    }
    return { line, fields: parsed.fields };
  };
  // Lines of a row still open (a quoted field spanning lines). If the quote never closes, the
  // first line is reported and the following lines are read again as rows of their own, so one
  // stray quote costs one row, not the rest of the file.
  let held: Array<[number, string]> = [];
  function* feed(no: number, l: string): Generator<CsvRow> {
    const queue: Array<[number, string]> = [[no, l]];
    while (queue.length > 0) {
      const [n, text] = queue.shift() as [number, string];
      if (held.length === 0 && text.trim() === '') continue;
      held.push([n, text]);
      const joined = held.map(([, t]) => t).join('\n');
      const start = (held[0] as [number, string])[0];
      if (quoteCount(joined) % 2 === 1) {
        const parsed = parseCsvRow(joined, trim);
        if ('error' in parsed && parsed.error === 'unterminated quoted field') {
          if (held.length < maxLines) continue;
          problem(start, 'unterminated quoted field');
          queue.unshift(...held.slice(1));
          held = [];
          continue;
        }
      }
      held = [];
      const row = finish(joined, start);
      if (row) yield row;
    }
  }
  for await (const l of lines(input)) {
    lineNo++;
    yield* feed(lineNo, l);
  }
  while (held.length > 0) {
    const [first, ...rest] = held;
    problem((first as [number, string])[0], 'unterminated quoted field');
    held = [];
    for (const [n, t] of rest) yield* feed(n, t);
  }
}

/** Quote a field for writing when it needs it. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
