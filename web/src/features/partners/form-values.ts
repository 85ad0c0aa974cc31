// The entry form holds what its controls hold (strings, booleans, lists) in the shape of the API
// request; `to…Request` turns it into the request, and the shared zod schema validates that, so the
// form and the server apply the same rules. Issues are worded in the UI language.
import { toNestErrors } from '@hookform/resolvers';
import { useMemo } from 'react';
import type { FieldError, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { TPartner } from '../../../../shared/schemas/partners';
import { describeIssue } from '../../i18n/zod-resolver';
import { useT } from '../../i18n/use-t';

type TTexts = { ru: string; kk: string; en: string };
export type TContactPointForm = { label: string; phone: string; email: string; address: string };
export type TPartnerForm = {
  organisationName: string;
  partnerType: string;
  names: TTexts;
  descriptions: TTexts;
  regions: string[];
  services: string[];
  languages: string[];
  contactPoints: TContactPointForm[];
  hours: string;
  website: string;
  letterLanguage: string;
  notifyEmail: string;
  published: boolean;
  publishedFields: string[];
  /** the version read (1 for an entry not yet created) */
  version: number;
};

export const EMPTY_CONTACT_POINT: TContactPointForm = { label: '', phone: '', email: '', address: '' };

const texts = (v: { ru?: string | undefined; kk?: string | undefined; en?: string | undefined }): TTexts => ({
  ru: v.ru ?? '',
  kk: v.kk ?? '',
  en: v.en ?? '',
});

export function formValuesOf(partner: TPartner | null): TPartnerForm {
  return {
    organisationName: '',
    partnerType: partner?.partnerType ?? '',
    names: texts(partner?.names ?? {}),
    descriptions: texts(partner?.descriptions ?? {}),
    regions: [...(partner?.regions ?? [])],
    services: [...(partner?.services ?? [])],
    languages: [...(partner?.languages ?? [])],
    contactPoints: (partner?.contactPoints ?? []).map((c) => ({
      label: c.label,
      phone: c.phone ?? '',
      email: c.email ?? '',
      address: c.address ?? '',
    })),
    hours: partner?.hours ?? '',
    website: partner?.website ?? '',
    letterLanguage: partner?.letterLanguage ?? 'ru',
    notifyEmail: partner?.notifyEmail ?? '',
    published: partner?.published ?? false,
    publishedFields: [...(partner?.publishedFields ?? [])],
    version: partner?.version ?? 1,
  };
}

/** An empty text is "not given". */
const opt = (value: string) => (value.trim() === '' ? undefined : value);
const optTexts = (v: TTexts) => ({ ru: opt(v.ru), kk: opt(v.kk), en: opt(v.en) });

function profileOf(v: TPartnerForm) {
  return {
    partnerType: v.partnerType,
    names: { ru: v.names.ru, kk: opt(v.names.kk), en: opt(v.names.en) },
    descriptions: optTexts(v.descriptions),
    regions: v.regions,
    services: v.services,
    languages: v.languages,
    contactPoints: v.contactPoints.map((c) => ({
      label: c.label,
      phone: opt(c.phone),
      email: opt(c.email),
      address: opt(c.address),
    })),
    hours: opt(v.hours),
    website: opt(v.website),
    letterLanguage: v.letterLanguage,
    notifyEmail: opt(v.notifyEmail),
    published: v.published,
    publishedFields: v.published ? v.publishedFields : [],
  };
}

export const toUpdateRequest = (v: TPartnerForm) => ({ ...profileOf(v), version: v.version });
export const toCreateOfflineRequest = (v: TPartnerForm) => ({
  ...profileOf(v),
  organisationName: v.organisationName,
});

/** A resolver validating the request the form would send with the shared schema. */
export function usePartnerResolver<TRequest>(
  schema: z.ZodType<TRequest>,
  toRequest: (values: TPartnerForm) => unknown,
): Resolver<TPartnerForm, unknown, TRequest> {
  const t = useT();
  return useMemo<Resolver<TPartnerForm, unknown, TRequest>>(
    () => (values, _context, options) => {
      // a choice left empty ('' is not one of the codes) reads "required", not "not valid"
      const describe = (issue: z.core.$ZodRawIssue) =>
        issue.code === 'invalid_value' && issue.input === '' ? t('form.required') : describeIssue(t, issue);
      const result = schema.safeParse(toRequest(values), { error: describe });
      if (result.success) return { values: result.data, errors: {} };
      const flat: Record<string, FieldError> = {};
      for (const issue of result.error.issues) {
        // the shared schema's own message on a refinement is a key worded here
        const message = issue.message === 'oneWayToReach' ? t('partners.form.contactOneWay') : issue.message;
        flat[issue.path.join('.')] ??= { type: issue.code, message };
      }
      return { values: {}, errors: toNestErrors<TPartnerForm>(flat, options) };
    },
    [schema, toRequest, t],
  );
}
