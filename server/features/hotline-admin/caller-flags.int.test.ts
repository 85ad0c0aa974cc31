import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
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
const users: Record<'operator' | 'admin' | 'analyst' | 'stranger', TTestUser> = {} as never;
const as: Record<'operator' | 'admin' | 'analyst' | 'stranger', TAgent> = {} as never;

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

const newPhone = () => `+7 701 ${String(crypto.randomInt(1_000_000, 9_999_999))}`;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const flags = async () =>
  (
    await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM caller_flags WHERE org_id = $1', [
      orgId,
    ])
  ).rows[0]!.n;
const logContact = async (a: TAgent, callerPhone?: string) => {
  const res = await a.request('POST', '/api/v1/contacts', {
    channel: 'phone',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    contactType: 'consultation',
    ...(callerPhone ? { callerPhone } : {}),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as {
    contact: { id: string };
    caller: { recognised: boolean; earlierContacts: number; flags?: Record<string, unknown>[] } | null;
  };
};

describe('POST /api/v1/hotline/caller-flags (deny ladder)', () => {
  it('401, 400 (nothing stored), 403 for roles without caller.flag (audited), then 201; phone and note never in clear', async () => {
    const phone = newPhone();
    const digits = phone.replace(/\D/g, '');
    const body = (o: Record<string, unknown> = {}) => ({
      phone,
      flag: 'abusive',
      note: 'Угрожал оператору, звонит пьяным',
      expiresAt: inDays(30),
      ...o,
    });
    expect((await agent(ctx.app).request('POST', '/api/v1/hotline/caller-flags', body())).status).toBe(401);
    for (const [b, path] of [
      [body({ flag: 'rude' }), 'flag'],
      [body({ phone: 'call me maybe' }), 'phone'],
      [body({ phone: '12' }), 'phone'],
      [body({ phone: '+7 1' }), 'phone'], // phone characters, but no phone number
      [body({ expiresAt: inDays(-1) }), 'expiresAt'], // expired already
      [body({ expiresAt: 'tomorrow' }), 'expiresAt'],
      [body({ phone: undefined }), 'phone'], // neither a phone nor a contact
      [body({ contactId: crypto.randomUUID() }), 'phone'], // both
      [body({ note: 'x'.repeat(2001) }), 'note'],
      [body({ createdBy: users.admin.id }), 'createdBy'],
    ] as const) {
      const res = await as.operator.request('POST', '/api/v1/hotline/caller-flags', b);
      expect(res.status, path).toBe(400);
      expect(
        (await res.json()).error.fields.map((f: { path: string }) => f.path),
        path,
      ).toContain(path);
    }
    const expired = await as.operator.request(
      'POST',
      '/api/v1/hotline/caller-flags',
      body({ expiresAt: inDays(-1) }),
    );
    expect((await expired.json()).error.fields).toEqual([
      { path: 'expiresAt', message: 'must be in the future' },
    ]);
    for (const role of ['analyst', 'admin'] as const) {
      expect((await as[role].request('POST', '/api/v1/hotline/caller-flags', body())).status, role).toBe(403);
      expect(
        (await auditRows(ctx, { action: 'access.denied', actorUserId: users[role].id })).at(-1)!.details,
      ).toMatchObject({ attempted: 'caller.flag' });
    }
    expect(await flags()).toBe(0);

    const res = await as.operator.request('POST', '/api/v1/hotline/caller-flags', body());
    expect(res.status).toBe(201);
    const flag = await res.json();
    expect(flag).toEqual({
      id: expect.any(String),
      flag: 'abusive',
      note: 'Угрожал оператору, звонит пьяным',
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(await auditRows(ctx, { action: 'caller.flagged', targetId: flag.id })).toEqual([
      expect.objectContaining({
        outcome: 'success',
        details: { flag: 'abusive', hasNote: true, expiresAt: flag.expiresAt },
      }),
    ]);
    const { rows } = await ctx.db.query<{ raw: string }>(
      `SELECT encode(phone_bidx, 'hex') || encode(note_sealed, 'hex') AS raw FROM caller_flags WHERE id = $1`,
      [flag.id],
    );
    const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
    for (const plain of [digits, digits.slice(-7), 'Угрожал', 'пьяным'])
      expect(rows[0]!.raw).not.toContain(hex(plain));
    expect(JSON.stringify(await auditRows(ctx, { targetId: flag.id }))).not.toContain(digits.slice(-7));
  });

  it('flags the phone of a logged contact; another organisation’s contact is not found (audited)', async () => {
    const phone = newPhone();
    const { contact } = await logContact(as.operator, phone);
    const res = await as.operator.request('POST', '/api/v1/hotline/caller-flags', {
      contactId: contact.id,
      flag: 'at_risk',
    });
    expect(res.status).toBe(201);
    const flag = await res.json();
    expect(flag).toMatchObject({ flag: 'at_risk', note: null, expiresAt: null });
    expect((await auditRows(ctx, { action: 'caller.flagged', targetId: flag.id }))[0]!.details).toEqual({
      flag: 'at_risk',
      hasNote: false,
      expiresAt: null,
      contactId: contact.id,
    });
    // the same phone in any spelling is the flagged caller
    const local = `8${phone.replace(/\D/g, '').slice(1)}`;
    expect((await logContact(as.operator, local)).caller!.flags).toEqual([flag]);

    const { contact: noPhone } = await logContact(as.operator);
    const without = await as.operator.request('POST', '/api/v1/hotline/caller-flags', {
      contactId: noPhone.id,
      flag: 'at_risk',
    });
    expect(without.status).toBe(400);
    expect((await without.json()).error.fields).toEqual([
      { path: 'contactId', message: 'this contact has no caller phone' },
    ]);
    const { contact: foreign } = await logContact(as.stranger, phone);
    const before = await flags();
    expect(
      (
        await as.operator.request('POST', '/api/v1/hotline/caller-flags', {
          contactId: foreign.id,
          flag: 'at_risk',
        })
      ).status,
    ).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { reason: 'notFound' } }),
    ]);
    expect(await flags()).toBe(before);
    // the other organisation does not see this organisation's flags on the same phone
    expect((await logContact(as.stranger, phone)).caller!.flags).toBeUndefined();
  });
});

