import type { z } from 'zod';
import { kazakhstanDay } from '../../../shared/schemas/referrals';
import type { ZReferralDashboard } from '../../../shared/schemas/referrals';
import type { TLocalisedName } from '../../../shared/schemas/partners';
import type { Queryable } from '../../db/types';

export type TReferralDashboard = z.infer<typeof ZReferralDashboard>;
type TPartnerRow = TReferralDashboard['partners'][number];

const KZ_OFFSET_MS = 5 * 3_600_000;

/** Today in Kazakhstan (UTC+5), YYYY-MM-DD: deadlines are days there. */
export const kzToday = kazakhstanDay;

/** The same day twelve months earlier (29 February falls back to 28). */
export function defaultSince(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - 1, m - 1, d));
  if (back.getUTCMonth() !== m - 1) back.setUTCDate(0);
  return back.toISOString().slice(0, 10);
}

export function isValidDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

type TAggRow = {
  org_id: string;
  received: number;
  accepted: number;
  declined: number;
  completed: number;
  expired: number;
  open: number;
  overdue: number;
  overrides: number;
  p50: number | null;
  p90: number | null;
  names: TLocalisedName | null;
};

const round1 = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);

/**
 * One aggregate query over the referrals sent since `since` (a day, Kazakhstan time), grouped by the
 * receiving organisation, then one look-up of their names. `orgId`: the organisation's view (what
 * it sent, per partner, and what it received, as its own row); null: the whole network.
 *
 * - open: sent (unanswered) or accepted (not yet completed);
 * - overdue: not done by its deadline day — still unanswered (until the expiry job marks it expired)
 *   or accepted without an outcome (as the referral lists count it, referrals/store.ts overdueSql);
 * - accepted: accepted at some point and not declined — accepted now or completed since;
 * - acceptance rate: accepted / (accepted + declined), null before any answer;
 * - hours to answer: from sending to the first answer (accepted or declined), median and 90th
 *   percentile over the referrals answered.
 */
export async function dashboardFigures(
  db: Queryable,
  o: { since: string; today: string; orgId: string | null },
): Promise<TReferralDashboard> {
  const sinceTs = new Date(Date.parse(`${o.since}T00:00:00Z`) - KZ_OFFSET_MS).toISOString();
  const params: unknown[] = [sinceTs, o.today];
  const cols = 'r.to_org_id, r.status, r.deadline, r.sent_at, r.answered_at, r.overridden';
  // The organisation's view is two disjoint index ranges (what it sent, what it received), each
  // read from a covering index (0012) without touching the table; the network's one range of days.
  let source = `SELECT ${cols} FROM referrals r WHERE r.sent_at >= $1::timestamptz`;
  if (o.orgId) {
    params.push(o.orgId);
    source =
      `SELECT ${cols} FROM referrals r WHERE r.from_org_id = $3 AND r.sent_at >= $1::timestamptz ` +
      `UNION ALL SELECT ${cols} FROM referrals r WHERE r.to_org_id = $3 AND r.sent_at >= $1::timestamptz`;
  }
  const { rows } = await db.query<TAggRow>(
    `WITH agg AS (
       SELECT r.to_org_id AS org_id,
              count(*)::int AS received,
              count(*) FILTER (WHERE r.status IN ('accepted', 'completed'))::int AS accepted,
              count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
              count(*) FILTER (WHERE r.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE r.status = 'expired')::int AS expired,
              count(*) FILTER (WHERE r.status IN ('sent', 'accepted'))::int AS open,
              count(*) FILTER (WHERE r.status IN ('sent', 'accepted') AND r.deadline < $2::date)::int AS overdue,
              count(*) FILTER (WHERE r.overridden)::int AS overrides,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.sent_at))
                FILTER (WHERE r.answered_at IS NOT NULL) / 3600 AS p50,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.sent_at))
                FILTER (WHERE r.answered_at IS NOT NULL) / 3600 AS p90
         FROM (${source}) r
        GROUP BY r.to_org_id)
     SELECT agg.*, COALESCE(p.names, jsonb_build_object('ru', o.name)) AS names
       FROM agg
       LEFT JOIN partner_profiles p ON p.org_id = agg.org_id
       LEFT JOIN organisations o ON o.id = agg.org_id`,
    params,
  );

  const totals = { sent: 0, received: 0, open: 0, overdue: 0, overrides: 0 };
  const partners: TPartnerRow[] = [];
  for (const r of rows) {
    const own = o.orgId !== null && r.org_id === o.orgId;
    if (o.orgId === null) {
      totals.sent += r.received;
      totals.received += r.received;
      totals.overrides += r.overrides;
    } else if (own) {
      totals.received += r.received;
    } else {
      totals.sent += r.received;
      totals.overrides += r.overrides; // overrides are the sender's
    }
    totals.open += r.open;
    totals.overdue += r.overdue;
    const answered = r.accepted + r.declined;
    partners.push({
      orgId: r.org_id,
      // the names of an organisation outside the reader's reach and without a directory entry
      names: r.names ?? { ru: '—' },
      received: r.received,
      accepted: r.accepted,
      declined: r.declined,
      completed: r.completed,
      expired: r.expired,
      open: r.open,
      overdue: r.overdue,
      acceptanceRate: answered === 0 ? null : Math.round((1000 * r.accepted) / answered) / 1000,
      medianHoursToAnswer: round1(r.p50),
      p90HoursToAnswer: round1(r.p90),
    });
  }
  // Most overdue first, then most received; the web app sorts as the reader chooses.
  partners.sort((a, b) => b.overdue - a.overdue || b.received - a.received || a.orgId.localeCompare(b.orgId));
  return { scope: o.orgId === null ? 'network' : 'organisation', totals, partners, since: o.since };
}
