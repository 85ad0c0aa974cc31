import fs from 'node:fs';
import path from 'node:path';
import type { TApp } from '../app';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every file of the built app, read once at start: requests never touch the disk, and a rebuild
 * while the server runs cannot serve a half-written app. */
function loadFiles(root: string): Map<string, { body: Buffer<ArrayBuffer>; type: string }> {
  const files = new Map<string, { body: Buffer<ArrayBuffer>; type: string }>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const url = '/' + path.relative(root, full).split(path.sep).join('/');
        files.set(url, { body: fs.readFileSync(full), type: TYPES[path.extname(full)] ?? 'application/octet-stream' });
      }
    }
  };
  walk(root);
  return files;
}

/** Serves the built web app: hashed assets cached for a year, everything else falls back to index.html. */
export function registerWeb(app: TApp, webDir: string | null): void {
  if (!webDir || !fs.existsSync(path.join(webDir, 'index.html'))) return;
  const files = loadFiles(path.resolve(webDir));
  const index = files.get('/index.html')!;
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/')) return next();
    const file = p === '/' ? undefined : files.get(p);
    if (file) {
      c.header('Content-Type', file.type);
      c.header('Cache-Control', p.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(file.body);
    }
    c.header('Content-Type', index.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(index.body);
  });
}
