import { beforeAll, describe, expect, it } from 'vitest';
import { appKk } from '../../../shared/i18n/app/kk';
import { appRu } from '../../../shared/i18n/app/ru';
import { CONTACT_TOPICS, type TTopicNode } from '../../../shared/schemas/contacts';
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
/** This organisation's topic edits (other test files edit trees in parallel on a shared database). */
async function topicAudit(org = orgId) {
  const { rows } = await ctx.db.query<{ action: string; outcome: string; target_id: string | null; details: Record<string, unknown> }>(
    `SELECT action, outcome, target_id, details FROM audit_log WHERE action = 'topic.updated' AND actor_org_id = $1 ORDER BY seq`,
    [org],
  );
  return rows;
}
let orgId: string;
let admin: TTestUser;
let analyst: TTestUser;
let operator: TTestUser;
const as: Record<'admin' | 'admin2' | 'operator' | 'analyst' | 'stranger', TAgent> = {} as never;

type TTree = { topics: TTopicNode[]; version: string; isDefault: boolean };

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  admin = await buildUser(ctx, { orgId, roles: ['admin'] });
  analyst = await buildUser(ctx, { orgId, roles: ['analyst'] });
  as.admin = await signIn(ctx, admin);
  as.admin2 = await signIn(ctx, await buildUser(ctx, { orgId, roles: ['admin'] }));
  operator = await buildUser(ctx, { orgId, roles: ['operator'] });
  as.operator = await signIn(ctx, operator);
  as.analyst = await signIn(ctx, analyst);
  as.stranger = await signIn(ctx, await buildUser(ctx, { roles: ['operator'] }));
});

const rows = async (org = orgId) =>
  (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM hotline_topics WHERE org_id = $1', [
      org,
    ])
  ).rows[0]!.n;

async function tree(a: TAgent, all = false): Promise<TTree> {
  const res = await a.request('GET', `/api/v1/hotline/topics${all ? '?includeRetired=true' : ''}`);
  expect(res.status).toBe(200);
  return (await res.json()) as TTree;
}

const contact = (topics: string[]) => ({
  channel: 'phone',
  startedAt: new Date(Date.now() - 60_000).toISOString(),
  contactType: 'consultation',
  topics,
});

describe('GET /api/v1/hotline/topics', () => {
  it('401, 400, 403 (audited); an organisation without rows gets the default tree in three languages', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/hotline/topics')).status).toBe(401);
    expect((await as.operator.request('GET', '/api/v1/hotline/topics?includeRetired=maybe')).status).toBe(
      400,
    );
    expect((await as.analyst.request('GET', '/api/v1/hotline/topics')).status).toBe(403);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: analyst.id })).at(-1)!.details,
    ).toMatchObject({ attempted: 'topic.manage' });
    // retired topics are for those who edit the tree
    expect((await as.operator.request('GET', '/api/v1/hotline/topics?includeRetired=true')).status).toBe(403);

    const t = await tree(as.operator);
    expect(t.isDefault).toBe(true);
    expect(t.topics.map((n) => n.code)).toEqual([...CONTACT_TOPICS]);
    expect(t.topics.find((n) => n.code === 'wages')).toEqual({
      code: 'wages',
      parentCode: null,
      labels: { ru: appRu['topic.wages'], kk: appKk['topic.wages'], en: 'Wages' },
      position: CONTACT_TOPICS.indexOf('wages'),
      active: true,
    });
    expect((await tree(as.admin, true)).version).toBe(t.version);
    expect(await rows()).toBe(0);
  });
});

