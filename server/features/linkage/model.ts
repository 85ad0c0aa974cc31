/**
 * The scoring model: Fellegi–Sunter match weights.
 *
 * Why Fellegi–Sunter and not a tuned logistic scorer: a logistic scorer needs labelled pairs,
 * and an NGO's data has none; tuning it on FEBRL or on our own generated set would fit those sets
 * and tell us nothing about real files. Fellegi–Sunter needs two probabilities per agreement
 * level: m = P(level | same person) and u = P(level | different persons).
 *
 * - u is measured on the data being deduplicated, without labels: the exact-agreement level from
 *   value frequencies (two random records share a value with probability Σ p²), the other
 *   levels from a seeded sample of random pairs (which are almost all different persons).
 * - m is a prior written down from how records are typed and change (below); it is the same for
 *   every data set. These are assumptions about data-entry error rates, not fitted values.
 *
 * Relatives are the hard non-matches of a register of persons: they share a family name (or its
 * other gendered form), often a patronymic, a phone and an address. Random pairs say nothing
 * about them, so a third class is modelled, like m, with written-down probabilities
 * r = P(level | relatives) (R_PRIOR below): different given names and birth dates, same family
 * name, household and often patronymic. A pair is reported only when it is more likely one
 * person than both "unrelated" and "relatives".
 *
 * The weight of a level is log2(m/u); a pair's weight is the sum over fields (missing fields
 * count 0), with one correction for fields that are not independent: phone, address and postcode
 * are shared by a household, so relatives agree on all three at once. They form one group whose
 * positive evidence is the strongest of them (not the sum); disagreements still add up. The decision threshold follows from Bayes' rule with a prior stated once for all sets:
 * a random pair of N records is the same person with probability about 1/N (each record has on
 * average about half a duplicate, i.e. one duplicate pair per two records — an upper bound of the
 * usual duplicate rate, which favours recall). The posterior probability of a pair is then
 * P = 1 / (1 + N · 2^-W), and pairs with P ≥ 0.5 (W ≥ log2 N) are reported as the same person.
 */
import { FIELDS, F, MISSING, comparePersons } from './compare';
import type { PreparedPerson } from './prepare';
import { formatDate } from '../../../shared/names/index';

/** m priors, per field, per level (same order as FIELDS[].levels). Each row sums to 1. */
export const M_PRIOR: readonly (readonly number[])[] = [
  /* given       */ [0.86, 0.06, 0.04, 0.02, 0.02],
  /* family      */ [0.82, 0.04, 0.07, 0.03, 0.02, 0.02],
  /* middle      */ [0.85, 0.08, 0.07],
  /* birth_date  */ [0.85, 0.02, 0.05, 0.03, 0.03, 0.015, 0.005],
  /* sex         */ [0.97, 0.03],
  /* document    */ [0.9, 0.07, 0.03],
  /* phone       */ [0.85, 0.05, 0.1],
  /* address     */ [0.75, 0.1, 0.07, 0.08],
  /* postcode    */ [0.85, 0.07, 0.08],
  /* citizenship */ [0.97, 0.03],
];

/**
 * r priors: P(level | relatives: parent, child, sibling, spouse). Same order as FIELDS[].levels.
 * Relatives rarely share a given name or birth date (twins are a known limit), usually share a
 * family name (exact for same-sex relatives, the other gendered form otherwise), a household
 * (phone, address) and, for siblings, a patronymic; they never share a document.
 */
export const R_PRIOR: readonly (readonly number[])[] = [
  /* given       */ [0.02, 0.02, 0.04, 0.07, 0.85],
  /* family      */ [0.55, 0.35, 0.03, 0.02, 0.01, 0.04],
  /* middle      */ [0.5, 0.05, 0.45],
  /* birth_date  */ [0.01, 0.001, 0.02, 0.01, 0.05, 0.05, 0.859],
  /* sex         */ [0.5, 0.5],
  /* document    */ [0.0001, 0.001, 0.9989],
  /* phone       */ [0.5, 0.01, 0.49],
  /* address     */ [0.8, 0.05, 0.05, 0.1],
  /* postcode    */ [0.85, 0.02, 0.13],
  /* citizenship */ [0.95, 0.05],
];

export interface Model {
  m: number[][];
  u: number[][];
  /** weights[field][level] = log2(m/u). */
  weights: Float64Array[];
  /** relWeights[field][level] = log2(m/r): one person against relatives. */
  relWeights: Float64Array[];
  /** Number of records the prior is based on. */
  n: number;
  /** Weight at which the posterior probability is 0.5 (log2 n). */
  threshold: number;
}

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keys whose equality is the "exact" level, for the frequency-based u of that level. */
function exactKey(p: PreparedPerson, field: number): string | null {
  switch (field) {
    case F.given:
      return p.name.given.length ? p.name.given.join(' ') : null;
    case F.family:
      return p.name.family.length ? p.name.family.join(' ') : null;
    case F.middle:
      return p.name.middle.length ? p.name.middle.join(' ') : null;
    case F.dob:
      return p.dob && p.dob.d !== undefined ? formatDate(p.dob) : null;
    case F.sex:
      return p.sex;
    case F.doc:
      return p.doc || null;
    case F.phone:
      return p.phone;
    case F.postcode:
      return p.postcode || null;
    case F.citizenship:
      return p.citizenship;
    default:
      return null;
  }
}

