import type { TAuditEvent, TAuditOutcome } from '../../shared/audit-events';
import type { Queryable } from '../db/types';
import { chainHash, GENESIS, type TChainRow } from './chain';

export type TAuditEntry = {
  action: TAuditEvent;
  outcome: TAuditOutcome;
  targetType?: string;
  targetId?: string;
  /** never personal data in clear: ids, field names, counts, reasons */
  details?: Record<string, unknown>;
};

export type TAuditOrigin = {
  actorUserId: string | null;
  actorOrgId: string | null;
  ip: string | null;
  requestId: string | null;
};

/**
 * Appends entries to the chain inside the caller's transaction: they commit or roll back with the
 * change they describe. The tail is read under a transaction lock, so appends are serialised; callers
 * append last, just before commit, to hold that lock briefly.
 */
export async function appendAudit(
  tx: Queryable,
  auditKey: Uint8Array,
  origin: TAuditOrigin,
  entries: readonly TAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const { rows } = await tx.query<{ seq: number | null; hash: Uint8Array | null }>(
    'SELECT seq, hash FROM senim_audit_tail()',
  );
  let seq = rows[0]?.seq ?? 0;
  let prev: Uint8Array = rows[0]?.hash ?? GENESIS;
  const at = new Date();
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const e of entries) {
    seq += 1;
    const row: TChainRow = {
      seq,
      at,
      actorUserId: origin.actorUserId,
      actorOrgId: origin.actorOrgId,
      action: e.action,
      outcome: e.outcome,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      ip: origin.ip,
      requestId: origin.requestId,
      details: e.details ?? {},
    };
    const hash = chainHash(auditKey, prev, row);
    prev = hash;
    const base = values.length;
    values.push(
      row.seq,
      row.at,
      row.actorUserId,
      row.actorOrgId,
      row.action,
      row.outcome,
      row.targetType,
      row.targetId,
      row.ip,
      row.requestId,
      JSON.stringify(row.details),
      hash,
    );
    tuples.push(`(${Array.from({ length: 12 }, (_, i) => `$${base + i + 1}`).join(',')})`);
  }
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_user_id, actor_org_id, action, outcome, target_type, target_id, ip, request_id, details, hash)
     VALUES ${tuples.join(',')}`,
    values,
  );
}
