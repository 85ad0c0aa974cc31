import type { TDeps } from '../http/context';
import { insertUser } from '../features/users/insert-user';
import { cliAudit } from '../cli/cli-audit';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

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

    await tx.query(`INSERT INTO instance_meta (key, value) VALUES ('demo', 'true'::jsonb) ON CONFLICT (key) DO UPDATE SET value = 'true'::jsonb`);
    if (organisationsCreated > 0 || usersCreated > 0) {
      await cliAudit(tx, deps, [
        { action: 'seed.demoCreated', outcome: 'success', details: { organisations: organisationsCreated, users: usersCreated } },
      ]);
    }
    return { organisationsCreated, usersCreated };
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
