import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from './test-cli';

// The administration commands end to end, as an operator runs them (in this process, for speed):
// a real deployment's first organisation and administrator, password reset, key rotation, backup and
// restore elsewhere.

const dir = tempDir('cli-admin');
const a = { SENIM_DATA_DIR: path.join(dir, 'a') };
const b = { SENIM_DATA_DIR: path.join(dir, 'b') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ORG = 'ОФ «Тест-Сенім»';
const run = runInProcess;

describe('senim administration commands', { timeout: 60_000 }, () => {
  it('creates the first organisation and administrator, lists, resets, refuses the demo seed', async () => {
    const bad = await run(['user', 'add', '--email', 'x@test.kz', '--org', ORG, '--role', 'boss'], a);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: Unknown role boss\. --role must be one of/) });
    const badRegion = await run(['org', 'add', '--name', ORG, '--type', 'crisis_centre', '--region', 'Astana city'], a);
    expect(badRegion).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: Unknown region "Astana city"\. --region must be one of: abai, akmola, .*shymkent\./),
    });
    const org = await run(['org', 'add', '--name', ORG, '--type', 'crisis_centre', '--region', 'astana', '--network-coordinator'], a);
    expect(org.stderr).toBe('');
    expect(org.stdout).toMatch(/Organisation created: ОФ «Тест-Сенім» \(crisis_centre, network coordinator\)/);
    const user = await run(
      ['user', 'add', '--email', 'Boss@Test.kz', '--org', ORG.toUpperCase(), '--role', 'admin', '--role', 'supervisor', '--name', 'Әлия Тестова'],
      a,
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/temporary password: \S{4}-\S{4}-\S{4}-\S{4}/);
    const dup = await run(['user', 'add', '--email', 'boss@test.kz', '--org', ORG, '--role', 'analyst'], a);
    expect(dup).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });
    const noOrg = await run(['user', 'add', '--email', 'y@test.kz', '--org', 'Тест', '--role', 'analyst'], a);
    expect(noOrg.stderr).toMatch(/No organisation named "Тест"\. Did you mean: "ОФ «Тест-Сенім»"\?/);
    const list = await run(['user', 'list', '--org', ORG], a);
    expect(list.stdout).toMatch(/boss@test\.kz\s+admin,supervisor\s+Әлия Тестова\s+\[must change password\]/);
    const reset = await run(['user', 'reset-password', '--email', 'boss@test.kz'], a);
    expect(reset.stdout).toMatch(/Password reset for boss@test\.kz/);
    const seed = await run(['seed', '--demo'], a);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toMatch(/real \(non-demo\) data: 1 organisation\(s\) and 1 user\(s\)/);
  });

  it('rotates the sealing key, retires the old one, and the audit chain holds', async () => {
    const rotate = await run(['keys', 'rotate', '--batch', '1'], a);
    expect(rotate.stderr).toBe('');
    expect(rotate.stdout).toMatch(/New sealing key k2 added/);
    expect(rotate.stdout).toMatch(/Done: 2 value\(s\) re-sealed under k2/); // a name and the key canary
    const retire = await run(['keys', 'rotate', '--retire-old'], a);
    expect(retire.stdout).toMatch(/Retired key\(s\) k1/);
    const keyFile = path.join(a.SENIM_DATA_DIR, 'senim.key');
    const keyring = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { seal: { current: string; keys: object } };
    expect(keyring.seal.current).toBe('k2');
    expect(Object.keys(keyring.seal.keys)).toEqual(['k2']);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const status = await run(['keys', 'status'], a);
    expect(status.stdout).toMatch(/k2: 2 sealed value/);
    const verify = await run(['audit', 'verify'], a);
    expect(verify).toMatchObject({ code: 0, stdout: expect.stringMatching(/Audit chain OK: \d+ row/) });

    const envKeys = await run(['keys', 'rotate'], { ...a, SENIM_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(envKeys.stderr).toMatch(/add --out <file>/);
  });

  it('backs up, and restores only into an empty folder with the same keys', async () => {
    const file = path.join(dir, 'a.jsonl.gz');
    const backup = await run(['backup', file], a);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Backup written/);
    expect((await run(['backup', file], a)).stderr).toMatch(/exists; choose another name or add --force/);
    const noKey = await run(['restore', file], b);
    expect(noKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/No key/) });
    fs.mkdirSync(b.SENIM_DATA_DIR, { recursive: true });
    fs.copyFileSync(path.join(a.SENIM_DATA_DIR, 'senim.key'), path.join(b.SENIM_DATA_DIR, 'senim.key'));
    const restore = await run(['restore', file], b);
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/Audit chain verified/);
    const again = await run(['restore', file], b);
    expect(again.stderr).toMatch(/only goes into an empty database/);
    const list = await run(['user', 'list', '--org', ORG], b);
    expect(list.stdout).toMatch(/Әлия Тестова/);
  });
});
