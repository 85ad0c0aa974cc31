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

/** Serves the built web app: hashed assets cached for a year, everything else falls back to index.html. */
export function registerWeb(app: TApp, webDir: string | null): void {
  if (!webDir || !fs.existsSync(path.join(webDir, 'index.html'))) return;
  const root = path.resolve(webDir);
  const index = fs.readFileSync(path.join(root, 'index.html'));
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/')) return next();
    const file = path.resolve(root, '.' + decodeURIComponent(p));
    if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const ext = path.extname(file);
      c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      c.header('Cache-Control', p.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(fs.readFileSync(file));
    }
    c.header('Content-Type', TYPES['.html']);
    c.header('Cache-Control', 'no-cache');
    return c.body(index);
  });
}
