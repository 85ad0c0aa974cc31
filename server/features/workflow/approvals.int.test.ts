import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles';
import {
  agent,
  auditRows,
  buildOrg,
  buildUser,
  setupTestContext,
  signIn,
  type TAgent,
  type TTestContext,
  type TTestUser,
} from '../../test/harness';

let ctx: TTestContext;
let orgId: string;
type TWho = TRole | 'supervisor2' | 'stranger';
const users: Partial<Record<TWho, TTestUser>> = {};
const as: Partial<Record<TWho, TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'case_worker', 'supervisor', 'admin'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.supervisor2 = await buildUser(ctx, { orgId, roles: ['supervisor'] });
  as.supervisor2 = await signIn(ctx, users.supervisor2);
  users.stranger = await buildUser(ctx, { roles: ['supervisor', 'case_worker'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const today = new Date().toISOString().slice(0, 10);
const closure = { kind: 'closure', status: 'ClosedReferred', reason: 'Передана в приют МОМ' };
const victim = { kind: 'actual_victim', decisionMaker: 'Police', reason: 'Уголовное дело по ст. 128 УК' };

async function openCase(who: TWho = 'case_worker') {
  const res = await as[who]!.request('POST', '/api/v1/cases', { person: { givenName: 'Dana' } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; caseNumber: string; version: number };
}
async function ask(who: TWho, caseId: string, body: unknown, headers?: Record<string, string>) {
  return as[who]!.request('POST', `/api/v1/cases/${caseId}/approvals`, body, headers);
}
async function decide(who: TWho, approvalId: string, body: unknown, headers?: Record<string, string>) {
  return as[who]!.request('POST', `/api/v1/approvals/${approvalId}/decision`, body, headers);
}
const approvalCount = async (caseId: string) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM approvals WHERE case_id = $1', [caseId]))
    .rows[0]!.n;
const caseDb = async (caseId: string) =>
  (
    await ctx.db.query<{
      status: string;
      stage: string;
      closure_reason: string | null;
      closed_at: Date | null;
      trafficking_status: string | null;
      victim: Record<string, unknown>;
      version: number;
    }>(
      'SELECT status, stage, closure_reason, closed_at, trafficking_status, victim, version FROM cases WHERE id = $1',
      [caseId],
    )
  ).rows[0]!;

describe('POST /api/v1/cases/:id/approvals (deny ladder)', () => {
  it('401, 404 (audited), 403 (audited), 400 with nothing stored, 201, then 409 for a second pending request of a kind', async () => {
    const kase = await openCase();
    const foreign = await openCase('stranger');
    expect((await agent(ctx.app).request('POST', `/api/v1/cases/${kase.id}/approvals`, closure)).status).toBe(
      401,
    );
    expect((await ask('case_worker', foreign.id, closure)).status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toHaveLength(1);
    expect((await ask('operator', kase.id, closure)).status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: kase.id })).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ attempted: 'case.update' }) }),
    ]);
    for (const b of [
      { ...closure, status: 'Active' },
      { kind: 'closure', status: 'Closed' }, // no reason
      { ...closure, reason: 'x'.repeat(2001) },
      { ...victim, decisionMaker: 'Neighbours' },
      { ...victim, status: 'Closed' },
      { kind: 'reopen', reason: 'x' },
      { reason: 'x', extra: 1 },
    ]) {
      expect((await ask('case_worker', kase.id, b)).status, JSON.stringify(b)).toBe(400);
    }
    const nameless = await (await ask('case_worker', kase.id, { surprise: 1 })).json();
    expect(nameless.error.fields).toEqual(
      expect.arrayContaining([{ path: 'surprise', message: 'unknown field' }]),
    );
    expect(await approvalCount(kase.id)).toBe(0);

    const res = await ask('case_worker', kase.id, closure);
    expect(res.status).toBe(201);
    const a = await res.json();
    expect(a).toMatchObject({
      caseId: kase.id,
      kind: 'closure',
      request: { status: 'ClosedReferred', reason: closure.reason },
      requestedBy: users.case_worker!.id,
      decision: null,
      decidedBy: null,
      decidedAt: null,
      comment: null,
    });
    const again = await ask('supervisor', kase.id, { ...closure, status: 'Closed' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('workflow.approvalPending');
    expect((await ask('case_worker', kase.id, victim)).status).toBe(201); // another kind may wait too
    expect(await approvalCount(kase.id)).toBe(2);
    expect(await auditRows(ctx, { action: 'approval.requested', targetId: a.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { caseId: kase.id, kind: 'closure', status: 'ClosedReferred' },
      }),
    ]);
  });
});

