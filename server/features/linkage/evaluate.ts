/** Precision, recall and F1 of found pairs against true pairs (by record id). */

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export interface Quality {
  truePairs: number;
  foundPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function quality(found: Iterable<[string, string]>, truth: ReadonlySet<string>): Quality {
  let fp = 0;
  let tp = 0;
  const seen = new Set<string>();
  for (const [a, b] of found) {
    const k = pairKey(a, b);
    if (seen.has(k)) continue;
    seen.add(k);
    if (truth.has(k)) tp++;
    else fp++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs: truth.size, foundPairs: tp + fp, truePositives: tp, precision, recall, f1 };
}

/** True pairs under the FEBRL convention: rec-N-org and rec-N-dup-k are all one person N. */
export function febrlTruth(ids: Iterable<string>): Set<string> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const m = /^rec-(\d+)-(org|dup-\d+)$/.exec(id.trim());
    if (!m) continue;
    const g = groups.get(m[1] ?? '');
    if (g) g.push(id);
    else groups.set(m[1] ?? '', [id]);
  }
  return pairsOfGroups(groups.values());
}

/** All pairs within each group. */
export function pairsOfGroups(groups: Iterable<readonly string[]>): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.add(pairKey(g[i] ?? '', g[j] ?? ''));
  }
  return out;
}