/**
 * Probability that two random records (both with a value) share it: Σ c(c-1) / (n(n-1)), an
 * unbiased estimate, on a sample of at most 200,000 records (every k-th record).
 */
function collisionProbability(persons: readonly PreparedPerson[], field: number): number | null {
  const counts = new Map<string, number>();
  let total = 0;
  const step = Math.max(1, Math.floor(persons.length / 200_000));
  for (let i = 0; i < persons.length; i += step) {
    const p = persons[i] as PreparedPerson;
    const k = exactKey(p, field);
    if (k === null) continue;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    total++;
  }
  if (total < 2) return null;
  let s = 0;
  for (const c of counts.values()) s += c * (c - 1);
  return Math.max(s / (total * (total - 1)), 1 / (total * total));
}

/** Estimate u from the data (no labels). */
export function estimateU(persons: readonly PreparedPerson[], sampleSize = 100_000, seed = 20240601): number[][] {
  const counts = FIELDS.map((f) => new Array<number>(f.levels.length).fill(0));
  const n = persons.length;
  const rnd = prng(seed);
  const lv = new Int8Array(FIELDS.length);
  const pairs = n < 2 ? 0 : Math.min(sampleSize, (n * (n - 1)) / 2);
  for (let s = 0; s < pairs; s++) {
    const i = Math.floor(rnd() * n);
    let j = Math.floor(rnd() * (n - 1));
    if (j >= i) j++;
    comparePersons(persons[i] as PreparedPerson, persons[j] as PreparedPerson, lv);
    for (let f = 0; f < FIELDS.length; f++) {
      const l = lv[f] ?? MISSING;
      if (l !== MISSING) {
        const row = counts[f] as number[];
        row[l] = (row[l] ?? 0) + 1;
      }
    }
  }
  return counts.map((row, f) => {
    const total = row.reduce((a, b) => a + b, 0);
    const smoothed = row.map((c) => (c + 0.5) / (total + 0.5 * row.length));
    const exact = f === F.address ? null : collisionProbability(persons, f);
    if (exact === null) return smoothed;
    const restSum = smoothed.slice(1).reduce((a, b) => a + b, 0);
    return smoothed.map((v, l) => (l === 0 ? exact : (v / restSum) * (1 - exact)));
  });
}

export function buildModel(persons: readonly PreparedPerson[], opts: { sampleSize?: number; seed?: number } = {}): Model {
  const u = estimateU(persons, opts.sampleSize, opts.seed);
  const m = M_PRIOR.map((r) => [...r]);
  const weights = FIELDS.map((f, fi) => {
    const w = new Float64Array(f.levels.length);
    for (let l = 0; l < f.levels.length; l++) {
      const mv = m[fi]?.[l] ?? 1e-6;
      const uv = Math.max(u[fi]?.[l] ?? 1e-9, 1e-9);
      w[l] = Math.log2(mv / uv);
      // Levels are ordered from strongest to weakest agreement: a weaker level never weighs
      // more than a stronger one, even when it is rarer among random pairs.
      if (l > 0) w[l] = Math.min(w[l] ?? 0, w[l - 1] ?? 0);
    }
    return w;
  });
  const relWeights = FIELDS.map((f, fi) =>
    Float64Array.from(f.levels, (_, l) => Math.log2((m[fi]?.[l] ?? 1e-6) / (R_PRIOR[fi]?.[l] ?? 1e-6))),
  );
  const n = Math.max(persons.length, 2);
  return { m, u, weights, relWeights, n, threshold: Math.log2(n) };
}

/** Fields shared by people living together: their agreements are counted once. */
export const HOUSEHOLD_FIELDS: readonly number[] = [F.phone, F.address, F.postcode];
const IN_HOUSEHOLD = FIELDS.map((_, f) => HOUSEHOLD_FIELDS.includes(f));

/** Total match weight (bits) of a comparison vector. */
export function matchWeight(levels: Int8Array, model: Model): number {
  let w = 0;
  let household = 0;
  for (let f = 0; f < levels.length; f++) {
    const l = levels[f] ?? MISSING;
    if (l === MISSING) continue;
    const fw = model.weights[f]?.[l] ?? 0;
    if (IN_HOUSEHOLD[f] && fw > 0) household = Math.max(household, fw);
    else w += fw;
  }
  return w + household;
}

/** Match weight against relatives (bits): Σ log2(m/r). */
export function relativeWeight(levels: Int8Array, model: Model): number {
  let w = 0;
  for (let f = 0; f < levels.length; f++) {
    const l = levels[f] ?? MISSING;
    if (l !== MISSING) w += model.relWeights[f]?.[l] ?? 0;
  }
  return w;
}

/**
 * Posterior probability that the pair is one person. Prior odds: one person 1/N, relatives
 * 1/N (about as many relative pairs as duplicate pairs), unrelated the rest (≈ 1):
 * P = 1 / (1 + N·2^-W + 2^-Wr).
 */
export function matchProbability(weight: number, model: Model, relWeight = Number.POSITIVE_INFINITY): number {
  return 1 / (1 + Math.pow(2, model.threshold - weight) + Math.pow(2, -relWeight));
}

/** Weight needed for a given posterior probability. */
export function weightForProbability(p: number, model: Model): number {
  return model.threshold + Math.log2(p / (1 - p));
}
