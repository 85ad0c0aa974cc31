import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, isFiltered, pageCount, readFilters, toListParams, writeFilters } from './list-params';

describe('case list filters in the URL', () => {
  it('round-trips what is set and leaves out the defaults', () => {
    const f = {
      ...EMPTY_FILTERS,
      q: 'Aigerim Saparova',
      status: 'Active',
      region: 'almaty',
      assigned: 'me',
      openedFrom: '2026-01-01',
      openedTo: '2026-02-01',
      sort: 'caseNumber',
      page: 3,
    };
    const params = writeFilters(f);
    expect(params.toString()).toBe(
      'q=Aigerim+Saparova&status=Active&region=almaty&assigned=me&openedFrom=2026-01-01&openedTo=2026-02-01&sort=caseNumber&page=3',
    );
    expect(readFilters(params)).toEqual(f);
    expect(writeFilters(EMPTY_FILTERS).toString()).toBe('');
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
    expect(isFiltered(f)).toBe(true);
  });

  it('drops values that are not valid instead of sending them', () => {
    const read = readFilters(
      new URLSearchParams('status=Lost&region=atlantis&assigned=bob&openedFrom=yesterday&sort=name&page=-4'),
    );
    expect(read).toEqual(EMPTY_FILTERS);
    const uuid = '0b6f8c1e-2a51-4a8e-9d8e-6f1f2b3c4d5e';
    expect(readFilters(new URLSearchParams(`assigned=${uuid}`)).assigned).toBe(uuid);
  });

  it('asks the server only for what is set, and counts pages', () => {
    expect(toListParams({ ...EMPTY_FILTERS, q: 'KZ-2026-000001' })).toEqual({
      q: 'KZ-2026-000001',
      status: undefined,
      region: undefined,
      assigned: undefined,
      openedFrom: undefined,
      openedTo: undefined,
      sort: '-openedAt',
      page: 1,
      pageSize: 25,
    });
    expect(pageCount(0)).toBe(1);
    expect(pageCount(26)).toBe(2);
    expect(pageCount(10_000)).toBe(400);
  });
});
