import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../boot';

// Test helpers: run the real `senim` binary in a child process against a temporary data folder.

export const SENIM_BIN = path.join(REPO_ROOT, 'bin', 'senim.mjs');

export type TCliResult = { code: number | null; stdout: string; stderr: string };

export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'SENIM_KEY', 'SENIM_DEMO', 'PORT', 'HOST']) delete env[k];
  return { ...env, SENIM_DATA_DIR: dataDir, SENIM_LOG_LEVEL: 'warn', ...extra };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<TCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SENIM_BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`senim ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export type TServerProcess = { child: ChildProcess; url: string; output: () => string };

/** Starts `senim start --no-build` on a free port and waits until it prints its URL. */
export function startCliServer(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<TServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SENIM_BIN, 'start', '--no-build'], {
      cwd: REPO_ROOT,
      env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${out}`));
    });
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `senim-${prefix}-`));
}

export function copyDir(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  fs.rmSync(path.join(to, 'senim.lock'), { force: true });
  return to;
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Runs a command line in this process (much faster than a child: no new runtime, no new
 * WebAssembly compile), with the given environment and the console captured.
 */
export async function runInProcess(args: string[], env: Record<string, string | undefined>): Promise<TCliResult> {
  const { runCli: run } = await import('./program');
  const keys = ['DATABASE_URL', 'SENIM_KEY', 'SENIM_DEMO', 'SENIM_DATA_DIR', 'SENIM_LOG_LEVEL', 'PORT', 'HOST', ...Object.keys(env)];
  const saved = new Map(keys.map((k) => [k, process.env[k]]));
  for (const k of keys) delete process.env[k];
  Object.assign(process.env, { SENIM_LOG_LEVEL: 'warn' }, Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)));
  let stdout = '';
  let stderr = '';
  const original = { log: console.log, error: console.error, warn: console.warn };
  const fmt = (a: unknown[]) => a.map((x) => (typeof x === 'string' ? x : String(x))).join(' ') + '\n';
  console.log = (...a: unknown[]) => void (stdout += fmt(a));
  console.warn = (...a: unknown[]) => void (stderr += fmt(a));
  console.error = (...a: unknown[]) => void (stderr += fmt(a));
  try {
    const code = await run(['node', 'senim', ...args]);
    return { code, stdout, stderr };
  } finally {
    Object.assign(console, original);
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
