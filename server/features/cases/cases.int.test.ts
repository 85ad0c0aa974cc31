import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles';
import { caseYear } from './case-number';
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
  for (const role of ['operator', 'case_worker', 'supervisor', 'admin', 'analyst'] as const) {
    users[role] = await buildUser(ctx, { orgId, roles: [role] });
    as[role] = await signIn(ctx, users[role]);
  }
  users.stranger = await buildUser(ctx, { roles: ['supervisor'] });
  as.stranger = await signIn(ctx, users.stranger);
});

const person = {
  givenName: 'Гульдан',
  familyName: 'Тлегенова',
  birthDate: '1994-03-08',
  phone: '+7 701 555 0101',
  documentNumber: 'N 12345678',
  address: 'Шымкент, ул. Байтурсынова 12',
  sex: 'Feminine',
  citizenship: 'KAZ',
  languages: ['kaz', 'rus'],
  migrationStatus: 'returnee',
};
const hexOf = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const caseCount = async (org = orgId) =>
  (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE org_id = $1', [org])).rows[0]!.n;

async function openCase(who: TWho = 'case_worker', b: Record<string, unknown> = { person, region: 'shymkent' }) {
  const res = await as[who]!.request('POST', '/api/v1/cases', b);
  expect(res.status).toBe(201);
  return res.json();
}
async function logContact(who: TWho = 'operator', o: Record<string, unknown> = {}) {
  const res = await as[who]!.request('POST', '/api/v1/contacts', {
    channel: 'whatsapp',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    contactType: 'trafficking_report',
    problemRegion: 'almaty',
    notes: 'Сестру увезли в Дубай, телефон забрали',
    ...o,
  });
  expect(res.status).toBe(201);
  return (await res.json()).contact;
}

describe('POST /api/v1/cases (deny ladder)', () => {
  it('401, 400 (nothing stored), 404 for another organisation’s contact, 403, then 201 numbered per organisation', async () => {
    expect((await agent(ctx.app).request('POST', '/api/v1/cases', { person })).status).toBe(401);
    const before = await caseCount();
    for (const b of [
      { person: { ...person, birthDate: '2999-01-01' } }, // in the future
      { person: { ...person, birthDate: '1994-02-30' } },
      { person: { ...person, sex: 'F' } }, // not an HTCDS gender code
      { person: { ...person, citizenship: 'Kazakhstan' } },
      { person: { ...person, nickname: 'x' } },
      { person, region: 'atlantis' },
      { contactId: 'nope' },
      { person, status: 'Active' },
    ]) {
      expect((await as.case_worker!.request('POST', '/api/v1/cases', b)).status, JSON.stringify(b)).toBe(400);
    }
    const foreign = await logContact('stranger');
    expect((await as.case_worker!.request('POST', '/api/v1/cases', { contactId: foreign.id })).status).toBe(404);
    expect((await as.analyst!.request('POST', '/api/v1/cases', { person })).status).toBe(403);
    expect(await caseCount()).toBe(before);
    expect((await ctx.db.query('SELECT 1 FROM persons WHERE org_id = $1', [orgId])).rows).toHaveLength(0);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toHaveLength(1);

    const first = await openCase();
    const second = await openCase();
    const year = caseYear();
    expect(first.caseNumber).toBe(`KZ-${year}-000001`);
    expect(second.caseNumber).toBe(`KZ-${year}-000002`);
    expect((await openCase('stranger')).caseNumber).toBe(`KZ-${year}-000001`); // per organisation
    expect(first).toMatchObject({
      status: 'Active',
      stage: 'new',
      region: 'shymkent',
      assignedUserId: users.case_worker!.id, // a case worker takes the case they open
      identityRedacted: false,
      person: { sex: 'Feminine', citizenship: 'KAZ', birthYear: 1994, identity: { givenName: 'Гульдан', phone: '+7 701 555 0101' } },
      version: 1,
    });
    expect(first.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    expect(await auditRows(ctx, { action: 'case.created', targetId: first.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ fromContact: false }) }),
    ]);
    expect(await auditRows(ctx, { action: 'person.created', targetId: first.person.id })).toHaveLength(1);
  });

  it('seals identity at rest (no plaintext in the bytea) and indexes names so any script finds them', async () => {
    const kase = await openCase();
    const latin = await openCase('case_worker', { person: { givenName: 'Guldan', familyName: 'TLEGENOVA' } });
    const { rows } = await ctx.db.query<{ raw: string }>(
      `SELECT concat_ws(',', encode(given_name_sealed, 'hex'), encode(family_name_sealed, 'hex'),
              encode(birth_date_sealed, 'hex'), encode(phone_sealed, 'hex'), encode(document_number_sealed, 'hex'),
              encode(address_sealed, 'hex')) AS raw FROM persons WHERE id = $1`,
      [kase.person.id],
    );
    for (const plain of ['Гульдан', 'Тлегенова', '1994-03-08', '5550101', '12345678', 'Байтурсынова']) {
      expect(rows[0]!.raw, plain).not.toContain(hexOf(plain));
    }
    const { rows: same } = await ctx.db.query<{ same: boolean }>(
      `SELECT a.name_tokens_bidx @> b.name_tokens_bidx AND b.name_tokens_bidx @> a.name_tokens_bidx AS same
         FROM persons a, persons b WHERE a.id = $1 AND b.id = $2`,
      [kase.person.id, latin.person.id],
    );
    expect(same[0]!.same).toBe(true);
  });

  it('from a contact: attaches it, creates the person with the caller’s phone, refuses non-data and attached contacts', async () => {
    const contact = await logContact('operator', { callerPhone: '8 701 555 0202' });
    const res = await as.operator!.request('POST', '/api/v1/cases', { contactId: contact.id });
    expect(res.status).toBe(201);
    const kase = await res.json();
    expect(kase).toMatchObject({
      region: 'almaty',
      assignedUserId: null,
      identityRedacted: true,
      person: { identity: null },
      contacts: [{ id: contact.id, contactType: 'trafficking_report' }],
    });
    expect(kase.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'contactAttached']);
    const { rows } = await ctx.db.query<{ same: boolean; case_id: string }>(
      `SELECT p.phone_bidx = c.caller_phone_bidx AS same, c.case_id FROM contacts c JOIN persons p ON p.id = c.person_id
        WHERE c.id = $1`,
      [contact.id],
    );
    expect(rows[0]).toEqual({ same: true, case_id: kase.id });
    const full = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(full.person.identity.phone).toBe('8 701 555 0202'); // as the caller gave it

    const again = await as.operator!.request('POST', '/api/v1/cases', { contactId: contact.id });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('error.contactAlreadyAttached');
    const prank = await logContact('operator', { contactType: 'prank', notes: undefined });
    const p = await as.operator!.request('POST', '/api/v1/cases', { contactId: prank.id });
    expect(p.status).toBe(400);
    expect((await p.json()).error.code).toBe('error.nonDataContact');
    // the phone is now a known person: the next call from it is recognised
    const next = await as.operator!.request('POST', '/api/v1/contacts', {
      channel: 'phone',
      startedAt: new Date().toISOString(),
      contactType: 'consultation',
      callerPhone: '+77015550202',
    });
    expect((await next.json()).caller).toEqual({ recognised: true, earlierContacts: 1, knownPersons: 1 });
  });
});

