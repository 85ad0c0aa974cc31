/**
 * The job queue on the application's own database (issue 4): work that must not block or be lost
 * (notifications, mail, expiring referrals) is enqueued in the same transaction as the change that
 * causes it, and done later by a worker, with retries.
 *
 * The queue is pg-boss 10 (schema `pgboss`, installed by migration 0011 so that every database
 * Senim migrates can take jobs before a worker starts). pg-boss talks to the database through
 * `executeSql`, so the same code runs on PostgreSQL and on the embedded PGlite: enqueueing uses the
 * caller's transaction (`send(..., { db })`), the worker uses the owner's connection (worker.ts).
 */
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '../db/types';

export const JOB_NAMES = ['referral.notify', 'mail.send', 'referrals.expire'] as const;
export type TJobName = (typeof JOB_NAMES)[number];

/** pg-boss's database interface over one of ours (a transaction, a scoped handle, the owner's Db). */
export type TBossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }> };

export function bossDbOf(q: Queryable): TBossDb {
  return {
    async executeSql(text, values) {
      // pg-boss's maintenance commands are scripts (BEGIN; lock; …; COMMIT) without parameters:
      // PGlite's extended protocol takes one statement, so scripts go through exec.
      if ((!values || values.length === 0) && /^\s*BEGIN\s*;/i.test(text)) {
        await q.exec(text);
        return { rows: [], rowCount: 0 };
      }
      const r = await q.query(text, values ?? []);
      return { rows: r.rows, rowCount: r.rowCount };
    },
  };
}

let sender: PgBoss | null = null;
/**
 * An unstarted pg-boss instance used only to build and send the insert of a job through the
 * caller's handle; it never opens a connection of its own.
 */
function jobSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error('enqueueJob always runs in the caller’s transaction')),
    },
  });
  return sender;
}

/** Retry and timing of a job; the queue's policy (migration 0011) fills in the rest. */
export type TEnqueueOptions = { startAfterSeconds?: number; singletonKey?: string; singletonSeconds?: number };

/**
 * Enqueues a job inside the caller's transaction (a scoped request's `sdb` or the owner's `db`):
 * if the transaction rolls back, the job never existed. Payloads hold ids and codes, never
 * personal data.
 */
export async function enqueueJob(
  db: Queryable,
  name: TJobName,
  payload: Record<string, unknown>,
  opts: TEnqueueOptions = {},
): Promise<void> {
  await jobSender().send(name, payload, {
    db: bossDbOf(db),
    ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.singletonSeconds ? { singletonSeconds: opts.singletonSeconds } : {}),
  });
}

/** Counts of the queue's jobs by state (tests, the health of the worker). */
export async function jobCounts(db: Db, name: TJobName): Promise<Record<string, number>> {
  const { rows } = await db.query<{ state: string; n: number }>(
    `SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state`,
    [name],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
