/**
 * Comparing two normalised names: Jaro–Winkler on skeleton tokens, the best of the written order
 * and the swapped order (given ↔ family), word sets for double names, and initials.
 */
import type { NormalizedName } from './person-name';
import { jaroWinkler } from './similarity';

/** Similarity of two words; an initial ("a") agrees with any word starting with it. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a.length === 1 || b.length === 1) return a.charAt(0) === b.charAt(0) ? 0.85 : 0;
  return jaroWinkler(a, b);
}

/**
 * Similarity of two word lists (double names, hyphenated names): each word of the shorter list
 * is matched to its best partner (Monge–Elkan), also comparing the words written together.
 */
export function wordsSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length === 1 && b.length === 1) return wordSimilarity(a[0] ?? '', b[0] ?? '');
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let sum = 0;
  for (const s of short) {
    let best = 0;
    for (const l of long) best = Math.max(best, wordSimilarity(s, l));
    sum += best;
  }
  const joined = jaroWinkler(a.join(''), b.join(''));
  return Math.max(sum / short.length, joined);
}

export interface NameComparison {
  /** Given-name similarity (null when either side has none). */
  given: number | null;
  /** Family-name similarity on the forms as written. */
  family: number | null;
  /** Family-name similarity with gendered endings removed. */
  familyBase: number | null;
  /** Patronymic similarity (null when either side has none: it is optional). */
  middle: number | null;
  /** True when the best agreement came from swapping given and family names. */
  swapped: boolean;
}

function sim(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  if (a.length === 1 && b.length === 1) return wordSimilarity(a[0] as string, b[0] as string);
  return wordsSimilarity(a, b);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function compareNames(a: NormalizedName, b: NormalizedName): NameComparison {
  const straightGiven = sim(a.given, b.given);
  const straightFamily = sim(a.familyBase, b.familyBase);
  const straight = (straightGiven ?? 0) + (straightFamily ?? 0);
  const middle = sim(a.middle, b.middle);
  // Swapped order: the given words of one side against the family words of the other, both
  // without gendered endings (a family name typed into the given field keeps its ending).
  // Not needed when the written order already agrees well.
  if (straight < 1.9) {
    const crossGiven = sim(a.givenBase, b.familyBase);
    const crossFamily = sim(a.familyBase, b.givenBase);
    const crossed = (crossGiven ?? 0) + (crossFamily ?? 0);
    if (crossed > straight + 0.05) {
      const family = crossFamily === 1 ? (sameWords(a.family, b.given) ? 1 : sim(a.family, b.given)) : crossFamily;
      return { given: crossGiven, family, familyBase: crossFamily, middle, swapped: true };
    }
  }
  const family = straightFamily === 1 ? (sameWords(a.family, b.family) ? 1 : sim(a.family, b.family)) : straightFamily;
  return { given: straightGiven, family, familyBase: straightFamily, middle, swapped: false };
}
