/** Stand-alone entry for the dedupe command: npx tsx server/cli/commands/dedupe-main.ts dedupe … */
import { Command } from 'commander';
import { register } from './dedupe';

const program = new Command('senim');
register(program);
await program.parseAsync(process.argv);
