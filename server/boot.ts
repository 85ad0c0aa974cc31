import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { REPO_ROOT } from './paths';
import { LIMITS } from '../shared/limits';
import { RateLimiter } from './auth/rate-limit';
import { SessionCache } from './auth/session-cache';
import type { TConfig } from './config';
import { loadKeyring, type TKeyring } from './crypto/keyring';
import { initCrypto, Sealer } from './crypto/seal';
import { migrate } from './db/migrate';
import { createPgliteDb } from './db/pglite';
import { createPostgresDb } from './db/postgres';
import type { Db } from './db/types';
import type { TDeps } from './http/context';

export { REPO_ROOT };

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export async function openDb(config: TConfig): Promise<Db> {
  if (config.databaseUrl) return createPostgresDb(config.databaseUrl, config.dbPool);
  return createPgliteDb({ dataDir: path.join(config.dataDir, 'pglite') });
}

const CANARY = 'senim-key-check';

/**
 * Checks that the key opens this database's sealed values. A wrong key would otherwise seal new data
 * under a key that cannot open the old, and the old data would look lost.
 */
export async function checkKey(db: Db, sealer: Sealer): Promise<void> {
  const { rows } = await db.query<{ value: { sealed: string } }>(`SELECT value FROM instance_meta WHERE key = 'key_check'`);
  const row = rows[0];
  if (!row) {
    const sealed = Buffer.from(sealer.seal(CANARY, 'instance_meta.key_check')).toString('base64');
    await db.query(`INSERT INTO instance_meta (key, value) VALUES ('key_check', $1) ON CONFLICT (key) DO NOTHING`, [
      JSON.stringify({ sealed }),
    ]);
    return;
  }
  let opened: string | null = null;
  try {
    opened = sealer.open(Buffer.from(row.value.sealed, 'base64'), 'instance_meta.key_check');
  } catch {
    opened = null;
  }
  if (opened !== CANARY) {
    throw new Error('The key (SENIM_KEY or data/senim.key) does not open this database. Start with the key it was created with.');
  }
}

export async function readDemoFlag(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ value: boolean }>(`SELECT value FROM instance_meta WHERE key = 'demo'`);
  return rows[0]?.value === true;
}

export type TBootOptions = { config: TConfig; db?: Db; keyring?: TKeyring; quiet?: boolean };

/** Everything the server, the CLI and the tests need: database migrated, key checked, services built. */
export async function boot(opts: TBootOptions): Promise<TDeps> {
  const { config } = opts;
  const log = pino({ level: opts.quiet ? 'silent' : config.logLevel, base: undefined });
  await initCrypto();
  const keyring =
    opts.keyring ?? loadKeyring({ envKey: config.key, dataDir: config.dataDir, create: !config.databaseUrl });
  const db = opts.db ?? (await openDb(config));
  try {
    await migrate(db, (m) => log.info(m));
    const sealer = new Sealer(keyring);
    await checkKey(db, sealer);
    let demo = await readDemoFlag(db);
    const webDir = path.join(REPO_ROOT, 'dist', 'web');
    return {
      systemDb: db,
      sealer,
      keyring,
      config,
      log,
      sessionCache: new SessionCache(config.sessionCacheMs),
      loginLimiter: new RateLimiter(config.loginRatePerMinute ?? LIMITS.loginPerIpPerMinute, 60_000),
      isDemo: () => config.demo || demo,
      refreshDemo: async () => {
        demo = await readDemoFlag(db);
      },
      webDir: fs.existsSync(webDir) ? webDir : null,
    };
  } catch (err) {
    if (!opts.db) await db.close();
    throw err;
  }
}
