import type { Command } from 'commander';
import { openDb } from '../../boot';
import { listMigrations, migrate, schemaVersion } from '../../db/migrate';
import { cliConfig, lockFor } from '../context';

export async function runMigrate(): Promise<void> {
  const config = cliConfig();
  const lock = lockFor(config);
  try {
    const db = await openDb(config);
    try {
      const applied = await migrate(db, (m) => console.log(m));
      const version = await schemaVersion(db);
      const known = listMigrations().at(-1)?.version ?? 0;
      console.log(
        applied.length === 0
          ? `The schema is up to date (version ${version}).`
          : `Applied ${applied.length} migration(s): ${applied.join(', ')}. The schema is at version ${version} (this Senim knows up to ${known}).`,
      );
    } finally {
      await db.close();
    }
  } finally {
    lock?.release();
  }
}

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations and print the schema version (start does this too)')
    .addHelpText('after', '\nRefuses, changing nothing, a database written by a newer version of Senim.')
    .action(async () => {
      await runMigrate();
    });
}
