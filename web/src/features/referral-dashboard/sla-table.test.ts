import { describe, expect, it } from 'vitest';
import type { TDashboardPartner } from '../../api/referral-dashboard';
import { partnerName, sortPartners } from './sla-table';

const p = (id: string, o: Partial<TDashboardPartner>): TDashboardPartner => ({
  orgId: id,
  names: { ru: `Орг ${id}`, en: `Org ${id}` },
  received: 10,
  accepted: 5,
  declined: 1,
  completed: 3,
  expired: 0,
  open: 2,
  overdue: 0,
  acceptanceRate: 0.8,
  medianHoursToAnswer: 5,
  p90HoursToAnswer: 10,
  ...o,
});
const rows = [
  p('a', { overdue: 2, acceptanceRate: 0.5, medianHoursToAnswer: 30 }),
  p('b', { overdue: 0, acceptanceRate: null, medianHoursToAnswer: null, received: 3 }),
  p('c', { overdue: 5, acceptanceRate: 0.9, medianHoursToAnswer: 2, names: { ru: 'Ц' } }),
];
const ids = (r: TDashboardPartner[]) => r.map((x) => x.orgId).join('');

describe('sortPartners', () => {
  it('sorts by overdue, acceptance and time to answer, both ways, rows without a value last', () => {
    expect(ids(sortPartners(rows, { key: 'overdue', dir: 'desc' }, 'en'))).toBe('cab');
    expect(ids(sortPartners(rows, { key: 'acceptanceRate', dir: 'asc' }, 'en'))).toBe('acb');
    expect(ids(sortPartners(rows, { key: 'acceptanceRate', dir: 'desc' }, 'en'))).toBe('cab');
    expect(ids(sortPartners(rows, { key: 'medianHoursToAnswer', dir: 'desc' }, 'en'))).toBe('acb');
    expect(ids(sortPartners(rows, { key: 'received', dir: 'asc' }, 'en'))[0]).toBe('b');
  });
  it('names in the reader language, Russian when missing', () => {
    expect(partnerName(rows[0]!.names, 'en')).toBe('Org a');
    expect(partnerName(rows[2]!.names, 'kk')).toBe('Ц');
    expect(ids(sortPartners(rows, { key: 'name', dir: 'asc' }, 'en'))).toBe('abc');
  });
});