describe('GET /api/v1/cases/:id (deny ladder)', () => {
  it('401, 400, 404 for another organisation (audited), 403, then 200 redacted by role; every open audited', async () => {
    const kase = await openCase();
    const foreign = await openCase('stranger');
    const path = `/api/v1/cases/${kase.id}`;
    expect((await agent(ctx.app).request('GET', path)).status).toBe(401);
    expect((await as.case_worker!.request('GET', '/api/v1/cases/123')).status).toBe(400);
    expect((await as.case_worker!.request('GET', `/api/v1/cases/${foreign.id}`)).status).toBe(404);
    expect(await auditRows(ctx, { action: 'access.denied', targetId: foreign.id })).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { reason: 'notFound' } }),
    ]);
    expect((await as.analyst!.request('GET', path)).status).toBe(403);

    const cw = await (await as.case_worker!.request('GET', path)).json();
    expect(cw.person.identity).toMatchObject({ givenName: 'Гульдан', familyName: 'Тлегенова', documentNumber: 'N 12345678' });
    const adm = await (await as.admin!.request('GET', path)).json();
    expect(adm.person.identity.familyName).toBe('Тлегенова');
    const op = await as.operator!.request('GET', path);
    expect(op.status).toBe(200);
    const opBody = await op.json();
    expect(opBody).toMatchObject({ identityRedacted: true, person: { identity: null, sex: 'Feminine', birthYear: 1994 } });
    expect(JSON.stringify(opBody)).not.toMatch(/Гульдан|Тлегенова|12345678|555 0101|5550101|1994-03-08/);
    expect(opBody.actions).toEqual(['case.read', 'case.attachContact']);
    expect(
      (await auditRows(ctx, { action: 'case.read', targetId: kase.id })).map((r) => r.details),
    ).toEqual([
      { identity: true, sensitive: true },
      { identity: true, sensitive: false },
      { identity: false, sensitive: false },
    ]);
  });
});

