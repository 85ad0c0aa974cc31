import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './errors';

// One process at a time may open an embedded (PGlite) data folder: PGlite is a single-process
// database, and a second writer would corrupt it. The lock file holds the owner's PID; a lock left by a
// process that no longer exists (kill -9, power loss) is taken over.

export const LOCK_FILE_NAME = 'senim.lock';

export type TDataLock = { file: string; release(): void };

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null; // vanished, or not yet written by its creator
  }
}

export function acquireDataLock(dataDir: string): TDataLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        // Only remove the lock if it is still ours.
        if (readOwner(file) === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (owner !== null && owner !== process.pid && isProcessAlive(owner)) {
      throw new CliError(
        `The data folder ${dataDir} is in use by another Senim process (PID ${owner}). Only one process at a time ` +
          'may open an embedded database: stop that one first, or use another SENIM_DATA_DIR.',
      );
    }
    if (owner === null && attempt === 0) {
      // Its creator may be between creating and writing the file: look again shortly.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    // Stale: left by a process that no longer runs.
    fs.rmSync(file, { force: true });
  }
  throw new CliError(`Could not take the lock ${file}; remove it if no Senim process is running.`);
}
