import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webBuildState } from './web-build';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'senim-web-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const put = (rel: string, ageSeconds: number) => {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  const t = new Date(Date.now() - ageSeconds * 1000);
  fs.utimesSync(file, t, t);
};

describe('webBuildState', () => {
  it('skips without a Vite config, builds when missing or older than any web/ or shared/ file', () => {
    expect(webBuildState(root)).toEqual({ kind: 'no-config' });
    put('web/vite.config.ts', 100);
    put('web/src/main.tsx', 100);
    expect(webBuildState(root)).toEqual({ kind: 'stale', reason: 'missing' });
    put('dist/web/index.html', 50);
    expect(webBuildState(root)).toEqual({ kind: 'fresh' });
    put('web/node_modules/x/index.js', 1); // ignored
    expect(webBuildState(root)).toEqual({ kind: 'fresh' });
    put('shared/i18n/app/ru.ts', 10);
    expect(webBuildState(root)).toEqual({ kind: 'stale', reason: 'outdated' });
  });
});
