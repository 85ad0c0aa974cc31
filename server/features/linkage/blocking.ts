/**
 * Blocking: only pairs that share at least one blocking key are compared. Several keys, each
 * tolerant of a different kind of error, keep recall high:
 *
 *   names    first 3 letters of both names (order-free) + birth year   — typos after the start
 *   namesMd  first 3 letters of both names + day/month (order-free)    — wrong year, d/m swap
 *   fullName both full names (order-free)                              — date missing or wrong
 *   dobG     birth date (d/m order-free) + given name's first 2 letters  — family name changed
 *   dobF     birth date (d/m order-free) + family name's first 2 letters — given name wrong/missing
 *   doc      document number (look-alikes folded)
 *   docA/B   first half of the document number + birth year + given initial, second half +
 *            family initial
 *            — a typo in the number (one half stays intact)
 *   phone    phone in E.164
 *   postcode postcode + first 2 letters of the family name
 *
 * Names are skeletons, so script and romanisation never split a block. Keys are hashed to 30
 * bits and indexed in sorted typed arrays (no per-key objects), so 1,000,000 records need a
 * few tens of megabytes. Blocks larger than `maxBlock` are skipped: such keys (one very common
 * name) say little, and the other keys still bring the pairs together.
 */
import type { PreparedPerson } from './prepare';

export const KEY_KINDS = ['names', 'namesMd', 'fullName', 'dobG', 'dobF', 'doc', 'docA', 'docB', 'phone', 'postcode'] as const;

function ordered(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}

/** The blocking keys of a person, one per kind ('' when the kind does not apply). */
export function blockingKeys(p: PreparedPerson): string[] {
  const g = p.name.given[0] ?? '';
  const f = p.name.familyBase[0] ?? '';
  const [s1, s2] = ordered(g, f);
  const y = p.dob ? String(p.dob.y) : '';
  const md = p.dob && p.dob.d !== undefined ? ordered(String(p.dob.m), String(p.dob.d)).join('/') : '';
  const full = md ? `${y}|${md}` : '';
  const doc = p.doc.length >= 6 ? p.doc : '';
  const half = doc.length >> 1;
  const keys: string[] = [];
  const p1 = s1.slice(0, 3);
  const p2 = s2.slice(0, 3);
  keys.push(g && f && y ? `${p1}|${p2}|${y}` : '');
  keys.push(g && f && md ? `${p1}|${p2}|${md}` : '');
  keys.push(g && f ? `${s1}|${s2}` : '');
  keys.push(full && g ? `${full}|${g.slice(0, 2)}` : '');
  keys.push(full && f ? `${full}|${f.slice(0, 2)}` : '');
  keys.push(p.doc.length >= 4 ? p.doc : '');
  keys.push(doc && y ? `${doc.slice(0, half)}|${y}|${g.charAt(0)}` : '');
  keys.push(doc ? `${doc.slice(half)}|${f.charAt(0)}` : '');
  keys.push(p.phone ?? '');
  keys.push(p.postcode && f ? `${p.postcode}|${f.slice(0, 2)}` : '');
  return keys;
}

/**
 * FNV-1a reduced to 30 bits (so that hash · 2^22 + index stays an exact double); never 0
 * (0 marks "no key").
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = (h >>> 0) & 0x3fffffff;
  return h === 0 ? 1 : h;
}

/** One key kind, indexed: records sorted by key hash, with each record's run. */
export interface KeyIndex {
  /** hash of each record's key (0 = none), by record index. */
  hashOf: Uint32Array;
  /** record indices sorted by (hash, index). */
  order: Int32Array;
  /** position of each record in `order`. */
  pos: Int32Array;
  /** end (exclusive) of the run of equal hashes containing each position. */
  runEnd: Int32Array;
  /** start of that run. */
  runStart: Int32Array;
}

export function buildKeyIndex(hashOf: Uint32Array): KeyIndex {
  const n = hashOf.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (hashOf[i] ?? 0) * 4194304 + i; // < 2^52: exact
  packed.sort();
  const order = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const i = (packed[p] ?? 0) % 4194304;
    order[p] = i;
    pos[i] = p;
  }
  const runEnd = new Int32Array(n);
  const runStart = new Int32Array(n);
  let start = 0;
  for (let p = 1; p <= n; p++) {
    if (p === n || hashOf[order[p] ?? 0] !== hashOf[order[start] ?? 0]) {
      for (let q = start; q < p; q++) {
        runStart[q] = start;
        runEnd[q] = p;
      }
      start = p;
    }
  }
  return { hashOf, order, pos, runEnd, runStart };
}

export const MAX_RECORDS = 4194304;

/** Build all key indexes for the prepared persons. */
export function buildBlocking(persons: readonly PreparedPerson[]): KeyIndex[] {
  if (persons.length > MAX_RECORDS) throw new Error(`at most ${MAX_RECORDS} records can be deduplicated at once`);
  const hashes = KEY_KINDS.map(() => new Uint32Array(persons.length));
  persons.forEach((p, i) => {
    const keys = blockingKeys(p);
    keys.forEach((k, kind) => {
      (hashes[kind] as Uint32Array)[i] = k === '' ? 0 : hash32(`${kind}:${k}`);
    });
  });
  return hashes.map(buildKeyIndex);
}

/**
 * Call `visit(i, j)` once for every candidate pair i < j sharing a key, skipping blocks larger
 * than maxBlock. Records from `from` to `to` (exclusive) are the left side; this lets the work
 * be split between threads.
 */
export function forEachCandidate(
  indexes: readonly KeyIndex[],
  n: number,
  maxBlock: number,
  visit: (i: number, j: number) => void,
  from = 0,
  to = n,
): number {
  const stamp = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = from; i < to; i++) {
    for (const ix of indexes) {
      if ((ix.hashOf[i] ?? 0) === 0) continue;
      const p = ix.pos[i] ?? 0;
      const end = ix.runEnd[p] ?? 0;
      if (end - (ix.runStart[p] ?? 0) > maxBlock) continue;
      for (let q = p + 1; q < end; q++) {
        const j = ix.order[q] ?? 0;
        if (stamp[j] === i) continue;
        stamp[j] = i;
        count++;
        visit(i, j);
      }
    }
  }
  return count;
}
