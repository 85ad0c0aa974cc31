import crypto from 'node:crypto';
import { expect } from 'vitest';
import { ZPartner } from '../../../shared/schemas/partners';
import { buildOrg, buildUser, signIn, type TAgent, type TTestContext, type TTestUser } from '../../test/harness';

export const uniq = () => crypto.randomBytes(4).toString('hex');

/** A valid entry body (as the web app sends it), with a unique word in its names for searching. */
export function profileBody(over: Record<string, unknown> = {}) {
  return {
    partnerType: 'NGO',
    names: { ru: `Фонд «Жарық» ${uniq()}`, kk: `«Жарық» қоры`, en: 'Zharyq Foundation' },
    descriptions: { ru: 'Правовая помощь мигрантам.' },
    regions: ['almaty', 'almaty_region'],
    services: ['legal_aid', 'psychological'],
    languages: ['kk', 'ru'],
    contactPoints: [{ label: 'Приёмная', phone: '+7 727 000 00 00', email: 'desk@zharyq.example.org' }],
    hours: 'пн–пт 9:00–18:00',
    website: 'https://zharyq.example.org',
    letterLanguage: 'ru',
    notifyEmail: 'referrals@zharyq.example.org',
    published: true,
    publishedFields: ['type', 'regions', 'services'],
    ...over,
  };
}

export type TSide = { user: TTestUser; a: TAgent; orgId: string };

/** A network administrator (admin of a network-coordinating organisation), signed in. */
export async function networkAdmin(ctx: TTestContext): Promise<TSide> {
  const org = await buildOrg(ctx, { isNetworkCoordinator: true, type: 'crisis_centre' });
  const user = await buildUser(ctx, { orgId: org.id, roles: ['admin'] });
  return { user, a: await signIn(ctx, user), orgId: org.id };
}

/** A signed-in user of the given organisation (or of a new one). */
export async function member(ctx: TTestContext, roles: TTestUser['roles'], orgId?: string): Promise<TSide> {
  const user = await buildUser(ctx, { roles, ...(orgId ? { orgId } : {}) });
  return { user, a: await signIn(ctx, user), orgId: user.orgId };
}

/** The response matches the shared contract the web app is built against. */
export function expectPartner(body: unknown) {
  const parsed = ZPartner.strict().safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data!;
}
