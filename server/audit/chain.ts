import crypto from 'node:crypto';

// One audit row's place in the chain: hash = HMAC-SHA-256(auditKey, previous hash ‖ canonical row).
// The key is not in the database, so someone who can write to the database cannot rewrite the chain.

export const GENESIS = Buffer.alloc(32);

export type TChainRow = {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  details: unknown;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(key: Uint8Array, prev: Uint8Array, row: TChainRow): Buffer {
  const canonical = canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actorUserId,
    row.actorOrgId,
    row.action,
    row.outcome,
    row.targetType,
    row.targetId,
    row.ip,
    row.requestId,
    row.details ?? {},
  ]);
  return crypto.createHmac('sha256', key).update(prev).update(canonical).digest();
}
