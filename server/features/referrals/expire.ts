/**
 * Expiry (issue 4): a referral still 'sent' (unanswered) after its deadline day is marked 'expired'
 * by a job: a step on the referral, on the sender's case (and the receiver's, if it opened one), a
 * system audit entry, a notification job. Runs on the owner's connection (no actor organisation).
 */
import { appendAudit, type TAuditEntry } from '../../audit/audit';
import { kazakhstanDay } from '../../../shared/schemas/referrals';
import type { Sealer } from '../../crypto/seal';
import type { Db } from '../../db/types';
import { addReferralEvent, echoToCases, notify, type TReferralRow } from './store';

/** How many referrals one transaction expires; the function loops until none is left. */
const BATCH = 500;

/** The day (UTC) at `now`: the day the request schema checks deadlines against (not in the past). */


/**
 * Marks every referral whose deadline day is before today in Kazakhstan (UTC+5) as expired, and returns
 * how many. `auditKey` is the keyring's audit key (deps.keyring.auditKey): the system's entries
 * join the tamper-evident chain.
 */
export async function expireOverdueReferrals(db: Db, now: Date | undefined, auditKey: Uint8Array): Promise<number> {
  const today = kazakhstanDay((now ?? new Date()).getTime());
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const { rows } = await tx.query<
        Pick<TReferralRow, 'id' | 'reference' | 'from_org_id' | 'from_case_id' | 'to_org_id' | 'to_case_id'> & { deadline: string }
      >(
        `UPDATE referrals SET status = 'expired', closed_at = now(), updated_at = now(), version = version + 1
          WHERE id IN (SELECT id FROM referrals WHERE status = 'sent' AND deadline < $1::date
                        ORDER BY deadline, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, reference, from_org_id, from_case_id, to_org_id, to_case_id, to_char(deadline, 'YYYY-MM-DD') AS deadline`,
        [today],
      );
      const entries: TAuditEntry[] = [];
      for (const r of rows) {
        // no content is sealed on this step, so no sealer is needed
        await addReferralEvent(tx, NO_SEALER, {
          referralId: r.id,
          kind: 'expired',
          actorOrgId: null,
          actorUserId: null,
          payload: { deadline: r.deadline },
        });
        await echoToCases(tx, r, 'referralExpired', { status: 'expired', deadline: r.deadline }, { orgId: null, userId: null }, [
          'sender',
          'receiver',
        ]);
        await notify(tx, r.id, 'expired');
        entries.push({
          action: 'referral.expired',
          outcome: 'success',
          targetType: 'referral',
          targetId: r.id,
          details: { reference: r.reference, fromOrgId: r.from_org_id, toOrgId: r.to_org_id, deadline: r.deadline, via: 'job' },
        });
      }
      await appendAudit(tx, auditKey, { actorUserId: null, actorOrgId: null, ip: null, requestId: null }, entries);
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

const NO_SEALER = {
  seal(): never {
    throw new Error('nothing is sealed on expiry');
  },
} as unknown as Sealer;
