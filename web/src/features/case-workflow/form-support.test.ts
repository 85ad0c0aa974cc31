import { describe, expect, it } from 'vitest';
import { endOfToday, instantOf, isToday, localDateTime, text, todayDay } from './form-support';

describe('the workflow forms’ date and text helpers', () => {
  it('turns a datetime-local value into the instant the API takes, and back', () => {
    const local = '2026-03-08T09:30';
    const instant = instantOf(local);
    expect(instant).toBe(new Date(2026, 2, 8, 9, 30).toISOString());
    expect(localDateTime(instant)).toBe(local);
  });

  it('passes on what is not a time, so that the schema refuses it', () => {
    expect(instantOf('')).toBe('');
    expect(instantOf('tomorrow')).toBe('tomorrow');
  });

  it('knows the local day: today, its end, and whether an instant falls on it', () => {
    const now = new Date(2026, 0, 31, 23, 50);
    expect(todayDay(now)).toBe('2026-01-31');
    const end = new Date(endOfToday(now));
    expect(todayDay(end)).toBe('2026-01-31');
    expect(end.getTime() - now.getTime()).toBeLessThan(10 * 60_000);
    expect(isToday(new Date(2026, 0, 31, 0, 5).toISOString(), now)).toBe(true);
    expect(isToday(new Date(2026, 1, 1, 0, 5).toISOString(), now)).toBe(false);
  });

  it('reads an empty text control as absent', () => {
    expect(text('  ')).toBeUndefined();
    expect(text(undefined)).toBeUndefined();
    expect(text(' Приют ')).toBe('Приют');
  });
});
