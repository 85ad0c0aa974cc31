import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../shared/i18n/errors';
import { translate } from './i18n';

describe('translate', () => {
  it('uses Russian plural forms for the lock-out message', () => {
    const cases: [number, string][] = [
      [1, '1 минуту'],
      [2, '2 минуты'],
      [4, '4 минуты'],
      [5, '5 минут'],
      [11, '11 минут'],
      [12, '12 минут'],
      [15, '15 минут'],
      [21, '21 минуту'],
      [22, '22 минуты'],
      [25, '25 минут'],
      [101, '101 минуту'],
      [111, '111 минут'],
    ];
    for (const [minutes, words] of cases) {
      expect(translate('ru', 'error.lockedOut', { minutes })).toMatch(new RegExp(` на ${words}\\.$`));
    }
  });

  it('uses English and Kazakh forms', () => {
    expect(translate('en', 'error.lockedOut', { minutes: 1 })).toContain('locked for 1 minute.');
    expect(translate('en', 'error.lockedOut', { minutes: 15 })).toContain('locked for 15 minutes.');
    expect(translate('kk', 'error.lockedOut', { minutes: 1 })).toContain('1 минутқа бұғатталды');
    expect(translate('kk', 'error.lockedOut', { minutes: 15 })).toContain('15 минутқа бұғатталды');
  });

  it('formats numbers per locale', () => {
    expect(translate('en', 'error.payloadTooLarge', { limit: 1_000_000 })).toContain('1,000,000');
    expect(translate('ru', 'error.payloadTooLarge', { limit: 1_000_000 })).toMatch(/1\s000\s000/);
  });

  it('every catalogue has every message, and each one formats', () => {
    const keys = Object.keys(ERROR_MESSAGES.en) as (keyof typeof ERROR_MESSAGES.en)[];
    for (const locale of ['ru', 'kk', 'en'] as const) {
      expect(Object.keys(ERROR_MESSAGES[locale]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        // every argument the message names gets a value (numbers suit plurals and text alike)
        const named = Object.fromEntries([...ERROR_MESSAGES[locale][key].matchAll(/\{\s*(\w+)/g)].map((m) => [m[1]!, 3]));
        const text = translate(locale, key, { ...named, minutes: 3, limit: 10, min: 12, max: 20, details: 'x' });
        expect(text.length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});
