import { beforeAll, describe, expect, it } from 'vitest';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  type TTestContext,
} from '../../test/harness';
import { defaultSince, kzToday } from './figures';

let ctx: TTestContext;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dayOf = (ms: number) => kzToday(ms);

type TFixture = { a: string; b: string; c: string; d: string; e: string };
let f: TFixture;
let refSeq = 0;

async function caseOf(orgId: string): Promise<string> {
  const { rows } = await ctx.db.query<{ id: string }>(
    `INSERT INTO cases (org_id, case_number) VALUES ($1, $2) RETURNING id`,
    [orgId, `T-${Date.now()}-${++refSeq}`],
  );
  return rows[0]!.id;
}

async function referral(
  from: string,
  to: string,
  r: { sentAgo: number; status: string; answerAfterH?: number; deadlineIn: number; overridden?: boolean },
): Promise<void> {
  const now = Date.now();
  const sent = now - r.sentAgo;
  const answered = r.answerAfterH === undefined ? null : new Date(sent + r.answerAfterH * HOUR).toISOString();
  await ctx.db.query(
    `INSERT INTO referrals (reference, from_org_id, from_case_id, to_org_id, delivery, reason, urgency, deadline,
        snapshot_sealed, status, sent_at, answered_at, completed_at, overridden)
     VALUES ($1, $2, $3, $4, 'app', 'Other', 'routine', $5, '\\x00', $6, $7, $8, $9, $10)`,
    [
      `T-DASH-${Date.now()}-${++refSeq}`,
      from,
      await caseOf(from),
      to,
      dayOf(now + r.deadlineIn * DAY),
      r.status,
      new Date(sent).toISOString(),
      answered,
      r.status === 'completed' ? new Date(now - DAY).toISOString() : null,
      r.overridden ?? false,
    ],
  );
}

beforeAll(async () => {
  ctx = await setupTestContext();
  const a = (await buildOrg(ctx, { name: `NGO A ${Date.now()}` })).id;
  const b = (await buildOrg(ctx, { type: 'police', name: `Police B ${Date.now()}` })).id;
  const c = (await buildOrg(ctx, { type: 'trade_union', name: `Union C ${Date.now()}` })).id;
  const d = (await buildOrg(ctx, { name: `NGO D ${Date.now()}` })).id;
  const e = (await buildOrg(ctx, { name: `NGO E ${Date.now()}` })).id;
  f = { a, b, c, d, e };
  await ctx.db.query(
    `INSERT INTO partner_profiles (org_id, partner_type, names, membership) VALUES ($1, 'LawEnforcement', $2, 'approved')`,
    [b, JSON.stringify({ ru: 'Полиция Б', en: 'Police B' })],
  );
  // A → B: completed (answered after 2 h), declined (10 h), accepted (4 h), overdue, open with override;
  // one more, 400 days ago, outside the default period.
  await referral(a, b, { sentAgo: 10 * DAY, status: 'completed', answerAfterH: 2, deadlineIn: -3 });
  await referral(a, b, { sentAgo: 8 * DAY, status: 'declined', answerAfterH: 10, deadlineIn: -1 });
  await referral(a, b, { sentAgo: 5 * DAY, status: 'accepted', answerAfterH: 4, deadlineIn: 2 });
  await referral(a, b, { sentAgo: 3 * DAY, status: 'sent', deadlineIn: -1 });
  await referral(a, b, { sentAgo: 2 * DAY, status: 'sent', deadlineIn: 5, overridden: true });
  await referral(a, b, { sentAgo: 400 * DAY, status: 'completed', answerAfterH: 1, deadlineIn: -390 });
  // A → C: expired, accepted after 30 h but not done by its deadline (overdue)
  await referral(a, c, { sentAgo: 20 * DAY, status: 'expired', deadlineIn: -10 });
  await referral(a, c, { sentAgo: 6 * DAY, status: 'accepted', answerAfterH: 30, deadlineIn: -1 });
  // D → A: overdue at A; D → B: declined after 1 h
  await referral(d, a, { sentAgo: 4 * DAY, status: 'sent', deadlineIn: -2 });
  await referral(d, b, { sentAgo: 3 * DAY, status: 'declined', answerAfterH: 1, deadlineIn: 4 });
});

type TBody = {
  scope: string;
  since: string;
  totals: { sent: number; received: number; open: number; overdue: number; overrides: number };
  partners: Array<Record<string, unknown> & { orgId: string }>;
};
const row = (body: TBody, orgId: string) => body.partners.find((p) => p.orgId === orgId);