describe('PUT /api/v1/hotline/topics (deny ladder)', () => {
  it('401, 403 (audited), 400 for a bad tree and 409 for a stale version, nothing stored; then 200 seeds and edits', async () => {
    const base = await tree(as.admin, true);
    const body = (topics: unknown[], version = base.version) => ({ topics, version });
    const wages = base.topics.find((n) => n.code === 'wages')!;
    const edited = [
      ...base.topics.map((n) =>
        n.code === 'wages'
          ? { ...n, labels: { ...n.labels, kk: 'Жалақы (төленбеген)' } }
          : n.code === 'education'
            ? { ...n, active: false }
            : n,
      ),
      {
        code: 'wages_unpaid',
        parentCode: 'wages',
        labels: { ru: 'Невыплата', kk: 'Төленбеген', en: 'Unpaid' },
        position: 0,
        active: true,
      },
    ];

    expect((await agent(ctx.app).request('PUT', '/api/v1/hotline/topics', body(edited))).status).toBe(401);
    expect((await as.operator.request('PUT', '/api/v1/hotline/topics', body(edited))).status).toBe(403);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: operator.id })).at(-1)!.details,
    ).toMatchObject({ attempted: 'topic.manage' });
    const sub = (o: Record<string, unknown>) => ({ ...edited.at(-1)!, ...o });
    for (const [bad, path] of [
      [[...base.topics, sub({ labels: { ru: 'Невыплата', en: 'Unpaid' } })], 'topics.12.labels.kk'],
      [[...base.topics, sub({ labels: { ru: ' ', kk: 'x', en: 'x' } })], 'topics.12.labels.ru'],
      [[...base.topics, sub({ code: 'Wages-Unpaid' })], 'topics.12.code'],
      [[...base.topics, sub({ code: 'wages' })], 'topics.12.code'], // a code twice
      [[...base.topics, sub({ parentCode: 'astrology' })], 'topics.12.parentCode'],
      [
        [...base.topics, sub({}), sub({ code: 'third_level', parentCode: 'wages_unpaid' })],
        'topics.13.parentCode',
      ],
      [base.topics.filter((n) => n.code !== 'health'), 'topics'], // deleting, not retiring
      [[], 'topics'],
    ] as const) {
      const res = await as.admin.request('PUT', '/api/v1/hotline/topics', body([...bad]));
      expect(res.status, path).toBe(400);
      const { error } = await res.json();
      expect(
        error.fields.map((f: { path: string }) => f.path),
        path,
      ).toContain(path);
    }
    const removed = await (
      await as.admin.request(
        'PUT',
        '/api/v1/hotline/topics',
        body(base.topics.filter((n) => n.code !== 'health')),
      )
    ).json();
    expect(removed.error.fields).toEqual([{ path: 'topics', message: expect.stringContaining('health') }]);
    expect((await as.admin.request('PUT', '/api/v1/hotline/topics', body(edited, 'stale'))).status).toBe(409);
    expect(await rows()).toBe(0);

    const res = await as.admin.request('PUT', '/api/v1/hotline/topics', body(edited));
    expect(res.status).toBe(200);
    const saved = (await res.json()) as TTree;
    expect(saved.isDefault).toBe(false);
    expect(saved.version).not.toBe(base.version);
    // each topic followed by its subtopics
    const codes = saved.topics.map((n) => n.code);
    expect(codes.indexOf('wages_unpaid')).toBe(codes.indexOf('wages') + 1);
    expect(saved.topics.find((n) => n.code === 'wages')!.labels).toEqual({
      ...wages.labels,
      kk: 'Жалақы (төленбеген)',
    });
    expect(await rows()).toBe(13);
    expect(await topicAudit()).toEqual([
      expect.objectContaining({ outcome: 'failure', details: { reason: 'conflict' } }),
      expect.objectContaining({
        outcome: 'success',
        details: { seededDefault: true, added: ['wages_unpaid'], changed: ['wages'], retired: ['education'] },
      }),
    ]);

    // the console sees the active tree only; the editor sees everything
    expect((await tree(as.operator)).topics.map((n) => n.code)).not.toContain('education');
    expect((await tree(as.admin, true)).topics.find((n) => n.code === 'education')!.active).toBe(false);
    // the same tree again changes nothing and writes no audit row
    const again = await as.admin.request('PUT', '/api/v1/hotline/topics', body(saved.topics, saved.version));
    expect(((await again.json()) as TTree).version).toBe(saved.version);
    expect(await topicAudit()).toHaveLength(2);
    // another organisation still has the default tree
    expect((await tree(as.stranger)).isDefault).toBe(true);
    expect(await rows((await buildOrg(ctx)).id)).toBe(0);
  });

  it('refuses an edit based on a version someone else has replaced in the meantime', async () => {
    const [mine, theirs] = [await tree(as.admin, true), await tree(as.admin2, true)];
    const rename = (t: TTree, en: string) => ({
      version: t.version,
      topics: t.topics.map((n) => (n.code === 'other' ? { ...n, labels: { ...n.labels, en } } : n)),
    });
    expect(
      (await as.admin.request('PUT', '/api/v1/hotline/topics', rename(mine, 'Other questions'))).status,
    ).toBe(200);
    const late = await as.admin2.request('PUT', '/api/v1/hotline/topics', rename(theirs, 'Something else'));
    expect(late.status).toBe(409);
    expect((await tree(as.operator)).topics.find((n) => n.code === 'other')!.labels.en).toBe(
      'Other questions',
    );
  });
});