describe('GET /api/v1/approvals and POST /api/v1/approvals/:id/decision (deny ladder)', () => {
  it('list: 401, 403 without case.approve (audited), 400; decision: 401, 404 (audited), 403, 400 with nothing decided', async () => {
    const kase = await openCase();
    const foreign = await openCase('stranger');
    const mine = await (await ask('case_worker', kase.id, closure)).json();
    const theirs = await (await ask('stranger', foreign.id, closure)).json();

    expect((await agent(ctx.app).request('GET', '/api/v1/approvals')).status).toBe(401);
    expect((await as.case_worker!.request('GET', '/api/v1/approvals')).status).toBe(403);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: users.case_worker!.id })).at(-1)!.details,
    ).toMatchObject({ attempted: 'case.approve' });
    expect((await as.supervisor!.request('GET', '/api/v1/approvals?state=open')).status).toBe(400);
    expect((await as.supervisor!.request('GET', '/api/v1/approvals?pageSize=0')).status).toBe(400);

    const path = `/api/v1/approvals/${mine.id}/decision`;
    expect((await agent(ctx.app).request('POST', path, { decision: 'approved' })).status).toBe(401);
    expect((await decide('supervisor', theirs.id, { decision: 'approved' })).status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: theirs.id })).toHaveLength(1);
    expect((await decide('supervisor', crypto.randomUUID(), { decision: 'approved' })).status).toBe(404);
    expect((await decide('case_worker', mine.id, { decision: 'approved' })).status).toBe(403);
    expect((await decide('admin', mine.id, { decision: 'approved' })).status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: mine.id })).toHaveLength(2);
    for (const b of [
      { decision: 'maybe' },
      {},
      { decision: 'approved', comment: '' },
      { decision: 'approved', by: 'me' },
    ]) {
      expect((await decide('supervisor', mine.id, b)).status, JSON.stringify(b)).toBe(400);
    }
    expect((await caseDb(kase.id)).status).toBe('Active');
    const { rows } = await ctx.db.query('SELECT 1 FROM approvals WHERE id = $1 AND decision IS NULL', [
      mine.id,
    ]);
    expect(rows).toHaveLength(1);

    const inbox = await as.supervisor!.request('GET', '/api/v1/approvals?state=pending');
    expect(inbox.status).toBe(200);
    const page = await inbox.json();
    expect(page.items.map((x: { id: string }) => x.id)).toContain(mine.id);
    expect(page.items.map((x: { id: string }) => x.id)).not.toContain(theirs.id);
    expect(page.items.find((x: { id: string }) => x.id === mine.id)).toMatchObject({
      caseNumber: kase.caseNumber,
      kind: 'closure',
    });
    expect(
      (await auditRows(ctx, { action: 'approval.listed', actorUserId: users.supervisor!.id })).at(-1)!
        .details,
    ).toEqual({
      state: 'pending',
      count: page.items.length,
      page: 1,
    });
  });
});

