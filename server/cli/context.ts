import { boot } from '../boot';
import { loadConfig, type TConfig } from '../config';
import type { TDeps } from '../http/context';
import { acquireDataLock, type TDataLock } from './data-lock';

// What every database command shares: the configuration from the environment, the data-folder lock
// in embedded mode, a booted instance (migrated, key checked), and closing it all afterwards.

export function cliConfig(overrides: Partial<TConfig> = {}): TConfig {
  return { ...loadConfig(process.env), ...overrides };
}

/** Takes the embedded data folder's lock; nothing to lock for PostgreSQL (several servers may share it). */
export function lockFor(config: TConfig): TDataLock | null {
  return config.databaseUrl ? null : acquireDataLock(config.dataDir);
}

/** Runs fn against a booted instance and closes the database (PGlite flushes on close) whatever happens. */
export async function withInstance<T>(fn: (deps: TDeps) => Promise<T>, opts: { config?: TConfig } = {}): Promise<T> {
  const config = opts.config ?? cliConfig();
  const lock = lockFor(config);
  try {
    const deps = await boot({ config, quiet: true });
    try {
      return await fn(deps);
    } finally {
      await deps.systemDb.close();
    }
  } finally {
    lock?.release();
  }
}
