import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register, runDedupe } from './dedupe';

describe('senim dedupe', () => {
  it('registers the command with its options', () => {
    const program = new Command();
    register(program);
    const cmd = program.commands.find((c) => c.name() === 'dedupe');
    expect(cmd).toBeDefined();
    expect(cmd?.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--out', '--columns', '--truth', '--strict', '--threshold']),
    );
  });

  it('writes id_a,id_b,score with id_a < id_b, reports bad lines and P/R/F1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dedupe-cli-'));
    try {
      const lines = ['pid,first,last,dob,tel'];
      const names = ['Айгерим', 'Нурлан', 'Ерлан', 'Дина', 'Асель', 'Тимур', 'Камила', 'Даурен'];
      const fams = ['Ахметов', 'Садыков', 'Жумабаев', 'Омаров', 'Искаков', 'Касымов'];
      let i = 0;
      for (const n of names) for (const f of fams) lines.push(`f${i},${n},${f},19${60 + (i % 40)}-0${1 + (i % 9)}-1${i++ % 10},`);
      lines.push('z2,Guldan,Tlegenova,19900305,+7 701 234 56 78', 'z1,Гульдан,Тлегенова,1990-03-05,8 (701) 234-56-78');
      lines.push('bad,"unclosed quote,x,y,z', 'short,line');
      const input = join(dir, 'in.csv');
      writeFileSync(input, lines.join('\n') + '\n');
      const truth = join(dir, 'truth.csv');
      writeFileSync(truth, 'id_a,id_b\nz1,z2\n');
      const out = join(dir, 'out.csv');
      const logs: string[] = [];
      await runDedupe(input, { out, truth, columns: 'id=pid,given_name=first,family_name=last,birth_date=dob,phone=tel' }, (s) => logs.push(s));
      const rows = readFileSync(out, 'utf8').trim().split('\n');
      expect(rows[0]).toBe('id_a,id_b,score');
      expect(rows[1]).toMatch(/^z1,z2,0\.\d{4}|^z1,z2,1\.0000/);
      expect(logs.join('\n')).toMatch(/precision 1\.0000 {2}recall 1\.0000/);
      await expect(runDedupe(input, { out, strict: true, columns: 'id=pid' }, () => {})).rejects.toThrow(/line \d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
