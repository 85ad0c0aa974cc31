/**
 * The worker of the job queue (issue 4): takes due jobs from pg-boss on the owner's connection and
 * runs them one at a time; a failing handler leaves the job to pg-boss's retry with exponential
 * backoff (policies in migration 0011), and after the last retry the job is kept as failed.
 * `startJobs` runs it with the server (main.ts); `runJobsOnce` drains what is due (tests, CLI).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import PgBoss from 'pg-boss';
import { appendAudit } from '../audit/audit';
import type { Db, Tx } from '../db/types';
import type { TDeps } from '../http/context';
import { expireOverdueReferrals } from '../features/referrals/expire';
import { bossDbOf, enqueueJob, JOB_NAMES, type TJobName } from './queue';
import { notifyReferral } from './notify';

export type TMailMessage = { from: string; to: string; subject: string; text: string };
export type TJobDeps = Pick<TDeps, 'systemDb' | 'keyring' | 'config' | 'log' | 'sealer'> & {
  /** sends one mail over SMTP; set from config.smtpUrl (tests inject one) */
  sendMail?: ((m: TMailMessage) => Promise<void>) | null;
};

type TJob = PgBoss.JobWithMetadata<Record<string, unknown>>;

const SYSTEM_ORIGIN = { actorUserId: null, actorOrgId: null, ip: null, requestId: null };

/** How often the worker looks for due jobs, and how often overdue referrals are expired. */
export const POLL_MS = 2_000;
export const EXPIRE_EVERY_MS = 15 * 60_000;

let transport: { url: string; t: Transporter } | null = null;
function smtpSender(deps: TJobDeps): ((m: TMailMessage) => Promise<void>) | null {
  if (deps.sendMail !== undefined) return deps.sendMail;
  const url = deps.config.smtpUrl;
  if (!url) return null;
  if (transport?.url !== url) {
    transport?.t.close();
    transport = { url, t: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  const t = transport.t;
  return async (m) => {
    await t.sendMail(m);
  };
}

/** A short reason for the outbox (no addresses, no bodies). */
function shortError(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  return [e.code, e.responseCode, (e.message ?? String(err)).replace(/\S+@\S+/g, '…')].filter(Boolean).join(' ').slice(0, 200);
}

async function runMail(deps: TJobDeps, job: TJob, boss: PgBoss): Promise<void> {
  const db = deps.systemDb;
  const outboxId = typeof job.data.outboxId === 'string' ? job.data.outboxId : '';
  const { rows } = await db.query<{ id: string; org_id: string | null; to_address: string; subject: string; body_text: string; sent_at: Date | null }>(
    `SELECT id, org_id, to_address, subject, body_text, sent_at FROM mail_outbox WHERE id = $1`,
    [outboxId],
  );
  const m = rows[0];
  const send = smtpSender(deps);
  // Sent already (a retried job), gone, or no SMTP configured: the mail stays in the outbox.
  if (!m || m.sent_at || !send) {
    await boss.complete(job.name, job.id);
    return;
  }
  try {
    await send({ from: deps.config.mailFrom, to: m.to_address, subject: m.subject, text: m.body_text });
  } catch (err) {
    const last = job.retryCount >= job.retryLimit;
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [m.id, shortError(err)]);
      if (last) {
        await appendAudit(tx, deps.keyring.auditKey, SYSTEM_ORIGIN, [
          { action: 'mail.failed', outcome: 'failure', targetType: 'mail', targetId: m.id, details: { attempts: job.retryCount + 1, orgId: m.org_id } },
        ]);
      }
      await boss.fail(job.name, job.id, { error: 'smtp' }, { db: bossDbOf(tx) });
    });
    deps.log.warn({ outboxId: m.id, attempt: job.retryCount + 1, last }, 'mail not sent; it stays queued');
    return;
  }
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [m.id]);
    await boss.complete(job.name, job.id, {}, { db: bossDbOf(tx) });
  });
}

