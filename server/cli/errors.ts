import { NewerSchemaError } from '../db/migrate';

/** An expected failure of a command: printed as one line, no stack, and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

// Failures whose message is the whole story for the operator (configuration, key, schema, connection).
const EXPECTED_MESSAGES = [
  /^Invalid configuration/,
  /^The key \(SENIM_KEY/,
  /^No key: /,
  /^SENIM_KEY must be/,
  /ECONNREFUSED|ENOTFOUND|password authentication failed|database ".*" does not exist/,
];

/** Turns a thrown value into what the CLI prints and the exit code; stacks only for the unexpected. */
export function describeFailure(err: unknown, debug: boolean): { text: string; exitCode: number } {
  if (err instanceof CliError) return { text: `error: ${err.message}`, exitCode: err.exitCode };
  if (err instanceof NewerSchemaError) return { text: `error: ${err.message}`, exitCode: 1 };
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof Error && EXPECTED_MESSAGES.some((re) => re.test(message))) {
    return { text: `error: ${message}`, exitCode: 1 };
  }
  if (debug && err instanceof Error && err.stack) return { text: `error: ${err.stack}`, exitCode: 1 };
  return { text: `error: ${message}\n(unexpected failure; run with SENIM_DEBUG=1 for details)`, exitCode: 1 };
}
