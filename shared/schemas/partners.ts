// The partner directory and memoranda (issue 4): the shared contract of server and web app.
import { z } from 'zod';
import { HTCDS_FIELDS as F } from '../htcds/fields';
import { LIMITS } from '../limits';
import { REGION_CODES } from '../regions';
import { ZEmail, ZUuid, ZVersion } from './common';
import { ZPhone } from './contacts';

/** Partner types: HTCDS org_Type plus the bodies of the network that HTCDS does not name. */
export const PARTNER_TYPES = [
  ...F.org_Type.values,
  'TradeUnion',
  'InternationalOrganisation',
  'Embassy',
  'ProsecutorsOffice',
  'MigrationPolice',
  'CrisisCentre',
] as const;
export type TPartnerType = (typeof PARTNER_TYPES)[number];

/** What partners offer and referrals ask for. */
export const PARTNER_SERVICES = [
  'legal_aid',
  'shelter',
  'psychological',
  'medical',
  'documents',
  'repatriation',
  'reintegration',
  'employment',
  'labour_inspection',
  'criminal_investigation',
  'prosecution',
  'migration_status',
  'consular_help',
  'interpretation',
  'financial',
  'education',
  'hotline',
  'other',
] as const;
export type TPartnerService = (typeof PARTNER_SERVICES)[number];

/** Languages a partner speaks with clients (ISO 639-1). */
export const PARTNER_LANGUAGES = ['kk', 'ru', 'uz', 'ky', 'tg', 'en', 'zh', 'tr', 'fa', 'az', 'tk', 'other'] as const;

/** What a partner may choose to show on the public "Our partners" page (its name always shows). */
export const PUBLISHABLE_FIELDS = ['type', 'description', 'regions', 'services', 'languages', 'contactPoints', 'hours', 'website'] as const;
export type TPublishableField = (typeof PUBLISHABLE_FIELDS)[number];

export const MEMBERSHIP_STATES = ['pending', 'approved', 'rejected', 'left'] as const;
export type TMembershipState = (typeof MEMBERSHIP_STATES)[number];

const ZShort = z.string().trim().min(1).max(LIMITS.nameMax);
const ZLong = z.string().trim().min(1).max(LIMITS.reasonMax);

/** A text in the staff languages: Russian required, Kazakh and English fall back to it where missing. */
export const ZLocalisedName = z.strictObject({ ru: ZShort, kk: ZShort.optional(), en: ZShort.optional() });
export const ZLocalisedText = z.strictObject({ ru: ZLong.optional(), kk: ZLong.optional(), en: ZLong.optional() });
export type TLocalisedName = z.infer<typeof ZLocalisedName>;
export type TLocalisedText = z.infer<typeof ZLocalisedText>;

/** An institutional desk (never a private person's number): label, phone, e-mail, address. */
export const ZContactPoint = z
  .strictObject({
    label: ZShort,
    phone: ZPhone.optional(),
    email: ZEmail.optional(),
    address: z.string().trim().min(1).max(LIMITS.addressMax).optional(),
  })
  .refine((v) => v.phone || v.email || v.address, { path: ['phone'], message: 'oneWayToReach' });
export type TContactPoint = z.infer<typeof ZContactPoint>;

/** The editable part of an entry; the organisation's administrators write it. */
export const ZPartnerProfileInput = z.strictObject({
  partnerType: z.enum(PARTNER_TYPES),
  names: ZLocalisedName,
  descriptions: ZLocalisedText.default({}),
  regions: z.array(z.enum(REGION_CODES)).max(REGION_CODES.length).default([]),
  services: z.array(z.enum(PARTNER_SERVICES)).min(1).max(PARTNER_SERVICES.length),
  languages: z.array(z.enum(PARTNER_LANGUAGES)).min(1).max(PARTNER_LANGUAGES.length),
  contactPoints: z.array(ZContactPoint).max(10).default([]),
  hours: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  website: z.url({ protocol: /^https?$/ }).max(LIMITS.addressMax).optional(),
  letterLanguage: z.enum(['ru', 'kk']).default('ru'),
  notifyEmail: ZEmail.optional(),
  published: z.boolean().default(false),
  publishedFields: z.array(z.enum(PUBLISHABLE_FIELDS)).max(PUBLISHABLE_FIELDS.length).default([]),
});
export type TPartnerProfileInput = z.infer<typeof ZPartnerProfileInput>;

