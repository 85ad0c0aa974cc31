#!/usr/bin/env node
// The `senim` command. It runs a bundle of the TypeScript CLI (dist/server/senim.mjs), rebuilt with
// esbuild in about half a second whenever a file under server/ or shared/ is newer, so a start is
// not slowed by compiling TypeScript on the fly. SENIM_NO_BUNDLE=1 runs the sources through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'server', 'cli', 'main.ts');
const bundle = path.join(root, 'dist', 'server', 'senim.mjs');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function isFresh() {
  if (!fs.existsSync(bundle)) return false;
  const built = fs.statSync(bundle).mtimeMs;
  return newest(path.join(root, 'server')) < built && newest(path.join(root, 'shared')) < built;
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // Several processes may start at once: each writes its own file, the rename is atomic.
  const tmp = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  fs.renameSync(tmp, bundle);
}

if (process.env.SENIM_NO_BUNDLE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
} else {
  if (!isFresh()) await buildBundle();
  await import(pathToFileURL(bundle).href);
}
