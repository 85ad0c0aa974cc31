import { describe, expect, test } from 'vitest';
import { appEn } from '../../../../shared/i18n/app/en';
import { appKk } from '../../../../shared/i18n/app/kk';
import { appRu } from '../../../../shared/i18n/app/ru';
import {
  DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  SHAREABLE_FIELDS,
} from '../../../../shared/schemas/referrals';
import { notAllowedReason } from './labels';

describe('why a partner may not receive a part of the case', () => {
  test('a part the partner may receive has no reason', () => {
    expect(notAllowedReason('personName', 'LawEnforcement', true)).toBeNull();
    expect(notAllowedReason('health', 'HealthServiceOrganisation', true)).toBeNull();
  });
  test('sensitive parts never go on a letter, health only to carers, narratives not to embassies', () => {
    expect(notAllowedReason('narrative', 'NGO', false)).toBe('referrals.notAllowed.letter');
    expect(notAllowedReason('health', 'TradeUnion', false)).toBe('referrals.notAllowed.letter');
    expect(notAllowedReason('health', 'LawEnforcement', true)).toBe('referrals.notAllowed.health');
    expect(notAllowedReason('narrative', 'Embassy', true)).toBe('referrals.notAllowed.narrative');
  });
});

test('every code of the referral contract has a label in English, Russian and Kazakh', () => {
  const keys = [
    ...REFERRAL_STATUSES.map((c) => `referrals.status.${c}`),
    ...REFERRAL_URGENCIES.map((c) => `referrals.urgency.${c}`),
    ...DECLINE_REASONS.map((c) => `referrals.declineReason.${c}`),
    ...REFERRAL_OUTCOMES.map((c) => `referrals.outcome.${c}`),
    ...SHAREABLE_FIELDS.map((c) => `referrals.field.${c}`),
  ];
  for (const catalogue of [appEn, appRu, appKk] as Record<string, string>[]) {
    expect(keys.filter((key) => !catalogue[key])).toEqual([]);
  }
});