describe('GET /api/v1/cases (deny ladder)', () => {
  it('401, 400, 403, then a filtered, sorted page of my organisation’s cases (audited)', async () => {
    expect((await agent(ctx.app).request('GET', '/api/v1/cases')).status).toBe(401);
    for (const q of ['status=Open', 'region=atlantis', 'assigned=someone', 'pageSize=1000', 'sort=name', 'q=x']) {
      expect((await as.supervisor!.request('GET', `/api/v1/cases?${q}`)).status, q).toBe(400);
    }
    expect((await as.analyst!.request('GET', '/api/v1/cases')).status).toBe(403);
    await openCase('case_worker', { person, region: 'kostanay' });
    await openCase('stranger', { person, region: 'kostanay' });
    const res = await as.supervisor!.request('GET', '/api/v1/cases?region=kostanay&status=Active&sort=caseNumber');
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ region: 'kostanay', status: 'Active' });
    expect(page.items[0].person).toBeUndefined();

    const mine = await (await as.case_worker!.request('GET', '/api/v1/cases?assigned=me&pageSize=2&sort=-caseNumber')).json();
    expect(mine.items).toHaveLength(2);
    const { rows } = await ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cases WHERE assigned_user_id = $1',
      [users.case_worker!.id],
    );
    expect(mine.total).toBe(rows[0]!.n);
    expect(mine.items[0].caseNumber > mine.items[1].caseNumber).toBe(true);
    expect(
      (await auditRows(ctx, { action: 'case.listed', actorUserId: users.supervisor!.id })).at(-1)!.details,
    ).toEqual({ count: 1, page: 1, filters: ['status', 'region'] });
  });
});

describe('PATCH /api/v1/cases/:id (deny ladder)', () => {
  it('401, 400, 404, 403, 409 naming the fields changed meanwhile, then 200; closing needs a supervisor and a reason', async () => {
    const kase = await openCase();
    const foreign = await openCase('stranger');
    const path = `/api/v1/cases/${kase.id}`;
    expect((await agent(ctx.app).request('PATCH', path, { version: 1, stage: 'assessment' })).status).toBe(401);
    for (const b of [{ stage: 'assessment' }, { version: 1, status: 'Pending' }, { version: 1, caseNumber: 'x' }]) {
      expect((await as.case_worker!.request('PATCH', path, b)).status, JSON.stringify(b)).toBe(400);
    }
    const ghost = await as.case_worker!.request('PATCH', path, { version: 1, assignedUserId: users.stranger!.id });
    expect(ghost.status).toBe(400);
    expect((await ghost.json()).error.fields).toEqual([{ path: 'assignedUserId', message: 'no such user in your organisation' }]);
    expect((await as.case_worker!.request('PATCH', `/api/v1/cases/${foreign.id}`, { version: 1, stage: 'closed' })).status).toBe(404);
    expect((await as.operator!.request('PATCH', path, { version: 1, stage: 'assessment' })).status).toBe(403);

    const ok = await as.case_worker!.request('PATCH', path, {
      version: 1,
      stage: 'assessment',
      assignedUserId: users.supervisor!.id,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ stage: 'assessment', assignedUserId: users.supervisor!.id, version: 2 });

    const stale = await as.supervisor!.request('PATCH', path, { version: 1, region: 'almaty' });
    expect(stale.status).toBe(409);
    const err = (await stale.json()).error;
    expect(err.code).toBe('error.conflict');
    expect(err.fields.map((f: { path: string }) => f.path)).toEqual(['assignedUserId', 'stage']);
    expect(await auditRows(ctx, { action: 'case.updated', targetId: kase.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: expect.objectContaining({ fields: ['stage', 'assignedUserId'] }) }),
      expect.objectContaining({ outcome: 'failure', details: expect.objectContaining({ reason: 'conflict' }) }),
    ]);

    expect((await as.case_worker!.request('PATCH', path, { version: 2, status: 'Closed', closureReason: 'done' })).status).toBe(403);
    const noReason = await as.supervisor!.request('PATCH', path, { version: 2, status: 'Closed' });
    expect(noReason.status).toBe(400);
    const closed = await as.supervisor!.request('PATCH', path, {
      version: 2,
      status: 'ClosedReferred',
      closureReason: 'Referred to the IOM shelter',
    });
    expect(closed.status).toBe(200);
    const c = await closed.json();
    expect(c).toMatchObject({ status: 'ClosedReferred', stage: 'closed', version: 3 });
    expect(c.closedAt).not.toBeNull();
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'updated', 'updated']);
  });
});

