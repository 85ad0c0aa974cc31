import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { purgeExpiredSessions } from './auth/sessions';
import type { TDeps } from './http/context';
import { reindexOrganisation, scanOrganisation } from './features/duplicates/scan';
import { appendAudit } from './audit/audit';
import { startJobs } from './jobs/worker';

// Serving a booted instance: the HTTP server, the periodic jobs, and a graceful stop that lets
// in-flight requests finish before the database is closed (PGlite flushes its files on close).

const PURGE_EVERY_MS = 10 * 60_000;
const NIGHTLY_CHECK_MS = 30 * 60_000;
let lastNightlyDay = '';

/** Once a night (the first check after 02:00 in Kazakhstan, UTC+5): scan every organisation. */
async function nightlyDuplicateScan(deps: TDeps, now = new Date()): Promise<void> {
  const local = new Date(now.getTime() + 5 * 3_600_000);
  const day = local.toISOString().slice(0, 10);
  if (local.getUTCHours() < 2 || day === lastNightlyDay) return;
  lastNightlyDay = day;
  try {
    const { rows } = await deps.systemDb.query<{ id: string }>('SELECT id FROM organisations');
    for (const org of rows) {
      await deps.systemDb.transaction(async (tx) => {
        const indexed = await reindexOrganisation(tx, deps.sealer, org.id);
        const res = await scanOrganisation(tx, org.id);
        await appendAudit(tx, deps.keyring.auditKey, { actorUserId: null, actorOrgId: null, ip: null, requestId: null }, [
          { action: 'person.duplicatesScanned', outcome: 'success', targetType: 'organisation', targetId: org.id, details: { ...res, indexed, via: 'nightly' } },
        ]);
      });
    }
  } catch (err) {
    deps.log.error({ err }, 'the nightly duplicate scan failed');
  }
}
const STOP_GRACE_MS = 10_000;

export type TRunningServer = {
  url: string;
  port: number;
  /** Stops accepting, waits for in-flight requests (at most 10 s), stops jobs, closes the database. */
  stop(): Promise<void>;
};

export class PortInUseError extends Error {}

export async function startServer(deps: TDeps, opts: { host: string; port: number }): Promise<TRunningServer> {
  const app = createApp(deps);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: opts.host, port: opts.port }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        reject(new PortInUseError(`${opts.host}:${opts.port} is already in use: stop what runs there or set PORT to another port.`));
      } else if (err.code === 'EACCES') {
        reject(new PortInUseError(`Not allowed to listen on ${opts.host}:${opts.port}: choose a PORT above 1024.`));
      } else reject(err);
    };
    server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;

  const purge = async () => {
    try {
      const n = await purgeExpiredSessions(deps.systemDb);
      if (n > 0) deps.log.info({ purged: n }, 'expired sessions purged');
    } catch (err) {
      deps.log.error({ err }, 'could not purge expired sessions');
    }
  };
  void purge();
  const timer = setInterval(() => void purge(), PURGE_EVERY_MS);
  timer.unref();
  // Nightly: the list of likely duplicate persons of every organisation (02:00 Kazakhstan time).
  const nightly = setInterval(() => void nightlyDuplicateScan(deps), NIGHTLY_CHECK_MS);
  nightly.unref();
  // The job queue's worker: notifications, mail, the expiry of overdue referrals (server/jobs).
  let stopJobs: (() => Promise<void>) | null = null;
  try {
    stopJobs = await startJobs(deps);
  } catch (err) {
    deps.log.error({ err }, 'the job worker did not start: notifications and mail wait in the queue');
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(timer);
      clearInterval(nightly);
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, STOP_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
      try {
        await stopJobs?.();
      } catch (err) {
        deps.log.error({ err }, 'the job worker did not stop cleanly');
      }
      await deps.systemDb.close();
    })());

  return { url: `http://${shownHost}:${port}`, port, stop };
}
