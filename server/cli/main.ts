import { runCli } from './program';

// The entry point of `senim` (bin/senim.mjs imports this file).
const code = await runCli(process.argv);
// Exit explicitly: a database pool or a timer must not keep a finished command alive.
process.exit(code);
