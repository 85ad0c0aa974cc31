import { describe, it, expect } from 'vitest';
import { ClkEncoder, diceBits, compareEncodings, encodingToJson, encodingFromJson } from './clk';
import { prepareAll } from './engine';

const SECRET = 'a shared linkage secret of the memorandum';

describe('CLK encodings', () => {
  const [ru, lat, soft, other, swapped] = prepareAll([
    { id: '1', given_name: 'Гульдан', family_name: 'Тлегенова', birth_date: '1990-03-05' },
    { id: '2', given_name: 'Guldan', family_name: 'Tlegenova', birth_date: '1990-03-05' },
    { id: '3', given_name: "Gul'dan", family_name: 'Tlegenov', birth_date: '1990-05-03' },
    { id: '4', given_name: 'Nurlan', family_name: 'Akhmetov', birth_date: '1971-12-30' },
    { id: '5', given_name: 'Tlegenova', family_name: 'Guldan', birth_date: '1990-03-05' },
  ]);
  const enc = new ClkEncoder(SECRET);

  it('encodes the same person in two scripts identically', () => {
    const c = compareEncodings(enc.encodePerson(ru!), enc.encodePerson(lat!));
    expect(c.name).toBe(1);
    expect(c.dob).toBe(1);
    expect(c.sharedKey).toBe(true);
  });
  it('keeps similar names close and different names far', () => {
    const a = enc.encodePerson(ru!);
    expect(compareEncodings(a, enc.encodePerson(soft!)).name).toBe(1);
    // Day and month swapped: the year and the order-free day/month pair still agree.
    expect(compareEncodings(a, enc.encodePerson(soft!)).dob).toBeGreaterThan(0.5);
    expect(compareEncodings(a, enc.encodePerson(other!)).name).toBeLessThan(0.5);
    expect(compareEncodings(a, enc.encodePerson(swapped!)).name).toBe(1);
  });
  it('depends on the secret and hides the plain keys', () => {
    const a = enc.encodePerson(ru!);
    const b = new ClkEncoder('another secret, another agreement').encodePerson(ru!);
    expect(diceBits(a.name, b.name)).toBeLessThan(0.5);
    expect(a.keys.some((k) => b.keys.includes(k))).toBe(false);
    for (const k of a.keys) expect(k).toMatch(/^[0-9a-f]{16}$/);
    expect(() => new ClkEncoder('short')).toThrow();
  });
  it('round-trips through JSON', () => {
    const a = enc.encodePerson(lat!);
    const back = encodingFromJson(encodingToJson(a));
    expect(compareEncodings(a, back).score).toBe(1);
  });
});