describe('GET /api/v1/referral-dashboard', () => {
  it('401 without a session', async () => {
    const res = await agent(ctx.app).request('GET', '/api/v1/referral-dashboard');
    expect(res.status).toBe(401);
  });

  it('403 for case workers, operators and partner officers, audited as denials', async () => {
    for (const role of ['case_worker', 'operator', 'partner_officer'] as const) {
      const u = await buildUser(ctx, { orgId: f.a, roles: [role] });
      const res = await (await signIn(ctx, u)).request('GET', '/api/v1/referral-dashboard');
      expect(res.status, role).toBe(403);
      const denied = await auditRows(ctx, { action: 'access.denied', actorUserId: u.id });
      expect(denied).toHaveLength(1);
      expect(denied[0]!.details.attempted).toBe('referral.dashboard');
      expect(await auditRows(ctx, { action: 'referral.dashboardRead', actorUserId: u.id })).toHaveLength(0);
    }
  });

  it('400 for a malformed or impossible day', async () => {
    const a = await signIn(ctx, await buildUser(ctx, { orgId: f.a, roles: ['supervisor'] }));
    for (const since of ['yesterday', '2026-13-01', '2026-02-30', '1999-12-31']) {
      expect((await a.request('GET', `/api/v1/referral-dashboard?since=${since}`)).status, since).toBe(400);
    }
    expect((await a.request('GET', '/api/v1/referral-dashboard?bogus=1')).status).toBe(400);
  });

  it("a supervisor sees the organisation's partners and itself as a receiver, with the right figures, audited", async () => {
    const sup = await buildUser(ctx, { orgId: f.a, roles: ['supervisor'] });
    const res = await (await signIn(ctx, sup)).request('GET', '/api/v1/referral-dashboard');
    expect(res.status).toBe(200);
    const body = (await res.json()) as TBody;
    expect(body.scope).toBe('organisation');
    expect(body.since).toBe(defaultSince(kzToday()));
    expect(body.totals).toEqual({ sent: 7, received: 1, open: 5, overdue: 3, overrides: 1 });
    expect(body.partners.map((p) => p.orgId).sort()).toEqual([f.a, f.b, f.c].sort());
    expect(row(body, f.b)).toEqual({
      orgId: f.b,
      names: { ru: 'Полиция Б', en: 'Police B' },
      received: 5,
      accepted: 2,
      declined: 1,
      completed: 1,
      expired: 0,
      open: 3,
      overdue: 1,
      acceptanceRate: 0.667,
      medianHoursToAnswer: 4,
      p90HoursToAnswer: 8.8,
    });
    expect(row(body, f.c)).toMatchObject({
      received: 2,
      accepted: 1,
      expired: 1,
      open: 1,
      overdue: 1,
      acceptanceRate: 1,
    });
    expect(row(body, f.c)!.medianHoursToAnswer).toBe(30);
    expect(row(body, f.a)).toMatchObject({
      received: 1,
      open: 1,
      overdue: 1,
      acceptanceRate: null,
      medianHoursToAnswer: null,
    });
    // D → B is none of A's business
    expect(JSON.stringify(body)).not.toContain(f.d);
    const audit = await auditRows(ctx, { action: 'referral.dashboardRead', actorUserId: sup.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.outcome).toBe('success');
    expect(audit[0]!.details).toMatchObject({ scope: 'organisation' });
  });

  it('an analyst may read it too; an earlier day takes in older referrals', async () => {
    const an = await signIn(ctx, await buildUser(ctx, { orgId: f.a, roles: ['analyst'] }));
    const since = dayOf(Date.now() - 730 * DAY);
    const res = await an.request('GET', `/api/v1/referral-dashboard?since=${since}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TBody;
    expect(body.since).toBe(since);
    expect(row(body, f.b)).toMatchObject({ received: 6, completed: 2, accepted: 3 });
    expect(body.totals.sent).toBe(8);
    // a day after every referral: nothing
    const later = (await (
      await an.request('GET', `/api/v1/referral-dashboard?since=${dayOf(Date.now() + DAY)}`)
    ).json()) as TBody;
    expect(later.partners).toEqual([]);
    expect(later.totals).toEqual({ sent: 0, received: 0, open: 0, overdue: 0, overrides: 0 });
  });

  it('an organisation without referrals sees nothing of the others', async () => {
    const sup = await signIn(ctx, await buildUser(ctx, { orgId: f.e, roles: ['supervisor'] }));
    const body = (await (await sup.request('GET', '/api/v1/referral-dashboard')).json()) as TBody;
    expect(body.partners).toEqual([]);
    expect(body.totals.sent + body.totals.received).toBe(0);
  });

  it('a network administrator sees the whole network, aggregates only', async () => {
    const coord = await buildOrg(ctx, { isNetworkCoordinator: true, name: `Coordinator ${Date.now()}` });
    const admin = await buildUser(ctx, { orgId: coord.id, roles: ['admin'] });
    const res = await (await signIn(ctx, admin)).request('GET', '/api/v1/referral-dashboard');
    expect(res.status).toBe(200);
    const body = (await res.json()) as TBody;
    expect(body.scope).toBe('network');
    // other test files may add referrals to a shared PostgreSQL database: check our organisations' rows
    expect(row(body, f.b)).toMatchObject({
      received: 6,
      accepted: 2,
      declined: 2,
      open: 3,
      overdue: 1,
      acceptanceRate: 0.5,
    });
    expect(row(body, f.c)).toMatchObject({ received: 2 });
    expect(row(body, f.a)).toMatchObject({
      received: 1,
      overdue: 1,
      names: { ru: expect.stringContaining('NGO A') },
    });
    expect(body.totals.sent).toBeGreaterThanOrEqual(9);
    expect(body.totals.sent).toBe(body.totals.received);
    expect(body.totals.overrides).toBeGreaterThanOrEqual(1);
    const keys = new Set(body.partners.flatMap((p) => Object.keys(p)));
    expect([...keys].sort()).toEqual(
      [
        'acceptanceRate',
        'accepted',
        'completed',
        'declined',
        'expired',
        'medianHoursToAnswer',
        'names',
        'open',
        'orgId',
        'overdue',
        'p90HoursToAnswer',
        'received',
      ].sort(),
    );
    const audit = await auditRows(ctx, { action: 'referral.dashboardRead', actorUserId: admin.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ scope: 'network' });
  });

  it('an administrator of an ordinary organisation is not a coordinator: 403', async () => {
    const admin = await buildUser(ctx, { orgId: f.a, roles: ['admin'] });
    expect((await (await signIn(ctx, admin)).request('GET', '/api/v1/referral-dashboard')).status).toBe(403);
  });
});
