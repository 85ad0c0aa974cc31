import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, buildOrg, buildUser, setupTestContext, signIn, type TAgent, type TTestContext, type TTestUser } from '../../test/harness';
import { listLimits, maxPageOf } from './list-cases';

let ctx: TTestContext;
let worker: TTestUser;
let as: TAgent;
let stranger: TAgent;
const opened: Record<string, { id: string; caseNumber: string }> = {};

const latin = { givenName: 'Guldan', familyName: 'Tlegenova', phone: '+7 701 123 45 67', documentNumber: 'N 12345678' };
const cyrillic = { givenName: 'Айгерим', familyName: 'Сапарова', phone: '8 (702) 765-43-21', documentNumber: 'ID 0420' };

async function open(a: TAgent, person: Record<string, unknown>, region = 'almaty') {
  const res = await a.request('POST', '/api/v1/cases', { person, region });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; caseNumber: string };
}
async function search(query: string, a: TAgent = as) {
  const res = await a.request('GET', `/api/v1/cases?${query}`);
  expect(res.status, query).toBe(200);
  return (await res.json()) as { items: { id: string; caseNumber: string }[]; total: number; totalCapped: boolean; similar?: boolean };
}
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
const q = (text: string) => `q=${encodeURIComponent(text)}`;

beforeAll(async () => {
  ctx = await setupTestContext();
  const orgId = (await buildOrg(ctx)).id;
  worker = await buildUser(ctx, { orgId, roles: ['case_worker'] });
  as = await signIn(ctx, worker);
  stranger = await signIn(ctx, await buildUser(ctx, { roles: ['case_worker'] }));
  opened.latin = await open(as, latin);
  opened.cyrillic = await open(as, cyrillic, 'astana');
  opened.other = await open(as, { givenName: 'Гульнар', familyName: 'Тлеуова' }, 'astana');
  // another organisation's person with the same name, phone and document
  opened.foreign = await open(stranger, latin);
});

