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
type TWho = TRole | 'stranger';
const users: Partial<Record<TWho, TTestUser>> = {};
const as: Partial<Record<TWho, TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'case_worker', 'supervisor', 'analyst'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['supervisor'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const TOMORROW = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const hexOf = (s: string) => Buffer.from(s, 'utf8').toString('hex');

async function openCase(who: TWho = 'case_worker') {
  const res = await as[who]!.request('POST', '/api/v1/cases', {
    person: { givenName: 'Айгерим' },
    region: 'almaty',
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; caseNumber: string; version: number };
}
async function post(
  who: TWho,
  caseId: string,
  step: string,
  body: unknown,
  headers?: Record<string, string>,
) {
  return as[who]!.request('POST', `/api/v1/cases/${caseId}/${step}`, body, headers);
}
const count = async (table: string, caseId: string) =>
  (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId]))
    .rows[0]!.n;
const caseRow = async (caseId: string) =>
  (
    await ctx.db.query<{ stage: string; status: string; version: number }>(
      'SELECT stage, status, version FROM cases WHERE id = $1',
      [caseId],
    )
  ).rows[0]!;

const assessment = {
  assessedOn: daysAgo(1),
  needs: ['shelter', 'legal_aid'],
  riskLevel: 'high',
  summary: 'Угрозы от работодателя',
};
const plan = {
  types: ['Legal', 'SocialCare'],
  objectives: 'Вернуть паспорт',
  actionPlan: 'Заявление в полицию',
  plannedEnd: TOMORROW,
};
const service = {
  type: 'legal_aid',
  providerName: 'Юридическая клиника',
  deliveredOn: daysAgo(0),
  outcome: 'ongoing',
  notes: 'Консультация юриста Бекова',
};
const followUp = {
  followedOn: daysAgo(0),
  method: 'phone',
  outcome: 'stable',
  notes: 'Живёт у сестры в Талгаре',
};

const STEPS = [
  {
    path: 'assessments',
    table: 'assessments',
    ok: assessment,
    bad: [
      { ...assessment, assessedOn: TOMORROW }, // in the future
      { ...assessment, assessedOn: '2025-02-30' },
      { ...assessment, needs: ['teleport'] }, // unknown code
      { ...assessment, riskLevel: 'extreme' },
      { ...assessment, summary: '   ' },
      { ...assessment, stage: 'closed' },
    ],
  },
  {
    path: 'support-plans',
    table: 'support_plans',
    ok: plan,
    bad: [
      { ...plan, types: [] }, // a plan without types
      { ...plan, types: ['Magic'] },
      { ...plan, plannedEnd: '2026-13-01' },
      { ...plan, actualEnd: TOMORROW },
      { objectives: 'x' },
    ],
  },
  {
    path: 'services',
    table: 'case_services',
    ok: service,
    bad: [
      { ...service, providerOrgId: crypto.randomUUID() }, // both a provider id and a name
      { ...service, type: 'massage' },
      { ...service, deliveredOn: TOMORROW },
      { ...service, outcome: 'great' },
      { ...service, providerName: undefined, providerOrgId: 'org-1' },
    ],
  },
  {
    path: 'follow-ups',
    table: 'follow_ups',
    ok: followUp,
    bad: [
      { ...followUp, followedOn: TOMORROW },
      { ...followUp, method: 'pigeon' },
      { ...followUp, outcome: 'fine' },
      { ...followUp, notes: 'x'.repeat(20_001) },
    ],
  },
] as const;

describe('GET /api/v1/cases/:id/workflow (deny ladder)', () => {
  it('401, 400, 404 for another organisation’s case (audited), 403 without case.read (audited), then 200 audited', async () => {
    const kase = await openCase();
    const foreign = await openCase('stranger');
    const path = `/api/v1/cases/${kase.id}/workflow`;
    expect((await agent(ctx.app).request('GET', path)).status).toBe(401);
    expect((await as.case_worker!.request('GET', '/api/v1/cases/nope/workflow')).status).toBe(400);
    expect((await as.case_worker!.request('GET', `/api/v1/cases/${foreign.id}/workflow`)).status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: expect.objectContaining({ reason: 'notFound' }),
      }),
    ]);
    expect((await as.analyst!.request('GET', path)).status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: kase.id })).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ attempted: 'case.read' }) }),
    ]);
    const res = await as.case_worker!.request('GET', path);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      caseId: kase.id,
      stage: 'new',
      redacted: false,
      assessments: [],
      supportPlans: [],
      services: [],
      followUps: [],
      approvals: [],
      tasks: [],
    });
    expect(await auditRows(ctx, { action: 'workflow.read', targetId: kase.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { sensitive: true } }),
    ]);
  });
});

