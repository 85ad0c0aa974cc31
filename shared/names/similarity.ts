/** String similarity measures used on skeletons. All return a value in [0, 1]. */

// Scratch buffers reused between calls (comparisons run millions of times).
let matchedB = new Uint8Array(64);
let aMatches = new Int32Array(64);

/** Jaro similarity. */
export function jaro(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (lb > matchedB.length) matchedB = new Uint8Array(lb * 2);
  if (la > aMatches.length) aMatches = new Int32Array(la * 2);
  matchedB.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && c === b.charCodeAt(j)) {
        matchedB[j] = 1;
        aMatches[m++] = i;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let j = 0; j < lb; j++) {
    if (matchedB[j] === 0) continue;
    if (a.charCodeAt(aMatches[k++] ?? 0) !== b.charCodeAt(j)) t++;
  }
  return (m / la + m / lb + (m - t / 2) / m) / 3;
}

/** Jaro–Winkler with the usual prefix scale 0.1 over at most 4 letters. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 0 || j === 1) return j;
  let p = 0;
  const max = Math.min(4, a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return j + p * 0.1 * (1 - j);
}

/** Character bigrams of a string, padded with a space at each end (so "ab" → " a", "ab", "b "). */
export function bigrams(s: string): string[] {
  if (s === '') return [];
  const p = ` ${s} `;
  const out: string[] = [];
  for (let i = 0; i < p.length - 1; i++) out.push(p.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice coefficient on multisets of padded bigrams. */
export function diceBigrams(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

/** Dice coefficient of two sets of words. */
export function diceTokens(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let common = 0;
  for (const t of new Set(a)) if (sb.has(t)) common++;
  return (2 * common) / (new Set(a).size + sb.size);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transposition), stopping early
 * and returning max + 1 once the distance is known to exceed max.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb] ?? 0;
}
