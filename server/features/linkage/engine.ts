/**
 * The deduplication engine, without a database: prepare → model (u from the data) → blocking →
 * compare candidate pairs → keep pairs whose posterior probability reaches the threshold →
 * optionally group them into clusters (transitive closure).
 */
import type { RawPerson } from './columns';
import { preparePerson, type PreparedPerson } from './prepare';
import { buildBlocking, forEachCandidate } from './blocking';
import { comparePersons, FIELDS } from './compare';
import { buildModel, matchWeight, matchProbability, relativeWeight, weightForProbability, type Model } from './model';

export interface DedupeOptions {
  /** Posterior probability at or above which a pair is reported (default 0.5). */
  threshold?: number;
  /** Blocks larger than this are skipped (default 1000). */
  maxBlock?: number;
  /** Random pairs sampled to estimate u (default 100,000). */
  sampleSize?: number;
}

export interface MatchedPair {
  a: number;
  b: number;
  weight: number;
  probability: number;
}

export interface DedupeResult {
  pairs: MatchedPair[];
  model: Model;
  candidates: number;
}

export function prepareAll(raw: readonly RawPerson[]): PreparedPerson[] {
  return raw.map((r, i) => preparePerson(r, i));
}

export function dedupePrepared(persons: readonly PreparedPerson[], opts: DedupeOptions = {}): DedupeResult {
  const model = buildModel(persons, { sampleSize: opts.sampleSize ?? 100_000 });
  const threshold = opts.threshold ?? 0.5;
  // A necessary condition (the relatives term only lowers P), checked first because it is cheap.
  const minWeight = weightForProbability(threshold, model);
  const indexes = buildBlocking(persons);
  const levels = new Int8Array(FIELDS.length);
  const pairs: MatchedPair[] = [];
  const candidates = forEachCandidate(indexes, persons.length, opts.maxBlock ?? 1000, (i, j) => {
    comparePersons(persons[i] as PreparedPerson, persons[j] as PreparedPerson, levels);
    const w = matchWeight(levels, model);
    if (w < minWeight) return;
    const p = matchProbability(w, model, relativeWeight(levels, model));
    if (p >= threshold) pairs.push({ a: i, b: j, weight: w, probability: p });
  });
  return { pairs, model, candidates };
}

export function dedupe(raw: readonly RawPerson[], opts: DedupeOptions = {}): DedupeResult {
  return dedupePrepared(prepareAll(raw), opts);
}

/** Clusters of records linked directly or through others (union–find). */
export function clusters(n: number, pairs: readonly { a: number; b: number }[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const px = parent[x] ?? x;
      parent[x] = parent[px] ?? px;
      x = px;
    }
    return x;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Explain a pair: the level and weight of each field (for review screens and debugging). */
export function explainPair(a: PreparedPerson, b: PreparedPerson, model: Model): Array<{ field: string; level: string; weight: number }> {
  const levels = new Int8Array(FIELDS.length);
  comparePersons(a, b, levels);
  return FIELDS.map((f, i) => {
    const l = levels[i] ?? -1;
    return { field: f.name, level: l < 0 ? 'missing' : (f.levels[l] ?? '?'), weight: l < 0 ? 0 : (model.weights[i]?.[l] ?? 0) };
  });
}
