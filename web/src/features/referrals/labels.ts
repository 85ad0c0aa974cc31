// Labels of a referral's codes in the UI language: statuses, urgency, answers, the parts of a case
// that can be shared, steps; HTCDS reasons from shared/htcds/labels, services from the directory's.
// A code this web app does not know (a newer server) is shown as it is.
import { useMemo } from 'react';
import { HTCDS_LABELS } from '../../../../shared/htcds/labels';
import { appEn, type TAppKey } from '../../../../shared/i18n/app/en';
import {
  fieldsPartnerMayReceive,
  SENSITIVE_FIELDS,
  type TShareableField,
} from '../../../../shared/schemas/referrals';
import type { TLocalisedName, TPartnerType } from '../../../../shared/schemas/partners';
import { useLocale } from '../../i18n/locale-provider';
import { useT, type TTranslate } from '../../i18n/use-t';
import { localised } from '../partners/labels';

type TPrefix =
  | 'referrals.status'
  | 'referrals.urgency'
  | 'referrals.declineReason'
  | 'referrals.outcome'
  | 'referrals.field'
  | 'referrals.event'
  | 'referrals.delivery'
  | 'partners.service'
  | 'partners.type';

function label(t: TTranslate, prefix: TPrefix, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return key in appEn ? t(key as TAppKey) : code;
}

export function useReferralLabels() {
  const t = useT();
  const { locale } = useLocale();
  return useMemo(() => {
    const reasons = HTCDS_LABELS[locale].reasonForReferral as Record<string, string>;
    return {
      locale,
      status: (code: string) => label(t, 'referrals.status', code),
      urgency: (code: string) => label(t, 'referrals.urgency', code),
      declineReason: (code: string) => label(t, 'referrals.declineReason', code),
      outcome: (code: string) => label(t, 'referrals.outcome', code),
      field: (code: string) => label(t, 'referrals.field', code),
      event: (code: string) => label(t, 'referrals.event', code),
      delivery: (code: string) => label(t, 'referrals.delivery', code),
      service: (code: string) => label(t, 'partners.service', code),
      partnerType: (code: string | null) => label(t, 'partners.type', code),
      reason: (code: string) => reasons[code] ?? code,
      name: (names: TLocalisedName) => localised(names, locale),
      /** The answer code of a referral: a decline reason or an outcome, by its status. */
      answer: (status: string, code: string | null) =>
        code === null
          ? ''
          : status === 'declined'
            ? label(t, 'referrals.declineReason', code)
            : label(t, 'referrals.outcome', code),
    };
  }, [t, locale]);
}
export type TReferralLabels = ReturnType<typeof useReferralLabels>;

/** Why a partner may not receive a part of the case (the rules of fieldsPartnerMayReceive), as a key. */
export function notAllowedReason(
  field: TShareableField,
  partnerType: TPartnerType,
  usesSenim: boolean,
): TAppKey | null {
  if (fieldsPartnerMayReceive(partnerType, usesSenim).includes(field)) return null;
  if (!usesSenim && SENSITIVE_FIELDS.includes(field)) return 'referrals.notAllowed.letter';
  if (field === 'health') return 'referrals.notAllowed.health';
  if (field === 'narrative') return 'referrals.notAllowed.narrative';
  return 'referrals.notAllowed.other';
}
