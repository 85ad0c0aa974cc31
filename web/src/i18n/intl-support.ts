// Some browsers (Debian's Chromium, for one) claim Kazakh but ship no Kazakh date or number data and
// print "2026 M11 23". Then dates are written numerically (23.11.2026, 21:38, the usual form in
// Kazakhstan) and numbers use the Russian conventions, which Kazakh shares (space grouping, comma).
import type { TStaffLocale } from '../../../shared/locales';

function hasKazakhData(): boolean {
  try {
    const month = new Intl.DateTimeFormat('kk', { month: 'long' }).format(new Date(2020, 0, 15));
    return /[а-яәғқңөұүһі]/i.test(month);
  } catch {
    return false;
  }
}

export const KAZAKH_DATA_MISSING = !hasKazakhData();

/** The locale handed to Intl for formatting (messages stay in the UI locale's catalogue). */
export const formattingLocale = (locale: TStaffLocale): string =>
  locale === 'kk' && KAZAKH_DATA_MISSING ? 'ru' : locale;

export const DATE_TIME_OPTIONS = (
  locale: TStaffLocale,
  style: 'dateTime' | 'date',
): Intl.DateTimeFormatOptions => {
  if (locale === 'kk' && KAZAKH_DATA_MISSING) {
    const date: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
    return style === 'date' ? date : { ...date, hour: '2-digit', minute: '2-digit' };
  }
  return style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
};
