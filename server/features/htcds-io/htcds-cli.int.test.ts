import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HTCDS_FIELD_NAMES } from '../../../shared/htcds/fields';
import { cliEnv, runCli, tempDir } from '../../cli/test-cli';
import { buildOrg, setupTestContext } from '../../test/harness';
import { readCsv } from '../linkage/csv-reader';
import { FULL_ROW, htcdsCsv, SECOND_ROW, type THtcdsRow } from '../htcds/test-fixtures';

// `senim import htcds` and `senim export htcds` as an operator runs them: the real command in a
// child process, against an embedded data folder (or TEST_DATABASE_URL's PostgreSQL).

const pgUrl = inject('postgresUrl');
const dir = tempDir('htcds-cli');
const dataDir = path.join(dir, 'data');
const ORG = `ОФ «Сенім» ${path.basename(dir).slice(-6)}`;
let env: NodeJS.ProcessEnv;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, env, 180_000);
const file = (name: string) => path.join(dir, name);

async function cells(text: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of readCsv(Readable.from([text.replace(/^\ufeff/, '')]), { strict: true }))
    out.push(row.fields);
  return out;
}

beforeAll(async () => {
  if (pgUrl) {
    const ctx = await setupTestContext();
    await buildOrg(ctx, { name: ORG });
    env = cliEnv(dataDir, { DATABASE_URL: pgUrl, SENIM_KEY: inject('testKeyring') });
  } else {
    env = cliEnv(dataDir);
    const org = await run('org', 'add', '--name', ORG, '--type', 'ngo');
    expect(org.stderr).toBe('');
  }
}, 180_000);

const BAD: THtcdsRow = { ...SECOND_ROW, prs_Gender: 'Female', prs_Birthdate: '31.02.1990' };
const MANY: THtcdsRow[] = Array.from({ length: 600 }, (_, i) => ({
  ...SECOND_ROW,
  prs_FirstName: ['Айдос', 'Ерлан', 'Тимур', 'Руслан'][i % 4]!,
  prs_SecondName: `Жұмабаев-${i}`,
  prs_MobilePhone: `+7 705 ${String(1_000_000 + i)}`,
}));

describe('senim import htcds / export htcds', { timeout: 600_000 }, () => {
  it('describes itself and refuses a missing file in one line', async () => {
    const help = await run('import', 'htcds', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: senim import htcds \[options\] <file\.csv>/);
    expect(help.stdout).toMatch(/--skip-invalid/);
    expect(help.stdout).toMatch(/--rejected <file>/);
    const exportHelp = await run('export', 'htcds', '--help');
    expect(exportHelp.stdout).toMatch(/--out <file\.csv>/);
    const missing = await run('import', 'htcds', file('nope.csv'), '--org', ORG);
    expect(missing).toMatchObject({ code: 1, stderr: `error: No such file: ${file('nope.csv')}.\n` });
    const noOrg = await run('import', 'htcds', file('nope.csv'));
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toMatch(/required option '--org <organisation>' not specified/);
  });

  it('imports the whole file or nothing, then the valid rows with --skip-invalid, and exports them', async () => {
    const columns = ['Примечание', ...HTCDS_FIELD_NAMES];
    const input = file('cases.csv');
    fs.writeFileSync(input, htcdsCsv([FULL_ROW, BAD, ...MANY], columns));

    // FULL_ROW has a two-line cell (lines 2–3): the bad row is on line 4.
    const all = await run('import', 'htcds', input, '--org', ORG, '--batch', '250');
    expect(all.code).toBe(1);
    const lines = all.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('warning: not HTCDS fields, ignored: "Примечание" (column 1)');
    expect(lines[1]).toMatch(
      /^line 4: prs_Birthdate: “31\.02\.1990” is not a date .*; prs_Gender: unknown value “Female”; expected one of: Feminine/,
    );
    expect(lines.at(-1)).toBe(
      'error: 1 of 602 rows are not valid, so nothing was imported (the whole file or nothing). Correct them, or add --skip-invalid to import the valid rows only.',
    );
    expect(lines).toHaveLength(3);
    expect(all.stdout).toBe('');

    const skip = await run('import', 'htcds', input, '--org', ORG, '--skip-invalid', '--batch', '250');
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(
      new RegExp(
        `^Imported 601 cases into ${ORG} from .*cases\\.csv in \\d+\\.\\d s \\(\\d+ rows/s\\); 1 rows refused, written to .*cases\\.csv\\.rejected\\.csv\\.\\n$`,
      ),
    );
    const rejected = await cells(fs.readFileSync(`${input}.rejected.csv`, 'utf8'));
    expect(rejected[0]).toEqual([...columns, 'senim_rejected_reason']);
    expect(rejected).toHaveLength(2);
    expect(rejected[1]!.slice(0, -1)).toEqual((await cells(htcdsCsv([BAD], columns)))[1]);
    expect(rejected[1]!.at(-1)).toMatch(/^line 4: prs_Birthdate: /);

    const out = file('export.csv');
    const exported = await run('export', 'htcds', '--org', ORG, '--out', out);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(
      new RegExp(`^Exported 601 cases of ${ORG} to .*export\\.csv in \\d+\\.\\d s\\.\\n$`),
    );
    expect(await cells(fs.readFileSync(out, 'utf8'))).toEqual(await cells(htcdsCsv([FULL_ROW, ...MANY])));
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const again = await run('export', 'htcds', '--org', ORG, '--out', out);
    expect(again).toMatchObject({
      code: 1,
      stderr: `error: ${out} exists; choose another name or add --force.\n`,
    });
    const notHtcds = file('other.csv');
    fs.writeFileSync(notHtcds, 'name,phone\nАйгүл,+7 701 000 00 00\n');
    expect((await run('import', 'htcds', notHtcds, '--org', ORG)).stderr).toBe(
      `error: ${notHtcds}: no column is named like an HTCDS field (such as prs_Gender or vic_TypeOfExploitation).\n`,
    );

    const verify = await run('audit', 'verify');
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringMatching(/Audit chain OK/) });
  });

  it.skipIf(pgUrl)('refuses while another process (senim start) holds the embedded database', async () => {
    const lock = path.join(dataDir, 'senim.lock');
    fs.writeFileSync(lock, `${process.pid}\n`);
    try {
      fs.writeFileSync(file('one.csv'), htcdsCsv([SECOND_ROW]));
      for (const args of [
        ['import', 'htcds', file('one.csv'), '--org', ORG],
        ['export', 'htcds', '--org', ORG, '--out', file('locked.csv')],
      ]) {
        const r = await run(...args);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(
          /^error: The data folder .* is in use by another Senim process \(PID \d+\)\..*\n$/,
        );
      }
      expect(fs.existsSync(file('locked.csv'))).toBe(false);
      expect(fs.existsSync(file('locked.csv.partial'))).toBe(false);
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });
});
