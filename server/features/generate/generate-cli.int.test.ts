import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess as run, tempDir } from '../../cli/test-cli';

// `senim generate cases` as a developer runs it (in this process, for speed), on an embedded data
// folder: into a demo organisation after `seed --demo`; refused where real data is, unless --force.

const dir = tempDir('generate');
const demo = { SENIM_DATA_DIR: path.join(dir, 'demo') };
const real = { SENIM_DATA_DIR: path.join(dir, 'real') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const CRISIS = 'Кризисный центр «Сенім» — горячая линия 11616';

describe('senim generate cases', { timeout: 120_000 }, () => {
  it('fills a demo organisation, printing progress and rows per second', async () => {
    expect((await run(['seed', '--demo'], demo)).code).toBe(0);
    const r = await run(['generate', 'cases', '--org', CRISIS, '--count', '40', '--seed', '9', '--batch-size', '15'], demo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Generating 40 cases \(seed 9, 1 contact\(s\) per case, 20 other contacts, 5 years\) into "Кризисный центр/);
    expect(r.stdout).toMatch(/40 \/ 40 cases \(100 %\), [\d,]+ rows, [\d,]+ cases\/s, [\d,]+ rows\/s/);
    expect(r.stdout).toMatch(/Done in [\d.]+ s: 40 cases, \d+ persons .* 60 contacts, .* rows\/s\./);
  });

  it('refuses bad options, and real data without --force, writing nothing', async () => {
    expect(await run(['generate', 'cases', '--org', CRISIS, '--count', '0'], demo)).toMatchObject({
      code: 1,
      stderr: 'error: --count must be a whole number from 1 to 10000000.\n',
    });
    expect((await run(['generate', 'cases', '--org', CRISIS, '--count', '5', '--until', 'tomorrow'], demo)).stderr).toMatch(
      /--until must be a day/,
    );
    expect((await run(['org', 'add', '--name', 'Real NGO', '--type', 'ngo'], real)).code).toBe(0);
    expect((await run(['user', 'add', '--email', 'w@real.kz', '--org', 'Real NGO', '--role', 'case_worker'], real)).code).toBe(0);
    const refused = await run(['generate', 'cases', '--org', 'Real NGO', '--count', '5'], real);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: "Real NGO" is not a demo organisation.*Nothing was written/) });
    const forced = await run(['generate', 'cases', '--org', 'Real NGO', '--count', '5', '--force', '--no-duplicate-keys'], real);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/warning: --force/);
    expect(forced.stdout).toMatch(/Done in [\d.]+ s: 5 cases, \d+ persons \([\d,]+ name indexes, 0 duplicate keys\)/);
    // the demo seed now refuses this database, as ever
    expect((await run(['seed', '--demo'], real)).code).toBe(1);
  });
});
