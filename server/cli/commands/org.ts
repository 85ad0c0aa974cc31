import type { Command } from 'commander';
import { REGION_CODES } from '../../../shared/regions';
import { ORGANISATION_TYPES } from '../../../shared/roles';
import { ZOrganisationName, ZRegion } from '../../../shared/schemas/organisations';
import { cliAudit } from '../cli-audit';
import { withInstance } from '../context';
import { CliError } from '../errors';

type TOrgAddOptions = { name: string; type: string; region?: string; networkCoordinator?: boolean; requireTwoFactor?: boolean };

export async function runOrgAdd(o: TOrgAddOptions): Promise<void> {
  const name = ZOrganisationName.safeParse(o.name);
  if (!name.success) throw new CliError('--name must be 2 to 200 characters.');
  if (!(ORGANISATION_TYPES as readonly string[]).includes(o.type)) {
    throw new CliError(`--type must be one of: ${ORGANISATION_TYPES.join(', ')}.`);
  }
  const region = o.region === undefined ? null : ZRegion.safeParse(o.region.trim());
  if (region && !region.success) {
    throw new CliError(`Unknown region "${o.region}". --region must be one of: ${REGION_CODES.join(', ')}.`);
  }
  await withInstance(async (deps) => {
    const id = await deps.systemDb.transaction(async (tx) => {
      const { rows: clash } = await tx.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1)', [name.data]);
      if (clash[0]) throw new CliError(`An organisation named "${name.data}" already exists.`);
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO organisations (name, type, region, is_network_coordinator, require_two_factor) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [name.data, o.type, region?.data ?? null, o.networkCoordinator ?? false, o.requireTwoFactor ?? false],
      );
      const orgId = rows[0]!.id;
      await cliAudit(tx, deps, [
        { action: 'organisation.created', outcome: 'success', targetType: 'organisation', targetId: orgId, details: { type: o.type } },
      ]);
      return orgId;
    });
    console.log(`Organisation created: ${name.data} (${o.type}${o.networkCoordinator ? ', network coordinator' : ''})\n  id: ${id}`);
    if (deps.isDemo()) {
      console.log('warning: this instance is in demo mode (it holds demo data); do not put real data here.');
    }
  });
}

export async function runOrgList(): Promise<void> {
  await withInstance(async (deps) => {
    const { rows } = await deps.systemDb.query<{
      id: string; name: string; type: string; region: string | null; is_network_coordinator: boolean; is_demo: boolean; users: number;
    }>(
      `SELECT o.id, o.name, o.type, o.region, o.is_network_coordinator, o.is_demo,
              (SELECT count(*)::int FROM users u WHERE u.org_id = o.id) AS users
         FROM organisations o ORDER BY o.name`,
    );
    if (rows.length === 0) {
      console.log('No organisations yet: `senim org add --name … --type …`.');
      return;
    }
    for (const r of rows) {
      const flags = [r.is_network_coordinator ? 'network coordinator' : '', r.is_demo ? 'demo' : ''].filter(Boolean).join(', ');
      console.log(`${r.id}  ${r.type.padEnd(26)} ${String(r.users).padStart(4)} user(s)  ${r.name}${r.region ? ` — ${r.region}` : ''}${flags ? ` [${flags}]` : ''}`);
    }
  });
}

export function register(program: Command): void {
  const org = program.command('org').description('organisations of the network');
  org
    .command('add')
    .description('add an organisation (the first one of a real deployment is usually the network coordinator)')
    .requiredOption('--name <name>', 'its name, as people write it')
    .requiredOption('--type <type>', `one of: ${ORGANISATION_TYPES.join(', ')}`)
    .option('--region <code>', `its region code: ${REGION_CODES.join(', ')}`)
    .option('--network-coordinator', 'it runs the referral network: its administrators administer every organisation')
    .option('--require-two-factor', 'every user of it must use two-factor authentication')
    .action(async (o: TOrgAddOptions) => {
      await runOrgAdd(o);
    });
  org
    .command('list')
    .description('list the organisations with their ids')
    .action(async () => {
      await runOrgList();
    });
}
