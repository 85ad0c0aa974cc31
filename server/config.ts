import path from 'node:path';
import { z } from 'zod';

// The environment, parsed once. Everything configurable is here and in README.md.
const ZConfig = z.object({
  DATABASE_URL: z.string().url().optional(),
  SENIM_DATA_DIR: z.string().default('./data'),
  SENIM_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SENIM_PUBLIC_URL: z.string().url().optional(),
  SENIM_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  SENIM_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  SENIM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  SENIM_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  SENIM_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).optional(),
  SENIM_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  SENIM_ATTACHMENTS_DIR: z.string().min(1).optional(),
  SENIM_SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), { message: 'must start with smtp:// or smtps://' })
    .optional(),
  SENIM_MAIL_FROM: z.string().min(3).max(200).optional(),
});

export type TConfig = {
  databaseUrl: string | undefined;
  dataDir: string;
  key: string | undefined;
  port: number;
  host: string;
  publicUrl: string | undefined;
  /** demo mode relaxes the administrator two-factor rule; set by `seed --demo` data or SENIM_DEMO */
  demo: boolean;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  dbPool: number;
  /** sign-in attempts per client address per minute (default LIMITS.loginPerIpPerMinute) */
  loginRatePerMinute: number | undefined;
  /** how long a resolved session is reused for reads (0 turns the cache off) */
  sessionCacheMs: number;
  /** a folder for sealed attachment files; null keeps them (sealed) in the database */
  attachmentsDir: string | null;
  /**
   * SMTP server for notification mail (smtp[s]://user:pass@host:port); null: mail stays in the
   * mail_outbox table (development), read on the administrators' outbox page.
   */
  smtpUrl: string | null;
  /** the From address of notification mail */
  mailFrom: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SENIM_DATA_DIR),
    key: e.SENIM_KEY,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.SENIM_PUBLIC_URL,
    demo: e.SENIM_DEMO,
    trustProxy: e.SENIM_TRUST_PROXY,
    logLevel: e.SENIM_LOG_LEVEL,
    dbPool: e.SENIM_DB_POOL,
    loginRatePerMinute: e.SENIM_LOGIN_RATE_PER_MINUTE,
    sessionCacheMs: e.SENIM_SESSION_CACHE_MS,
    attachmentsDir: e.SENIM_ATTACHMENTS_DIR ? path.resolve(e.SENIM_ATTACHMENTS_DIR) : null,
    smtpUrl: e.SENIM_SMTP_URL ?? null,
    mailFrom: e.SENIM_MAIL_FROM ?? 'Senim <no-reply@senim.local>',
  };
}