describe('POST /api/v1/cases/:id/contacts (deny ladder)', () => {
  it('401, 400, 404 for another organisation’s case or contact, 403, then 200; a contact joins one case only', async () => {
    const kase = await openCase();
    const other = await openCase();
    const foreign = await openCase('stranger');
    const contact = await logContact();
    const foreignContact = await logContact('stranger');
    const path = `/api/v1/cases/${kase.id}/contacts`;
    expect((await agent(ctx.app).request('POST', path, { contactId: contact.id })).status).toBe(401);
    expect((await as.operator!.request('POST', path, { contactId: 'x' })).status).toBe(400);
    expect((await as.operator!.request('POST', path, {})).status).toBe(400);
    expect((await as.operator!.request('POST', `/api/v1/cases/${foreign.id}/contacts`, { contactId: contact.id })).status).toBe(404);
    expect((await as.operator!.request('POST', path, { contactId: foreignContact.id })).status).toBe(404);
    expect((await as.operator!.request('POST', path, { contactId: crypto.randomUUID() })).status).toBe(404);
    expect((await as.analyst!.request('POST', path, { contactId: contact.id })).status).toBe(403);
    const { rows } = await ctx.db.query<{ case_id: string | null }>('SELECT case_id FROM contacts WHERE id = $1', [contact.id]);
    expect(rows[0]!.case_id).toBeNull();

    const res = await as.operator!.request('POST', path, { contactId: contact.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: contact.id, caseId: kase.id, personId: kase.person.id });
    expect((await as.operator!.request('POST', path, { contactId: contact.id })).status).toBe(200); // again: no change
    const elsewhere = await as.operator!.request('POST', `/api/v1/cases/${other.id}/contacts`, { contactId: contact.id });
    expect(elsewhere.status).toBe(409);
    expect(await auditRows(ctx, { action: 'case.contactAttached', targetId: kase.id })).toEqual([
      expect.objectContaining({ outcome: 'success', details: { contactId: contact.id } }),
    ]);
    const file = await (await as.case_worker!.request('GET', `/api/v1/cases/${kase.id}`)).json();
    expect(file.contacts.map((x: { id: string }) => x.id)).toEqual([contact.id]);
  });
});

describe('POST /api/v1/cases with an Idempotency-Key', () => {
  it('a double submission opens one case and answers with it; the same key with another body is refused', async () => {
    const key = { 'Idempotency-Key': `new-case-${crypto.randomUUID()}` };
    const body = { person: { givenName: 'Мадина', familyName: 'Жакупова' }, region: 'almaty' };
    const before = await caseCount();
    const first = await as.case_worker!.request('POST', '/api/v1/cases', body, key);
    const again = await as.case_worker!.request('POST', '/api/v1/cases', body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await again.json()).id).toBe((await first.json()).id);
    expect(await caseCount()).toBe(before + 1);
    const other = await as.case_worker!.request('POST', '/api/v1/cases', { ...body, region: 'astana' }, key);
    expect(other.status).toBe(409);
    expect(await caseCount()).toBe(before + 1);
  });
});
