import { describe, it, expect } from 'vitest';
import { normalizeName, normalizeFullName, familyBase, patronymicRoot } from './person-name';
import { compareNames, wordsSimilarity } from './name-compare';

describe('normalizeName', () => {
  it('finds patronymics in every form', () => {
    const forms = [
      { given: 'Гульдан', family: 'Тлегенова', middle: 'Сериковна' },
      { given: 'Guldan', family: 'Tlegenova', middle: 'Serik kyzy' },
      { given: 'Guldan', family: 'Tlegenova', middle: 'Serikqyzy' },
      { given: 'Гульдан Серікқызы', family: 'Тлегенова' },
      { given: 'Гульдан Серік қызы', family: 'Тлегенова' },
    ];
    for (const f of forms) {
      const n = normalizeName(f);
      expect(n.given, JSON.stringify(f)).toEqual(['guldan']);
      expect(n.middle).toEqual(['serik']);
      expect(n.gender).toBe('f');
    }
    for (const m of ['Серікұлы', 'Serik uly', 'Serikuulu', 'Серік ұлы', 'Serik o‘g‘li', 'Serikovich', 'Serik ugli']) {
      expect(normalizeName({ given: 'Нурлан', middle: m }).middle, m).toEqual(['serik']);
    }
  });

  it('strips gendered family endings', () => {
    expect(familyBase('tlegenova')).toEqual({ base: 'tlegenov', gender: 'f' });
    expect(familyBase('tlegenov')).toEqual({ base: 'tlegenov', gender: 'm' });
    expect(familyBase('aliieva').base).toBe(familyBase('aliiev').base);
    expect(familyBase('ilina').base).toBe('ilin');
    expect(familyBase('chaikovskaia').base).toBe(familyBase('chaikovski').base);
    expect(familyBase('kim')).toEqual({ base: 'kim' });
  });

  it('splits hyphenated and double names', () => {
    const n = normalizeName({ given: 'Анна-Мария', family: 'Иванова-Петрова' });
    expect(n.given).toEqual(['ana', 'maria']);
    expect(n.familyBase).toEqual(['ivanov', 'petrov']);
  });

  it('does not take a lone given name for a patronymic', () => {
    expect(patronymicRoot('ali')).toBeNull();
    expect(normalizeName({ given: 'Улы' }).given).toEqual(['uli']);
  });

  it('reads a full name in one string', () => {
    const n = normalizeFullName('Tlegenova Guldan');
    expect(n.given).toEqual(['tlegenova']);
    expect(n.family).toEqual(['guldan']);
  });
});

describe('compareNames', () => {
  it('matches across scripts and order', () => {
    const a = normalizeName({ given: 'Гульдан', family: 'Тлегенова' });
    const b = normalizeName({ given: 'Tlegenova', family: 'Guldan' });
    const c = compareNames(a, b);
    expect(c.swapped).toBe(true);
    expect(c.given).toBe(1);
    expect(c.familyBase).toBe(1);
  });
  it('sees gendered endings as close but not equal as written', () => {
    const c = compareNames(normalizeName({ given: 'Guldan', family: 'Tlegenov' }), normalizeName({ given: 'Guldan', family: 'Tlegenova' }));
    expect(c.familyBase).toBe(1);
    expect(c.family).toBeLessThan(1);
  });
  it('accepts initials', () => {
    const c = compareNames(normalizeName({ given: 'G.', family: 'Tlegenova' }), normalizeName({ given: 'Guldan', family: 'Tlegenova' }));
    expect(c.given).toBeCloseTo(0.85);
  });
  it('matches a double name against one of its parts', () => {
    expect(wordsSimilarity(['ivanov', 'petrov'], ['ivanov'])).toBe(1);
  });
  it('gives null for a missing patronymic (it is optional)', () => {
    const c = compareNames(normalizeName({ given: 'A', family: 'B', middle: 'Serikovna' }), normalizeName({ given: 'A', family: 'B' }));
    expect(c.middle).toBeNull();
  });
});
