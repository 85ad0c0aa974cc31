/**
 * `senim duplicates scan` (the nightly list of likely duplicate persons, on demand) and
 * `senim duplicates reindex` (keyed encodings for persons written without them).
 */
import type { Command } from 'commander';
import { reindexOrganisation, scanOrganisation } from '../../features/duplicates/scan';
import { cliAudit } from '../cli-audit';
import { withInstance } from '../context';
import { resolveOrg } from '../resolve-org';

async function organisations(db: import('../../db/types').Queryable, ref: string | undefined) {
  if (ref) return [await resolveOrg(db, ref)];
  const { rows } = await db.query<{ id: string; name: string; is_demo: boolean }>('SELECT id, name, is_demo FROM organisations ORDER BY name');
  return rows;
}

export async function runDuplicatesScan(o: { org?: string }): Promise<void> {
  await withInstance(async (deps) => {
    for (const org of await organisations(deps.systemDb, o.org)) {
      const indexed = await deps.systemDb.transaction((tx) => reindexOrganisation(tx, deps.sealer, org.id));
      const r = await deps.systemDb.transaction(async (tx) => {
        const res = await scanOrganisation(tx, org.id);
        await cliAudit(tx, deps, [
          { action: 'person.duplicatesScanned', outcome: 'success', targetType: 'organisation', targetId: org.id, details: { ...res, indexed } },
        ]);
        return res;
      });
      console.log(`${org.name}: ${r.pairs} likely duplicate pair(s) of ${r.compared} compared${indexed ? `; ${indexed} person(s) indexed first` : ''}`);
    }
  });
}

export async function runDuplicatesReindex(o: { org?: string; all?: boolean }): Promise<void> {
  await withInstance(async (deps) => {
    for (const org of await organisations(deps.systemDb, o.org)) {
      const n = await deps.systemDb.transaction((tx) => reindexOrganisation(tx, deps.sealer, org.id, o.all ?? false));
      console.log(`${org.name}: ${n} person(s) indexed`);
    }
  });
}

export function register(program: Command): void {
  const cmd = program.command('duplicates').description('likely duplicate persons within each organisation');
  cmd
    .command('scan')
    .description('list likely duplicate pairs for review (the server also does this every night)')
    .option('--org <organisation>', 'only this organisation (id or exact name)')
    .action(async (o: { org?: string }) => runDuplicatesScan(o));
  cmd
    .command('reindex')
    .description('compute the keyed encodings of persons that have none (or of all with --all)')
    .option('--org <organisation>', 'only this organisation (id or exact name)')
    .option('--all', 'recompute every person, not only those without encodings')
    .action(async (o: { org?: string; all?: boolean }) => runDuplicatesReindex(o));
}
