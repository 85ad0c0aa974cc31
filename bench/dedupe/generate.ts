/**
 * A seeded, reproducible generator of Central Asian persons with labelled duplicates.
 *
 *   npx tsx bench/dedupe/generate.ts --n 20000 --seed 7 --out persons.csv --truth truth.csv
 *
 * Each original person gets, with probability `dupRate`, one to three duplicates, each made with
 * one kind of variant (variants.ts) on top of ordinary noise (phone, document, address or sex
 * left out; phones written in other formats). A share of persons have relatives in the set
 * (same family name with the gendered ending, same address, often the same phone and, for
 * siblings, the same patronymic): the hard non-matches a real register has.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from '../../server/features/linkage/model';
import { loadGroups, feminine, type Group, type GroupNames } from './names-data';
import { applyVariant, pick, VARIANT_KINDS, type PersonRecord, type Rnd, type VariantKind } from './variants';

export interface GenerateOptions {
  /** Total number of records (originals, relatives and duplicates). */
  n: number;
  seed?: number;
  /** Share of original persons that have duplicates (default 0.3). */
  dupRate?: number;
  /** Share of persons that bring a relative (default 0.15). */
  relativeRate?: number;
}

export interface GeneratedRecord {
  rec: PersonRecord;
  /** Person (cluster) number: records of one person share it. */
  person: number;
  /** Variant kind for duplicates, 'original' otherwise. */
  kind: VariantKind | 'original';
}

const GROUP_WEIGHTS: Array<[Group, number]> = [['kk', 0.35], ['ru', 0.2], ['uz', 0.2], ['tg', 0.12], ['ky', 0.13]];
const CITIZENSHIP: Record<Group, string> = { kk: 'KZ', ru: 'KZ', uz: 'UZ', tg: 'TJ', ky: 'KG' };
const CITIES = ['Алматы', 'Астана', 'Шымкент', 'Тараз', 'Түркістан', 'Ақтөбе', 'Ош', 'Бишкек', 'Душанбе', 'Хуҷанд', 'Toshkent', 'Samarqand'];
const STREETS = ['Абай', 'Сейфуллин', 'Төле би', 'Жібек жолы', 'Ленин', 'Мира', 'Navoiy', 'Amir Temur', 'Рӯдакӣ', 'Манас'];
const TURKIC = new Set<Group>(['kk', 'ky']);

function chooseGroup(rnd: Rnd): Group {
  let r = rnd();
  for (const [g, w] of GROUP_WEIGHTS) {
    if (r < w) return g;
    r -= w;
  }
  return 'kk';
}

function digits(rnd: Rnd, k: number): string {
  let s = '';
  for (let i = 0; i < k; i++) s += String(Math.floor(rnd() * 10));
  return s;
}

function documentFor(rnd: Rnd, g: Group): string {
  switch (g) {
    case 'uz':
      return `A${pick(rnd, ['A', 'B', 'C'])}${digits(rnd, 7)}`;
    case 'tg':
      return `A${digits(rnd, 8)}`;
    case 'ky':
      return `AC${digits(rnd, 7)}`;
    default:
      return `N${digits(rnd, 8)}`;
  }
}

function phoneFor(rnd: Rnd, g: Group): string {
  switch (g) {
    case 'uz':
      return `+998 9${digits(rnd, 1)} ${digits(rnd, 3)} ${digits(rnd, 2)} ${digits(rnd, 2)}`;
    case 'tg':
      return `+992 9${digits(rnd, 2)} ${digits(rnd, 2)} ${digits(rnd, 4)}`;
    case 'ky':
      return `+996 ${pick(rnd, ['5', '7'])}${digits(rnd, 2)} ${digits(rnd, 3)} ${digits(rnd, 3)}`;
    default:
      return `+7 7${pick(rnd, ['00', '01', '02', '05', '07', '47', '71', '75', '77'])} ${digits(rnd, 3)} ${digits(rnd, 2)} ${digits(rnd, 2)}`;
  }
}

