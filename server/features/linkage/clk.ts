/**
 * Privacy-preserving encodings for linkage without names in clear (CLK: cryptographic long-term
 * keys, Schnell et al.). A person's name skeleton is split into character bigrams; each bigram
 * sets k bits of a Bloom filter, at positions derived from HMAC-SHA256 under a secret shared by
 * the organisations that link (double hashing: p_i = h1 + i·h2 mod bits). Without the secret the
 * positions cannot be recomputed, so a dictionary of names cannot be encoded and compared.
 * Similar names share bigrams and so share bits: the Dice coefficient of two filters estimates
 * the similarity of the names, across scripts, because the skeleton is script-free.
 *
 * Keyed blocking keys are HMACs of the plain blocking keys (blocking.ts), truncated: equal keys
 * show that two records share e.g. name prefixes and birth year, nothing more.
 *
 * Limits (see docs/SECURITY.md): Bloom-filter encodings of names can be attacked by frequency
 * analysis when an attacker holds many encodings and knows the name distribution; keep the
 * secret per agreement, rotate it, and share encodings only under the memorandum.
 */
import { createHmac } from 'node:crypto';
import { bigrams } from '../../../shared/names/index';
import { blockingKeys } from './blocking';
import type { PreparedPerson } from './prepare';

export interface ClkOptions {
  /** Filter length in bits (multiple of 8; default 1024). */
  bits?: number;
  /** Bits set per bigram (default 20). */
  hashes?: number;
}

export interface PersonEncoding {
  /** Given and family names together, order-free. */
  name: Uint8Array;
  given: Uint8Array;
  family: Uint8Array;
  /** Birth date as tokens (year, month, day, day/month pair order-free). */
  dob: Uint8Array;
  /** Keyed blocking keys (hex). */
  keys: string[];
}

export class ClkEncoder {
  readonly bits: number;
  readonly hashes: number;
  private readonly secret: Buffer;
  private readonly cache = new Map<string, Uint32Array>();

  constructor(secret: string | Buffer, opts: ClkOptions = {}) {
    this.secret = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (this.secret.length < 16) throw new Error('the linkage secret must be at least 16 bytes');
    this.bits = opts.bits ?? 1024;
    this.hashes = opts.hashes ?? 20;
    if (this.bits % 8 !== 0 || this.bits < 64) throw new Error('bits must be a multiple of 8, at least 64');
  }

  /** Bit positions of one token (bigram or date part) for one purpose. Cached. */
  private positions(purpose: string, token: string): Uint32Array {
    const key = `${purpose}\u0000${token}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const d = createHmac('sha256', this.secret).update(key).digest();
    const h1 = d.readUInt32BE(0);
    const h2 = d.readUInt32BE(4) | 1;
    const out = new Uint32Array(this.hashes);
    for (let i = 0; i < this.hashes; i++) out[i] = ((h1 + i * h2) % this.bits + this.bits) % this.bits;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  /** A Bloom filter of the bigrams of some words. */
  encodeWords(purpose: string, words: readonly string[]): Uint8Array {
    const f = new Uint8Array(this.bits / 8);
    for (const w of words) for (const g of bigrams(w)) this.set(f, this.positions(purpose, g));
    return f;
  }

  /** A Bloom filter of whole tokens (for dates). */
  encodeTokens(purpose: string, tokens: readonly string[]): Uint8Array {
    const f = new Uint8Array(this.bits / 8);
    for (const t of tokens) this.set(f, this.positions(purpose, t));
    return f;
  }

  private set(f: Uint8Array, pos: Uint32Array): void {
    for (const p of pos) f[p >> 3] = (f[p >> 3] ?? 0) | (1 << (p & 7));
  }

  /** Keyed blocking key: HMAC of the plain key, 16 hex digits. */
  keyed(plain: string): string {
    return createHmac('sha256', this.secret).update(`block\u0000${plain}`).digest('hex').slice(0, 16);
  }

  encodePerson(p: PreparedPerson): PersonEncoding {
    const given = p.name.given;
    const family = p.name.familyBase;
    const dobTokens: string[] = [];
    if (p.dob) {
      dobTokens.push(`y${p.dob.y}`);
      if (p.dob.m !== undefined) dobTokens.push(`m${p.dob.m}`);
      if (p.dob.d !== undefined && p.dob.m !== undefined) {
        dobTokens.push(`d${p.dob.d}`, `md${Math.min(p.dob.m, p.dob.d)}-${Math.max(p.dob.m, p.dob.d)}`);
      }
    }
    return {
      // Order-free: a family name typed in the given field keeps its ending, so both sides
      // use the ending-free forms here.
      name: this.encodeWords('name', [...p.name.givenBase, ...family]),
      given: this.encodeWords('given', given),
      family: this.encodeWords('family', family),
      dob: this.encodeTokens('dob', dobTokens),
      keys: blockingKeys(p)
        .map((k, kind) => (k === '' ? '' : this.keyed(`${kind}:${k}`)))
        .filter((k) => k !== ''),
    };
  }
}

/** The number of set bits of a byte. */
export function popcount8(x: number): number {
  x = x - ((x >> 1) & 0x55);
  x = (x & 0x33) + ((x >> 2) & 0x33);
  return (x + (x >> 4)) & 0x0f;
}

/** Dice coefficient of two Bloom filters: 2|A∧B| / (|A| + |B|); 0 when both are empty. */
export function diceBits(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let ca = 0;
  let cb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    both += popcount8(x & y);
    ca += popcount8(x);
    cb += popcount8(y);
  }
  return ca + cb === 0 ? 0 : (2 * both) / (ca + cb);
}

export interface EncodingComparison {
  name: number;
  given: number;
  family: number;
  dob: number;
  /** Do the two share at least one keyed blocking key? */
  sharedKey: boolean;
  /** A simple combined score in [0, 1]: names weigh 0.7, date 0.3 (when both have one). */
  score: number;
}

export function compareEncodings(a: PersonEncoding, b: PersonEncoding): EncodingComparison {
  const name = diceBits(a.name, b.name);
  const given = diceBits(a.given, b.given);
  const family = diceBits(a.family, b.family);
  const hasDob = a.dob.some((x) => x !== 0) && b.dob.some((x) => x !== 0);
  const dob = hasDob ? diceBits(a.dob, b.dob) : 0;
  const keys = new Set(a.keys);
  const sharedKey = b.keys.some((k) => keys.has(k));
  const score = hasDob ? 0.7 * name + 0.3 * dob : name;
  return { name, given, family, dob, sharedKey, score };
}

/** Encodings as base64 text, for `senim link export`. */
export function encodingToJson(e: PersonEncoding): Record<string, string | string[]> {
  const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
  return { name: b64(e.name), given: b64(e.given), family: b64(e.family), dob: b64(e.dob), keys: e.keys };
}

export function encodingFromJson(j: Record<string, string | string[]>): PersonEncoding {
  const u8 = (s: unknown) => new Uint8Array(Buffer.from(typeof s === 'string' ? s : '', 'base64'));
  return { name: u8(j.name), given: u8(j.given), family: u8(j.family), dob: u8(j.dob), keys: Array.isArray(j.keys) ? j.keys : [] };
}
