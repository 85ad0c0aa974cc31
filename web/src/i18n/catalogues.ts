import { appEn } from '../../../shared/i18n/app/en';
import { appKk } from '../../../shared/i18n/app/kk';
import { appRu } from '../../../shared/i18n/app/ru';
import type { TStaffLocale } from '../../../shared/locales';

export const CATALOGUES: Record<TStaffLocale, Record<string, string>> = { en: appEn, ru: appRu, kk: appKk };

/** Language names as their speakers write them, for the language switcher. */
export const LOCALE_AUTONYMS: Record<TStaffLocale, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' };
