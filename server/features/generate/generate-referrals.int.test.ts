import { beforeAll, describe, expect, it } from 'vitest';
// the harness (and the app with it) first: @hono/zod-openapi extends zod before any schema is made
import { buildOrg, buildUser, setupTestContext, type TTestContext } from '../../test/harness';
import { ZReferralSnapshot } from '../../../shared/schemas/referrals';
import { generateCases } from './generate-cases';
import { generateReferrals, type TGenerateReferralsOptions } from './generate-referrals';
import { REFERRAL_SEALED } from '../referrals/sealed';
import { GenerateRefusedError } from './generate-cases';

let ctx: TTestContext;
let sender: string;
let police: string;
let other: string;
const UNTIL = Date.parse('2026-06-30T12:00:00+05:00');
const target = () => ({ db: ctx.db, keyring: ctx.deps.keyring });
const options = (o: Partial<TGenerateReferralsOptions> = {}): TGenerateReferralsOptions => ({
  count: 300,
  seed: 5,
  partners: 6,
  untilMs: UNTIL,
  batchSize: 120,
  force: true,
  orgIds: [sender, police],
  ...o,
});

type TRef = {
  id: string;
  reference: string;
  from_org_id: string;
  from_case_id: string;
  to_org_id: string;
  status: string;
  sent_at: Date;
  answered_at: Date | null;
  completed_at: Date | null;
  closed_at: Date | null;
  deadline: string;
  overridden: boolean;
  snapshot_sealed: Uint8Array;
  override_reason_sealed: Uint8Array | null;
  case_number: string;
  opened_at: Date;
  steps: number;
};

async function referrals(): Promise<TRef[]> {
  const { rows } = await ctx.db.query<TRef>(
    `SELECT r.*, r.deadline::text AS deadline, c.case_number, c.opened_at,
            (SELECT count(*)::int FROM referral_events e WHERE e.referral_id = r.id) AS steps
       FROM referrals r JOIN cases c ON c.id = r.from_case_id WHERE r.from_org_id = $1 ORDER BY r.reference`,
    [sender],
  );
  return rows;
}

beforeAll(async () => {
  ctx = await setupTestContext();
  sender = (await buildOrg(ctx, { name: `Gen sender ${Date.now()}` })).id;
  police = (await buildOrg(ctx, { type: 'police', name: `Gen police ${Date.now()}` })).id;
  other = (await buildOrg(ctx, { name: `Gen bystander ${Date.now()}` })).id;
  await buildUser(ctx, { orgId: sender, roles: ['case_worker'] });
  await buildUser(ctx, { orgId: sender, roles: ['supervisor'] });
  await generateCases(target(), {
    orgId: sender,
    count: 200,
    seed: 3,
    contactsPerCase: 0,
    standaloneContacts: 0,
    years: 2,
    untilMs: UNTIL,
    batchSize: 100,
    linkKeys: false,
    force: true,
  });
});

describe('generateReferrals', { timeout: 120_000 }, () => {
  it('writes realistic referrals from the generated cases to partners it adds, with their steps, sealed', async () => {
    const r = await generateReferrals(target(), options());
    expect(r.referrals).toBe(300);
    // the two organisations in scope get directory entries, four fictional partners are added
    expect(r.profilesCreated).toBe(2);
    expect(r.partnersCreated).toBe(4);
    const rows = await referrals();
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((x) => x.reference)).size).toBe(300);
    const statuses = new Set(rows.map((x) => x.status));
    for (const s of ['sent', 'accepted', 'declined', 'completed', 'expired'])
      expect(statuses, s).toContain(s);
    // many partners receive, never the sender itself, never an organisation out of scope
    const receivers = new Set(rows.map((x) => x.to_org_id));
    expect(receivers.size).toBeGreaterThanOrEqual(4);
    expect(receivers.has(sender)).toBe(false);
    expect(receivers.has(other)).toBe(false);
    expect((await ctx.db.query(`SELECT 1 FROM partner_profiles WHERE org_id = $1`, [other])).rowCount).toBe(
      0,
    );
    for (const x of rows) {
      // sent while the case was open, answered after it was sent, before the end of the period
      expect(x.sent_at.getTime()).toBeGreaterThanOrEqual(x.opened_at.getTime());
      expect(x.sent_at.getTime()).toBeLessThan(UNTIL);
      if (x.answered_at) expect(x.answered_at.getTime()).toBeGreaterThan(x.sent_at.getTime());
      if (x.answered_at) expect(x.answered_at.getTime()).toBeLessThan(UNTIL);
      if (x.status === 'completed')
        expect(x.completed_at!.getTime()).toBeGreaterThanOrEqual(x.answered_at!.getTime());
      if (['declined', 'completed', 'revoked', 'expired'].includes(x.status))
        expect(x.closed_at).not.toBeNull();
      else expect(x.closed_at).toBeNull();
      if (['accepted', 'declined', 'completed'].includes(x.status)) expect(x.answered_at).not.toBeNull();
      expect(x.steps).toBeGreaterThanOrEqual(1);
      // the snapshot opens with the app's Sealer and fits the contract
      const snap = ZReferralSnapshot.parse(
        JSON.parse(ctx.deps.sealer.open(x.snapshot_sealed, REFERRAL_SEALED.snapshot)),
      );
      expect(snap.caseNumber).toBe(x.case_number);
      expect(x.overridden).toBe(x.override_reason_sealed !== null);
    }
    // some unanswered after their deadline, not yet expired by the job (overdue)
    const today = new Date(UNTIL + 5 * 3_600_000).toISOString().slice(0, 10);
    expect(rows.filter((x) => ['sent', 'accepted'].includes(x.status) && x.deadline < today).length).toBe(
      r.overdue,
    );
    // the steps: one 'sent' each, then the answers
    const { rows: kinds } = await ctx.db.query<{ kind: string; n: number }>(
      `SELECT e.kind, count(*)::int AS n FROM referral_events e JOIN referrals r ON r.id = e.referral_id
        WHERE r.from_org_id = $1 GROUP BY e.kind`,
      [sender],
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind.sent).toBe(300);
    expect(byKind.completed).toBe(rows.filter((x) => x.status === 'completed').length);
  });

  it('is reproducible: the same seed over the same cases gives the same referrals', async () => {
    const first = await referrals();
    const key = (x: TRef) =>
      `${x.case_number}|${x.to_org_id}|${x.status}|${x.sent_at.toISOString()}|${x.answered_at?.toISOString()}|${x.deadline}`;
    await ctx.db.query(
      `DELETE FROM referral_events WHERE referral_id IN (SELECT id FROM referrals WHERE from_org_id = $1)`,
      [sender],
    );
    await ctx.db.query(`DELETE FROM referrals WHERE from_org_id = $1`, [sender]);
    const again = await generateReferrals(target(), options({ batchSize: 77 }));
    expect(again.partnersCreated).toBe(0); // they exist now
    const second = await referrals();
    expect(second.map(key)).toEqual(first.map(key));
    const other = await generateReferrals(target(), options({ seed: 6, count: 50 }));
    expect(other.referrals).toBe(50);
  });

  it('refuses where real data is unless forced, and without cases', async () => {
    await expect(generateReferrals(target(), options({ force: false }))).rejects.toThrow(
      GenerateRefusedError,
    );
    await expect(generateReferrals(target(), options({ orgIds: [other] }))).rejects.toThrow(/no cases/);
  });
});
