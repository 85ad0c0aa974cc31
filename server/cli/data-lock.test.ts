import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataLock, isProcessAlive, LOCK_FILE_NAME } from './data-lock';
import { CliError } from './errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senim-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the data folder lock', () => {
  it('writes our PID, refuses while a live process holds it, and releases only its own lock', () => {
    const lock = acquireDataLock(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);

    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      fs.writeFileSync(lock.file, `${sleeper.pid}\n`);
      expect(() => acquireDataLock(dir)).toThrow(CliError);
      expect(() => acquireDataLock(dir)).toThrow(new RegExp(`PID ${sleeper.pid}`));
      lock.release(); // already released: must not remove the other process's lock
      expect(fs.existsSync(lock.file)).toBe(true);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    expect(isProcessAlive(Number(dead))).toBe(false);
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${dead}\n`);
    const lock = acquireDataLock(dir);
    expect(fs.readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});
