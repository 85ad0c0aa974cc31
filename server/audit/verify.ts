import type { Queryable } from '../db/types';
import { chainHash, GENESIS } from './chain';

/** The head of the chain: write it down outside the database to detect later truncation. */
export type TAnchor = { seq: number; hash: string };

export type TVerifyResult =
  | { ok: true; rows: number; head: TAnchor | null }
  | { ok: false; rows: number; brokenAt: number; reason: 'hash' | 'gap' | 'truncated' };

export function formatAnchor(a: TAnchor): string {
  return `${a.seq}:${a.hash}`;
}

export function parseAnchor(text: string): TAnchor {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new Error('an anchor is <seq>:<64 hex digits>, as printed by `senim audit verify`');
  return { seq: Number(m[1]), hash: m[2]! };
}

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

/**
 * Recomputes the whole chain in order, in batches; reports the first row that does not fit. With an
 * anchor recorded earlier, also reports rows removed from the end (which a chain alone cannot show).
 */
export async function verifyAuditChain(
  db: Queryable,
  auditKey: Uint8Array,
  opts: { batch?: number; anchor?: TAnchor } = {},
): Promise<TVerifyResult> {
  const batch = opts.batch ?? 5000;
  const anchor = opts.anchor;
  let prev: Uint8Array = GENESIS;
  let expected = 1;
  let count = 0;
  for (;;) {
    const { rows } = await db.query<TAuditRow>(
      'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expected, batch],
    );
    if (rows.length === 0) {
      if (anchor && anchor.seq > count) return { ok: false, rows: count, brokenAt: count + 1, reason: 'truncated' };
      return { ok: true, rows: count, head: count > 0 ? { seq: count, hash: Buffer.from(prev).toString('hex') } : null };
    }
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
      if (anchor && anchor.seq === r.seq && hash.toString('hex') !== anchor.hash) {
        return { ok: false, rows: count, brokenAt: r.seq, reason: 'hash' };
      }
      prev = hash;
      expected += 1;
      count += 1;
    }
  }
}
