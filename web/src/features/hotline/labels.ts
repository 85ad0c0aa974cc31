// Labels of the hotline code values; an unknown code (a newer server) is shown as it is.
import type { TAppKey } from '../../../../shared/i18n/app/en';
import { appEn } from '../../../../shared/i18n/app/en';
import type { TTranslate } from '../../i18n/use-t';

export type TCodePrefix = 'channel' | 'contactType' | 'callerRole' | 'topic' | 'urgency' | 'outcome' | 'contactLanguage';

export function codeLabel(t: TTranslate, prefix: TCodePrefix, code: string | null): string {
  if (code === null) return '';
  const key = `${prefix}.${code}`;
  return key in appEn ? t(key as TAppKey) : code;
}
