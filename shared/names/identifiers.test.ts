import { describe, it, expect } from 'vitest';
import { parseDate, compareDates, ageAt, birthYearsFromAge, formatDate, dateFromAge } from './dates';
import { normalizePhone, phoneTail } from './phone';
import { normalizeDocument, documentKey, compareDocuments } from './document';
import { jaroWinkler, diceBigrams, editDistance, diceTokens, bigrams } from './similarity';

describe('dates', () => {
  it('parses the usual layouts and rejects invalid dates', () => {
    expect(parseDate('1990-03-05')).toEqual({ y: 1990, m: 3, d: 5 });
    expect(parseDate('19900305')).toEqual({ y: 1990, m: 3, d: 5 });
    expect(parseDate('05.03.1990')).toEqual({ y: 1990, m: 3, d: 5 });
    expect(parseDate('5/3/1990')).toEqual({ y: 1990, m: 3, d: 5 });
    expect(parseDate('1990')).toEqual({ y: 1990 });
    expect(parseDate('1990-03')).toEqual({ y: 1990, m: 3 });
    expect(parseDate('1990-02-30')).toBeNull();
    expect(parseDate('')).toBeNull();
    expect(parseDate('abc')).toBeNull();
    expect(formatDate({ y: 1990, m: 3, d: 5 })).toBe('1990-03-05');
  });
  it('recognises the usual errors', () => {
    const c = (a: string, b: string) => compareDates(parseDate(a), parseDate(b));
    expect(c('1990-03-05', '1990-03-05')).toBe('exact');
    expect(c('1990-03-05', '1990-05-03')).toBe('swap');
    expect(c('1990-03-05', '1991-03-05')).toBe('typo');
    expect(c('1990-03-05', '1909-03-05')).toBe('typo');
    expect(c('1990-03-05', '1990')).toBe('partial');
    expect(c('1990-03-05', '1990-03-27')).toBe('near');
    expect(c('1990-03-05', '1990-11-27')).toBe('year');
    expect(c('1990-03-05', '1975-11-27')).toBe('none');
    expect(c('1990-03-05', '')).toBe('missing');
  });
  it('computes ages', () => {
    expect(ageAt({ y: 1990, m: 3, d: 5 }, { y: 2020, m: 3, d: 4 })).toBe(29);
    expect(ageAt({ y: 1990, m: 3, d: 5 }, { y: 2020, m: 3, d: 5 })).toBe(30);
    expect(birthYearsFromAge(30, { y: 2020, m: 6, d: 1 })).toEqual([1989, 1990]);
    expect(dateFromAge(30, { y: 2020 })).toEqual({ y: 1990 });
  });
});

describe('phones', () => {
  it('normalises Kazakh numbers to E.164', () => {
    for (const p of ['8 (701) 234-56-78', '+7 701 234 5678', '87012345678', '7012345678', '00 7 701 234 56 78']) {
      expect(normalizePhone(p), p).toBe('+77012345678');
    }
    expect(normalizePhone('+998 90 123 45 67')).toBe('+998901234567');
    expect(normalizePhone('hello')).toBeNull();
    expect(normalizePhone('')).toBeNull();
    expect(phoneTail('+77012345678')).toBe('2345678');
  });
});

describe('documents', () => {
  it('normalises and folds look-alikes', () => {
    expect(normalizeDocument('№ N 123-456 7')).toBe('N1234567');
    expect(normalizeDocument('Н1234567')).toBe('H1234567');
    expect(documentKey('O1I2S3B4')).toBe('01125384');
  });
  it('compares with typos', () => {
    expect(compareDocuments('N1234567', 'n 1234567')).toBe('exact');
    expect(compareDocuments('N12345O7', 'N1234507')).toBe('confusable');
    expect(compareDocuments('N1234567', 'N1243567')).toBe('typo');
    expect(compareDocuments('N1234567', 'N1234999')).toBe('none');
    expect(compareDocuments('', 'N1')).toBe('missing');
  });
});

describe('similarity', () => {
  it('Jaro–Winkler matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
  it('Dice on bigrams and tokens', () => {
    expect(bigrams('ab')).toEqual([' a', 'ab', 'b ']);
    expect(diceBigrams('guldan', 'guldan')).toBe(1);
    expect(diceBigrams('guldan', 'gulnar')).toBeGreaterThan(0.3);
    expect(diceTokens(['a', 'b'], ['b', 'c'])).toBe(0.5);
  });
  it('edit distance with transpositions and early stop', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
