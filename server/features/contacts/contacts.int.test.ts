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
const users: Partial<Record<TRole | 'stranger', TTestUser>> = {};
const as: Partial<Record<TRole | 'stranger', TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'admin', 'analyst'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['operator'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const body = (o: Record<string, unknown> = {}) => ({
  channel: 'phone',
  language: 'kaz',
  startedAt: minutesAgo(5),
  durationS: 240,
  contactType: 'consultation',
  callerRole: 'self',
  topics: ['wages', 'documents'],
  callerRegion: 'turkistan',
  problemRegion: 'almaty',
  urgency: 'normal',
  notes: 'Работодатель забрал паспорт, зарплату не платит три месяца',
  outcome: 'information_given',
  ...o,
});
const count = async (org = orgId) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE org_id = $1', [org])).rows[0]!.n;
const hexOf = (s: string) => Buffer.from(s, 'utf8').toString('hex');

describe('POST /api/v1/contacts (deny ladder)', () => {
  it('401, 400 (nothing stored), 413 for 10 MB, 403 for an analyst, then 201 with an audit row', async () => {
    expect((await agent(ctx.app).request('POST', '/api/v1/contacts', body())).status).toBe(401);
    const before = await count();
    for (const b of [
      body({ channel: 'pigeon' }),
      body({ contactType: 'gossip' }),
      body({ startedAt: new Date(Date.now() + 3600_000).toISOString() }), // in the future
      body({ startedAt: '2026-13-01T00:00:00Z' }),
      body({ problemRegion: 'atlantis' }),
      body({ topics: ['astrology'] }),
      body({ durationS: -1 }),
      body({ notes: 'x'.repeat(10_001) }), // over LIMITS.notesMax
      body({ callerPhone: 'call me maybe' }),
      body({ operatorId: crypto.randomUUID() }),
    ]) {
      const res = await as.operator!.request('POST', '/api/v1/contacts', b);
      expect(res.status, JSON.stringify(b).slice(0, 120)).toBe(400);
    }
    const bad = await as.operator!.request('POST', '/api/v1/contacts', body(), { 'idempotency-key': 'short' });
    expect(bad.status).toBe(400);
    const future = await (
      await as.operator!.request('POST', '/api/v1/contacts', body({ startedAt: '2999-01-01T00:00:00Z' }))
    ).json();
    expect(future.error.fields).toEqual([{ path: 'startedAt', message: 'must not be in the future' }]);

    const huge = await as.operator!.request('POST', '/api/v1/contacts', body({ notes: 'я'.repeat(5_000_000) }));
    expect(huge.status).toBe(413);
    expect(await count()).toBe(before);

    expect((await as.analyst!.request('POST', '/api/v1/contacts', body())).status).toBe(403);
    expect(await count()).toBe(before);
    expect(
      (await auditRows(ctx, { action: 'access.denied', actorUserId: users.analyst!.id }))[0]!.details,
    ).toMatchObject({ attempted: 'contact.create' });

    const res = await as.operator!.request('POST', '/api/v1/contacts', body());
    expect(res.status).toBe(201);
    const { contact, caller } = await res.json();
    expect(contact).toMatchObject({
      operatorId: users.operator!.id,
      channel: 'phone',
      contactType: 'consultation',
      topics: ['wages', 'documents'],
      notes: 'Работодатель забрал паспорт, зарплату не платит три месяца',
      notesRedacted: false,
      hasCallerPhone: false,
      caseId: null,
    });
    expect(contact.actions).toEqual(['contact.read', 'contact.readNotes', 'case.create', 'case.attachContact']);
    expect(caller).toBeNull();
    expect(await count()).toBe(before + 1);
    expect(await auditRows(ctx, { action: 'contact.created', targetId: contact.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { contactType: 'consultation', channel: 'phone', hasNotes: true },
      }),
    ]);
  });

  it('counts the non-data contacts (silent, hang-up, prank …) with nothing but the channel and time', async () => {
    for (const contactType of ['silent', 'hang_up', 'wrong_number', 'prank', 'abusive']) {
      const res = await as.operator!.request('POST', '/api/v1/contacts', {
        channel: 'phone',
        startedAt: minutesAgo(1),
        contactType,
      });
      expect(res.status, contactType).toBe(201);
    }
  });

  it('Idempotency-Key: the same key twice stores one contact and answers the same; another body is 409', async () => {
    const key = `form-${crypto.randomUUID()}`;
    const b = body({ startedAt: minutesAgo(2) });
    const before = await count();
    const first = await as.operator!.request('POST', '/api/v1/contacts', b, { 'idempotency-key': key });
    const second = await as.operator!.request('POST', '/api/v1/contacts', b, { 'idempotency-key': key });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [one, two] = [await first.json(), await second.json()];
    expect(two).toEqual(one);
    expect(await count()).toBe(before + 1);
    expect(await auditRows(ctx, { action: 'contact.created', targetId: one.contact.id })).toHaveLength(1);
    expect(await auditRows(ctx, { action: 'contact.read', targetId: one.contact.id })).toEqual([
      expect.objectContaining({ details: { replayed: true } }),
    ]);

    const other = await as.operator!.request('POST', '/api/v1/contacts', { ...b, durationS: 1 }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('error.idempotencyKeyReused');
    expect(await count()).toBe(before + 1);
    // keys are per organisation
    expect((await as.stranger!.request('POST', '/api/v1/contacts', b, { 'idempotency-key': key })).status).toBe(201);
  });

  it('recognises a caller by phone (any spelling) through a blind index; phone and notes are sealed at rest', async () => {
    const phone = `+7 701 ${String(crypto.randomInt(1_000_000, 9_999_999))}`;
    const digits = phone.replace(/\D/g, '');
    const first = await (await as.operator!.request('POST', '/api/v1/contacts', body({ callerPhone: phone }))).json();
    expect(first.caller).toEqual({ recognised: false, earlierContacts: 0, knownPersons: 0 });
    const local = `8 (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;
    const second = await (await as.operator!.request('POST', '/api/v1/contacts', body({ callerPhone: local }))).json();
    expect(second.caller).toEqual({ recognised: true, earlierContacts: 1, knownPersons: 0 });
    expect(second.contact.hasCallerPhone).toBe(true);
    // the same phone in another organisation is not recognised there
    const elsewhere = await (await as.stranger!.request('POST', '/api/v1/contacts', body({ callerPhone: phone }))).json();
    expect(elsewhere.caller.earlierContacts).toBe(0);

    const { rows } = await ctx.db.query<{ raw: string; bidx: string }>(
      `SELECT encode(notes_sealed, 'hex') || encode(caller_phone_sealed, 'hex') AS raw, encode(caller_phone_bidx, 'hex') AS bidx
         FROM contacts WHERE id = $1`,
      [first.contact.id],
    );
    for (const plain of ['паспорт', 'зарплату', digits, digits.slice(-7)]) expect(rows[0]!.raw).not.toContain(hexOf(plain));
    expect(rows[0]!.bidx).toHaveLength(32);
    expect(JSON.stringify(await auditRows(ctx, { targetId: first.contact.id }))).not.toContain(digits.slice(-7));
  });
});

describe('GET /api/v1/contacts (deny ladder)', () => {
  it('401, 400, 403, then today’s contacts of my organisation only, newest first (audited)', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/contacts')).status).toBe(401);
    for (const q of ['type=gossip', 'pageSize=0', 'from=yesterday', 'sort=name']) {
      expect((await as.operator!.request('GET', `/api/v1/contacts?${q}`)).status, q).toBe(400);
    }
    expect((await as.analyst!.request('GET', '/api/v1/contacts')).status).toBe(403);
    await as.stranger!.request('POST', '/api/v1/contacts', body());
    const old = await (
      await as.operator!.request('POST', '/api/v1/contacts', body({ startedAt: minutesAgo(60 * 24 * 3) }))
    ).json();

    const res = await as.operator!.request('GET', '/api/v1/contacts?pageSize=200');
    expect(res.status).toBe(200);
    const { items, total } = await res.json();
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThan(0);
    const { rows } = await ctx.db.query<{ id: string }>('SELECT id FROM contacts WHERE org_id = $1', [orgId]);
    const mine = new Set(rows.map((r) => r.id));
    expect(items.every((i: { id: string }) => mine.has(i.id))).toBe(true);
    expect(items.map((i: { id: string }) => i.id)).not.toContain(old.contact.id);
    const times = items.map((i: { startedAt: string }) => i.startedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const week = await (
      await as.operator!.request('GET', `/api/v1/contacts?from=${encodeURIComponent(minutesAgo(60 * 24 * 7))}&type=consultation`)
    ).json();
    expect(week.items.map((i: { id: string }) => i.id)).toContain(old.contact.id);
    expect(week.items.every((i: { contactType: string }) => i.contactType === 'consultation')).toBe(true);
    const listed = await auditRows(ctx, { action: 'contact.listed', actorUserId: users.operator!.id });
    expect(listed.at(-1)!.details).toMatchObject({ type: 'consultation', page: 1 });
  });
});

describe('GET /api/v1/contacts/:id (deny ladder)', () => {
  it('401, 400, 404 for another organisation (audited), 403, then 200; notes only for roles that may read them', async () => {
    const { contact } = await (await as.operator!.request('POST', '/api/v1/contacts', body())).json();
    const foreign = await (await as.stranger!.request('POST', '/api/v1/contacts', body())).json();
    const path = `/api/v1/contacts/${contact.id}`;
    expect((await agent(ctx.app).request('GET', path)).status).toBe(401);
    expect((await as.operator!.request('GET', '/api/v1/contacts/nope')).status).toBe(400);
    expect((await as.operator!.request('GET', `/api/v1/contacts/${foreign.contact.id}`)).status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.contact.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { reason: 'notFound' } }),
    ]);
    expect((await as.analyst!.request('GET', path)).status).toBe(403);

    const op = await as.operator!.request('GET', path);
    expect(op.status).toBe(200);
    expect((await op.json()).notes).toBe(body().notes);
    const adm = await (await as.admin!.request('GET', path)).json();
    expect(adm.notes).toBeUndefined();
    expect(adm.notesRedacted).toBe(true);
    expect(await auditRows(ctx, { action: 'contact.read', targetId: contact.id })).toEqual([
      expect.objectContaining({ details: { notes: true } }),
      expect.objectContaining({ details: { notes: false } }),
    ]);
  });
});
