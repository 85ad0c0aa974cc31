import { describe, expect, test } from 'vitest';
import { isFiltered, readPartnerFilters, toPartnerQuery, writePartnerFilters } from './list-params';

describe('partner directory filters in the URL', () => {
  test('reads valid values and drops the others', () => {
    const f = readPartnerFilters(
      new URLSearchParams('q=  fund &service=shelter&region=mars&language=uz&type=Embassy&usesSenim=maybe'),
    );
    expect(f).toEqual({
      q: 'fund',
      service: 'shelter',
      region: '',
      language: 'uz',
      type: 'Embassy',
      usesSenim: '',
      membership: '',
    });
    expect(isFiltered(f)).toBe(true);
    expect(isFiltered(readPartnerFilters(new URLSearchParams('region=nowhere')))).toBe(false);
  });

  test('writes only what is set, and round-trips', () => {
    const f = readPartnerFilters(new URLSearchParams('region=almaty&membership=pending'));
    expect(writePartnerFilters(f).toString()).toBe('region=almaty&membership=pending');
    expect(toPartnerQuery(f)).toEqual({ region: 'almaty', membership: 'pending' });
    expect(readPartnerFilters(writePartnerFilters(f))).toEqual(f);
  });
});