describe('GET /api/v1/cases?q= (search)', () => {
  it('finds a name in any script: Cyrillic finds the Latin-entered person and Latin the Cyrillic one, one word or all', async () => {
    expect(ids(await search(q('Гульдан Тлегенова')))).toEqual([opened.latin!.id]);
    expect(ids(await search(q('Тлегенова')))).toEqual([opened.latin!.id]);
    expect(ids(await search(q('TLEGENOVA guldan')))).toEqual([opened.latin!.id]);
    expect(ids(await search(q('Aigerim Saparova')))).toEqual([opened.cyrillic!.id]);
    expect(ids(await search(q('saparova')))).toEqual([opened.cyrillic!.id]);
    // every word must match
    expect((await search(q('Guldan Saparova'))).total).toBe(0);
    // not an exact token: nothing matches exactly, so persons with similar names are offered
    expect((await search(q('Tlegen'))).similar).toBe(true);
  });

  it('matches a word ending in * on its first three letters (persons written from now on)', async () => {
    expect(ids(await search(q('Тле*')))).toEqual([opened.latin!.id, opened.other!.id].sort());
    expect(ids(await search(q('Tle* Gul*')))).toEqual([opened.latin!.id, opened.other!.id].sort());
    expect(ids(await search(q('Tlegen* Guldan')))).toEqual([opened.latin!.id]);
    expect((await as.request('GET', `/api/v1/cases?${q('Tl*')}`)).status).toBe(400);
  });

  it('finds a phone however it is written, a document number, a case number', async () => {
    expect(ids(await search(q('87011234567')))).toEqual([opened.latin!.id]);
    expect(ids(await search(q('+7 (701) 123-45-67')))).toEqual([opened.latin!.id]);
    expect(ids(await search(q('+77027654321')))).toEqual([opened.cyrillic!.id]);
    expect(ids(await search(q('n 1234-5678')))).toEqual([opened.latin!.id]);
    expect(ids(await search(q('id0420')))).toEqual([opened.cyrillic!.id]);
    expect(ids(await search(q(opened.cyrillic!.caseNumber)))).toEqual([opened.cyrillic!.id]);
    const [, year, n] = /^KZ-(\d{4})-(\d+)$/.exec(opened.cyrillic!.caseNumber)!;
    expect(ids(await search(q(`kz-${year}-${Number(n)}`)))).toEqual([opened.cyrillic!.id]);
    expect((await search(q('+7 700 000 00 00'))).total).toBe(0);
  });

  it('never finds another organisation’s matching person, and theirs find only theirs', async () => {
    for (const text of ['Guldan Tlegenova', '87011234567', 'N12345678', 'Тле*']) {
      const page = await search(q(text));
      expect(page.items.map((i) => i.id), text).not.toContain(opened.foreign!.id);
    }
    expect(ids(await search(q('Гульдан'), stranger))).toEqual([opened.foreign!.id]);
    expect((await search(q(opened.cyrillic!.caseNumber), stranger)).items.map((i) => i.id)).not.toContain(
      opened.cyrillic!.id,
    );
  });

  it('combines the search with filters, dates and sorts', async () => {
    expect(ids(await search(`${q('Тле*')}&region=astana`))).toEqual([opened.other!.id]);
    expect((await search(`${q('Тле*')}&status=Closed`)).total).toBe(0);
    const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
    expect((await search(`openedFrom=${today}&openedTo=${today}`)).total).toBe(3);
    expect((await search(`openedTo=2020-12-31`)).total).toBe(0);
    expect((await search(`openedFrom=2999-01-01`)).total).toBe(0);
    const byUpdate = await search('sort=-updatedAt&pageSize=2');
    expect(byUpdate.items.map((i) => i.id)).toEqual([opened.other!.id, opened.cyrillic!.id]);
    const asc = await search('sort=updatedAt&region=astana');
    expect(asc.items.map((i) => i.id)).toEqual([opened.cyrillic!.id, opened.other!.id]);
  });

  it('audits the kind of search, never the text', async () => {
    await search(q('Гульдан Тлегенова'));
    await search(q('87011234567'));
    await search(`${q('n 1234-5678')}&region=almaty`);
    await search(q(opened.latin!.caseNumber));
    await search(q('Тле*'));
    const rows = await auditRows(ctx, { action: 'case.searched', actorUserId: worker.id });
    expect(rows.slice(-5).map((r) => r.details)).toEqual([
      { kind: 'name', prefix: false, count: 1, total: 1, page: 1, filters: [] },
      { kind: 'phone', count: 1, total: 1, page: 1, filters: [] },
      { kind: 'document', count: 1, total: 1, page: 1, filters: ['region'] },
      { kind: 'caseNumber', count: 1, total: 1, page: 1, filters: [] },
      { kind: 'name', prefix: true, count: 2, total: 2, page: 1, filters: [] },
    ]);
    const all = JSON.stringify(rows);
    for (const text of ['Гульдан', 'Тлегенова', 'guldan', '7011234567', '12345678', 'Тле', 'tle', opened.latin!.caseNumber]) {
      expect(all, text).not.toContain(text);
    }
    // a plain list stays 'case.listed'
    await search('region=astana');
    expect((await auditRows(ctx, { action: 'case.listed', actorUserId: worker.id })).at(-1)!.details).toEqual({
      count: 2,
      page: 1,
      filters: ['region'],
    });
  });

  it('400 for bad parameters, with the field named', async () => {
    for (const bad of [
      'q=x',
      q('a'.repeat(201)),
      q(' - - '),
      q('Tl*'),
      q('a b c d e f g'),
      q('№ -'),
      'openedFrom=2026-13-01',
      'openedTo=yesterday',
      'openedFrom=2026-03-02&openedTo=2026-03-01',
      'sort=name',
      'sort=-updatedAt,id',
      'search=Guldan',
    ]) {
      const res = await as.request('GET', `/api/v1/cases?${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.code, bad).toBe('error.validation');
    }
    const range = await (await as.request('GET', '/api/v1/cases?openedFrom=2026-03-02&openedTo=2026-03-01')).json();
    expect(range.error.fields.map((f: { path: string }) => f.path)).toEqual(['openedTo']);
    const prefix = await (await as.request('GET', `/api/v1/cases?${q('Tl*')}`)).json();
    expect(prefix.error.fields).toEqual([{ path: 'q', message: 'a name prefix (ending in *) needs at least 3 letters' }]);
  });
});

describe('GET /api/v1/cases: totals counted up to a cap, pages as deep as the count', () => {
  const cap = listLimits.countCap;
  const withCap = async (n: number, fn: () => Promise<void>) => {
    listLimits.countCap = n;
    try {
      await fn();
    } finally {
      listLimits.countCap = cap;
    }
  };

  it('counts exactly under the cap, and says "more than" over it', async () => {
    expect(cap).toBe(10_000);
    const exact = await search('pageSize=1');
    expect(exact).toMatchObject({ total: 3, totalCapped: false });
    expect(exact.items).toHaveLength(1);
    await withCap(2, async () => {
      const capped = await search('pageSize=1');
      expect(capped).toMatchObject({ total: 2, totalCapped: true });
      expect(capped.items).toHaveLength(1);
      // a search with fewer matches than the cap stays exact
      expect(await search(q('Тле*'))).toMatchObject({ total: 2, totalCapped: false });
      expect(await search('region=astana&pageSize=1')).toMatchObject({ total: 2, totalCapped: false });
      expect(await search(q('Guldan'))).toMatchObject({ total: 1, totalCapped: false });
      // audited as counted, with the cap reached said
      await search(`${q('Тле*')}`);
      await withCap(1, async () => {
        expect(await search(q('Тле*'))).toMatchObject({ total: 1, totalCapped: true });
      });
      const rows = await auditRows(ctx, { action: 'case.searched', actorUserId: worker.id });
      expect(rows.at(-1)!.details).toEqual({ kind: 'name', prefix: true, count: 2, total: 1, totalCapped: true, page: 1, filters: [] });
    });
    expect(await search('pageSize=2&page=2')).toMatchObject({ total: 3, totalCapped: false });
    expect(await search('pageSize=2&page=3')).toMatchObject({ items: [], total: 3, totalCapped: false });
  });

  it('refuses a page that starts past the cap (400 on page), and serves the last one', async () => {
    expect(maxPageOf(50)).toBe(200);
    expect(maxPageOf(30)).toBe(334);
    const deep = await as.request('GET', '/api/v1/cases?page=201&pageSize=50');
    expect(deep.status).toBe(400);
    const body = await deep.json();
    expect(body.error.code).toBe('error.validation');
    expect(body.error.fields).toEqual([{ path: 'page', message: 'must be at most 200' }]);
    expect((await as.request('GET', '/api/v1/cases?page=200&pageSize=50')).status).toBe(200);
    await withCap(2, async () => {
      expect(await search('pageSize=1&page=2')).toMatchObject({ total: 2, totalCapped: true });
      expect((await as.request('GET', '/api/v1/cases?pageSize=1&page=3')).status).toBe(400);
      expect((await as.request('GET', `/api/v1/cases?pageSize=1&page=3&${q('Guldan')}`)).status).toBe(400);
    });
  });
});