describe('POST assessments, support plans, services, follow-ups (deny ladder)', () => {
  for (const step of STEPS) {
    it(`${step.path}: 401, 404 (audited), 403 (audited), 400 and 413 with nothing stored, then 201`, async () => {
      const kase = await openCase();
      const foreign = await openCase('stranger');
      expect(
        (await agent(ctx.app).request('POST', `/api/v1/cases/${kase.id}/${step.path}`, step.ok)).status,
      ).toBe(401);
      expect((await post('case_worker', foreign.id, step.path, step.ok)).status).toBe(404);
      expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toHaveLength(1);
      expect((await post('operator', kase.id, step.path, step.ok)).status).toBe(403);
      expect(await auditRows(ctx, { action: 'access.denied', targetId: kase.id })).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ attempted: 'case.update' }) }),
      ]);
      for (const b of step.bad) {
        const res = await post('case_worker', kase.id, step.path, b);
        expect(res.status, JSON.stringify(b).slice(0, 200)).toBe(400);
        expect((await res.json()).error.code).toBe('error.validation');
      }
      const huge = await post('case_worker', kase.id, step.path, {
        ...step.ok,
        notes: 'x'.repeat(10_000_000),
      });
      expect(huge.status).toBe(413);
      expect(await count(step.table, kase.id)).toBe(0);
      expect(await caseRow(kase.id)).toMatchObject({ stage: 'new', version: 1 });

      const res = await post('case_worker', kase.id, step.path, step.ok);
      expect(res.status).toBe(201);
      expect(await count(step.table, kase.id)).toBe(1);
    });
  }

  it('a service’s provider is an organisation of the network (any), or 400 naming the field', async () => {
    const kase = await openCase();
    const other = await buildOrg(ctx, { type: 'police' });
    const unknown = await post('case_worker', kase.id, 'services', {
      ...service,
      providerName: undefined,
      providerOrgId: crypto.randomUUID(),
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toEqual([
      { path: 'providerOrgId', message: 'no such organisation in the network' },
    ]);
    expect(await count('case_services', kase.id)).toBe(0);
    const res = await post('case_worker', kase.id, 'services', {
      ...service,
      providerName: undefined,
      providerOrgId: other.id,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).services).toEqual([
      expect.objectContaining({ type: 'legal_aid', providerOrgId: other.id, providerName: null }),
    ]);
  });
});

