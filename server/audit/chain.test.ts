import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS, type TChainRow } from './chain';

const KEY = new Uint8Array(32).fill(7);

const row = (over: Partial<TChainRow> = {}): TChainRow => ({
  seq: 1,
  at: new Date('2025-03-01T10:00:00.123Z'),
  actorUserId: '0b5f6c1e-9a55-4d7e-a2a4-0d6c2b7b1f01',
  actorOrgId: '5d0e3a52-3c61-4d0b-8b56-2f1d9b1d2c02',
  action: 'user.updated',
  outcome: 'success',
  targetType: 'user',
  targetId: '7c4b0d4e-1f2a-4b3c-9d8e-7f6a5b4c3d03',
  ip: '127.0.0.1',
  requestId: 'r-1',
  details: { fields: ['roles'], roles: ['operator'] },
  ...over,
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [3, 1] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [3, 1], c: null } }),
    );
  });

  it('drops undefined members and writes undefined itself as null', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('escapes strings as JSON does, whatever the script', () => {
    expect(canonicalJson({ name: 'Гүлдана "Q"\n' })).toBe('{"name":"Гүлдана \\"Q\\"\\n"}');
  });

  it('agrees with how PostgreSQL jsonb gives details back (keys reordered)', () => {
    const stored = JSON.parse('{"roles":["operator"],"fields":["roles"]}') as unknown;
    expect(canonicalJson(stored)).toBe(canonicalJson(row().details));
  });
});

describe('chainHash', () => {
  it('is deterministic, 32 bytes, and independent of key order in details', () => {
    const h = chainHash(KEY, GENESIS, row());
    expect(h).toHaveLength(32);
    expect(
      chainHash(KEY, GENESIS, row({ details: { roles: ['operator'], fields: ['roles'] } })).equals(h),
    ).toBe(true);
  });

  it('changes when any field, the previous hash or the key changes', () => {
    const h = chainHash(KEY, GENESIS, row());
    const variants: Partial<TChainRow>[] = [
      { seq: 2 },
      { at: new Date('2025-03-01T10:00:00.124Z') },
      { actorUserId: null },
      { actorOrgId: null },
      { action: 'user.created' },
      { outcome: 'denied' },
      { targetType: null },
      { targetId: 'x' },
      { ip: '10.0.0.1' },
      { requestId: null },
      { details: { fields: ['locale'] } },
      { details: {} },
    ];
    const hashes = variants.map((v) => chainHash(KEY, GENESIS, row(v)).toString('hex'));
    expect(hashes).not.toContain(h.toString('hex'));
    expect(new Set(hashes).size).toBe(variants.length);
    expect(chainHash(KEY, crypto.randomBytes(32), row()).equals(h)).toBe(false);
    expect(chainHash(new Uint8Array(32).fill(8), GENESIS, row()).equals(h)).toBe(false);
  });

  it('links rows: each hash depends on all rows before it', () => {
    const a = chainHash(KEY, GENESIS, row({ seq: 1 }));
    const b = chainHash(KEY, a, row({ seq: 2 }));
    const a2 = chainHash(KEY, GENESIS, row({ seq: 1, outcome: 'failure' }));
    expect(chainHash(KEY, a2, row({ seq: 2 })).equals(b)).toBe(false);
  });

  it('treats null details as an empty object (older rows without details)', () => {
    expect(
      chainHash(KEY, GENESIS, row({ details: null })).equals(chainHash(KEY, GENESIS, row({ details: {} }))),
    ).toBe(true);
  });

  it('is an HMAC of the previous hash and the canonical row', () => {
    const r = row();
    const canonical = canonicalJson([
      r.seq,
      r.at.toISOString(),
      r.actorUserId,
      r.actorOrgId,
      r.action,
      r.outcome,
      r.targetType,
      r.targetId,
      r.ip,
      r.requestId,
      r.details,
    ]);
    const expected = crypto.createHmac('sha256', KEY).update(GENESIS).update(canonical).digest();
    expect(chainHash(KEY, GENESIS, r).equals(expected)).toBe(true);
  });
});
