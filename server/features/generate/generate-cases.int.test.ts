import { beforeAll, describe, expect, it } from 'vitest';
// the harness (and the app with it) first: @hono/zod-openapi extends zod before any schema is made
import { buildOrg, buildUser, setupTestContext, signIn, type TAgent, type TTestContext } from '../../test/harness';
import { kazakhToPassport, kyrgyzToPassport, russianToIcao, tajikToPassport, uzbekLatinToCyrillic } from '../../../shared/names';
import { ZVictimContext } from '../../../shared/schemas/case-file';
import { CONTACT_TOPICS } from '../../../shared/schemas/contacts';
import { generateCases, GenerateRefusedError, type TGenerateOptions } from './generate-cases';
import { loadNameGroups } from './name-lists';
import { femaleShareOf, synthCase, synthPerson } from './synth';

let ctx: TTestContext;
let orgA: string;
let orgB: string;
let worker: TAgent;
const target = () => ({ db: ctx.db, keyring: ctx.deps.keyring });
const UNTIL = Date.parse('2026-06-30T12:00:00+05:00');

const options = (orgId: string, o: Partial<TGenerateOptions> = {}): TGenerateOptions => ({
  orgId,
  count: 60,
  seed: 42,
  contactsPerCase: 1.5,
  standaloneContacts: 20,
  years: 3,
  untilMs: UNTIL,
  batchSize: 25, // three batches: persons come back across batches
  linkKeys: true,
  force: true,
  ...o,
});

type TRow = {
  id: string;
  case_number: string;
  person_id: string;
  given: Uint8Array | null;
  family: Uint8Array | null;
  middle: Uint8Array | null;
  phone: Uint8Array | null;
};

/** The generated cases of an organisation with their persons' names, opened by the app's Sealer. */
async function generated(orgId: string) {
  const { rows } = await ctx.db.query<TRow>(
    `SELECT c.id, c.case_number, c.person_id, p.given_name_sealed AS given, p.family_name_sealed AS family,
            p.middle_name_sealed AS middle, p.phone_sealed AS phone
       FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.org_id = $1 ORDER BY c.case_number`,
    [orgId],
  );
  const s = ctx.deps.sealer;
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.case_number,
    personId: r.person_id,
    given: s.openNullable(r.given, 'persons.given_name')!,
    family: s.openNullable(r.family, 'persons.family_name')!,
    middle: s.openNullable(r.middle, 'persons.middle_name'),
    phone: s.openNullable(r.phone, 'persons.phone'),
  }));
}
const count = async (table: string, orgId: string) =>
  (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [orgId])).rows[0]!.n;

beforeAll(async () => {
  ctx = await setupTestContext();
  orgA = (await buildOrg(ctx)).id;
  orgB = (await buildOrg(ctx)).id;
  const caseWorker = await buildUser(ctx, { orgId: orgA, roles: ['case_worker'] });
  await buildUser(ctx, { orgId: orgA, roles: ['operator'] });
  await buildUser(ctx, { orgId: orgB, roles: ['case_worker'] });
  worker = await signIn(ctx, caseWorker);
}, 120_000);

