import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../bench/dedupe/generate';
import type { RawPerson } from './columns';
import { LinkFileError, matchLinkLists, readLinkFile, writeLinkFile } from './link-files';

const SECRET = 'the secret of the 2026 memorandum, shared by both';
const dir = mkdtempSync(path.join(tmpdir(), 'senim-link-'));

/**
 * Two organisations' lists from the seeded Central-Asian generator: A holds the originals of two
 * persons in three, B one variant record (another script, romanisation, typo, order, date error…)
 * of each person of A that has one, plus persons A does not know.
 */
function twoLists(n: number) {
  const a: RawPerson[] = [];
  const b: RawPerson[] = [];
  const truth = new Set<string>();
  const inA = new Map<number, string>();
  const inB = new Set<number>();
  let i = 0;
  for (const g of generate({ n, seed: 11, dupRate: 0.5 })) {
    const raw: RawPerson = {
      id: `r${i++}`,
      given_name: g.rec.given,
      family_name: g.rec.family,
      middle_name: g.rec.middle,
      birth_date: g.rec.birth,
      sex: g.rec.sex,
      citizenship: g.rec.citizenship,
      document_number: g.rec.doc,
      phone: g.rec.phone,
      address: g.rec.address,
    };
    if (g.kind === 'original') {
      if (g.person % 3 !== 0) {
        a.push(raw);
        inA.set(g.person, raw.id);
      } else b.push(raw);
    } else if (inA.has(g.person) && !inB.has(g.person)) {
      inB.add(g.person);
      b.push(raw);
      truth.add(`${inA.get(g.person)}|${raw.id}`);
    }
  }
  return { a, b, truth };
}

describe('link export and match', () => {
  it('finds the shared persons from encodings alone (precision ≥ 0.97, recall ≥ 0.95)', { timeout: 60_000 }, async () => {
    const { a, b, truth } = twoLists(6000);
    const fa = path.join(dir, 'a.jsonl');
    const fb = path.join(dir, 'b.jsonl');
    expect(await writeLinkFile(fa, a, SECRET)).toBe(a.length);
    await writeLinkFile(fb, b, SECRET);
    // Nothing of the identities is in the file: no name, no date, no phone.
    const text = readFileSync(fa, 'utf8');
    for (const p of a.slice(0, 200)) {
      for (const v of [p.given_name, p.family_name, p.birth_date, p.phone, p.document_number]) {
        if (v && v.length > 3) expect(text).not.toContain(v);
      }
    }
    const r = matchLinkLists(await readLinkFile(fa), await readLinkFile(fb));
    const correct = r.pairs.filter((p) => truth.has(`${p.ours}|${p.theirs}`)).length;
    const precision = correct / r.pairs.length;
    const recall = correct / truth.size;
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    // each record is paired at most once, so the pair count estimates the overlap
    expect(new Set(r.pairs.map((p) => p.ours)).size).toBe(r.pairs.length);
    expect(new Set(r.pairs.map((p) => p.theirs)).size).toBe(r.pairs.length);
  });

  it('refuses files made with different secrets, and broken files with their line', async () => {
    const { a } = twoLists(200);
    const f1 = path.join(dir, 's1.jsonl');
    const f2 = path.join(dir, 's2.jsonl');
    await writeLinkFile(f1, a, SECRET);
    await writeLinkFile(f2, a, 'another agreement, another secret');
    await expect(async () => matchLinkLists(await readLinkFile(f1), await readLinkFile(f2))).rejects.toThrow(/different secrets/);
    // The same persons under another secret share no bits in a predictable way: nothing matches.
    const broken = path.join(dir, 'broken.jsonl');
    const lines = readFileSync(f1, 'utf8').split('\n');
    lines[3] = '{"ref": "x"';
    writeFileSync(broken, lines.join('\n'));
    await expect(readLinkFile(broken)).rejects.toThrow(/line 4/);
    writeFileSync(broken, 'id,given_name\n1,A\n');
    await expect(readLinkFile(broken)).rejects.toBeInstanceOf(LinkFileError);
    await expect(writeLinkFile(path.join(dir, 'x.jsonl'), a, 'short')).rejects.toThrow();
  });
});
