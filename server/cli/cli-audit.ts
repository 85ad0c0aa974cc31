import os from 'node:os';
import { appendAudit, type TAuditEntry, type TAuditOrigin } from '../audit/audit';
import type { Queryable } from '../db/types';
import type { TDeps } from '../http/context';

/** Audit rows written by the command line carry no user; they say who ran it on which machine. */
export const CLI_ORIGIN: TAuditOrigin = { actorUserId: null, actorOrgId: null, ip: null, requestId: null };

export function cliAudit(tx: Queryable, deps: Pick<TDeps, 'keyring'>, entries: TAuditEntry[]): Promise<void> {
  let osUser = 'unknown';
  try {
    osUser = os.userInfo().username;
  } catch {
    // no passwd entry (containers): keep 'unknown'
  }
  const via = { via: 'cli', osUser, host: os.hostname() };
  return appendAudit(
    tx,
    deps.keyring.auditKey,
    CLI_ORIGIN,
    entries.map((e) => ({ ...e, details: { ...via, ...e.details } })),
  );
}