describe('flags on a recognised caller', () => {
  it('shows the flags in force with their expiry; an expired flag vanishes by itself', async () => {
    const phone = newPhone();
    const flag = async (o: Record<string, unknown>) => {
      const res = await as.operator.request('POST', '/api/v1/hotline/caller-flags', { phone, ...o });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; expiresAt: string | null };
    };
    const lasting = await flag({ flag: 'at_risk', note: 'Боится работодателя' });
    const soon = await flag({ flag: 'abusive', expiresAt: inDays(1) });
    // never called before, but flagged: the console is told
    const first = await logContact(as.operator, phone);
    expect(first.caller).toMatchObject({ recognised: true, earlierContacts: 0, knownPersons: 0 });
    expect(first.caller!.flags!.map((f) => f.id).sort()).toEqual([lasting.id, soon.id].sort());
    expect(first.caller!.flags!.find((f) => f.id === soon.id)!.expiresAt).toBe(soon.expiresAt);
    expect(
      (await auditRows(ctx, { action: 'contact.created', targetId: first.contact.id }))[0]!.details,
    ).toMatchObject({
      callerFlagsShown: 2,
    });

    await ctx.db.query(`UPDATE caller_flags SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      soon.id,
    ]);
    const second = await logContact(as.operator, phone);
    expect(second.caller!.flags!.map((f) => f.id)).toEqual([lasting.id]);
  });
});

describe('DELETE /api/v1/hotline/caller-flags/:id (deny ladder)', () => {
  it('401, 400, 404 for another organisation (audited), 403 (audited), then 204; clearing twice is one change', async () => {
    const phone = newPhone();
    const make = async (a: TAgent) =>
      (await (
        await a.request('POST', '/api/v1/hotline/caller-flags', { phone, flag: 'abusive' })
      ).json()) as { id: string };
    const mine = await make(as.operator);
    const theirs = await make(as.stranger);
    const path = `/api/v1/hotline/caller-flags/${mine.id}`;
    expect((await agent(ctx.app).request('DELETE', path)).status).toBe(401);
    expect((await as.operator.request('DELETE', '/api/v1/hotline/caller-flags/nope')).status).toBe(400);
    expect((await as.operator.request('DELETE', `/api/v1/hotline/caller-flags/${theirs.id}`)).status).toBe(
      404,
    );
    expect(await auditRows(ctx, { action: 'access.denied', targetId: theirs.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { reason: 'notFound' } }),
    ]);
    expect((await as.analyst.request('DELETE', path)).status).toBe(403);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: mine.id })).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: { reason: 'forbidden', attempted: 'caller.flag' },
      }),
    ]);
    const cleared = async (id: string) =>
      (
        await ctx.db.query<{ cleared_at: Date | null }>('SELECT cleared_at FROM caller_flags WHERE id = $1', [
          id,
        ])
      ).rows[0]!.cleared_at;
    expect(await cleared(mine.id)).toBeNull();
    expect(await cleared(theirs.id)).toBeNull();

    expect((await as.operator.request('DELETE', path)).status).toBe(204);
    expect(await cleared(mine.id)).not.toBeNull();
    expect((await as.operator.request('DELETE', path)).status).toBe(204);
    expect(await auditRows(ctx, { action: 'caller.flagCleared', targetId: mine.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { flag: 'abusive' } }),
    ]);
    // a cleared flag is no longer shown
    expect((await logContact(as.operator, phone)).caller!.flags).toBeUndefined();
  });
});
