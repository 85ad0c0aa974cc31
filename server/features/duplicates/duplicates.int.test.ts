import { beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/roles';
import { agent, auditRows, buildOrg, buildUser, setupTestContext, signIn, type TAgent, type TTestContext } from '../../test/harness';
import { fuzzyPersonIds } from './fuzzy';
import { scanOrganisation } from './scan';

let ctx: TTestContext;
let orgId: string;
type TWho = TRole | 'stranger';
const as: Partial<Record<TWho, TAgent>> = {};

beforeAll(async () => {
  ctx = await setupTestContext();
  orgId = (await buildOrg(ctx)).id;
  for (const role of ['operator', 'case_worker', 'supervisor', 'analyst'] as const) {
    as[role] = await signIn(ctx, await buildUser(ctx, { orgId, roles: [role] }));
  }
  const stranger = await buildUser(ctx, { roles: ['supervisor'] });
  strangerOrg.id = stranger.orgId;
  as.stranger = await signIn(ctx, stranger);
});

const guldan = { givenName: 'Guldan', familyName: 'Tlegenova', birthDate: '1994-03-08', sex: 'Feminine', phone: '+7 701 555 0101' };

async function openCase(who: TWho, person: Record<string, unknown>) {
  const res = await as[who]!.request('POST', '/api/v1/cases', { person });
  expect(res.status).toBe(201);
  // the person's keyed encodings are written with it: no reindexing needed before a check
  return res.json();
}
const strangerOrg = { id: '' };

describe('duplicate persons', () => {
  it('warns of "Guldan Tlegenova" when "Гульдан Тлегенова" is entered, with reasons, only within the organisation', async () => {
    const first = await openCase('case_worker', guldan);
    const { rows } = await ctx.db.query<{ org_id: string }>('SELECT org_id FROM users WHERE id = (SELECT created_by FROM cases WHERE id = $1)', [first.id]);
    expect(rows[0]!.org_id).toBe(orgId);
    await openCase('case_worker', { givenName: 'Нурлан', familyName: 'Абенов', birthDate: '1980-01-02' });

    expect((await agent(ctx.app).request('POST', '/api/v1/persons/duplicate-check', { person: guldan })).status).toBe(401);
    expect((await as.analyst!.request('POST', '/api/v1/persons/duplicate-check', { person: guldan })).status).toBe(403);
    expect((await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: { birthDate: '2999-01-01' } })).status).toBe(400);

    for (const variant of [
      { givenName: 'Гульдан', familyName: 'Тлегенова', birthDate: '1994-03-08' },
      { givenName: 'Gul’dan', familyName: 'Tlegenova', birthDate: '1994-08-03' }, // day and month swapped
      { givenName: 'Tlegenova', familyName: 'Guldan' }, // order swapped, no date
      { givenName: 'Гулдан', familyName: 'Тлегенова', birthDate: '1994-03-08' },
    ]) {
      const res = await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: variant });
      expect(res.status).toBe(200);
      const { candidates } = await res.json();
      expect(candidates.length, JSON.stringify(variant)).toBeGreaterThanOrEqual(1);
      expect(candidates[0].person.id).toBe(first.person.id);
      expect(candidates[0].person.identity.familyName).toBe('Tlegenova');
      expect(candidates[0].person.cases[0].caseNumber).toBe(first.caseNumber);
      expect(candidates[0].reasons.some((r: { field: string }) => r.field === 'name')).toBe(true);
    }
    // The person being edited is not its own duplicate (the case file's person form sends its id).
    const self = await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: guldan, excludePersonId: first.person.id });
    expect(self.status).toBe(200);
    expect((await self.json()).candidates.map((c: { person: { id: string } }) => c.person.id)).not.toContain(first.person.id);
    const withSelf = await (await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: guldan })).json();
    expect(withSelf.candidates.map((c: { person: { id: string } }) => c.person.id)).toContain(first.person.id);
    expect((await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: guldan, excludePersonId: 'nope' })).status).toBe(400);
    // A different person is not proposed.
    const none = await (await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: { givenName: 'Айгерим', familyName: 'Садыкова', birthDate: '1999-02-02' } })).json();
    expect(none.candidates).toHaveLength(0);
    // The operator is warned but sees no identity.
    const op = await (await as.operator!.request('POST', '/api/v1/persons/duplicate-check', { person: { givenName: 'Гульдан', familyName: 'Тлегенова' } })).json();
    expect(op.candidates[0].person.identity).toBeNull();
    // Another organisation never sees this person.
    const other = await (await as.stranger!.request('POST', '/api/v1/persons/duplicate-check', { person: guldan })).json();
    expect(other.candidates).toHaveLength(0);
    expect((await auditRows(ctx, { action: 'person.duplicateChecked' })).length).toBeGreaterThanOrEqual(6);
  });

  it('lists candidates found by the scan, merges side by side (cases follow), and undoes the merge', async () => {
    const a = await openCase('case_worker', { ...guldan, givenName: 'Gulden', documentNumber: 'N1234567' });
    const b = await openCase('case_worker', { givenName: 'Гульден', familyName: 'Тлегенова', birthDate: '1994-03-08', address: 'Шымкент' });
    // the kept person's further HTCDS fields, age and languages, which no merge chooses between
    const more = {
      extra: { email: 'gulden@example.kz', documents: [{ type: 'passport', number: 'N7654321' }] },
      profile: { maritalStatus: 'Married', numberOfChildren: 2 },
      ageYears: 30,
      ageStatedOn: '2024-01-01',
    };
    const linkKeys = async (personId: string) =>
      (await ctx.db.query<{ k: string }>(`SELECT encode(key, 'hex') AS k FROM person_link_keys WHERE person_id = $1 ORDER BY 1`, [personId])).rows.map((r) => r.k);
    const keysBefore = await linkKeys(a.person.id);
    expect(keysBefore.length).toBeGreaterThan(0);
    const put = await as.case_worker!.request('PUT', `/api/v1/cases/${a.id}/person`, {
      person: { ...guldan, givenName: 'Gulden', documentNumber: 'N1234567', languages: ['kaz', 'rus'] },
      ...more,
      version: a.version,
    });
    expect(put.status, await put.clone().text()).toBe(200);
    // a rewrite of the same identity keeps the person's blocking keys (none is lost on the way)
    expect(await linkKeys(a.person.id)).toEqual(keysBefore);
    const keepsMore = (file: Record<string, unknown>) =>
      expect(file).toMatchObject({
        personExtra: more.extra,
        personProfile: more.profile,
        ageYears: 30,
        ageStatedOn: '2024-01-01',
        person: { languages: ['kaz', 'rus'] },
      });
    const scan = await scanOrganisation(ctx.db, orgId);
    expect(scan.pairs).toBeGreaterThanOrEqual(1);
    expect((await as.operator!.request('GET', '/api/v1/persons/duplicates')).status).toBe(403);
    const list = await (await as.case_worker!.request('GET', '/api/v1/persons/duplicates')).json();
    const pair = list.items.find((p: { a: { id: string }; b: { id: string } }) =>
      [p.a.id, p.b.id].sort().join() === [a.person.id, b.person.id].sort().join(),
    );
    expect(pair, JSON.stringify({ scan, list, a: a.person.id, b: b.person.id })).toBeTruthy();
    expect(pair.reasons.length).toBeGreaterThan(0);

    const cmp = await as.case_worker!.request('GET', `/api/v1/persons/compare?a=${a.person.id}&b=${b.person.id}`);
    expect(cmp.status).toBe(200);
    expect((await as.stranger!.request('GET', `/api/v1/persons/compare?a=${a.person.id}&b=${b.person.id}`)).status).toBe(404);

    expect((await as.stranger!.request('POST', '/api/v1/persons/merge', { keepId: a.person.id, mergeId: b.person.id })).status).toBe(404);
    expect((await as.operator!.request('POST', '/api/v1/persons/merge', { keepId: a.person.id, mergeId: b.person.id })).status).toBe(403);
    expect((await as.case_worker!.request('POST', '/api/v1/persons/merge', { keepId: a.person.id, mergeId: a.person.id })).status).toBe(400);
    const res = await as.case_worker!.request('POST', '/api/v1/persons/merge', {
      keepId: a.person.id,
      mergeId: b.person.id,
      take: ['givenName', 'address'],
    });
    expect(res.status).toBe(201);
    const merge = await res.json();
    expect(merge).toMatchObject({ movedCases: 1, fields: ['givenName', 'address'] });
    const movedCase = await (await as.case_worker!.request('GET', `/api/v1/cases/${b.id}`)).json();
    expect(movedCase.person.id).toBe(a.person.id);
    expect(movedCase.person.identity).toMatchObject({ givenName: 'Гульден', address: 'Шымкент', documentNumber: 'N1234567' });
    keepsMore(movedCase);
    // merged again → 409; the merged record is no longer proposed
    expect((await as.case_worker!.request('POST', '/api/v1/persons/merge', { keepId: a.person.id, mergeId: b.person.id })).status).toBe(409);
    const check = await (await as.case_worker!.request('POST', '/api/v1/persons/duplicate-check', { person: { givenName: 'Гульден', familyName: 'Тлегенова', birthDate: '1994-03-08' } })).json();
    expect(check.candidates.map((c: { person: { id: string } }) => c.person.id)).not.toContain(b.person.id);
    expect(await auditRows(ctx, { action: 'person.merged', targetId: a.person.id })).toHaveLength(1);

    const undone = await as.case_worker!.request('POST', `/api/v1/persons/merges/${merge.id}/undo`);
    expect(undone.status).toBe(200);
    expect((await as.case_worker!.request('POST', `/api/v1/persons/merges/${merge.id}/undo`)).status).toBe(409);
    const back = await (await as.case_worker!.request('GET', `/api/v1/cases/${b.id}`)).json();
    expect(back.person.id).toBe(b.person.id);
    const kept = await (await as.case_worker!.request('GET', `/api/v1/cases/${a.id}`)).json();
    expect(kept.person.identity).toMatchObject({ givenName: 'Gulden', address: null, documentNumber: 'N1234567' });
    keepsMore(kept);
    // the undo record holds no plaintext
    const { rows } = await ctx.db.query<{ raw: string }>(`SELECT encode(undo_sealed, 'escape') AS raw FROM person_merges WHERE id = $1`, [merge.id]);
    expect(rows[0]!.raw).not.toContain('Gulden');
  });

  it('fuzzy name search finds a person through typos, scripts and endings, on encodings only', async () => {
    const kase = await openCase('case_worker', { givenName: 'Айгерим', familyName: 'Сейткалиева', birthDate: '1990-05-05' });
    for (const text of ['Aigerim Seitkalieva', 'Айгерiм Сейткалиев', 'Aygerim Seytkaliyeva', 'Seitkaliyeva', 'айгерим']) {
      const ids = await fuzzyPersonIds(ctx.db, ctx.deps.sealer, orgId, text);
      expect(ids, text).toContain(kase.person.id);
    }
    expect(await fuzzyPersonIds(ctx.db, ctx.deps.sealer, orgId, 'Нурлан')).not.toContain(kase.person.id);
    // The case list offers them when no name matches exactly.
    const list = await (await as.case_worker!.request('GET', '/api/v1/cases?q=' + encodeURIComponent('Aigerim Seitkalieba'))).json();
    expect(list.similar, JSON.stringify(list)).toBe(true);
    expect(list.items.map((c: { id: string }) => c.id)).toContain(kase.id);
    const exact = await (await as.case_worker!.request('GET', '/api/v1/cases?q=' + encodeURIComponent('Айгерим'))).json();
    expect(exact.similar).toBeUndefined();
    expect(await fuzzyPersonIds(ctx.db, ctx.deps.sealer, strangerOrg.id, 'Aigerim Seitkalieva')).not.toContain(kase.person.id);
  });
});
