import type { Command } from 'commander';
import { NonDemoDataError, seedDemo } from '../../seed/seed-demo';
import { withInstance } from '../context';
import { CliError } from '../errors';

export async function runSeed(opts: { demo?: boolean }): Promise<void> {
  if (!opts.demo) throw new CliError('Say what to seed: `senim seed --demo` (the only seed there is).');
  await withInstance(async (deps) => {
    let result;
    try {
      result = await seedDemo(deps);
    } catch (err) {
      if (err instanceof NonDemoDataError) throw new CliError(err.message);
      throw err;
    }
    console.log(
      result.organisationsCreated + result.usersCreated === 0
        ? 'The demo data is already there; nothing to add.'
        : `Demo data created: ${result.organisationsCreated} organisation(s), ${result.usersCreated} user(s).`,
    );
    console.log('\nDemo sign-ins (every user has the same password):');
    const width = Math.max(...result.users.map((u) => u.email.length));
    for (const u of result.users) {
      console.log(`  ${u.email.padEnd(width)}  ${u.roles.join(', ').padEnd(16)} ${u.organisation}${u.note ? ` (${u.note})` : ''}`);
    }
    console.log(`\n  password: ${result.password}`);
    console.log('\nDemo mode is on: administrators may sign in without two-factor authentication. Never put real data here.');
  });
}

export function register(program: Command): void {
  program
    .command('seed')
    .description('fill an empty database with demo organisations and users')
    .option('--demo', 'create the demo organisations and one user per role (idempotent)')
    .addHelpText(
      'after',
      '\nRefuses (exit 1, nothing changed) when the database holds any organisation or user that is not demo data.',
    )
    .action(async (opts: { demo?: boolean }) => {
      await runSeed(opts);
    });
}
