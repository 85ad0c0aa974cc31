// Labels of the directory's code lists in the UI language, and the entry's name in that language.
import { useMemo } from 'react';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import type { TStaffLocale } from '../../../../shared/locales';
import { regionName } from '../../../../shared/regions';
import type { TLocalisedName, TLocalisedText } from '../../../../shared/schemas/partners';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import './partners.css';

/** The name in the asked language; Russian (always present) where it is missing. */
export function localised(names: TLocalisedName, locale: TStaffLocale): string {
  return names[locale] ?? names.ru;
}

export function localisedText(texts: TLocalisedText, locale: TStaffLocale): string | null {
  return texts[locale] ?? texts.ru ?? null;
}

export function usePartnerLabels() {
  const t = useT();
  const { locale } = useLocale();
  return useMemo(() => {
    const label = (prefix: string, code: string) => t(`${prefix}.${code}` as TAppKey);
    return {
      locale,
      type: (code: string) => label('partners.type', code),
      service: (code: string) => label('partners.service', code),
      language: (code: string) => label('partners.language', code),
      field: (code: string) => label('partners.field', code),
      membership: (code: string) => label('partners.membership', code),
      region: (code: string) => regionName(code, locale),
      name: (names: TLocalisedName) => localised(names, locale),
      text: (texts: TLocalisedText) => localisedText(texts, locale),
      list: (codes: readonly string[], of: (code: string) => string) => codes.map(of).join(', '),
    };
  }, [t, locale]);
}
export type TPartnerLabels = ReturnType<typeof usePartnerLabels>;
