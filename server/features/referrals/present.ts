/**
 * A referral as one of its two organisations sees it: the sender its case, the override reason (its
 * supervisors and the user who sent it), the receiver its own case; both the snapshot, the updates
 * shared, the steps (user names only for the reader's own organisation's users) and the outcome.
 */
import type { TPartnerType } from '../../../shared/schemas/partners';
import {
  FINAL_REFERRAL_STATUSES,
  type TReferral,
  type TReferralSnapshot,
} from '../../../shared/schemas/referrals';
import type { TActor } from '../../access/actor';
import { can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { REFERRAL_SEALED } from './sealed';
import { openSnapshot } from './snapshot';
import type { TEventContent, TReferralRow } from './store';

type TNames = { ru: string; kk?: string; en?: string };
export type TPartyInfo = { names: TNames; partnerType: TPartnerType | null };

/**
 * The names of the organisations of some referrals: their directory entries; for an organisation
 * without one, its own name when it is the reader's organisation, else the name the sender's
 * organisation had when it sent (kept on the 'sent' step).
 */
export async function partyNames(q: Queryable, actor: TActor, rows: readonly TReferralRow[]): Promise<Map<string, TPartyInfo>> {
  const ids = [...new Set(rows.flatMap((r) => [r.from_org_id, r.to_org_id]))];
  const out = new Map<string, TPartyInfo>();
  if (ids.length === 0) return out;
  const { rows: profiles } = await q.query<{ org_id: string; names: TNames; partner_type: TPartnerType }>(
    `SELECT org_id, names, partner_type FROM partner_profiles WHERE org_id = ANY($1::uuid[])`,
    [ids],
  );
  for (const p of profiles) out.set(p.org_id, { names: p.names, partnerType: p.partner_type });
  if (!out.has(actor.orgId) && ids.includes(actor.orgId)) {
    const { rows: own } = await q.query<{ name: string }>(`SELECT name FROM organisations WHERE id = $1`, [actor.orgId]);
    if (own[0]) out.set(actor.orgId, { names: { ru: own[0].name }, partnerType: null });
  }
  const missing = rows.filter((r) => !out.has(r.from_org_id));
  if (missing.length > 0) {
    const { rows: sent } = await q.query<{ from_org_id: string; name: string | null }>(
      `SELECT DISTINCT ON (r.from_org_id) r.from_org_id, e.payload->>'fromOrgName' AS name
         FROM referral_events e JOIN referrals r ON r.id = e.referral_id
        WHERE e.referral_id = ANY($1::uuid[]) AND e.kind = 'sent' ORDER BY r.from_org_id, e.at DESC`,
      [missing.map((r) => r.id)],
    );
    for (const s of sent) if (s.name) out.set(s.from_org_id, { names: { ru: s.name }, partnerType: null });
  }
  return out;
}

const party = (names: Map<string, TPartyInfo>, orgId: string) => {
  const p = names.get(orgId);
  return { orgId, names: p?.names ?? { ru: '—' }, partnerType: p?.partnerType ?? null };
};

type TAction = TReferral['actions'][number];

/** What the reader may do with the referral now. */
export function actionsFor(actor: TActor, r: TReferralRow): TAction[] {
  const out: TAction[] = [];
  const final = FINAL_REFERRAL_STATUSES.includes(r.status);
  if (r.from_org_id === actor.orgId) {
    if (!can(actor, 'referral.create')) return out;
    if (r.status === 'sent' || r.status === 'accepted') out.push('revoke');
    if (!final) out.push('shareUpdate');
    if (r.delivery === 'letter' && !final) out.push('letter');
    if (r.delivery === 'letter' && (r.status === 'sent' || r.status === 'accepted')) out.push('recordAnswer');
  } else if (r.to_org_id === actor.orgId) {
    if (!can(actor, 'referral.respond')) return out;
    if (r.status === 'sent') out.push('accept', 'decline');
    if (r.status === 'accepted') out.push('decline', 'complete');
    if (r.status === 'sent' && r.delivery === 'letter') out.push('complete');
    if ((r.status === 'accepted' || r.status === 'completed') && r.to_case_id === null && can(actor, 'case.create')) {
      out.push('openCase');
    }
  }
  return out;
}

/** The list form: no snapshot, no steps. */
export function presentListItem(actor: TActor, r: TReferralRow, names: Map<string, TPartyInfo>): TReferral {
  const sender = r.from_org_id === actor.orgId;
  return {
    id: r.id,
    reference: r.reference,
    side: sender ? 'sender' : 'receiver',
    from: party(names, r.from_org_id),
    to: party(names, r.to_org_id),
    fromCaseId: sender ? r.from_case_id : null,
    toCaseId: sender ? null : r.to_case_id,
    delivery: r.delivery,
    reason: r.reason as TReferral['reason'],
    services: r.services as TReferral['services'],
    urgency: r.urgency,
    deadline: r.deadline,
    overdue: r.overdue,
    status: r.status,
    answerCode: r.answer_code,
    answerNote: null,
    sharedFields: r.shared_fields,
    snapshot: null,
    overridden: r.overridden,
    overrideReason: null,
    sentAt: r.sent_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    completedAt: r.completed_at?.toISOString() ?? null,
    letter: r.delivery === 'letter' ? { expiresAt: r.letter_expires_at?.toISOString() ?? null, usedAt: r.letter_used_at?.toISOString() ?? null } : null,
    events: [],
    actions: actionsFor(actor, r),
    version: r.version,
  };
}

/** The whole referral for one reader: unsealed snapshot, updates, steps. The caller audits the read. */
export async function loadReferralView(q: Queryable, actor: TActor, sealer: Sealer, r: TReferralRow): Promise<TReferral> {
  const { rows: sealed } = await q.query<{
    snapshot_sealed: Uint8Array;
    override_reason_sealed: Uint8Array | null;
    answer_note_sealed: Uint8Array | null;
  }>(`SELECT snapshot_sealed, override_reason_sealed, answer_note_sealed FROM referrals WHERE id = $1`, [r.id]);
  const s = sealed[0]!;
  const { rows: events } = await q.query<{
    id: string;
    at: Date;
    kind: string;
    actor_org_id: string | null;
    actor_user_id: string | null;
    payload: Record<string, unknown>;
    content_sealed: Uint8Array | null;
  }>(
    `SELECT id, at, kind, actor_org_id, actor_user_id, payload, content_sealed FROM referral_events
      WHERE referral_id = $1 ORDER BY at, id`,
    [r.id],
  );
  // users is scoped to the reader's organisation: the other organisation's users are not named.
  const userIds = [...new Set(events.filter((e) => e.actor_org_id === actor.orgId && e.actor_user_id).map((e) => e.actor_user_id!))];
  const userNames = new Map<string, string>();
  if (userIds.length > 0) {
    const { rows: users } = await q.query<{ id: string; full_name_sealed: Uint8Array }>(
      `SELECT id, full_name_sealed FROM users WHERE id = ANY($1::uuid[]) AND org_id = $2`,
      [userIds, actor.orgId],
    );
    for (const u of users) userNames.set(u.id, sealer.open(u.full_name_sealed, 'users.full_name'));
  }
  const names = await partyNames(q, actor, [r]);
  const sender = r.from_org_id === actor.orgId;
  const snapshot: TReferralSnapshot = openSnapshot(sealer, s.snapshot_sealed);
  const mayReadOverride = sender && (can(actor, 'referral.override') || r.sent_by === actor.userId);
  return {
    ...presentListItem(actor, r, names),
    snapshot,
    answerNote: sealer.openNullable(s.answer_note_sealed, REFERRAL_SEALED.answerNote),
    overrideReason: mayReadOverride ? sealer.openNullable(s.override_reason_sealed, REFERRAL_SEALED.overrideReason) : null,
    events: events.map((e) => {
      const content = e.content_sealed
        ? (JSON.parse(sealer.open(e.content_sealed, REFERRAL_SEALED.eventContent)) as TEventContent)
        : null;
      // the name kept on the 'sent' step is for the directory fallback, not for the timeline
      const { fromOrgName: _drop, ...payload } = e.payload;
      void _drop;
      return {
        id: e.id,
        at: e.at.toISOString(),
        kind: e.kind,
        byOrgId: e.actor_org_id,
        byUserName: e.actor_user_id && e.actor_org_id === actor.orgId ? (userNames.get(e.actor_user_id) ?? null) : null,
        payload,
        content: content ? { message: content.message ?? null, addedFields: content.addedFields ?? [] } : null,
      };
    }),
  };
}