async function runJob(deps: TJobDeps, boss: PgBoss, job: TJob): Promise<void> {
  const name = job.name as TJobName;
  if (name === 'mail.send') return runMail(deps, job, boss);
  if (name === 'referrals.expire') {
    // expireOverdueReferrals runs its own transactions (and enqueues the notifications); running it
    // twice is harmless, so the job completes after it.
    const n = await expireOverdueReferrals(deps.systemDb, undefined, deps.keyring.auditKey);
    if (n > 0) deps.log.info({ expired: n }, 'overdue referrals expired');
    await boss.complete(job.name, job.id);
    return;
  }
  // The notification job does its work and completes in one transaction: a retry never repeats it.
  await deps.systemDb.transaction(async (tx: Tx) => {
    const p = job.data as { referralId?: unknown; event?: unknown };
    await notifyReferral(tx, deps, { referralId: String(p.referralId), event: String(p.event) }, job.id);
    await boss.complete(job.name, job.id, {}, { db: bossDbOf(tx) });
  });
}

function newBoss(db: Db, opts: { supervise: boolean }): PgBoss {
  const boss = new PgBoss({ db: bossDbOf(db), supervise: opts.supervise, schedule: false, migrate: true });
  return boss;
}

export type TRunResult = { done: number; failed: number };

/**
 * Runs every due job of the given queues (all by default), one at a time, until none is due or
 * `max` jobs ran. A job that throws is failed (pg-boss retries it later with backoff).
 */
export async function runJobsOnce(
  deps: TJobDeps,
  opts: { names?: readonly TJobName[]; max?: number; boss?: PgBoss } = {},
): Promise<TRunResult> {
  const boss = opts.boss ?? newBoss(deps.systemDb, { supervise: false });
  const names = opts.names ?? JOB_NAMES;
  const max = opts.max ?? 500;
  const result: TRunResult = { done: 0, failed: 0 };
  let progressed = true;
  while (progressed && result.done + result.failed < max) {
    progressed = false;
    for (const name of names) {
      const jobs = await boss.fetch<Record<string, unknown>>(name, { batchSize: 10, includeMetadata: true });
      for (const job of jobs) {
        progressed = true;
        try {
          await runJob(deps, boss, job);
          result.done++;
        } catch (err) {
          result.failed++;
          deps.log.warn({ err, job: job.name, jobId: job.id, attempt: job.retryCount + 1 }, 'a job failed; it will be retried');
          try {
            await boss.fail(job.name, job.id, { error: shortError(err) });
          } catch (failErr) {
            deps.log.error({ err: failErr }, 'could not mark a job failed');
          }
        }
      }
    }
  }
  return result;
}

/** Enqueues the expiry of overdue referrals (at most one waiting at a time). */
export async function enqueueExpiry(db: Db): Promise<void> {
  await db.transaction((tx) => enqueueJob(tx, 'referrals.expire', {}, { singletonKey: 'expire', singletonSeconds: 60 }));
}

/**
 * Starts the worker with the server: pg-boss's supervision (stuck jobs, archive), a poll of due
 * jobs every POLL_MS, and the expiry of overdue referrals at start and every EXPIRE_EVERY_MS.
 * Returns the stop function (waits for the job in hand).
 */
export async function startJobs(deps: TJobDeps): Promise<() => Promise<void>> {
  const boss = newBoss(deps.systemDb, { supervise: true });
  boss.on('error', (err) => deps.log.error({ err }, 'job queue error'));
  await boss.start();
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (stopped || busy) return;
    busy = true;
    running = runJobsOnce(deps, { boss, max: 100 })
      .catch((err: unknown) => deps.log.error({ err }, 'the job worker failed'))
      .finally(() => {
        busy = false;
      });
  };
  const expire = () => {
    if (stopped) return;
    enqueueExpiry(deps.systemDb).catch((err: unknown) => deps.log.error({ err }, 'could not enqueue the referral expiry'));
  };
  expire();
  const poll = setInterval(tick, POLL_MS);
  poll.unref();
  const expiry = setInterval(expire, EXPIRE_EVERY_MS);
  expiry.unref();
  return async () => {
    stopped = true;
    clearInterval(poll);
    clearInterval(expiry);
    await running;
    await boss.stop({ graceful: false, wait: true, close: false });
    transport?.t.close();
    transport = null;
  };
}