/** The same phone written another way (8 (7xx) … instead of +7 7xx …). */
function reformatPhone(rnd: Rnd, phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.startsWith('7') && d.length === 11 && rnd() < 0.6) return `8 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;
  return rnd() < 0.5 ? `+${d}` : phone;
}

function birthDate(rnd: Rnd, from = 1950, to = 2007): string {
  const y = from + Math.floor(rnd() * (to - from + 1));
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function patronymic(rnd: Rnd, names: GroupNames, sex: 'f' | 'm', father: string): string {
  if (names.group === 'ru') return pick(rnd, (sex === 'f' ? names.patronymicFemale : names.patronymicMale) ?? ['']);
  if (names.group === 'uz') return `${father} ${sex === 'f' ? 'qizi' : 'o‘g‘li'}`;
  if (TURKIC.has(names.group)) {
    const r = rnd();
    if (r < 0.4) return `${father}${sex === 'f' ? (names.group === 'kk' ? 'қызы' : 'кызы') : names.group === 'kk' ? 'ұлы' : 'уулу'}`;
    if (r < 0.8) return `${father}${/[аеиоуұүыіэюяөә]$/.test(father) ? 'е' : 'о'}${sex === 'f' ? 'вна' : 'вич'}`;
    return '';
  }
  return rnd() < 0.5 ? `${father}${sex === 'f' ? 'овна' : 'ович'}` : '';
}

function makePerson(rnd: Rnd, names: GroupNames, sex: 'f' | 'm', family: string, father: string, address: string, phone: string): PersonRecord {
  const given = pick(rnd, sex === 'f' ? names.female : names.male);
  return {
    id: '',
    group: names.group,
    sex,
    given,
    family: sex === 'f' ? feminine(family) : family,
    middle: rnd() < 0.75 ? patronymic(rnd, names, sex, father) : '',
    birth: birthDate(rnd),
    citizenship: CITIZENSHIP[names.group],
    doc: rnd() < 0.6 ? documentFor(rnd, names.group) : '',
    phone,
    address,
  };
}

/** Ordinary noise of a second record of the same person. */
function noise(rnd: Rnd, p: PersonRecord): PersonRecord {
  return {
    ...p,
    phone: p.phone === '' || rnd() < 0.3 ? '' : reformatPhone(rnd, p.phone),
    doc: rnd() < 0.3 ? '' : p.doc,
    address: rnd() < 0.4 ? '' : p.address,
    sex: p.sex,
    citizenship: rnd() < 0.2 ? '' : p.citizenship,
  };
}

/** Generate the records (in a reproducible order), with their person number and kind. */
export function* generate(opts: GenerateOptions): Generator<GeneratedRecord> {
  const rnd = prng(opts.seed ?? 1);
  const groups = loadGroups();
  const dupRate = opts.dupRate ?? 0.3;
  const relRate = opts.relativeRate ?? 0.15;
  let produced = 0;
  let person = 0;
  while (produced < opts.n) {
    const names = groups[chooseGroup(rnd)];
    const family = pick(rnd, names.familyMale);
    const father = pick(rnd, names.male);
    const address = rnd() < 0.6 ? `${pick(rnd, CITIES)}, ${pick(rnd, STREETS)} ${1 + Math.floor(rnd() * 150)}` : '';
    const phone = rnd() < 0.7 ? phoneFor(rnd, names.group) : '';
    const household: PersonRecord[] = [makePerson(rnd, names, rnd() < 0.5 ? 'f' : 'm', family, father, address, phone)];
    if (rnd() < relRate) {
      // A sibling (same father) or a spouse (own father), at the same address.
      const sibling = rnd() < 0.5;
      const rel = makePerson(rnd, names, rnd() < 0.5 ? 'f' : 'm', family, sibling ? father : pick(rnd, names.male), address, rnd() < 0.5 ? phone : '');
      household.push(rel);
    }
    for (const base of household) {
      if (produced >= opts.n) return;
      const id = person++;
      yield { rec: base, person: id, kind: 'original' };
      produced++;
      if (rnd() >= dupRate) continue;
      const count = rnd() < 0.7 ? 1 : rnd() < 0.85 ? 2 : 3;
      for (let k = 0; k < count && produced < opts.n; k++) {
        const v = applyVariant(rnd, noise(rnd, base), pick(rnd, VARIANT_KINDS));
        yield { rec: v.rec, person: id, kind: v.kind };
        produced++;
      }
    }
  }
}

export const PERSON_HEADER = 'id,given_name,family_name,middle_name,birth_date,sex,citizenship,document_number,phone,address';

function csv(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function personLine(id: string, r: PersonRecord): string {
  return [id, r.given, r.family, r.middle, r.birth, r.sex, r.citizenship, r.doc, r.phone, r.address].map(csv).join(',');
}

/**
 * Write persons (and optionally the true pairs with their kind) to CSV files, streaming. Ids are
 * "p" + a number given in a shuffled order inside windows of 4096 records, so that neither ids
 * nor file order give the answer away.
 */
export async function writeDataset(
  opts: GenerateOptions & { out: string; truth?: string },
): Promise<{ records: number; truePairs: number; kinds: Map<string, VariantKind | 'original'>; personOf: Map<string, number> | null }> {
  const out = createWriteStream(opts.out);
  const truth = opts.truth ? createWriteStream(opts.truth) : null;
  const write = async (s: import('node:fs').WriteStream, text: string) => {
    if (!s.write(text)) await once(s, 'drain');
  };
  await write(out, PERSON_HEADER + '\n');
  if (truth) await write(truth, 'id_a,id_b,kind\n');
  const shuffle = prng((opts.seed ?? 1) ^ 0x5bd1e995);
  const window: GeneratedRecord[] = [];
  let next = 0;
  let truePairs = 0;
  const kinds = new Map<string, VariantKind | 'original'>();
  const keepTruth = truth !== null || opts.n <= 200_000;
  const members = new Map<number, Array<[string, VariantKind | 'original']>>();
  const personOf = keepTruth ? new Map<string, number>() : null;
  const flush = async () => {
    for (let i = window.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [window[i], window[j]] = [window[j] as GeneratedRecord, window[i] as GeneratedRecord];
    }
    let buf = '';
    for (const g of window) {
      const id = `p${String(next++).padStart(7, '0')}`;
      buf += personLine(id, g.rec) + '\n';
      if (keepTruth) {
        kinds.set(id, g.kind);
        personOf?.set(id, g.person);
        const m = members.get(g.person);
        if (m) m.push([id, g.kind]);
        else members.set(g.person, [[id, g.kind]]);
      }
    }
    window.length = 0;
    await write(out, buf);
  };
  let records = 0;
  for (const g of generate(opts)) {
    window.push(g);
    records++;
    if (window.length >= 4096) await flush();
  }
  await flush();
  if (truth) {
    let buf = '';
    for (const m of members.values()) {
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const [a, ka] = m[i] as [string, string];
          const [b, kb] = m[j] as [string, string];
          const kind = ka === 'original' ? kb : kb === 'original' ? ka : `${ka}+${kb}`;
          buf += `${a < b ? a : b},${a < b ? b : a},${kind}\n`;
          truePairs++;
        }
      }
      if (buf.length > 1 << 16) {
        await write(truth, buf);
        buf = '';
      }
    }
    await write(truth, buf);
    truth.end();
    await once(truth, 'finish');
  }
  out.end();
  await once(out, 'finish');
  return { records, truePairs, kinds, personOf };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = arg('out');
  if (!out) {
    console.error('usage: generate.ts --n <records> --seed <seed> --out <persons.csv> [--truth <truth.csv>]');
    process.exit(2);
  }
  const truthPath = arg('truth');
  const r = await writeDataset({ n: Number(arg('n') ?? 20000), seed: Number(arg('seed') ?? 1), out, ...(truthPath ? { truth: truthPath } : {}) });
  console.log(`${r.records} records written to ${out}${truthPath ? `, ${r.truePairs} true pairs to ${truthPath}` : ''}`);
}
