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

/** Builds the web app with Vite in this process (imported lazily: Vite is only needed when building). */
export async function buildWeb(repoRoot: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'error', mode: 'production' });
}
