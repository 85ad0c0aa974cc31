// Labels of the codes a case file holds, in the UI language: HTCDS codes from shared/htcds/labels,
// regions from shared/regions, countries from Intl, the case file's own lists from the catalogue.
// A code the web app does not know (a newer server, an import) is shown as it is.
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { THtcdsCodeListId } from '../../../../shared/htcds/code-lists';
import { HTCDS_LABELS } from '../../../../shared/htcds/labels';
import { appEn, type TAppKey } from '../../../../shared/i18n/app/en';
import { regionName } from '../../../../shared/regions';
import { DATE_TIME_OPTIONS, formattingLocale } from '../../i18n/intl-support';
import { useLocale } from '../../i18n/locale-provider';
import { useT, type TTranslate } from '../../i18n/use-t';
import { countryNamer } from './countries';

/** Catalogue prefixes of the case file's own code lists. */
export type TCaseFilePrefix =
  | 'caseFile.stage'
  | 'caseFile.migration'
  | 'caseFile.language'
  | 'caseFile.documentType'
  | 'caseFile.heldBy'
  | 'caseFile.relation'
  | 'caseFile.consentScope'
  | 'caseFile.consentGiver'
  | 'caseFile.event'
  | 'caseFile.field'
  | 'contactType'
  | 'channel';

export function prefixedLabel(
  t: TTranslate,
  prefix: TCaseFilePrefix,
  code: string | null | undefined,
): string {
  if (code === null || code === undefined || code === '') return '';
  const key = `${prefix}.${code}`;
  return key in appEn ? t(key as TAppKey) : code;
}

/** The section prefixes of field paths (`victim.methodsOfControl`) and where their labels are. */
const FIELD_SECTIONS: Record<string, string> = {
  person: 'caseFile.person',
  extra: 'caseFile.person',
  profile: 'caseFile.person',
  victim: 'caseFile.victim',
  sensitive: 'caseFile.sensitive',
};

/**
 * The label of a field a 409 or the timeline names (`region`, `person.birthDate`, `extra.documents`,
 * `traffickingEvents`); a path this web app does not know is shown as it is.
 */
export function fieldLabel(t: TTranslate, path: string): string {
  const known = (key: string) => (key in appEn ? t(key as TAppKey) : null);
  const [section = '', ...rest] = path.split('.');
  const inSection = FIELD_SECTIONS[section];
  return (
    known(`caseFile.field.${path}`) ??
    (inSection && rest.length > 0 ? known(`${inSection}.${rest.join('.')}`) : null) ??
    known(`caseFile.field.${path.split('.').pop() ?? path}`) ??
    path
  );
}

export function useCaseLabels() {
  const t = useT();
  const { locale } = useLocale();
  return useMemo(() => {
    const country = countryNamer(formattingLocale(locale));
    const htcds = HTCDS_LABELS[locale] as Record<THtcdsCodeListId, Record<string, string>>;
    return {
      htcds: (list: THtcdsCodeListId, code: string | null | undefined): string =>
        code ? (htcds[list][code] ?? code) : '',
      code: (prefix: TCaseFilePrefix, code: string | null | undefined) => prefixedLabel(t, prefix, code),
      field: (path: string) => fieldLabel(t, path),
      country: (code: string | null | undefined) => (code ? country(code) : ''),
      region: (code: string | null | undefined) => (code ? regionName(code, locale) : ''),
    };
  }, [t, locale]);
}
export type TCaseLabels = ReturnType<typeof useCaseLabels>;

/** A calendar day (YYYY-MM-DD) in the UI locale, without a time zone shifting it to the day before. */
export function useFormatDay() {
  const intl = useIntl();
  const { locale } = useLocale();
  return useCallback(
    (day: string | null | undefined): string =>
      day
        ? intl.formatDate(`${day.slice(0, 10)}T00:00:00Z`, {
            ...DATE_TIME_OPTIONS(locale, 'date'),
            timeZone: 'UTC',
          })
        : '',
    [intl, locale],
  );
}

/** Today as YYYY-MM-DD in local time (the default of "given on" fields, the max of date inputs). */
export function todayDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
