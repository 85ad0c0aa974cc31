import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../auth/passwords';
import { boot } from '../boot';
import { loadConfig } from '../config';
import { parseEnvKey, toKeyring } from '../crypto/keyring';
import { createPgliteDb } from '../db/pglite';
import type { Db } from '../db/types';
import type { TDeps } from '../http/context';
import { DEMO_ORGS, DEMO_PARTNERS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { NonDemoDataError, seedDemo } from './seed-demo';

// The demo seed needs a database of its own (it refuses any non-demo row), not the shared test one.
let db: Db;
let deps: TDeps;
beforeAll(async () => {
  db = await createPgliteDb({ memory: true, loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
  const config = { ...loadConfig({ SENIM_DATA_DIR: '/nonexistent', SENIM_LOG_LEVEL: 'silent' }), demo: false };
  deps = await boot({ config, db, keyring: toKeyring(parseEnvKey(inject('testKeyring')), 'env'), quiet: true });
}, 60_000);
afterAll(async () => db.close());

describe('seed --demo', () => {
  it('creates the network, one user per role, marks demo mode, audits, and is idempotent', async () => {
    expect(deps.isDemo()).toBe(false);
    const first = await seedDemo(deps);
    expect(first).toMatchObject({
      organisationsCreated: DEMO_ORGS.length,
      usersCreated: DEMO_USERS.length,
      partnersCreated: DEMO_ORGS.length,
      memorandaCreated: 1,
      password: DEMO_PASSWORD,
    });
    expect(deps.isDemo()).toBe(true);

    const { rows: orgs } = await db.query<{ type: string; is_network_coordinator: boolean; is_demo: boolean; region: string }>(
      'SELECT type, is_network_coordinator, is_demo, region FROM organisations ORDER BY type',
    );
    expect(orgs.map((o) => o.type)).toEqual(['crisis_centre', 'ngo', 'police', 'state_body', 'trade_union', 'trade_union']);
    expect(orgs.filter((o) => o.is_network_coordinator).map((o) => o.type)).toEqual(['crisis_centre']);
    expect(orgs.every((o) => o.is_demo && o.region)).toBe(true);

    const { rows: users } = await db.query<{ email: string; roles: string[]; is_demo: boolean; password_hash: string; full_name_sealed: Uint8Array }>(
      'SELECT email, roles, is_demo, password_hash, full_name_sealed FROM users ORDER BY email',
    );
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const roles = new Set(users.flatMap((u) => u.roles));
    for (const r of ['admin', 'operator', 'case_worker', 'supervisor', 'partner_officer', 'analyst']) expect(roles.has(r)).toBe(true);
    expect(users.every((u) => u.is_demo)).toBe(true);
    expect(await verifyPassword(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(deps.sealer.open(users.find((u) => u.email === 'admin@crisis.demo')!.full_name_sealed, 'users.full_name')).toMatch(/Жұмабаева/);

    // The referral network: every organisation an approved, published entry; one offline trade union
    // without users that receives letters in Russian; one memorandum signed by all.
    const { rows: partners } = await db.query<{
      type: string; uses_senim: boolean; membership: string; published: boolean; services: string[];
      letter_language: string; notify_email: string | null; users: number;
    }>(
      `SELECT o.type, p.uses_senim, p.membership, p.published, p.services, p.letter_language, p.notify_email,
              (SELECT count(*)::int FROM users u WHERE u.org_id = o.id) AS users
         FROM organisations o JOIN partner_profiles p ON p.org_id = o.id ORDER BY o.type, p.uses_senim`,
    );
    expect(partners).toHaveLength(DEMO_ORGS.length);
    expect(partners.every((p) => p.membership === 'approved' && p.published)).toBe(true);
    const offline = partners.filter((p) => !p.uses_senim);
    expect(offline).toEqual([
      expect.objectContaining({ type: 'trade_union', users: 0, letter_language: 'ru', notify_email: expect.stringMatching(/@[\w.-]+\.example\.org$/) }),
    ]);
    expect(partners.find((p) => p.type === 'crisis_centre')!.services).toEqual(['hotline', 'shelter', 'psychological', 'legal_aid']);
    expect(partners.find((p) => p.type === 'police')!.services).toEqual(['criminal_investigation']);
    expect(partners.filter((p) => p.uses_senim).every((p) => p.users > 0)).toBe(true);
    const { rows: memo } = await db.query<{ titles: Record<string, string>; members: number }>(
      `SELECT m.titles, (SELECT count(*)::int FROM memorandum_members mm WHERE mm.memorandum_id = m.id) AS members FROM memoranda m`,
    );
    expect(memo).toEqual([{ titles: { ru: expect.any(String), kk: expect.any(String), en: expect.any(String) }, members: DEMO_ORGS.length }]);
    expect(DEMO_PARTNERS.map((p) => p.org).sort()).toEqual(DEMO_ORGS.map((o) => o.key).sort());

    const second = await seedDemo(deps);
    expect(second).toMatchObject({ organisationsCreated: 0, usersCreated: 0, partnersCreated: 0, memorandaCreated: 0 });
    const { rows: counts } = await db.query<{ o: number; u: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM organisations) AS o, (SELECT count(*)::int FROM users) AS u,
              (SELECT count(*)::int FROM audit_log WHERE action = 'seed.demoCreated') AS a`,
    );
    expect(counts[0]).toEqual({ o: DEMO_ORGS.length, u: DEMO_USERS.length, a: 1 });
  });

  it('refuses a database with any non-demo organisation, changing nothing', async () => {
    await db.query(`INSERT INTO organisations (name, type) VALUES ('Настоящий фонд', 'ngo')`);
    await db.query(`DELETE FROM users WHERE email = 'officer@state.demo'`);
    await expect(seedDemo(deps)).rejects.toBeInstanceOf(NonDemoDataError);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = 'officer@state.demo'`);
    expect(rows[0]!.n).toBe(0);
  });
});
