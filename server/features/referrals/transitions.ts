/**
 * The answers of a referral (issue 4): sent → accepted | declined | completed, accepted → completed |
 * declined. Called by the receiver (in the app), by the sender recording a letter partner's answer,
 * and by a letter's one-time link (no session: the owner's connection, no actor organisation).
 */
import type { TCaseEventKind } from '../../../shared/schemas/case-file';
import {
  DECLINE_REASONS,
  FINAL_REFERRAL_STATUSES,
  REFERRAL_OUTCOMES,
  type TReferralStatus,
} from '../../../shared/schemas/referrals';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { conflict, HttpError } from '../../http/errors';
import { REFERRAL_SEALED } from './sealed';
import { addReferralEvent, echoToCases, lockReferral, notify, type TReferralRow } from './store';

export type TReferralAnswer = {
  status: 'accepted' | 'declined' | 'completed';
  /** DECLINE_REASONS: required when declined */
  reason?: string;
  /** REFERRAL_OUTCOMES: required when completed */
  outcome?: string;
  /** the partner's words (sealed) */
  note?: string;
};
export type TAnswerVia = 'receiver' | 'sender' | 'link';

export type TAnswerResult = {
  id: string;
  status: TReferralStatus;
  reference: string;
  previousStatus: TReferralStatus;
  fromOrgId: string;
  toOrgId: string;
  answerCode: string | null;
  version: number;
};

const CASE_KIND: Record<TReferralAnswer['status'], TCaseEventKind> = {
  accepted: 'referralAccepted',
  declined: 'referralDeclined',
  completed: 'referralCompleted',
};

/** 409: revoked, expired or already final (audited as a failure by the caller's request). */
export const notAnswerable = (r: Pick<TReferralRow, 'id' | 'status'>, action: 'referral.accepted' | 'referral.declined' | 'referral.completed' | 'referral.answerRecorded' | 'referral.linkAnswered'): HttpError =>
  new HttpError(409, 'error.referralNotAnswerable', {}, {
    action,
    outcome: 'failure',
    targetType: 'referral',
    targetId: r.id,
    details: { reason: 'notAnswerable', status: r.status },
  });

const auditActionOf = (via: TAnswerVia, status: TReferralAnswer['status']) =>
  via === 'sender' ? 'referral.answerRecorded' : via === 'link' ? 'referral.linkAnswered' : (`referral.${status}` as const);

/**
 * Records an answer. `q` is a scoped handle (receiver, sender) or, for 'link', the owner's
 * connection inside the caller's transaction. Checks: the referral exists for the caller (404), the
 * caller's side fits `via` (404 for an organisation of neither side, 403 for a sender answering a
 * partner that uses Senim), the transition is allowed (409 'error.referralNotAnswerable' for revoked,
 * expired or final; 409 'error.referralAcceptFirst' to complete an app referral not yet accepted),
 * the version if given (409 conflict). Writes the referral, its event, the step on both case
 * timelines (codes only) and a notification job. Auditing is the caller's (it holds the audit sink).
 */
export async function answerReferral(
  q: Queryable,
  input: {
    referralId: string;
    answer: TReferralAnswer;
    via: TAnswerVia;
    actorOrgId: string | null;
    actorUserId: string | null;
    sealer: Sealer;
    version?: number;
  },
): Promise<TAnswerResult> {
  const { answer, via } = input;
  const r = await lockReferral(q, input.referralId);
  const action = auditActionOf(via, answer.status);
  if (via === 'receiver' && input.actorOrgId !== r.to_org_id) throw notAnswerableSide(r, action);
  if (via === 'sender') {
    if (input.actorOrgId !== r.from_org_id) throw notAnswerableSide(r, action);
    if (r.delivery !== 'letter') {
      throw new HttpError(403, 'error.referralAnsweredByPartner', {}, {
        action: 'access.denied',
        outcome: 'denied',
        targetType: 'referral',
        targetId: r.id,
        details: { reason: 'partnerUsesSenim', attempted: action },
      });
    }
  }
  if (via === 'link' && input.actorOrgId !== null) throw new Error('a link answer has no actor organisation');

  // The transition.
  const from = r.status;
  if (FINAL_REFERRAL_STATUSES.includes(from)) throw notAnswerable(r, action);
  if (from === 'accepted' && answer.status === 'accepted') throw notAnswerable(r, action);
  // A partner with Senim accepts first; a partner answering a letter may send the outcome at once.
  if (from === 'sent' && answer.status === 'completed' && via === 'receiver' && r.delivery === 'app') {
    throw new HttpError(409, 'error.referralAcceptFirst', {}, {
      action,
      outcome: 'failure',
      targetType: 'referral',
      targetId: r.id,
      details: { reason: 'notAccepted', status: from },
    });
  }
  if (input.version !== undefined && input.version !== r.version) throw conflict();

  let code: string | null = null;
  if (answer.status === 'declined') {
    if (!answer.reason || !(DECLINE_REASONS as readonly string[]).includes(answer.reason)) throw badAnswer('reason');
    code = answer.reason;
  } else if (answer.status === 'completed') {
    if (!answer.outcome || !(REFERRAL_OUTCOMES as readonly string[]).includes(answer.outcome)) throw badAnswer('outcome');
    code = answer.outcome;
  }
  const note = answer.note?.trim() ? answer.note.trim() : null;

  const { rows } = await q.query<{ version: number }>(
    `UPDATE referrals SET status = $2, answer_code = $3, answer_note_sealed = $4,
            answered_at = coalesce(answered_at, now()),
            completed_at = CASE WHEN $2 = 'completed' THEN now() ELSE completed_at END,
            closed_at = CASE WHEN $2 IN ('declined', 'completed') THEN now() ELSE closed_at END,
            updated_at = now(), version = version + 1
      WHERE id = $1 RETURNING version`,
    [r.id, answer.status, code, input.sealer.sealNullable(note, REFERRAL_SEALED.answerNote)],
  );
  const payload = { status: answer.status, answerCode: code, previousStatus: from, via };
  await addReferralEvent(q, input.sealer, {
    referralId: r.id,
    kind: via === 'sender' ? 'answerRecorded' : via === 'link' ? 'linkAnswered' : answer.status,
    actorOrgId: input.actorOrgId,
    actorUserId: input.actorUserId,
    payload,
    content: note ? { message: note, addedFields: [] } : null,
  });
  // The outcome flows back to the sender's case; the receiver's own case (if opened) has it too.
  await echoToCases(
    q,
    r,
    CASE_KIND[answer.status],
    { status: answer.status, answerCode: code, via },
    { orgId: input.actorOrgId, userId: input.actorUserId },
    ['sender', 'receiver'],
  );
  await notify(q, r.id, answer.status);
  return {
    id: r.id,
    status: answer.status,
    reference: r.reference,
    previousStatus: from,
    fromOrgId: r.from_org_id,
    toOrgId: r.to_org_id,
    answerCode: code,
    version: rows[0]!.version,
  };
}

/** The caller's organisation is not the side it answers for: as if the referral were not there. */
function notAnswerableSide(r: Pick<TReferralRow, 'id'>, attempted: string): HttpError {
  return new HttpError(404, 'error.notFound', {}, {
    action: 'access.denied',
    outcome: 'denied',
    targetType: 'referral',
    targetId: r.id,
    details: { reason: 'notFound', attempted },
  });
}

function badAnswer(field: 'reason' | 'outcome'): HttpError {
  return new HttpError(400, 'error.validation', { details: field });
}