/** PUT /api/v1/partners/{orgId}: the whole entry again, with the version read. */
export const ZUpdatePartnerProfileRequest = ZPartnerProfileInput.extend({ version: ZVersion });
/** POST /api/v1/partners: a network administrator adds a partner that will never log in (letters). */
export const ZCreateOfflinePartnerRequest = ZPartnerProfileInput.extend({
  organisationName: z.string().trim().min(2).max(LIMITS.orgNameMax),
});
/** POST /api/v1/partners/{orgId}/membership: a network administrator decides. */
export const ZMembershipDecisionRequest = z.strictObject({
  decision: z.enum(['approved', 'rejected', 'left']),
  version: ZVersion,
});

/** GET /api/v1/partners?… : search and filters (all optional). */
export const ZPartnerQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  service: z.enum(PARTNER_SERVICES).optional(),
  region: z.enum(REGION_CODES).optional(),
  language: z.enum(PARTNER_LANGUAGES).optional(),
  type: z.enum(PARTNER_TYPES).optional(),
  membership: z.enum(MEMBERSHIP_STATES).optional(), // default: approved only; others for network administrators
  usesSenim: z.enum(['true', 'false']).optional(),
});
export type TPartnerQuery = z.infer<typeof ZPartnerQuery>;

export const ZPartner = z.object({
  orgId: ZUuid,
  partnerType: z.enum(PARTNER_TYPES),
  names: ZLocalisedName,
  descriptions: ZLocalisedText,
  regions: z.array(z.enum(REGION_CODES)),
  services: z.array(z.enum(PARTNER_SERVICES)),
  languages: z.array(z.enum(PARTNER_LANGUAGES)),
  contactPoints: z.array(ZContactPoint),
  hours: z.string().nullable(),
  website: z.string().nullable(),
  usesSenim: z.boolean(),
  letterLanguage: z.enum(['ru', 'kk']),
  notifyEmail: z.string().nullable(), // only for the partner itself and network administrators
  published: z.boolean(),
  publishedFields: z.array(z.enum(PUBLISHABLE_FIELDS)),
  membership: z.enum(MEMBERSHIP_STATES),
  memoranda: z.array(z.object({ id: ZUuid, titles: ZLocalisedName, signedOn: z.string() })),
  canEdit: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TPartner = z.infer<typeof ZPartner>;

/** GET /api/v1/partners: the list, and the count of approved partners per region (the map). */
export const ZPartnerList = z.object({
  items: z.array(ZPartner),
  byRegion: z.array(z.object({ region: z.enum(REGION_CODES), count: z.number().int() })),
});

/** GET /api/public/partners?lang=ru|kk|en: what the partners chose to publish, in one language. */
export const ZPublicPartner = z.object({
  id: ZUuid,
  name: z.string(),
  type: z.enum(PARTNER_TYPES).nullable(),
  description: z.string().nullable(),
  regions: z.array(z.enum(REGION_CODES)).nullable(),
  services: z.array(z.enum(PARTNER_SERVICES)).nullable(),
  languages: z.array(z.enum(PARTNER_LANGUAGES)).nullable(),
  contactPoints: z.array(ZContactPoint).nullable(),
  hours: z.string().nullable(),
  website: z.string().nullable(),
  memoranda: z.array(z.string()), // titles in the language asked
});
export type TPublicPartner = z.infer<typeof ZPublicPartner>;
export const ZPublicPartnerList = z.object({ lang: z.enum(['ru', 'kk', 'en']), items: z.array(ZPublicPartner) });

// ---------------------------------------------------------------------------------------------
// Memoranda

export const ZMemorandumInput = z.strictObject({
  titles: ZLocalisedName,
  scopes: ZLocalisedText.default({}),
  signedOn: z.iso.date(),
  validUntil: z.iso.date().optional(),
  memberOrgIds: z.array(ZUuid).min(2).max(200),
});
export const ZUpdateMemorandumRequest = ZMemorandumInput.extend({ version: ZVersion });
export const ZMemorandum = z.object({
  id: ZUuid,
  titles: ZLocalisedName,
  scopes: ZLocalisedText,
  signedOn: z.string(),
  validUntil: z.string().nullable(),
  members: z.array(z.object({ orgId: ZUuid, names: ZLocalisedName, partnerType: z.enum(PARTNER_TYPES).nullable() })),
  version: z.number().int(),
});
export type TMemorandum = z.infer<typeof ZMemorandum>;
