import { IntlMessageFormat } from 'intl-messageformat';
import { ERROR_MESSAGES, type TErrorKey } from '../shared/i18n/errors';
import type { TStaffLocale } from '../shared/locales';

const cache = new Map<string, IntlMessageFormat>();

/** A server-side message from the shared catalogue, formatted with ICU rules for the locale. */
export function translate(locale: TStaffLocale, key: TErrorKey, values: Record<string, string | number> = {}): string {
  const id = `${locale}\0${key}`;
  let fmt = cache.get(id);
  if (!fmt) {
    fmt = new IntlMessageFormat(ERROR_MESSAGES[locale][key], locale);
    cache.set(id, fmt);
  }
  return String(fmt.format(values));
}
