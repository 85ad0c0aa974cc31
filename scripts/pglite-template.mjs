#!/usr/bin/env node
// Makes an initialised, empty PGlite cluster as a gzip'd tarball (dist/pglite-template-<version>.tgz),
// so that the first start of an embedded instance loads it (about 1 s) instead of running initdb
// (about 4 s). Run by `npm install` (postinstall); without it the first start just takes longer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export function templatePath() {
  const pkg = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(fs.readFileSync(pkg, 'utf8'));
  return path.join(root, 'dist', `pglite-template-${version}.tgz`);
}

async function main() {
  const file = templatePath();
  if (fs.existsSync(file)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const blob = await db.dumpDataDir('gzip');
  await db.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
  console.log(`senim: embedded database template ready (${path.relative(root, file)})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    // Never fail an install over this: the first start falls back to initdb.
    console.warn(`senim: could not prepare the embedded database template (${err?.message ?? err}); the first start will be slower.`);
  });
}