describe('senim generate cases', () => {
  it('refuses an organisation that is not demo data, and a database with real data, writing nothing', async () => {
    await expect(generateCases(target(), options(orgA, { force: false }))).rejects.toThrow(/not a demo organisation/);
    await ctx.db.query('UPDATE organisations SET is_demo = true WHERE id = $1', [orgA]);
    // the other organisations and users of this database are real data
    await expect(generateCases(target(), options(orgA, { force: false }))).rejects.toThrow(GenerateRefusedError);
    await expect(generateCases(target(), options(orgA, { force: false }))).rejects.toThrow(/real \(non-demo\) data/);
    await ctx.db.query('UPDATE organisations SET is_demo = false WHERE id = $1', [orgA]);
    expect(await count('cases', orgA)).toBe(0);
    expect(await count('persons', orgA)).toBe(0);
  });

  it('writes persons, cases, contacts, timeline and trafficking events that the app reads', async () => {
    const r = await generateCases(target(), options(orgA));
    expect(r.cases).toBe(60);
    expect(await count('cases', orgA)).toBe(60);
    expect(await count('persons', orgA)).toBe(r.persons);
    expect(r.persons).toBeLessThanOrEqual(60); // a person now and then comes back with a new case
    expect(await count('contacts', orgA)).toBe(r.contacts);
    expect(r.contacts).toBeGreaterThanOrEqual(60 + 20);
    expect(await count('person_name_tokens', orgA)).toBe(r.nameTokens);
    expect(await count('person_link_keys', orgA)).toBeGreaterThan(0);
    expect(await count('case_events', orgA)).toBe(r.caseEvents);

    const { rows: cases } = await ctx.db.query<{ victim: unknown; trafficking_status: string; status: string; stage: string }>(
      'SELECT victim, trafficking_status, status, stage FROM cases WHERE org_id = $1',
      [orgA],
    );
    for (const c of cases) {
      const v = ZVictimContext.parse(c.victim);
      expect(v.traffickingStatus).toBe(c.trafficking_status);
      expect(c.status === 'Closed' || c.status === 'ClosedReferred').toBe(c.stage === 'closed');
    }
    const { rows: topics } = await ctx.db.query<{ t: string }>(
      'SELECT DISTINCT unnest(topics) AS t FROM contacts WHERE org_id = $1',
      [orgA],
    );
    for (const { t } of topics) expect(CONTACT_TOPICS).toContain(t);

    // the case file opens with the identity the generator sealed
    const first = (await generated(orgA))[0]!;
    const res = await worker.request('GET', `/api/v1/cases/${first.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { caseNumber: string; person: { identity: { givenName: string; familyName: string } } };
    expect(body.caseNumber).toBe(first.caseNumber);
    expect(body.person.identity).toMatchObject({ givenName: first.given, familyName: first.family });

    // numbering goes on after the generated cases, without a clash
    const opened = await worker.request('POST', '/api/v1/cases', { person: { givenName: 'Тест' } });
    expect(opened.status).toBe(201);
  });

  it('is reproducible: the same seed gives the same persons, another seed others', async () => {
    await generateCases(target(), options(orgB));
    const a = await generated(orgA);
    const b = await generated(orgB);
    const names = (xs: typeof a) => xs.filter((x) => x.given !== 'Тест').map((x) => [x.caseNumber, x.given, x.middle, x.family, x.phone]);
    expect(names(b)).toEqual(names(a));
    // persons that came back share one row in both
    const people = (xs: typeof a) => new Set(xs.map((x) => x.personId)).size;
    expect(people(b)).toBe(people(a.filter((x) => x.given !== 'Тест')));

    const orgC = (await buildOrg(ctx)).id;
    await buildUser(ctx, { orgId: orgC, roles: ['case_worker'] });
    await generateCases(target(), options(orgC, { seed: 43, count: 20, linkKeys: false }));
    const c = await generated(orgC);
    expect(c.map((x) => x.family)).not.toEqual(a.slice(0, 20).map((x) => x.family));
    expect(await count('person_link_keys', orgC)).toBe(0);
  });

  it('search finds generated persons by name in Latin and in Cyrillic, and by phone', async () => {
    const all = (await generated(orgA)).filter((x) => x.given !== 'Тест');
    // the persons are those the seed draws (case numbers follow the cases' order)
    const groups = loadNameGroups();
    const layout = { count: 60, untilMs: UNTIL, years: 3 };
    const drawn = all.map((_, i) => {
      const c = synthCase(42, i, layout, 1);
      const first = synthCase(42, c.personIndex, layout, 1);
      return synthPerson(groups, 42, c.personIndex, { femaleShare: femaleShareOf(first), ageYears: first.ageYears, openedMs: first.openedMs });
    });
    expect(all.map((x) => [x.given, x.family])).toEqual(drawn.map((d) => [d.givenName, d.familyName]));

    const find = async (q: string) => {
      const res = await worker.request('GET', `/api/v1/cases?q=${encodeURIComponent(q)}&pageSize=200`);
      expect(res.status, q).toBe(200);
      return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
    };
    const toLatin = { kk: kazakhToPassport, ru: russianToIcao, ky: kyrgyzToPassport, tg: tajikToPassport, uz: uzbekLatinToCyrillic };
    const seen = { cyrillic: 0, latin: 0 };
    for (const [i, p] of all.entries()) {
      const d = drawn[i]!;
      const name = `${p.given} ${p.family}`;
      expect(await find(name), name).toContain(p.id);
      if (d.script === 'cyrillic') {
        // entered in Cyrillic, found by the passport's Latin spelling (Uzbek: by the Latin alphabet)
        const other = d.group === 'uz' ? `${d.givenName} ${d.familyName}` : toLatin[d.group](name);
        if (d.group !== 'uz') expect(await find(other), other).toContain(p.id);
        seen.cyrillic++;
      } else if (d.group === 'uz') {
        // entered in Uzbek Latin, found in Cyrillic
        const other = uzbekLatinToCyrillic(name);
        expect(await find(other), other).toContain(p.id);
        seen.latin++;
      }
    }
    expect(seen.cyrillic).toBeGreaterThan(5);
    expect(seen.latin).toBeGreaterThan(0);

    const withPhone = all.find((x) => x.phone?.startsWith('+7 '));
    expect(withPhone).toBeDefined();
    const digits = withPhone!.phone!.replace(/\D/g, '');
    expect(await find(`8${digits.slice(1)}`)).toContain(withPhone!.id);
  });
});
