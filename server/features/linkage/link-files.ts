/**
 * Linkage between organisations without sharing identities (`senim link export` / `link match`).
 *
 * A link file holds, for each person of one list, only keyed encodings (clk.ts): Bloom filters of
 * the name bigrams and birth-date tokens, and keyed blocking keys — never a name, a date, a phone
 * or a document number in clear. Both sides encode with the same secret (shared under the
 * memorandum or a cross-border agreement); the file's header carries a check value of the secret
 * so that files made with different secrets are refused instead of silently matching nothing.
 *
 * Format: JSON lines. Line 1: {"format":"senim-link/1", bits, hashes, secretCheck, createdAt}.
 * Then one line per person: {"ref": "<the exporter's own reference>", name, given, family, dob
 * (base64 filters), keys: [hex]}. `ref` is what the exporter needs to find its record again (the
 * person's id in Senim); it means nothing to the other side.
 */
import { createHmac } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { RawPerson } from './columns';
import { ClkEncoder, compareEncodings, encodingFromJson, encodingToJson, type PersonEncoding } from './clk';
import { preparePerson } from './prepare';

export const LINK_FORMAT = 'senim-link/1';

export class LinkFileError extends Error {}

export interface LinkHeader {
  format: typeof LINK_FORMAT;
  bits: number;
  hashes: number;
  /** HMAC of a fixed text under the secret: equal on both sides iff the secrets are equal. */
  secretCheck: string;
  createdAt: string;
}

export function secretCheck(secret: string | Buffer): string {
  return createHmac('sha256', secret).update('senim-link secret check').digest('hex').slice(0, 16);
}

/** Reads the shared secret from a file: at least 16 bytes, surrounding whitespace ignored. */
export function parseSecret(text: string): string {
  const s = text.trim();
  if (Buffer.byteLength(s, 'utf8') < 16) {
    throw new LinkFileError('the linkage secret must be at least 16 characters (a long random text shared with the partner)');
  }
  return s;
}

/** Writes one link file from persons (streamed); returns how many were written. */
export async function writeLinkFile(
  out: string,
  persons: AsyncIterable<RawPerson> | Iterable<RawPerson>,
  secret: string,
): Promise<number> {
  const encoder = new ClkEncoder(secret);
  const stream = createWriteStream(out, { mode: 0o600 });
  const write = async (line: string) => {
    if (!stream.write(line + '\n')) await once(stream, 'drain');
  };
  const header: LinkHeader = {
    format: LINK_FORMAT,
    bits: encoder.bits,
    hashes: encoder.hashes,
    secretCheck: secretCheck(secret),
    createdAt: new Date().toISOString(),
  };
  await write(JSON.stringify(header));
  let n = 0;
  for await (const raw of persons) {
    const enc = encoder.encodePerson(preparePerson(raw, n));
    await write(JSON.stringify({ ref: raw.id, ...encodingToJson(enc) }));
    n++;
  }
  stream.end();
  await once(stream, 'finish');
  return n;
}

export interface LinkList {
  header: LinkHeader;
  refs: string[];
  encodings: PersonEncoding[];
}

/** Reads a link file, checking every line; errors name the line. */
export async function readLinkFile(path: string): Promise<LinkList> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header: LinkHeader | null = null;
  const refs: string[] = [];
  const encodings: PersonEncoding[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new LinkFileError(`${path}, line ${lineNo}: not a JSON line (is this a file from \`senim link export\`?)`);
    }
    if (!header) {
      const h = value as Partial<LinkHeader>;
      if (h.format !== LINK_FORMAT || typeof h.secretCheck !== 'string' || typeof h.bits !== 'number') {
        throw new LinkFileError(`${path}: not a ${LINK_FORMAT} file (its first line is not the header)`);
      }
      header = h as LinkHeader;
      continue;
    }
    const rec = value as Record<string, unknown>;
    if (typeof rec.ref !== 'string' || rec.ref === '' || typeof rec.name !== 'string' || !Array.isArray(rec.keys)) {
      throw new LinkFileError(`${path}, line ${lineNo}: a person line needs ref, name, given, family, dob and keys`);
    }
    if (seen.has(rec.ref)) throw new LinkFileError(`${path}, line ${lineNo}: ref "${rec.ref}" appears twice`);
    seen.add(rec.ref);
    const enc = encodingFromJson(rec as Record<string, string | string[]>);
    if (enc.name.length * 8 !== header.bits) {
      throw new LinkFileError(`${path}, line ${lineNo}: the encoding is not ${header.bits} bits long`);
    }
    refs.push(rec.ref);
    encodings.push(enc);
  }
  if (!header) throw new LinkFileError(`${path}: the file is empty`);
  return { header, refs, encodings };
}

export interface LinkPair {
  ours: string;
  theirs: string;
  score: number;
}

export interface LinkMatchResult {
  pairs: LinkPair[];
  ours: number;
  theirs: number;
  /** Candidate pairs compared (sharing at least one keyed blocking key). */
  compared: number;
}

/** Default decision threshold on the combined score (see docs/SECURITY.md and the tests). */
export const LINK_THRESHOLD = 0.8;

/**
 * Matches two lists by their encodings alone: candidates share a keyed blocking key, are scored
 * by the Dice similarity of their filters, and each record is paired at most once (the best
 * scores first), so the pair count estimates the overlap of the two lists.
 */
export function matchLinkLists(ours: LinkList, theirs: LinkList, threshold = LINK_THRESHOLD): LinkMatchResult {
  if (ours.header.secretCheck !== theirs.header.secretCheck) {
    throw new LinkFileError(
      'the two files were encoded with different secrets (their check values differ): both sides must export with the secret of the same agreement',
    );
  }
  if (ours.header.bits !== theirs.header.bits || ours.header.hashes !== theirs.header.hashes) {
    throw new LinkFileError('the two files use different encoding parameters');
  }
  const byKey = new Map<string, number[]>();
  theirs.encodings.forEach((e, j) => {
    for (const k of e.keys) {
      const list = byKey.get(k);
      if (list) list.push(j);
      else byKey.set(k, [j]);
    }
  });
  const candidates: LinkPair[] = [];
  const idx: Array<[number, number, number]> = [];
  let compared = 0;
  const seen = new Set<number>();
  ours.encodings.forEach((a, i) => {
    seen.clear();
    for (const k of a.keys) {
      for (const j of byKey.get(k) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        compared++;
        const c = compareEncodings(a, theirs.encodings[j]!);
        if (c.score >= threshold) idx.push([i, j, c.score]);
      }
    }
  });
  idx.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const [i, j, score] of idx) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    candidates.push({ ours: ours.refs[i]!, theirs: theirs.refs[j]!, score: Math.round(score * 10_000) / 10_000 });
  }
  candidates.sort((x, y) => (x.ours < y.ours ? -1 : x.ours > y.ours ? 1 : 0));
  return { pairs: candidates, ours: ours.refs.length, theirs: theirs.refs.length, compared };
}

export async function writeLinkPairs(path: string, pairs: readonly LinkPair[]): Promise<void> {
  const stream = createWriteStream(path);
  const write = async (line: string) => {
    if (!stream.write(line + '\n')) await once(stream, 'drain');
  };
  await write('ours,theirs,score');
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const p of pairs) await write(`${cell(p.ours)},${cell(p.theirs)},${p.score.toFixed(4)}`);
  stream.end();
  await once(stream, 'finish');
}