describe('contacts are filed under the organisation’s active tree', () => {
  it('accepts a new subtopic, refuses a retired topic and an unknown code (nothing stored), keeps old contacts readable', async () => {
    const count = async () =>
      (
        await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE org_id = $1', [
          orgId,
        ])
      ).rows[0]!.n;
    // the organisation's tree includes wages_unpaid and has education retired (previous test)
    const ok = await as.operator.request('POST', '/api/v1/contacts', contact(['wages', 'wages_unpaid']));
    expect(ok.status).toBe(201);
    const before = await count();
    for (const topics of [['education'], ['astrology'], ['wages', 'wages']]) {
      const res = await as.operator.request('POST', '/api/v1/contacts', contact(topics));
      expect(res.status, topics.join()).toBe(400);
      if (topics[0] === 'education') {
        expect((await res.json()).error.fields).toEqual([
          { path: 'topics.0', message: 'not an active topic of your organisation' },
        ]);
      }
    }
    expect(await count()).toBe(before);
    // another organisation has its own (default) tree: no wages_unpaid there, education still active
    expect((await as.stranger.request('POST', '/api/v1/contacts', contact(['wages_unpaid']))).status).toBe(
      400,
    );
    expect((await as.stranger.request('POST', '/api/v1/contacts', contact(['education']))).status).toBe(201);

    // a subtopic of a retired topic is retired with it; restoring brings it back
    const t = await tree(as.admin, true);
    const withRetiredParent = t.topics.map((n) => (n.code === 'wages' ? { ...n, active: false } : n));
    const saved = (await (
      await as.admin.request('PUT', '/api/v1/hotline/topics', {
        topics: withRetiredParent,
        version: t.version,
      })
    ).json()) as TTree;
    expect((await as.operator.request('POST', '/api/v1/contacts', contact(['wages_unpaid']))).status).toBe(
      400,
    );
    expect((await tree(as.operator)).topics.map((n) => n.code)).not.toContain('wages_unpaid');
    const restored = saved.topics.map((n) => (n.code === 'wages' ? { ...n, active: true } : n));
    const res = await as.admin.request('PUT', '/api/v1/hotline/topics', {
      topics: restored,
      version: saved.version,
    });
    expect(res.status).toBe(200);
    expect((await topicAudit()).at(-1)!.details).toEqual({
      restored: ['wages'],
    });
    expect((await as.operator.request('POST', '/api/v1/contacts', contact(['wages_unpaid']))).status).toBe(
      201,
    );

    // a contact filed under a topic since retired is still there as it was
    const { contact: old } = await ok.json();
    const read = await (await as.operator.request('GET', `/api/v1/contacts/${old.id}`)).json();
    expect(read.topics).toEqual(['wages', 'wages_unpaid']);
  });

  it('moves a subtopic under another topic; a topic with subtopics cannot become one', async () => {
    const t = await tree(as.admin, true);
    const moved = t.topics.map((n) =>
      n.code === 'wages_unpaid' ? { ...n, parentCode: 'labour_rights' } : n,
    );
    const res = await as.admin.request('PUT', '/api/v1/hotline/topics', {
      topics: moved,
      version: t.version,
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as TTree;
    const codes = saved.topics.map((n) => n.code);
    expect(codes.indexOf('wages_unpaid')).toBe(codes.indexOf('labour_rights') + 1);
    const nested = saved.topics.map((n) => (n.code === 'labour_rights' ? { ...n, parentCode: 'wages' } : n));
    const bad = await as.admin.request('PUT', '/api/v1/hotline/topics', {
      topics: nested,
      version: saved.version,
    });
    expect(bad.status).toBe(400);
  });
});
