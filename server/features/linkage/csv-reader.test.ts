import { describe, it, expect } from 'vitest';
import { Readable } from 'node:stream';
import { readCsv, parseCsvRow, csvField, CsvError, type CsvProblem } from './csv-reader';

async function rows(text: string | string[], opts: Parameters<typeof readCsv>[1] = {}) {
  const out: Array<{ line: number; fields: string[] }> = [];
  const chunks = Array.isArray(text) ? text : [text];
  for await (const r of readCsv(Readable.from(chunks), opts)) out.push(r);
  return out;
}

describe('CSV reader', () => {
  it('reads quoted fields, doubled quotes, commas and line breaks inside quotes', async () => {
    const r = await rows('id,name,note\n1,"Тлегенова, Гульдан","said ""hi""\nthen left"\n2,Nurlan,\n');
    expect(r).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['1', 'Тлегенова, Гульдан', 'said "hi"\nthen left'] },
      { line: 4, fields: ['2', 'Nurlan', ''] },
    ]);
  });
  it('handles CRLF, a BOM, chunks split anywhere, spaces after commas', async () => {
    const r = await rows(['\ufeffa, b\r\n1, "x', ' y"\r\n', '2, z'], {});
    expect(r.map((x) => x.fields)).toEqual([['a', 'b'], ['1', 'x y'], ['2', 'z']]);
  });
  it('reports malformed lines with their number and continues', async () => {
    const problems: CsvProblem[] = [];
    const r = await rows('a,b\n1,2\n3\n4,x"y\n5,6\n', { onProblem: (p) => problems.push(p) });
    expect(r.map((x) => x.fields[0])).toEqual(['a', '1', '5']);
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
    expect(problems[0]?.message).toMatch(/expected 2 fields/);
  });
  it('stops at the first problem when strict', async () => {
    await expect(rows('a,b\n1,2\n3\n', { strict: true })).rejects.toThrow(CsvError);
    await expect(rows('a,b\n1,2\n3\n', { strict: true })).rejects.toThrow(/line 3/);
  });
  it('reports an unterminated quote at the end of the file', async () => {
    const problems: CsvProblem[] = [];
    await rows('a,b\n1,"open\n', { onProblem: (p) => problems.push(p) });
    expect(problems[0]).toMatchObject({ line: 2 });
  });
  it('recovers the rows after a quote that never closes', async () => {
    const problems: CsvProblem[] = [];
    const r = await rows('a,b\n1,"open\n2,x\n3,y\n', { onProblem: (p) => problems.push(p) });
    expect(problems.map((p) => p.line)).toEqual([2]);
    expect(r.map((x) => x.fields[0])).toEqual(['a', '2', '3']);
  });

  it('parses single rows and quotes output fields', () => {
    expect(parseCsvRow('"a""b", c')).toEqual({ fields: ['a"b', 'c'] });
    expect(parseCsvRow('"a"x,b')).toHaveProperty('error');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
  });
});
