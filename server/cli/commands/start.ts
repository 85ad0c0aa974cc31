import cluster from 'node:cluster';
import type { Command } from 'commander';
import { boot, REPO_ROOT } from '../../boot';
import { cliConfig, lockFor } from '../context';
import { CliError } from '../errors';
import { buildWeb, webBuildState } from '../web-build';

type TStartOptions = { build: boolean };

async function ensureWebBuilt(): Promise<void> {
  const state = webBuildState(REPO_ROOT);
  if (state.kind === 'no-config') {
    console.warn('warning: web/vite.config.ts not found; serving the API only.');
    return;
  }
  if (state.kind === 'fresh') return;
  console.log(state.reason === 'missing' ? 'Building the web app (first start)…' : 'Web sources changed: rebuilding the web app…');
  const started = Date.now();
  try {
    await buildWeb(REPO_ROOT);
  } catch (err) {
    throw new CliError(
      `The web app did not build: ${err instanceof Error ? err.message : String(err)}\n` +
        'Fix the build, or run `senim start --no-build` to serve the API (and any earlier build) only.',
    );
  }
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * With PostgreSQL, SENIM_WORKERS=N serves from N processes sharing the port (node:cluster): the
 * primary builds and migrates once, then forks; a worker that dies is replaced.
 */
async function runPrimary(opts: TStartOptions, workers: number): Promise<void> {
  const config = cliConfig();
  if (!config.databaseUrl) {
    throw new CliError('SENIM_WORKERS above 1 needs DATABASE_URL: an embedded database is opened by one process only.');
  }
  if (opts.build) await ensureWebBuilt();
  const deps = await boot({ config });
  await deps.systemDb.close();
  let stopping = false;
  const fork = () => cluster.fork({ SENIM_WORKER: '1' });
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code) => {
    if (!stopping) {
      console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
      fork();
    }
  });
  await new Promise<void>((resolve) => cluster.once('listening', () => resolve()));
  console.log(`Senim is running at http://${config.host}:${config.port}  (PostgreSQL, ${workers} worker processes)`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      if (stopping) return;
      stopping = true;
      console.log('stopping the workers…');
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      const check = setInterval(() => {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          clearInterval(check);
          console.log('Stopped.');
          resolve();
        }
      }, 100);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

export async function runStart(opts: TStartOptions): Promise<void> {
  const workers = Number(process.env.SENIM_WORKERS ?? '1');
  const isWorker = cluster.isWorker;
  if (!isWorker && Number.isInteger(workers) && workers > 1) return runPrimary(opts, workers);
  const config = cliConfig();
  // Lock before the (slow) build, so a second start on the same folder refuses at once.
  const lock = lockFor(config);
  try {
    if (opts.build && !isWorker) await ensureWebBuilt();
    // The HTTP application is loaded only by the command that serves it.
    const { PortInUseError, startServer } = await import('../../main');
    const deps = await boot({ config });
    let server;
    try {
      server = await startServer(deps, { host: config.host, port: config.port });
    } catch (err) {
      await deps.systemDb.close();
      if (err instanceof PortInUseError) throw new CliError(err.message);
      throw err;
    }
    if (!isWorker) {
      const { rows } = await deps.systemDb.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
      console.log(`Senim is running at ${server.url}  (${where})`);
      if (!deps.webDir) console.log('The web app is not built: only the API is served (see `senim start --help`).');
      if ((rows[0]?.n ?? 0) === 0) {
        console.log(
          'The database is empty. For demo data: stop the server (Ctrl+C), run `npx senim seed --demo`, and start again.\n' +
            'For a real deployment: `npx senim org add …` and `npx senim user add …` (see docs/CLI.md).',
        );
      }
      console.log('Press Ctrl+C to stop.');
    }

    await new Promise<void>((resolve) => {
      let signalled = false;
      const onSignal = (signal: NodeJS.Signals) => {
        if (signalled) {
          console.log('Stopping now.');
          process.exit(130);
        }
        signalled = true;
        console.log(`${signal}: finishing requests in flight and closing the database…`);
        server
          .stop()
          .then(() => {
            console.log('Stopped.');
            resolve();
          })
          .catch((err: unknown) => {
            console.error('error while stopping:', err instanceof Error ? err.message : err);
            process.exitCode = 1;
            resolve();
          });
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
  } finally {
    lock?.release();
  }
}

export function register(program: Command): void {
  program
    .command('start')
    .description('serve the web app and the API (builds the web app first when its sources changed)')
    .option('--no-build', 'do not build the web app; serve whatever dist/web holds (or the API only)')
    .addHelpText(
      'after',
      `
Environment:
  PORT, HOST           where to listen (default 127.0.0.1:3000)
  SENIM_DATA_DIR       embedded database folder (default ./data), created on first start
  DATABASE_URL         postgres://… to use PostgreSQL instead of the embedded database
  SENIM_KEY            the keys (else SENIM_DATA_DIR/senim.key is created and used)

Migrations are applied at start. A database written by a newer version is refused. Only one
process may open an embedded data folder at a time.`,
    )
    .action(async (opts: TStartOptions) => {
      await runStart(opts);
    });
}
