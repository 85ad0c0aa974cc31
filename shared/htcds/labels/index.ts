import type { TStaffLocale } from '../../locales';
import type { THtcdsCode, THtcdsCodeListId } from '../code-lists';
import { htcdsLabelsEn } from './en';
import { htcdsLabelsKk } from './kk';
import { htcdsLabelsRu } from './ru';
import type { THtcdsLabels } from './types';

export type { THtcdsLabels } from './types';
export { htcdsLabelsEn, htcdsLabelsKk, htcdsLabelsRu };

export const HTCDS_LABELS: Record<TStaffLocale, THtcdsLabels> = {
  en: htcdsLabelsEn,
  ru: htcdsLabelsRu,
  kk: htcdsLabelsKk,
};

/** The label of a code in a staff language (`htcdsLabel('kk', 'typeOfExploitation', 'ForcedLabour')`). */
export function htcdsLabel<L extends THtcdsCodeListId>(
  locale: TStaffLocale,
  list: L,
  code: THtcdsCode<L>,
): string {
  return HTCDS_LABELS[locale][list][code];
}
