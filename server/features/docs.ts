import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TApp } from '../app';

const require = createRequire(import.meta.url);

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Senim API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger' });`;

/** The OpenAPI document and an interactive reference page, served from this host only. */
export function registerDocs(app: TApp): void {
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Senim API',
      version: '1',
      description:
        'Errors are { error: { code, message } } with the message in the language of Accept-Language (ru, kk, en). ' +
        'State-changing requests need the session cookie and the X-CSRF-Token header from GET /api/v1/session.',
    },
  });
  const dist = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const files: Record<string, [string, string]> = {
    'swagger-ui.css': ['text/css; charset=utf-8', 'swagger-ui.css'],
    'swagger-ui-bundle.js': ['text/javascript; charset=utf-8', 'swagger-ui-bundle.js'],
  };
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(INIT);
  });
  app.get('/api/docs/:file', (c) => {
    const entry = files[c.req.param('file')];
    if (!entry) return c.notFound();
    c.header('Content-Type', entry[0]);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(fs.readFileSync(path.join(dist, entry[1])));
  });
}
