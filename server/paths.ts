import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module with Senim's package.json. Works from
 * the TypeScript sources and from the bundled CLI in dist/ alike.
 */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'senim') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the Senim folder (package.json named "senim")');
    dir = parent;
  }
}

export const REPO_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
