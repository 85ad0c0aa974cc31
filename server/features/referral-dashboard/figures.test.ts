import { describe, expect, it } from 'vitest';
import { defaultSince, isValidDay, kzToday } from './figures';

describe('dashboard days', () => {
  it('today is a day in Kazakhstan (UTC+5)', () => {
    expect(kzToday(Date.parse('2026-03-01T18:59:00Z'))).toBe('2026-03-01');
    expect(kzToday(Date.parse('2026-03-01T19:00:00Z'))).toBe('2026-03-02');
  });
  it('the default period starts twelve months back; 29 February falls back to the 28th', () => {
    expect(defaultSince('2026-11-24')).toBe('2025-11-24');
    expect(defaultSince('2028-02-29')).toBe('2027-02-28');
  });
  it('only real days are valid', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
  });
});
