import type { TStaffLocale } from '../../locales';
import { errorsEn, type TErrorKey } from './en';
import { errorsKk } from './kk';
import { errorsRu } from './ru';

export type { TErrorKey };
export const ERROR_MESSAGES: Record<TStaffLocale, Record<TErrorKey, string>> = {
  en: errorsEn,
  ru: errorsRu,
  kk: errorsKk,
};
