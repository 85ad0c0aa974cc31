import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { TStaffLocale } from '../../shared/locales';
import type { TActor } from '../access/actor';
import { withScope, type ScopedDb } from '../access/scoped-db';
import { appendAudit, type TAuditEntry, type TAuditOrigin } from '../audit/audit';
import type { TConfig } from '../config';
import type { TKeyring } from '../crypto/keyring';
import type { Sealer } from '../crypto/seal';
import type { Db } from '../db/types';
import type { TSessionRow } from '../auth/sessions';
import type { RateLimiter } from '../auth/rate-limit';
import type { SessionCache } from '../auth/session-cache';
import { HttpError } from './errors';

export type TDeps = {
  /** the unscoped database: sign-in, sessions, jobs, CLI. Features use scoped() instead. */
  systemDb: Db;
  sealer: Sealer;
  keyring: TKeyring;
  config: TConfig;
  log: Logger;
  loginLimiter: RateLimiter;
  sessionCache: SessionCache;
  /** demo mode: set when the instance holds only demo data (seed --demo) or SENIM_DEMO=1 */
  isDemo: () => boolean;
  refreshDemo: () => Promise<void>;
  webDir: string | null;
};

export type TEnv = {
  Variables: {
    deps: TDeps;
    requestId: string;
    ip: string;
    locale: TStaffLocale;
    session: TSessionRow | null;
    actor: TActor | null;
  };
};

export type TCtx = Context<TEnv>;

export function originOf(c: TCtx): TAuditOrigin {
  const actor = c.var.actor;
  const session = c.var.session;
  return {
    actorUserId: actor?.userId ?? session?.user_id ?? null,
    actorOrgId: actor?.orgId ?? session?.org_id ?? null,
    ip: c.var.ip,
    requestId: c.var.requestId,
  };
}

/** The signed-in actor (fully authenticated), or 401. */
export function requireActor(c: TCtx): TActor {
  const actor = c.var.actor;
  if (actor) return actor;
  // A session half-way through sign-in is told which step is missing.
  switch (c.var.session?.stage) {
    case undefined:
      throw new HttpError(401, 'error.unauthenticated');
    case 'totp':
      throw new HttpError(401, 'error.twoFactorRequired');
    case 'enrol':
      throw new HttpError(401, 'error.twoFactorEnrolmentRequired');
    case 'password':
      throw new HttpError(401, 'error.passwordChangeRequired');
    case 'full':
      throw new HttpError(401, 'error.unauthenticated');
  }
}

/** Runs fn with a database handle scoped to the signed-in actor, in one audited transaction. */
export function scoped<T>(c: TCtx, fn: (sdb: ScopedDb) => Promise<T>): Promise<T> {
  const actor = requireActor(c);
  const { systemDb, keyring } = c.var.deps;
  return withScope(systemDb, actor, keyring.auditKey, originOf(c), fn);
}

/** Audit entries that must survive the request's rollback (denials, failed sign-ins). */
export async function auditOutsideRequest(c: TCtx, entries: TAuditEntry[]): Promise<void> {
  const { systemDb, keyring } = c.var.deps;
  await systemDb.transaction((tx) => appendAudit(tx, keyring.auditKey, originOf(c), entries));
}