describe('the workflow of a case', () => {
  it('new → assessment → plan → services → follow-up: the stage moves forward only, versioned and on the timeline', async () => {
    const kase = await openCase();
    const stages: string[] = [];
    for (const [step, body] of [
      ['assessments', assessment],
      ['support-plans', plan],
      ['services', service],
      ['follow-ups', followUp],
      ['assessments', { ...assessment, riskLevel: 'low' }], // a new assessment does not move the case back
    ] as const) {
      const res = await post('case_worker', kase.id, step, body);
      expect(res.status).toBe(201);
      stages.push((await res.json()).stage);
    }
    expect(stages).toEqual(['assessment', 'support_plan', 'services', 'follow_up', 'follow_up']);
    expect(await caseRow(kase.id)).toMatchObject({ stage: 'follow_up', status: 'Active', version: 5 });

    const wf = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}/workflow`)).json();
    expect(wf).toMatchObject({
      stage: 'follow_up',
      redacted: false,
      assessments: [
        {
          needs: ['shelter', 'legal_aid'],
          riskLevel: 'high',
          summary: assessment.summary,
          createdBy: users.case_worker!.id,
        },
        { riskLevel: 'low' },
      ],
      supportPlans: [
        {
          types: ['Legal', 'SocialCare'],
          objectives: plan.objectives,
          actionPlan: plan.actionPlan,
          plannedEnd: TOMORROW,
          actualEnd: null,
          version: 1,
        },
      ],
      services: [
        { type: 'legal_aid', providerName: service.providerName, outcome: 'ongoing', notes: service.notes },
      ],
      followUps: [
        { method: 'phone', outcome: 'stable', notes: followUp.notes, followedOn: followUp.followedOn },
      ],
    });
    expect(wf.assessments[0].assessedOn).toBe(assessment.assessedOn);

    const full = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(full.stage).toBe('follow_up');
    expect(full.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'assessmentRecorded',
      'supportPlanRecorded',
      'serviceRecorded',
      'followUpRecorded',
      'assessmentRecorded',
    ]);
    expect(full.timeline[1].payload).toEqual({
      assessmentId: wf.assessments[0].id,
      fields: ['stage'],
      stage: 'assessment',
      version: 2,
    });
    expect(full.timeline[5].payload).toEqual({ assessmentId: wf.assessments[1].id });
    expect(await auditRows(ctx, { action: 'assessment.recorded', targetId: kase.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: expect.objectContaining({ riskLevel: 'high', hasSummary: true }),
      }),
      expect.objectContaining({ outcome: 'success' }),
    ]);

    // A stale edit of the case names the stage changed by the workflow meanwhile.
    const stale = await as.case_worker!.request('PATCH', `/api/v1/cases/${kase.id}`, {
      version: 1,
      region: 'astana',
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(['stage']);
  });

  it('PUT support plan: versioned (stale → 409 audited), fields on the timeline, 404 for a plan of another case', async () => {
    const kase = await openCase();
    const other = await openCase();
    const created = await (await post('case_worker', kase.id, 'support-plans', plan)).json();
    const planId = created.supportPlans[0].id as string;
    const path = `/api/v1/cases/${kase.id}/support-plans/${planId}`;
    const next = {
      ...plan,
      types: ['Legal'],
      objectives: 'Вернуть паспорт и зарплату',
      actionPlan: undefined,
      version: 1,
    };
    expect((await agent(ctx.app).request('PUT', path, next)).status).toBe(401);
    expect((await as.operator!.request('PUT', path, next)).status).toBe(403);
    expect(
      (await as.case_worker!.request('PUT', `/api/v1/cases/${other.id}/support-plans/${planId}`, next))
        .status,
    ).toBe(404);
    expect((await as.case_worker!.request('PUT', path, { ...next, types: [] })).status).toBe(400);
    expect((await as.case_worker!.request('PUT', path, { ...next, version: undefined })).status).toBe(400);

    const res = await as.case_worker!.request('PUT', path, next);
    expect(res.status).toBe(200);
    const wf = await res.json();
    expect(wf.supportPlans[0]).toMatchObject({
      types: ['Legal'],
      objectives: next.objectives,
      actionPlan: null,
      version: 2,
    });
    const stale = await as.supervisor!.request('PUT', path, { ...next, types: ['Health'] });
    expect(stale.status).toBe(409);
    expect(await auditRows(ctx, { action: 'supportPlan.updated', targetId: kase.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { planId, fields: ['types', 'objectives', 'actionPlan'], version: 2 },
      }),
      expect.objectContaining({
        outcome: 'failure',
        details: expect.objectContaining({ reason: 'conflict', planId }),
      }),
    ]);
    const events = (
      await ctx.db.query<{ kind: string; payload: Record<string, unknown> }>(
        `SELECT kind, payload FROM case_events WHERE case_id = $1 AND kind = 'supportPlanUpdated'`,
        [kase.id],
      )
    ).rows;
    expect(events).toEqual([
      { kind: 'supportPlanUpdated', payload: { planId, fields: ['types', 'objectives', 'actionPlan'] } },
    ]);
  });

  it('an operator reads the workflow redacted (no texts, titles of tasks kept); texts are sealed at rest', async () => {
    const kase = await openCase();
    await post('case_worker', kase.id, 'assessments', assessment);
    await post('case_worker', kase.id, 'support-plans', plan);
    await post('case_worker', kase.id, 'services', service);
    await post('case_worker', kase.id, 'follow-ups', followUp);
    const due = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await post('case_worker', kase.id, 'tasks', { title: 'Позвонить Айгерим', dueAt: due })).status,
    ).toBe(201);

    const res = await as.operator!.request('GET', `/api/v1/cases/${kase.id}/workflow`);
    expect(res.status).toBe(200);
    const wf = await res.json();
    expect(wf.redacted).toBe(true);
    expect(wf.assessments[0]).toMatchObject({ summary: null, riskLevel: 'high' });
    expect(wf.supportPlans[0]).toMatchObject({
      objectives: null,
      actionPlan: null,
      types: ['Legal', 'SocialCare'],
    });
    expect(wf.services[0]).toMatchObject({ notes: null, providerName: service.providerName });
    expect(wf.followUps[0]).toMatchObject({ notes: null });
    expect(wf.tasks[0]).toMatchObject({ title: 'Позвонить Айгерим', overdue: false });
    expect(JSON.stringify(wf)).not.toContain('Угрозы');
    expect((await auditRows(ctx, { action: 'workflow.read', targetId: kase.id })).at(-1)!.details).toEqual({
      sensitive: false,
    });

    const { rows } = await ctx.db.query<{ raw: string }>(
      `SELECT concat_ws(',',
          (SELECT string_agg(encode(summary_sealed, 'hex'), ',') FROM assessments WHERE case_id = $1),
          (SELECT string_agg(encode(objectives_sealed, 'hex') || encode(action_plan_sealed, 'hex'), ',') FROM support_plans WHERE case_id = $1),
          (SELECT string_agg(encode(notes_sealed, 'hex'), ',') FROM case_services WHERE case_id = $1),
          (SELECT string_agg(encode(notes_sealed, 'hex'), ',') FROM follow_ups WHERE case_id = $1),
          (SELECT string_agg(encode(title_sealed, 'hex'), ',') FROM case_tasks WHERE case_id = $1),
          (SELECT string_agg(encode(convert_to(payload::text, 'UTF8'), 'hex'), ',') FROM case_events WHERE case_id = $1),
          (SELECT string_agg(encode(convert_to(details::text, 'UTF8'), 'hex'), ',') FROM audit_log WHERE target_id = $1::text)
       ) AS raw`,
      [kase.id],
    );
    expect(rows[0]!.raw.length).toBeGreaterThan(100);
    for (const plain of ['Угрозы', 'Вернуть паспорт', 'Заявление', 'Бекова', 'Талгаре', 'Позвонить']) {
      expect(rows[0]!.raw, plain).not.toContain(hexOf(plain));
    }
  });
});

describe('Idempotency-Key on workflow submissions', () => {
  it('a repeat replays the first answer and stores nothing twice; another body or user with the key → 409', async () => {
    const kase = await openCase();
    const key = { 'Idempotency-Key': `form-${crypto.randomUUID()}` };
    const first = await post('case_worker', kase.id, 'assessments', assessment, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('case_worker', kase.id, 'assessments', assessment, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await count('assessments', kase.id)).toBe(1);
    expect(await caseRow(kase.id)).toMatchObject({ version: 2 });
    expect(await auditRows(ctx, { action: 'assessment.recorded', targetId: kase.id })).toHaveLength(1);
    expect((await auditRows(ctx, { action: 'workflow.read', targetId: kase.id })).at(-1)!.details).toEqual(
      expect.objectContaining({ replayed: true }),
    );

    const other = await post('case_worker', kase.id, 'assessments', { ...assessment, riskLevel: 'low' }, key);
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('error.idempotencyKeyReused');
    const elsewhere = await post('case_worker', kase.id, 'follow-ups', followUp, key);
    expect(elsewhere.status).toBe(409);
    const colleague = await post('supervisor', kase.id, 'assessments', assessment, key);
    expect(colleague.status).toBe(409);
    expect(await count('assessments', kase.id)).toBe(1);
    expect(await count('follow_ups', kase.id)).toBe(0);
    expect(
      (await post('case_worker', kase.id, 'assessments', assessment, { 'Idempotency-Key': 'short' })).status,
    ).toBe(400);

    // What is kept for a replay holds no text of the request.
    const { rows } = await ctx.db.query<{ response: unknown; status: number }>(
      'SELECT response, status FROM idempotency_keys WHERE org_id = $1 AND key = $2',
      [orgId, key['Idempotency-Key']],
    );
    expect(rows).toEqual([{ response: { caseId: kase.id }, status: 201 }]);

    // A key older than a day is forgotten: the same key may then carry a new request.
    await ctx.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE org_id = $1`,
      [orgId],
    );
    const later = await post('case_worker', kase.id, 'follow-ups', followUp, key);
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('follow_ups', kase.id)).toBe(1);
  });

  it('a request that fails keeps no key: sent again once fixed, it is stored', async () => {
    const kase = await openCase();
    const key = { 'Idempotency-Key': `form-${crypto.randomUUID()}` };
    const bad = await post(
      'case_worker',
      kase.id,
      'services',
      { ...service, providerName: undefined, providerOrgId: crypto.randomUUID() },
      key,
    );
    expect(bad.status).toBe(400);
    expect(
      (await ctx.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key['Idempotency-Key']])).rows,
    ).toHaveLength(0);
    expect((await post('case_worker', kase.id, 'services', service, key)).status).toBe(201);
  });

  it('two submissions at once with one key store one record', async () => {
    const kase = await openCase();
    const key = { 'Idempotency-Key': `form-${crypto.randomUUID()}` };
    const results = await Promise.all(
      [1, 2, 3].map(() => post('case_worker', kase.id, 'follow-ups', followUp, key)),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await count('follow_ups', kase.id)).toBe(1);
  });
});
