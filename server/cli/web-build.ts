import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// `senim start` serves dist/web; it rebuilds it when a source under web/ or shared/ is newer than the
// built index.html, so `npm start` after a pull never serves a stale app.

const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite', 'coverage']);

/** The newest modification time (ms) of any file under the given folders; 0 when there are none. */
export function newestMtime(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p);
      } else if (e.isFile()) {
        newest = Math.max(newest, fs.statSync(p).mtimeMs);
      }
    }
  };
  for (const d of dirs) walk(d);
  return newest;
}

export type TWebBuildState =
  | { kind: 'no-config' }
  | { kind: 'fresh' }
  | { kind: 'stale'; reason: 'missing' | 'outdated' };

export function webBuildState(repoRoot: string): TWebBuildState {
  if (!fs.existsSync(path.join(repoRoot, 'web', 'vite.config.ts'))) return { kind: 'no-config' };
  const index = path.join(repoRoot, 'dist', 'web', 'index.html');
  if (!fs.existsSync(index)) return { kind: 'stale', reason: 'missing' };
  const built = fs.statSync(index).mtimeMs;
  const sources = newestMtime([path.join(repoRoot, 'web'), path.join(repoRoot, 'shared')]);
  return sources > built ? { kind: 'stale', reason: 'outdated' } : { kind: 'fresh' };
}

/**
 * Builds the web app with Vite in a child process (so the server that starts afterwards does not
 * carry Vite and the build's memory), into a fresh folder that then replaces dist/web: a server
 * still serving the old build never sees a half-written one.
 */
export async function buildWeb(repoRoot: string): Promise<void> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = path.join(repoRoot, 'web', 'vite.config.ts');
  const target = path.join(repoRoot, 'dist', 'web');
  const tmp = path.join(repoRoot, 'dist', `web.build-${process.pid}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', config, '--logLevel', 'error', '--outDir', tmp, '--emptyOutDir'],
      { cwd: repoRoot, stdio: ['ignore', 'inherit', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(errors.trim() || `vite exited with ${code}`))));
  }).catch((err: unknown) => {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  });
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(tmp, target);
  fs.rmSync(old, { recursive: true, force: true });
}
