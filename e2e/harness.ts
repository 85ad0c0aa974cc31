// Browser-test harness: a real Senim server in a child process (fresh temp data folder, free port,
// demo data seeded through the CLI), and headless Chromium pages that record CSP violations and
// console errors. SENIM_E2E_URL=<url> reuses a server that is already running instead.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'bin', 'senim.mjs');
export const DEMO_PASSWORD = 'Senim-demo-2026!';

export type TTestServer = { url: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`senim ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`senim start exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok && ((await response.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`senim start was not healthy within ${timeoutMs} ms:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Seeds a fresh data folder with the demo data and starts `senim start` on a free port. */
export async function startTestServer(): Promise<TTestServer> {
  const reuse = process.env.SENIM_E2E_URL;
  if (reuse) return { url: reuse.replace(/\/$/, ''), stop: async () => {} };

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'senim-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SENIM_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SENIM_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // always the embedded database in a throw-away folder
  await runCli(['seed', '--demo'], env);
  const child = spawn(process.execPath, [CLI, 'start', '--no-build'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    // the web app was built once by e2e/global-setup.ts
    await waitForHealth(url, child, () => output, 90_000);
  } catch (error) {
    await stopChild(child);
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`senim start exited early (${code ?? signal}):\n${output}`);
  });
  let stopping = false;
  return {
    url,
    stop: async () => {
      stopping = true;
      await stopChild(child);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type TWatchedPage = {
  page: Page;
  /** Content-Security-Policy violations and uncaught errors seen so far */
  problems: string[];
};

/** A page in a fresh context that records CSP violations, uncaught errors and console errors. */
export async function openPage(browser: Browser, locale = 'ru-RU'): Promise<TWatchedPage> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation;
      void report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // a 4xx answer the test provoked on purpose is logged by the browser as "Failed to load resource"
    if (
      message.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(text)
    ) {
      problems.push(`console error: ${text}`);
    }
  });
  return { page, problems };
}

const AXE_SOURCE = fs.readFile(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

type TAxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/**
 * Runs axe-core on the page and returns the serious and critical violations. axe is evaluated
 * through the DevTools protocol, not added as a <script> tag: the app's CSP (script-src 'self')
 * would block an inline script, and that is exactly what it should do.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const source = await AXE_SOURCE;
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: TAxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
}

/** Signs in through the form and waits for the signed-in layout. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('nav.app-nav').waitFor({ timeout: 15_000 });
}

/**
 * The set-up every browser test file shares: one server and one browser for the file, and after each
 * test every page it opened must have had no CSP violation, console error or uncaught error.
 */
export function browserSuite() {
  let server: TTestServer | undefined;
  let browser: Browser | undefined;
  const opened: TWatchedPage[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    for (const watched of opened.splice(0)) {
      expect(watched.problems).toEqual([]);
      await watched.page.context().close();
    }
  });
  return {
    get url(): string {
      if (!server) throw new Error('the test server has not started');
      return server.url;
    },
    async open(locale?: string): Promise<TWatchedPage> {
      if (!browser) throw new Error('the browser has not started');
      const watched = await openPage(browser, locale);
      opened.push(watched);
      return watched;
    },
  };
}

/** A JSON request as the signed-in user of the page (same origin, the session's CSRF token). */
export function apiCall<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json().catch(() => null)) as T };
    },
    { method, path, body },
  );
}
