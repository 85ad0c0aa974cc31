/**
 * The 'referral.notify' job: for a step of a referral, the in-app notifications of the users who
 * should know, and their mail (a reference and a link, never personal data), kept in mail_outbox
 * and sent by 'mail.send' jobs. Runs on the owner's connection, in one transaction with the job's
 * completion, so a retried job never notifies twice.
 */
import { ROLE_ACTIONS, type TRole } from '../../shared/roles';
import type { NOTIFICATION_KINDS } from '../../shared/schemas/referrals';
import type { TStaffLocale } from '../../shared/locales';
import type { Tx } from '../db/types';
import { enqueueJob } from './queue';
import { asLocale, lettersText } from './messages';
import type { TJobDeps } from './worker';

type TKind = (typeof NOTIFICATION_KINDS)[number];

/** Roles whose holders answer received referrals (referral.respond). */
export const RESPONDING_ROLES: TRole[] = (Object.keys(ROLE_ACTIONS) as TRole[]).filter((r) => ROLE_ACTIONS[r].includes('referral.respond'));

const SENDER_EVENTS: Record<string, TKind> = {
  accepted: 'referralAccepted',
  declined: 'referralDeclined',
  completed: 'referralCompleted',
  expired: 'referralExpired',
};
const RECEIVER_EVENTS: Record<string, TKind> = {
  sent: 'referralReceived',
  revoked: 'referralRevoked',
  updated: 'referralUpdated',
  updateShared: 'referralUpdated',
};

type TRef = {
  id: string;
  reference: string;
  from_org_id: string;
  to_org_id: string;
  from_case_id: string;
  sent_by: string | null;
  delivery: 'app' | 'letter';
  uses_senim: boolean | null;
  notify_email: string | null;
  letter_language: string | null;
  from_org_name: string;
  from_names: Record<string, string> | null;
  last_event: string | null;
};

type TRecipient = { user_id: string; org_id: string; email: string; locale: string };

export function appLink(deps: TJobDeps, path: string): string {
  const base = deps.config.publicUrl ?? `http://${deps.config.host === '0.0.0.0' ? 'localhost' : deps.config.host}:${deps.config.port}`;
  return `${base.replace(/\/$/, '')}${path}`;
}

/** Writes the notifications and the mail of one referral step; returns how many users were told. */
export async function notifyReferral(tx: Tx, deps: TJobDeps, payload: { referralId: string; event: string }, jobId: string): Promise<number> {
  const { rows } = await tx.query<TRef>(
    `SELECT r.id, r.reference, r.from_org_id, r.to_org_id, r.from_case_id, r.sent_by, r.delivery,
            p.uses_senim, p.notify_email, p.letter_language, o.name AS from_org_name, fp.names AS from_names,
            (SELECT e.kind FROM referral_events e WHERE e.referral_id = r.id ORDER BY e.at DESC LIMIT 1) AS last_event
       FROM referrals r
       JOIN organisations o ON o.id = r.from_org_id
       LEFT JOIN partner_profiles p ON p.org_id = r.to_org_id
       LEFT JOIN partner_profiles fp ON fp.org_id = r.from_org_id
      WHERE r.id = $1`,
    [payload.referralId],
  );
  const r = rows[0];
  if (!r) return 0; // nothing to tell about a referral that is not there
  const event = payload.event;
  let kind: TKind | undefined;
  let recipients: TRecipient[] = [];
  if (SENDER_EVENTS[event]) {
    kind = r.last_event === 'linkAnswered' && event !== 'expired' ? 'referralAnsweredByLetter' : SENDER_EVENTS[event];
    recipients = (
      await tx.query<TRecipient>(
        `SELECT u.id AS user_id, u.org_id, u.email, u.locale FROM users u
          WHERE u.org_id = $1 AND u.is_active
            AND (u.id = $2 OR u.id = (SELECT c.assigned_user_id FROM cases c WHERE c.org_id = $1 AND c.id = $3))
          ORDER BY u.id`,
        [r.from_org_id, r.sent_by, r.from_case_id],
      )
    ).rows;
  } else if (RECEIVER_EVENTS[event]) {
    kind = RECEIVER_EVENTS[event];
    recipients = (
      await tx.query<TRecipient>(
        `SELECT u.id AS user_id, u.org_id, u.email, u.locale FROM users u
          WHERE u.org_id = $1 AND u.is_active AND u.roles && $2::text[] ORDER BY u.id`,
        [r.to_org_id, RESPONDING_ROLES],
      )
    ).rows;
  }
  if (!kind) return 0; // a step nobody is told about (a case opened from the referral …)

  const link = appLink(deps, `/referrals/${r.id}`);
  for (const u of recipients) {
    const locale = asLocale(u.locale);
    await tx.query(
      `INSERT INTO notifications (org_id, user_id, kind, referral_id, payload) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [u.org_id, u.user_id, kind, r.id, JSON.stringify({ reference: r.reference, event, jobId })],
    );
    const what = lettersText(locale, `notifications.kind.${kind}`, { reference: r.reference });
    await queueMail(tx, {
      orgId: u.org_id,
      to: u.email,
      subject: lettersText(locale, 'mail.subject', { what }),
      body: lettersText(locale, 'mail.body', { what, link }),
    });
  }

  // A partner without Senim hears of its letter (and of a revoked one) at its institutional address:
  // the reference and the sender's name only; the one-time link travels on the letter, not by mail.
  if (r.delivery === 'letter' && r.notify_email && (event === 'sent' || event === 'revoked')) {
    const locale: TStaffLocale = asLocale(r.letter_language);
    const sender = r.from_names?.[locale] ?? r.from_names?.ru ?? r.from_org_name;
    const key = event === 'sent' ? 'mail.letter' : 'mail.letterRevoked';
    await queueMail(tx, {
      orgId: r.to_org_id,
      to: r.notify_email,
      subject: lettersText(locale, `${key}.subject`, { reference: r.reference, sender }),
      body: lettersText(locale, `${key}.body`, { reference: r.reference, sender }),
    });
  }
  return recipients.length;
}

/** One mail kept in the outbox and a 'mail.send' job for it (the job carries the outbox id only). */
export async function queueMail(tx: Tx, m: { orgId: string | null; to: string; subject: string; body: string }): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO mail_outbox (org_id, to_address, subject, body_text) VALUES ($1, $2, $3, $4) RETURNING id`,
    [m.orgId, m.to, m.subject, m.body],
  );
  const id = rows[0]!.id;
  await enqueueJob(tx, 'mail.send', { outboxId: id });
  return id;
}
