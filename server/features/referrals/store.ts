/**
 * Referral rows as stored, and the steps every change writes: a referral event, an entry on the
 * case timelines of both organisations (the other side's through the definer function
 * senim_referral_case_event), a notification job.
 */
import type { TReferralStatus, TShareableField } from '../../../shared/schemas/referrals';
import type { TCaseEventKind } from '../../../shared/schemas/case-file';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { notFound } from '../../http/errors';
import { enqueueJob } from '../../jobs/queue';
import { REFERRAL_SEALED } from './sealed';

export type TReferralRow = {
  id: string;
  reference: string;
  from_org_id: string;
  from_case_id: string;
  to_org_id: string;
  to_case_id: string | null;
  delivery: 'app' | 'letter';
  reason: string;
  services: string[];
  urgency: 'routine' | 'urgent' | 'immediate';
  deadline: string; // date as text (YYYY-MM-DD)
  shared_fields: TShareableField[];
  consent_id: string | null;
  overridden: boolean;
  status: TReferralStatus;
  answer_code: string | null;
  sent_by: string | null;
  sent_at: Date;
  answered_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  letter_expires_at: Date | null;
  letter_used_at: Date | null;
  updated_at: Date;
  version: number;
  overdue: boolean;
};

/** The columns of a referral without its sealed values (lists, transitions). */
export const REFERRAL_COLUMNS = `r.id, r.reference, r.from_org_id, r.from_case_id, r.to_org_id, r.to_case_id, r.delivery,
  r.reason, r.services, r.urgency, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.shared_fields, r.consent_id, r.overridden,
  r.status, r.answer_code, r.sent_by, r.sent_at, r.answered_at, r.completed_at, r.closed_at, r.letter_expires_at,
  r.letter_used_at, r.updated_at, r.version, ${overdueSql('r')} AS overdue`;

/**
 * Overdue: the partner has not done what was asked by the deadline — a referral still 'sent' (not
 * answered) or 'accepted' (answered, no outcome yet) whose deadline day (in Kazakhstan, UTC+5) has passed. (A 'sent' one
 * is marked 'expired' by the job soon after; until then it is overdue.)
 */
export function overdueSql(alias: string): string {
  return `(${alias}.status IN ('sent', 'accepted') AND ${alias}.deadline < ((now() AT TIME ZONE 'UTC') + interval '5 hours')::date)`;
}

/** One referral of the actor's organisation (either side), or 404. */
export async function getReferral(q: Queryable, id: string): Promise<TReferralRow> {
  const { rows } = await q.query<TReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals r WHERE r.id = $1`, [id]);
  if (!rows[0]) throw notFound('referral', id);
  return rows[0];
}

/** One referral locked for a change (row-level security: another organisation's is not found). */
export async function lockReferral(q: Queryable, id: string): Promise<TReferralRow> {
  const { rows } = await q.query<TReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals r WHERE r.id = $1 FOR UPDATE`, [id]);
  if (!rows[0]) throw notFound('referral', id);
  return rows[0];
}

/** What a referral event may carry sealed: a message and the fields newly shared (or an answer's note). */
export type TEventContent = { message: string | null; addedFields: TShareableField[] };

export async function addReferralEvent(
  q: Queryable,
  sealer: Sealer,
  e: {
    referralId: string;
    kind: string;
    actorOrgId: string | null;
    actorUserId: string | null;
    payload?: Record<string, unknown>;
    content?: TEventContent | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO referral_events (referral_id, kind, actor_org_id, actor_user_id, payload, content_sealed)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [
      e.referralId,
      e.kind,
      e.actorOrgId,
      e.actorUserId,
      JSON.stringify(e.payload ?? {}),
      e.content ? sealer.seal(JSON.stringify(e.content), REFERRAL_SEALED.eventContent) : null,
    ],
  );
}

/**
 * Writes a referral's step onto the case timelines of the sides named: the actor's own case
 * directly, the other organisation's case through senim_referral_case_event (the actor cannot
 * write there under row-level security). Without an actor organisation (a one-time link, the
 * expiry job: the owner's connection, no row-level security) both are written directly.
 * Codes and ids only in the payload.
 */
export async function echoToCases(
  q: Queryable,
  r: Pick<TReferralRow, 'id' | 'reference' | 'from_org_id' | 'from_case_id' | 'to_org_id' | 'to_case_id'>,
  kind: TCaseEventKind,
  payload: Record<string, unknown>,
  actor: { orgId: string | null; userId: string | null },
  sides: readonly ('sender' | 'receiver')[],
): Promise<void> {
  for (const side of sides) {
    const caseId = side === 'sender' ? r.from_case_id : r.to_case_id;
    const orgId = side === 'sender' ? r.from_org_id : r.to_org_id;
    if (!caseId) continue;
    if (actor.orgId === null || actor.orgId === orgId) {
      await q.query(`INSERT INTO case_events (case_id, org_id, user_id, kind, payload) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
        caseId,
        orgId,
        actor.orgId === orgId ? actor.userId : null,
        kind,
        JSON.stringify({ ...payload, referralId: r.id, reference: r.reference }),
      ]);
    } else {
      await q.query(`SELECT senim_referral_case_event($1, $2, $3::jsonb)`, [r.id, kind, JSON.stringify(payload)]);
    }
  }
}

/** The notification job of a step (ids and codes only); in the caller's transaction. */
export async function notify(q: Queryable, referralId: string, event: string): Promise<void> {
  await enqueueJob(q, 'referral.notify', { referralId, event });
}
