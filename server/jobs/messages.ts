/** Server-side texts of mail and letters from the shared catalogue (shared/i18n/app/referral-letters.ts). */
import { IntlMessageFormat } from 'intl-messageformat';
import { referralLettersMessages, type TReferralLettersKey } from '../../shared/i18n/app/referral-letters';
import type { TStaffLocale } from '../../shared/locales';

const cache = new Map<string, IntlMessageFormat>();

export function lettersText(locale: TStaffLocale, key: TReferralLettersKey, values: Record<string, string | number> = {}): string {
  const id = `${locale}\0${key}`;
  let fmt = cache.get(id);
  if (!fmt) {
    fmt = new IntlMessageFormat(referralLettersMessages[locale][key], locale);
    cache.set(id, fmt);
  }
  return String(fmt.format(values));
}

export const asLocale = (v: string | null | undefined): TStaffLocale => (v === 'kk' || v === 'en' ? v : 'ru');
