import { beforeAll, describe, expect, it } from 'vitest';
import { ZPublicPartnerList } from '../../../shared/schemas/partners';
import { agent, setupTestContext, type TAgent, type TTestContext } from '../../test/harness';
import { PUBLIC_PARTNERS_MAX_AGE_SECONDS } from './public';
import { member, networkAdmin, profileBody, uniq, type TSide } from './partners.test-helper';

/** Sends a request and returns the status and JSON body. */
async function call(a: TAgent, method: string, path: string, body?: unknown) {
  const res = await a.request(method, path, body);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

let ctx: TTestContext;
let hub: TSide;
beforeAll(async () => {
  ctx = await setupTestContext();
  hub = await networkAdmin(ctx);
});

describe('GET /api/public/partners (no sign-in)', () => {
  it('shows approved, published partners with only the fields each chose, in Russian, Kazakh and English', async () => {
    const tag = uniq();
    const add = async (p: Record<string, unknown>) => {
      const r = await call(hub.a, 'POST', '/api/v1/partners', { ...profileBody(p), organisationName: `Партнёр ${uniq()}` });
      expect(r.status).toBe(201);
      return r.body.orgId as string;
    };
    // chose its services and regions only; no English name: Russian is shown
    const union = await add({
      partnerType: 'TradeUnion',
      names: { ru: `Профсоюз строителей ${tag}`, kk: `Құрылысшылар кәсіподағы ${tag}` },
      descriptions: { ru: 'Трудовые споры.', kk: 'Еңбек даулары.' },
      published: true,
      publishedFields: ['services', 'regions'],
    });
    // chose everything
    const ngo = await add({
      names: { ru: `Фонд ${tag}`, kk: `Қор ${tag}`, en: `Foundation ${tag}` },
      descriptions: { ru: 'Помощь мигрантам.', en: 'Help for migrants.' },
      published: true,
      publishedFields: ['type', 'description', 'regions', 'services', 'languages', 'contactPoints', 'hours', 'website'],
    });
    // approved but not published; published but left the network; published but still pending
    await add({ names: { ru: `Скрытый ${tag}` }, published: false, publishedFields: ['services'] });
    const gone = await add({ names: { ru: `Ушедший ${tag}` }, published: true });
    expect((await call(hub.a, 'POST', `/api/v1/partners/${gone}/membership`, { decision: 'left', version: 1 })).status).toBe(200);
    const applicant = await member(ctx, ['admin']);
    expect(
      (await call(applicant.a, 'PUT', `/api/v1/partners/${applicant.orgId}`, profileBody({ names: { ru: `Заявитель ${tag}` }, published: true, version: 1 })))
        .status,
    ).toBe(201);
    // a memorandum both published partners signed
    const titles = { ru: `Меморандум ${tag}`, kk: `Меморандум (қаз.) ${tag}`, en: `Memorandum ${tag}` };
    expect((await call(hub.a, 'POST', '/api/v1/memoranda', { titles, signedOn: '2025-01-20', memberOrgIds: [union, ngo] })).status).toBe(201);

    const anon = agent(ctx.app);
    const requestIds: string[] = [];
    const mine = <T extends { name: string }>(items: T[]) => items.filter((i) => i.name.includes(tag));
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const res = await anon.request('GET', `/api/public/partners?lang=${lang}`);
      expect(res.status).toBe(200);
      requestIds.push(res.headers.get('x-request-id')!);
      expect(res.headers.get('cache-control')).toBe(`public, max-age=${PUBLIC_PARTNERS_MAX_AGE_SECONDS}`);
      const body = (await res.json()) as { lang: string; items: { id: string; name: string }[] };
      expect(ZPublicPartnerList.strict().safeParse(body).error?.issues ?? []).toEqual([]);
      expect(body.lang).toBe(lang);
      const items = mine(body.items);
      expect(items.map((i) => i.id).sort()).toEqual([union, ngo].sort());
      const u = items.find((i) => i.id === union)!;
      const n = items.find((i) => i.id === ngo)!;
      // no personal data, no notification address, nothing of membership, ever
      for (const i of items) expect(Object.keys(i).sort()).toEqual(
        ['contactPoints', 'description', 'hours', 'id', 'languages', 'memoranda', 'name', 'regions', 'services', 'type', 'website'],
      );
      expect(JSON.stringify(body)).not.toMatch(/referrals@|notifyEmail|membership/);
      expect(u).toEqual({
        id: union,
        name: { ru: `Профсоюз строителей ${tag}`, kk: `Құрылысшылар кәсіподағы ${tag}`, en: `Профсоюз строителей ${tag}` }[lang],
        type: null,
        description: null,
        regions: ['almaty', 'almaty_region'],
        services: ['legal_aid', 'psychological'],
        languages: null,
        contactPoints: null,
        hours: null,
        website: null,
        memoranda: [titles[lang]],
      });
      expect(n).toMatchObject({
        name: { ru: `Фонд ${tag}`, kk: `Қор ${tag}`, en: `Foundation ${tag}` }[lang],
        type: 'NGO',
        description: { ru: 'Помощь мигрантам.', kk: 'Помощь мигрантам.', en: 'Help for migrants.' }[lang],
        contactPoints: [{ label: 'Приёмная', phone: '+7 727 000 00 00', email: 'desk@zharyq.example.org' }],
        hours: 'пн–пт 9:00–18:00',
        website: 'https://zharyq.example.org',
        memoranda: [titles[lang]],
      });
    }
    // default: Russian
    const plain = await call(anon, 'GET', '/api/public/partners');
    expect(plain.status).toBe(200);
    expect(plain.body.lang).toBe('ru');
    // public reads write nothing (no audit rows, no session)
    const { rows } = await ctx.db.query('SELECT 1 FROM audit_log WHERE request_id = ANY($1::text[])', [requestIds]);
    expect(rows).toEqual([]);
    expect(plain.headers.get('set-cookie')).toBeNull();
  });

  it('400 for an unknown language or parameter, in the caller’s language, not cached', async () => {
    for (const q of ['?lang=de', '?lang=', '?lang=ru&x=1']) {
      const res = await agent(ctx.app, 'kk').request('GET', `/api/public/partners${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('error.validation');
    }
    // the rest of the API stays uncached
    const a = agent(ctx.app);
    expect((await a.request('GET', '/api/v1/partners')).headers.get('cache-control')).toBe('no-store');
  });
});
