#!/usr/bin/env node
// Runs one TypeScript file through tsx: node bin/run-ts.mjs <file.ts> [args…] (used by `npm run bench`).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.mjs <file.ts> [args…]');
  process.exit(1);
}
process.argv.splice(2, 1);
register();
await import(pathToFileURL(path.resolve(file)).href);
