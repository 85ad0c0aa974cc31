import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { Command, CommanderError } from 'commander';
import { register as registerAudit } from './commands/audit';
import { register as registerBackup } from './commands/backup';
import { register as registerDedupe } from './commands/dedupe';
import { register as registerKeys } from './commands/keys';
import { register as registerMigrate } from './commands/migrate';
import { register as registerOrg } from './commands/org';
import { register as registerSeed } from './commands/seed';
import { register as registerStart } from './commands/start';
import { register as registerUser } from './commands/user';
import { register as registerHtcds } from './commands/htcds';
import { register as registerGenerate } from './commands/generate';
import { register as registerLink } from './commands/link';
import { register as registerDuplicates } from './commands/duplicates';
import { describeFailure } from './errors';

// `senim …`: one file per command under commands/, each exporting register(program).


export async function buildProgram(): Promise<Command> {
  const program = new Command('senim')
    .description('Senim: the platform of the hotline, case files and referral network (see docs/CLI.md)')
    .version(readVersion(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      `
Configuration comes from the environment: SENIM_DATA_DIR (default ./data) or DATABASE_URL, SENIM_KEY,
PORT, HOST. SENIM_DEBUG=1 prints stack traces of unexpected failures.`,
    );
  registerStart(program);
  registerMigrate(program);
  registerSeed(program);
  registerOrg(program);
  registerUser(program);
  registerBackup(program);
  registerAudit(program);
  registerKeys(program);
  registerDedupe(program);
  registerHtcds(program);
  registerGenerate(program);
  registerLink(program);
  registerDuplicates(program);
  for (const cmd of program.commands) cmd.showHelpAfterError('(add --help for usage)');
  return program;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Runs one command line; returns the exit code instead of exiting (tests call it in process). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = await buildProgram();
  program.exitOverride();
  const applyExitOverride = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(applyExitOverride);
  };
  applyExitOverride(program);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander has printed the message or the help
    const { text, exitCode } = describeFailure(err, process.env.SENIM_DEBUG === '1');
    console.error(text);
    return exitCode;
  } finally {
    process.exitCode = previousExitCode;
  }
}