describe('four eyes', () => {
  it('full flow: new → assessment → plan → services → follow-up → closure request → approval → closed', async () => {
    const kase = await openCase();
    const steps: [string, unknown][] = [
      ['assessments', { assessedOn: today, needs: ['shelter'], riskLevel: 'medium' }],
      ['support-plans', { types: ['SocialCare'] }],
      ['services', { type: 'shelter', providerName: 'Приют', deliveredOn: today, outcome: 'completed' }],
      ['follow-ups', { followedOn: today, method: 'visit', outcome: 'stable' }],
    ];
    for (const [step, body] of steps) {
      expect((await as.case_worker!.request('POST', `/api/v1/cases/${kase.id}/${step}`, body)).status).toBe(
        201,
      );
    }
    expect((await caseDb(kase.id)).stage).toBe('follow_up');

    // A case worker cannot close directly: the error points to the closure request.
    const direct = await as.case_worker!.request('PATCH', `/api/v1/cases/${kase.id}`, {
      version: 5,
      status: 'Closed',
      closureReason: 'done',
    });
    expect(direct.status).toBe(403);
    expect((await direct.json()).error).toMatchObject({
      code: 'workflow.closeNeedsApproval',
      message: expect.stringContaining('closure request'),
    });
    expect(
      (await auditRows(ctx, { action: 'access.denied', targetId: kase.id })).at(-1)!.details,
    ).toMatchObject({
      attempted: 'case.close',
    });

    const request = await (await ask('case_worker', kase.id, closure)).json();
    // A supervisor closing directly while a request waits is told to decide it.
    const bypass = await as.supervisor!.request('PATCH', `/api/v1/cases/${kase.id}`, {
      version: 5,
      status: 'Closed',
      closureReason: 'x',
    });
    expect(bypass.status).toBe(409);
    expect((await bypass.json()).error.code).toBe('workflow.closurePending');

    const res = await decide('supervisor', request.id, { decision: 'approved', comment: 'Согласовано' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: request.id,
      decision: 'approved',
      decidedBy: users.supervisor!.id,
      comment: 'Согласовано',
    });
    const db = await caseDb(kase.id);
    expect(db).toMatchObject({
      status: 'ClosedReferred',
      stage: 'closed',
      closure_reason: closure.reason,
      version: 6,
    });
    expect(db.closed_at).not.toBeNull();

    const full = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(full).toMatchObject({
      status: 'ClosedReferred',
      stage: 'closed',
      closureReason: closure.reason,
      version: 6,
    });
    expect(full.timeline.map((e: { kind: string }) => e.kind).slice(-2)).toEqual([
      'approvalRequested',
      'approvalDecided',
    ]);
    expect(full.timeline.at(-1).payload).toMatchObject({
      approvalId: request.id,
      kind: 'closure',
      decision: 'approved',
    });
    expect(await auditRows(ctx, { action: 'approval.decided', targetId: request.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ decision: 'approved', kind: 'closure' }),
      }),
    ]);

    // Decided once; nothing is added to a closed case.
    const twice = await decide('supervisor2', request.id, { decision: 'rejected' });
    expect(twice.status).toBe(409);
    expect((await twice.json()).error.code).toBe('workflow.alreadyDecided');
    const late = await as.case_worker!.request('POST', `/api/v1/cases/${kase.id}/follow-ups`, steps[3]![1]);
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('workflow.caseClosed');
    expect((await ask('case_worker', kase.id, closure)).status).toBe(409);
    expect(
      (
        await as.case_worker!.request('POST', `/api/v1/cases/${kase.id}/tasks`, {
          title: 'x',
          dueAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(409);
    const wf = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}/workflow`)).json();
    expect(wf.stage).toBe('closed');
    expect(wf.approvals).toEqual([expect.objectContaining({ id: request.id, decision: 'approved' })]);
    const decided = await (await as.supervisor!.request('GET', '/api/v1/approvals?state=decided')).json();
    expect(decided.items[0]).toMatchObject({ id: request.id, caseNumber: kase.caseNumber });
  });

  it('a supervisor cannot decide their own request (403, audited); another supervisor can', async () => {
    const kase = await openCase('supervisor');
    const request = await (await ask('supervisor', kase.id, closure)).json();
    const own = await decide('supervisor', request.id, { decision: 'approved' });
    expect(own.status).toBe(403);
    expect((await own.json()).error).toMatchObject({
      code: 'workflow.ownRequest',
      message: expect.stringContaining('another supervisor'),
    });
    expect(await auditRows(ctx, { action: 'access.denied', targetId: request.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { reason: 'ownRequest' } }),
    ]);
    expect((await caseDb(kase.id)).status).toBe('Active');
    expect((await decide('supervisor2', request.id, { decision: 'approved' })).status).toBe(200);
    expect((await caseDb(kase.id)).status).toBe('ClosedReferred');
  });

  it('an approved recognition sets the trafficking status; a rejection changes nothing but is kept', async () => {
    const kase = await openCase();
    const rejected = await (await ask('case_worker', kase.id, victim)).json();
    const no = await decide('supervisor', rejected.id, {
      decision: 'rejected',
      comment: 'Нужны документы полиции',
    });
    expect(no.status).toBe(200);
    expect(await no.json()).toMatchObject({ decision: 'rejected', comment: 'Нужны документы полиции' });
    expect(await caseDb(kase.id)).toMatchObject({
      trafficking_status: null,
      victim: {},
      version: 1,
      status: 'Active',
    });

    const request = await (await ask('case_worker', kase.id, victim)).json(); // no longer pending: may ask again
    const res = await decide('supervisor', request.id, { decision: 'approved' });
    expect(res.status).toBe(200);
    const db = await caseDb(kase.id);
    expect(db).toMatchObject({
      trafficking_status: 'ActualVictimOfTrafficking',
      victim: { traffickingStatus: 'ActualVictimOfTrafficking', statusDecisionMaker: 'Police' },
      status: 'Active',
      version: 2,
    });
    const full = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(full.version).toBe(2);
    if ('victim' in full) {
      expect(full.victim).toMatchObject({
        traffickingStatus: 'ActualVictimOfTrafficking',
        statusDecisionMaker: 'Police',
      });
    }
    const wf = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}/workflow`)).json();
    expect(wf.approvals.map((a: { decision: string }) => a.decision)).toEqual(['rejected', 'approved']);
    const again = await ask('case_worker', kase.id, victim);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('workflow.alreadyActualVictim');
  });

  it('a supervisor closing directly (PATCH) is recorded as an approved closure; a case worker’s PATCH still 403', async () => {
    const kase = await openCase();
    const res = await as.supervisor!.request('PATCH', `/api/v1/cases/${kase.id}`, {
      version: 1,
      status: 'Closed',
      closureReason: 'Не вышла на связь',
    });
    expect(res.status).toBe(200);
    const wf = await (await as.supervisor!.request('GET', `/api/v1/cases/${kase.id}/workflow`)).json();
    expect(wf.approvals).toEqual([
      expect.objectContaining({
        kind: 'closure',
        request: { status: 'Closed', reason: 'Не вышла на связь', direct: true },
        requestedBy: users.supervisor!.id,
        decidedBy: users.supervisor!.id,
        decision: 'approved',
      }),
    ]);
    const updated = await ctx.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM case_events WHERE case_id = $1 AND kind = 'updated'`,
      [kase.id],
    );
    expect(updated.rows[0]!.payload).toMatchObject({ approvalId: wf.approvals[0].id, status: 'Closed' });
    // Reopening is still the supervisor's, and a case worker still may not close.
    expect(
      (await as.case_worker!.request('PATCH', `/api/v1/cases/${kase.id}`, { version: 2, status: 'Active' }))
        .status,
    ).toBe(403);
    expect(
      (await as.supervisor!.request('PATCH', `/api/v1/cases/${kase.id}`, { version: 2, status: 'Active' }))
        .status,
    ).toBe(200);
    expect(
      (await as.case_worker!.request('PATCH', `/api/v1/cases/${kase.id}`, { version: 3, stage: 'closed' }))
        .status,
    ).toBe(403);
  });

  it('Idempotency-Key: a repeated request or decision replays without a 409 and stores nothing twice', async () => {
    const kase = await openCase();
    const key = { 'Idempotency-Key': `approval-${crypto.randomUUID()}` };
    const first = await ask('case_worker', kase.id, closure, key);
    const again = await ask('case_worker', kase.id, closure, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const a = await first.json();
    expect((await again.json()).id).toBe(a.id);
    expect(await approvalCount(kase.id)).toBe(1);

    const dkey = { 'Idempotency-Key': `decision-${crypto.randomUUID()}` };
    const d1 = await decide('supervisor', a.id, { decision: 'approved' }, dkey);
    const d2 = await decide('supervisor', a.id, { decision: 'approved' }, dkey);
    expect([d1.status, d2.status]).toEqual([200, 200]);
    expect(d2.headers.get('idempotent-replayed')).toBe('true');
    expect(await auditRows(ctx, { action: 'approval.decided', targetId: a.id })).toHaveLength(1);
    expect((await decide('supervisor', a.id, { decision: 'rejected' }, dkey)).status).toBe(409);
  });
});
