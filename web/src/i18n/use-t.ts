// Typed access to the UI catalogue: a missing key is a compile error, not a blank label.
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { TAppKey } from '../../../shared/i18n/app/en';
import { DATE_TIME_OPTIONS } from './intl-support';
import { useLocale } from './locale-provider';

export type TMessageValues = Record<string, string | number | Date>;
export type TTranslate = (key: TAppKey, values?: TMessageValues) => string;

export function useT(): TTranslate {
  const intl = useIntl();
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}

/** Dates and times in the current locale; null shows the given fallback. */
export function useFormatDateTime() {
  const intl = useIntl();
  const { locale } = useLocale();
  return useCallback(
    (value: string | null, style: 'dateTime' | 'date' = 'dateTime') =>
      value === null ? null : intl.formatDate(value, DATE_TIME_OPTIONS(locale, style)),
    [intl, locale],
  );
}
