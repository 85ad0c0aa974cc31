import { describe, expect, it } from 'vitest';
import { isRegionCode, LEGACY_REGIONS, REGION_CODES, REGIONS, regionName } from './regions';

describe('regions', () => {
  it('has the 17 regions and 3 cities of 2022 with unique codes and ISO codes', () => {
    expect(REGIONS.filter((r) => r.kind === 'region')).toHaveLength(17);
    expect(REGIONS.filter((r) => r.kind === 'city')).toHaveLength(3);
    expect(new Set(REGION_CODES).size).toBe(20);
    expect(new Set(REGIONS.map((r) => r.iso)).size).toBe(20);
  });
  it('maps every legacy unit to current regions', () => {
    for (const targets of Object.values(LEGACY_REGIONS)) for (const t of targets) expect(REGION_CODES).toContain(t);
  });
  it('names a region in each staff language', () => {
    expect(regionName('turkistan', 'kk')).toBe('Түркістан облысы');
    expect(regionName('turkistan', 'ru')).toBe('Туркестанская область');
    expect(regionName('nowhere', 'en')).toBe('nowhere');
  });
  it('tells a region code from other text', () => {
    expect(isRegionCode('ulytau')).toBe(true);
    expect(isRegionCode('south_kazakhstan')).toBe(false); // a legacy unit, not a current code
    expect(isRegionCode('Almaty')).toBe(false);
  });
});
