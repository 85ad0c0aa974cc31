/**
 * Name normalisation that knows Central Asian names: patronymics in Russian (-ович/-овна) and
 * Turkic forms (-ұлы/-uly/-ulu, -қызы/-kyzy/-qyzy, o‘g‘li/qizi, written joined or apart),
 * gendered surname endings (-ов/-ова, -ев/-ева, -ин/-ина, -ский/-ская), double and hyphenated
 * names, and initials. Everything works on skeleton tokens (see skeleton.ts).
 */
import { skeletonTokens } from './skeleton';

export type Gender = 'f' | 'm';

export interface NameInput {
  given?: string | null;
  family?: string | null;
  middle?: string | null;
}

export interface NormalizedName {
  /** Given-name skeleton tokens (patronymics moved out). */
  given: string[];
  /** Family-name skeleton tokens as written. */
  family: string[];
  /** Family tokens with the gendered ending removed (tlegenova → tlegenov). */
  familyBase: string[];
  /** Given tokens with a family-name ending removed, for comparing swapped orders. */
  givenBase: string[];
  /** Patronymic roots (father's name, as far as it can be recovered). */
  middle: string[];
  /** Gender suggested by the endings, if any. */
  gender?: Gender;
}

/** Stand-alone Turkic patronymic words (skeletons): ұлы, уулу, қызы, o‘g‘li, qizi, угли. */
const TURKIC_WORD: Readonly<Record<string, Gender>> = {
  uli: 'm', ulu: 'm', ogli: 'm', ugli: 'm', kizi: 'f',
};
const TURKIC_SUFFIX = /(uli|ulu|ogli|ugli|kizi)$/;
const RU_PATRONYMIC_M = /(ovich|evich|ich)$/;
const RU_PATRONYMIC_F = /(ovna|evna|ichna|ична)$/;

/** If the token is a joined patronymic, return its root and gender. */
export function patronymicRoot(token: string): { root: string; gender: Gender } | null {
  let m = RU_PATRONYMIC_F.exec(token);
  if (m && token.length - m[0].length >= 2) return { root: token.slice(0, m.index), gender: 'f' };
  m = RU_PATRONYMIC_M.exec(token);
  if (m && token.length - m[0].length >= 3) return { root: token.slice(0, m.index), gender: 'm' };
  m = TURKIC_SUFFIX.exec(token);
  if (m && token.length - m[0].length >= 3) {
    return { root: token.slice(0, m.index), gender: m[0] === 'kizi' ? 'f' : 'm' };
  }
  return null;
}

/** Remove the gendered ending of a family-name skeleton token. */
export function familyBase(token: string): { base: string; gender?: Gender } {
  if (token.length < 5) return { base: token };
  if (/skaia$|ckaia$/.test(token)) return { base: token.slice(0, -3) + 'i', gender: 'f' };
  if (/(ski|cki)$/.test(token)) return { base: token, gender: 'm' };
  if (/(ova|eva|ina)$/.test(token)) return { base: token.slice(0, -1), gender: 'f' };
  if (/(ov|ev|in)$/.test(token)) return { base: token, gender: 'm' };
  return { base: token };
}

/**
 * Turkic patronymic endings written joined to the father's name (Серікқызы, Serikuly) are split
 * off before skeletons are made, so that folding double letters (кқ → k) does not eat into them.
 */
const TURKIC_JOINED =
  /(\p{L}{3,}?)(ұлы|улы|уулу|қызы|кызы|ўғли|угли|uly|uli|ulu|uulu|kyzy|qyzy|kizi|qizi|o[‘'ʻ’`]?g[‘'ʻ’`]?li|ugli)(?=$|[^\p{L}])/giu;

export function splitJoinedPatronymic(text: string): string {
  return text.normalize('NFC').replace(TURKIC_JOINED, '$1 $2');
}

function tokens(text: string | null | undefined): string[] {
  return skeletonTokens(splitJoinedPatronymic(text ?? ''));
}

/** What one field contributes: kept words, patronymic roots found in it, a gender hint. */
interface FieldPart {
  kept: string[];
  base: string[];
  middle: string[];
  gender?: Gender;
}

/** Patronymics typed into the given or family field ("Guldan Serikkyzy", "Серік ұлы"). */
function takePatronymics(tokens: string[], part: FieldPart): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const word = TURKIC_WORD[t];
    if (word !== undefined && part.kept.length > 1) {
      part.middle.push(part.kept.pop() ?? '');
      part.gender = word;
      continue;
    }
    const p = i > 0 ? patronymicRoot(t) : null;
    if (p) {
      part.middle.push(p.root);
      part.gender = p.gender;
      continue;
    }
    part.kept.push(t);
  }
}

function givenPart(text: string): FieldPart {
  const part: FieldPart = { kept: [], base: [], middle: [] };
  takePatronymics(tokens(text), part);
  part.base = part.kept.map((t) => familyBase(t).base);
  return part;
}

function familyPart(text: string): FieldPart {
  const part: FieldPart = { kept: [], base: [], middle: [] };
  takePatronymics(skeletonTokens(text), part);
  let gender: Gender | undefined;
  part.base = part.kept.map((t) => {
    const b = familyBase(t);
    if (gender === undefined && b.gender !== undefined) gender = b.gender;
    return b.base;
  });
  if (part.gender === undefined && gender !== undefined) part.gender = gender;
  return part;
}

function middlePart(text: string): FieldPart {
  const part: FieldPart = { kept: [], base: [], middle: [] };
  for (const t of tokens(text)) {
    if (TURKIC_WORD[t] !== undefined) {
      part.gender = TURKIC_WORD[t];
      continue;
    }
    const p = patronymicRoot(t);
    if (p) part.gender = p.gender;
    part.middle.push(p ? p.root : t);
  }
  return part;
}

/**
 * Each field is normalised once per distinct text (bounded caches): names repeat, and a million
 * persons then share their word arrays instead of holding millions of small copies. The
 * returned arrays are shared and must not be modified.
 */
function cached(cache: Map<string, FieldPart>, text: string, make: (t: string) => FieldPart): FieldPart {
  const hit = cache.get(text);
  if (hit) return hit;
  const v = make(text);
  if (cache.size >= 300_000) cache.clear();
  cache.set(text, v);
  return v;
}
const givenCache = new Map<string, FieldPart>();
const familyCache = new Map<string, FieldPart>();
const middleCache = new Map<string, FieldPart>();

function concat(a: string[], b: string[]): string[] {
  return a.length === 0 ? b : b.length === 0 ? a : [...a, ...b];
}

/** Normalise a name given in separate fields. */
export function normalizeName(input: NameInput): NormalizedName {
  const g = cached(givenCache, input.given ?? '', givenPart);
  const f = cached(familyCache, input.family ?? '', familyPart);
  const m = cached(middleCache, input.middle ?? '', middlePart);
  const out: NormalizedName = {
    given: g.kept,
    family: f.kept,
    familyBase: f.base,
    givenBase: g.base,
    middle: concat(concat(m.middle, g.middle), f.middle),
  };
  const gender = m.gender ?? g.gender ?? f.gender;
  if (gender !== undefined) out.gender = gender;
  return out;
}

/** Normalise a name written in one string, "Given Family" or "Family Given [Patronymic]". */
export function normalizeFullName(full: string): NormalizedName {
  const tokens = skeletonTokens(full);
  if (tokens.length <= 1) return normalizeName({ given: full });
  const [first, ...rest] = tokens;
  return normalizeName({ given: first ?? '', family: rest.join(' ') });
}
