import type { TDeps } from '../http/context';
import { insertUser } from '../features/users/insert-user';
import { cliAudit } from '../cli/cli-audit';
import type { Queryable } from '../db/types';
import { ZMemorandumInput, ZPartnerProfileInput } from '../../shared/schemas/partners';
import { DEMO_MEMORANDUM, DEMO_ORGS, DEMO_PARTNERS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

export class NonDemoDataError extends Error {
  constructor(readonly organisations: number, readonly users: number) {
    super(
      `This database holds real (non-demo) data: ${organisations} organisation(s) and ${users} user(s). ` +
        'The demo seed only runs on an empty or demo-only database; nothing was changed. ' +
        'Use an empty SENIM_DATA_DIR (or database) for the demo.',
    );
  }
}

export type TSeedResult = {
  organisationsCreated: number;
  usersCreated: number;
  /** directory entries and memoranda added (the referral network) */
  partnersCreated: number;
  memorandaCreated: number;
  users: { email: string; roles: readonly string[]; organisation: string; note?: string }[];
  password: string;
};

/**
 * Creates the demo organisations and users, in one transaction. Idempotent: what exists is kept.
 * Refuses a database holding any organisation or user not marked as demo.
 */
export async function seedDemo(deps: Pick<TDeps, 'systemDb' | 'sealer' | 'keyring' | 'refreshDemo'>): Promise<TSeedResult> {
  const result = await deps.systemDb.transaction(async (tx) => {
    // Serialise concurrent seeds (several servers on one PostgreSQL) on the organisations table.
    await tx.query('LOCK TABLE organisations, users IN SHARE ROW EXCLUSIVE MODE');
    const { rows: real } = await tx.query<{ orgs: number; users: number }>(
      `SELECT (SELECT count(*)::int FROM organisations WHERE NOT is_demo) AS orgs,
              (SELECT count(*)::int FROM users WHERE NOT is_demo) AS users`,
    );
    const r = real[0]!;
    if (r.orgs > 0 || r.users > 0) throw new NonDemoDataError(r.orgs, r.users);

    const orgIds = new Map<string, string>();
    let organisationsCreated = 0;
    for (const o of DEMO_ORGS) {
      const { rows: found } = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE lower(name) = lower($1)', [o.name]);
      if (found[0]) {
        orgIds.set(o.key, found[0].id);
        continue;
      }
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO organisations (name, type, region, is_network_coordinator, is_demo) VALUES ($1, $2, $3, $4, true) RETURNING id`,
        [o.name, o.type, o.region, o.isNetworkCoordinator],
      );
      orgIds.set(o.key, rows[0]!.id);
      organisationsCreated++;
    }

    let usersCreated = 0;
    for (const u of DEMO_USERS) {
      const { rows: found } = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [u.email]);
      if (found[0]) continue;
      await insertUser(tx, deps.sealer, {
        orgId: orgIds.get(u.org)!,
        email: u.email,
        fullName: u.fullName,
        roles: u.roles,
        locale: u.locale,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
        isDemo: true,
      });
      usersCreated++;
    }

    const network = await seedNetwork(tx, orgIds);

    await tx.query(`INSERT INTO instance_meta (key, value) VALUES ('demo', 'true'::jsonb) ON CONFLICT (key) DO UPDATE SET value = 'true'::jsonb`);
    if (organisationsCreated > 0 || usersCreated > 0 || network.partnersCreated > 0 || network.memorandaCreated > 0) {
      await cliAudit(tx, deps, [
        {
          action: 'seed.demoCreated',
          outcome: 'success',
          details: { organisations: organisationsCreated, users: usersCreated, ...network },
        },
      ]);
    }
    return { organisationsCreated, usersCreated, ...network };
  });
  await deps.refreshDemo();
  const orgName = new Map(DEMO_ORGS.map((o) => [o.key, o.name]));
  return {
    ...result,
    users: DEMO_USERS.map((u) => ({
      email: u.email,
      roles: u.roles,
      organisation: orgName.get(u.org)!,
      ...(u.note ? { note: u.note } : {}),
    })),
    password: DEMO_PASSWORD,
  };
}

/**
 * The referral network of the demo: every organisation's approved, published directory entry (the
 * offline trade union's without Senim: it receives letters) and one memorandum all of them signed.
 * What exists is kept.
 */
async function seedNetwork(tx: Queryable, orgIds: ReadonlyMap<string, string>): Promise<{ partnersCreated: number; memorandaCreated: number }> {
  const { rows: admin } = await tx.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = 'admin@crisis.demo'`);
  const decidedBy = admin[0]?.id ?? null;
  let partnersCreated = 0;
  for (const p of DEMO_PARTNERS) {
    const b = ZPartnerProfileInput.parse(p.profile);
    const { rowCount } = await tx.query(
      `INSERT INTO partner_profiles (org_id, partner_type, names, descriptions, regions, services, languages, contact_points,
         hours, website, letter_language, notify_email, published, published_fields, uses_senim,
         membership, membership_decided_by, membership_decided_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::text[], $6::text[], $7::text[], $8::jsonb, $9, $10, $11, $12, $13, $14::text[], $15,
         'approved', $16, now())
       ON CONFLICT (org_id) DO NOTHING`,
      [
        orgIds.get(p.org),
        b.partnerType,
        JSON.stringify(b.names),
        JSON.stringify(b.descriptions),
        b.regions,
        b.services,
        b.languages,
        JSON.stringify(b.contactPoints),
        b.hours ?? null,
        b.website ?? null,
        b.letterLanguage,
        b.notifyEmail ?? null,
        b.published,
        b.publishedFields,
        p.usesSenim,
        decidedBy,
      ],
    );
    partnersCreated += rowCount;
  }

  const m = ZMemorandumInput.parse({ ...DEMO_MEMORANDUM, memberOrgIds: [...orgIds.values()] });
  let memorandaCreated = 0;
  const { rows: found } = await tx.query<{ id: string }>(`SELECT id FROM memoranda WHERE titles->>'ru' = $1`, [m.titles.ru]);
  let memorandumId = found[0]?.id;
  if (!memorandumId) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO memoranda (titles, scopes, signed_on, created_by) VALUES ($1::jsonb, $2::jsonb, $3::date, $4) RETURNING id`,
      [JSON.stringify(m.titles), JSON.stringify(m.scopes), m.signedOn, decidedBy],
    );
    memorandumId = rows[0]!.id;
    memorandaCreated++;
  }
  await tx.query(
    `INSERT INTO memorandum_members (memorandum_id, org_id, joined_on)
     SELECT $1, o, $3::date FROM unnest($2::uuid[]) AS o ON CONFLICT (memorandum_id, org_id) DO NOTHING`,
    [memorandumId, m.memberOrgIds, m.signedOn],
  );
  return { partnersCreated, memorandaCreated };
}
