import type { Queryable } from '../db/types';
import { chainHash, GENESIS } from './chain';

export type TVerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash' | 'gap' };

type TAuditRow = {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: unknown;
  hash: Uint8Array;
};

/** Recomputes the whole chain in order, in batches; reports the first row that does not fit. */
export async function verifyAuditChain(db: Queryable, auditKey: Uint8Array, batch = 5000): Promise<TVerifyResult> {
  let prev: Uint8Array = GENESIS;
  let expected = 1;
  let count = 0;
  for (;;) {
    const { rows } = await db.query<TAuditRow>(
      'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expected, batch],
    );
    if (rows.length === 0) return { ok: true, rows: count };
    for (const r of rows) {
      if (r.seq !== expected) return { ok: false, rows: count, brokenAt: expected, reason: 'gap' };
      const hash = chainHash(auditKey, prev, {
        seq: r.seq,
        at: r.at,
        actorUserId: r.actor_user_id,
        actorOrgId: r.actor_org_id,
        action: r.action,
        outcome: r.outcome,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        requestId: r.request_id,
        details: r.details,
      });
      if (!hash.equals(Buffer.from(r.hash))) return { ok: false, rows: count, brokenAt: r.seq, reason: 'hash' };
      prev = hash;
      expected += 1;
      count += 1;
    }
  }
}
