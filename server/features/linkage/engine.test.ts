import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseColumnSpec, mapperFor, ColumnError, type RawPerson } from './columns';
import { dedupe, clusters, prepareAll, explainPair } from './engine';
import { buildModel } from './model';
import { loadPersons, pairRows } from './dedupe-file';
import { dedupePrepared } from './engine';
import { febrlTruth, quality, pairKey, pairsOfGroups } from './evaluate';
import { blockingKeys, hash32 } from './blocking';

describe('columns', () => {
  it('maps, joins with + and rejects unknown fields or columns', () => {
    const spec = parseColumnSpec('id=rec_id,family_name=surname,address=street_number+address_1');
    const map = mapperFor(['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'other'], spec);
    expect(map(['r1', 'Guldan', 'Tlegenova', '12', 'Abai st', 'x'])).toEqual({
      id: 'r1',
      given_name: 'Guldan',
      family_name: 'Tlegenova',
      address: '12 Abai st',
    });
    expect(() => parseColumnSpec('nickname=x')).toThrow(ColumnError);
    expect(() => mapperFor(['a'], parseColumnSpec('id=rec'))).toThrow(/not in the header/);
    expect(() => mapperFor(['a'], {})).toThrow(/no id column/);
  });
});

/** A small synthetic register: fillers with distinct names so that u can be estimated. */
function register(extra: RawPerson[]): RawPerson[] {
  const given = ['Айгерим', 'Нурлан', 'Ерлан', 'Дина', 'Асель', 'Бауыржан', 'Мадина', 'Тимур', 'Камила', 'Даурен'];
  const family = ['Ахметов', 'Садыков', 'Жумабаев', 'Омаров', 'Искаков', 'Касымов', 'Нуриев', 'Бекова', 'Алиев', 'Мухамедов'];
  const out: RawPerson[] = [];
  for (let i = 0; i < 200; i++) {
    out.push({
      id: `f${String(i).padStart(3, '0')}`,
      given_name: given[i % 10] ?? '',
      family_name: family[Math.floor(i / 10) % 10] ?? '',
      birth_date: `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    });
  }
  return [...out, ...extra];
}

describe('dedupe engine', () => {
  it('finds the issue example across scripts, spellings and order', () => {
    const people: RawPerson[] = [
      { id: 'a1', given_name: 'Гульдан', family_name: 'Тлегенова', birth_date: '1990-03-05', phone: '8 (701) 234-56-78' },
      { id: 'a2', given_name: 'Guldan', family_name: 'Tlegenova', birth_date: '19900305' },
      { id: 'a3', given_name: "Gul'dan", family_name: 'Tlegenova', birth_date: '1990-05-03' },
      { id: 'a4', given_name: 'Tlegenova', family_name: 'Guldan', birth_date: '1990-03-05', phone: '+77012345678' },
      { id: 'a5', given_name: 'Гулдан', family_name: 'Тлегенова', birth_date: '1990' },
      // A sister at the same address and phone: not the same person.
      { id: 'b1', given_name: 'Айжан', family_name: 'Тлегенова', birth_date: '1994-11-20', phone: '+77012345678' },
    ];
    const raw = register(people);
    const res = dedupe(raw);
    const ids = res.pairs.map((p) => pairKey(raw[p.a]?.id ?? '', raw[p.b]?.id ?? ''));
    const truth = pairsOfGroups([['a1', 'a2', 'a3', 'a4', 'a5']]);
    for (const t of truth) expect(ids).toContain(t);
    expect(ids.some((k) => k.includes('b1'))).toBe(false);
    const cl = clusters(raw.length, res.pairs).map((g) => g.map((i) => raw[i]?.id).sort());
    expect(cl).toContainEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('explains a pair field by field', () => {
    const persons = prepareAll(register([]));
    const model = buildModel(persons, { sampleSize: 2000 });
    const ex = explainPair(persons[0]!, persons[0]!, model);
    expect(ex.find((e) => e.field === 'given')?.level).toBe('exact');
    expect(ex.find((e) => e.field === 'phone')?.level).toBe('missing');
  });

  it('keeps names in unknown scripts and empty names without crashing', () => {
    const res = dedupe(register([
      { id: 'x1', given_name: 'محمد', family_name: 'علی', birth_date: '1980-01-01' },
      { id: 'x2', given_name: 'محمد', family_name: 'علی', birth_date: '1980-01-01' },
      { id: 'x3', given_name: '', family_name: '' },
    ]));
    expect(res.pairs.length).toBeGreaterThan(0);
  });

  it('blocks order-free on skeletons and hashes keys', () => {
    const [a, b] = prepareAll([
      { id: '1', given_name: 'Гульдан', family_name: 'Тлегенова', birth_date: '1990-03-05' },
      { id: '2', given_name: 'Tlegenova', family_name: 'Guldan', birth_date: '1990-05-03' },
    ]);
    const ka = blockingKeys(a!);
    const kb = blockingKeys(b!);
    expect(ka.some((k, i) => k !== '' && k === kb[i])).toBe(true);
    expect(hash32('x')).toBeGreaterThan(0);
    expect(hash32('x')).toBeLessThan(2 ** 30);
  });
});

describe('evaluation', () => {
  it('follows the FEBRL convention and computes P/R/F1', () => {
    const t = febrlTruth(['rec-1-org', 'rec-1-dup-0', 'rec-1-dup-1', 'rec-2-org']);
    expect(t.size).toBe(3);
    const q = quality([['rec-1-org', 'rec-1-dup-0'], ['rec-1-org', 'rec-2-org']], t);
    expect(q.precision).toBe(0.5);
    expect(q.recall).toBeCloseTo(1 / 3);
  });
});

const FEBRL = resolve(__dirname, '../../../../shared/data/linkage/febrl/dataset1.csv');
describe.skipIf(!existsSync(FEBRL))('FEBRL dataset1', () => {
  it('reaches F1 ≥ 0.97', async () => {
    const spec = parseColumnSpec(
      'id=rec_id,family_name=surname,birth_date=date_of_birth,document_number=soc_sec_id,address=street_number+address_1+address_2+suburb+state',
    );
    const { persons } = await loadPersons(FEBRL, spec);
    const res = dedupePrepared(persons);
    const rows = pairRows(res, persons);
    for (const [a, b] of rows) expect(a < b).toBe(true);
    const q = quality(rows.map(([a, b]) => [a, b] as [string, string]), febrlTruth(persons.map((p) => p.id)));
    expect(q.f1).toBeGreaterThanOrEqual(0.97);
  });
});
