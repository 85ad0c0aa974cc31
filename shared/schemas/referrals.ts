// Referrals between organisations of the network (issue 4): the shared contract of server and web.
import { z } from 'zod';
import { ZReasonForReferral } from '../htcds/code-lists';
import { LIMITS } from '../limits';
import { ZUuid, ZVersion } from './common';
import { PARTNER_SERVICES, PARTNER_TYPES, ZLocalisedName, type TPartnerType } from './partners';

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'revoked', 'expired'] as const;
export type TReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Statuses after which nothing more happens. */
export const FINAL_REFERRAL_STATUSES: readonly TReferralStatus[] = ['declined', 'completed', 'revoked', 'expired'];
export const REFERRAL_URGENCIES = ['routine', 'urgent', 'immediate'] as const;
export const DECLINE_REASONS = [
  'outside_mandate',
  'no_capacity',
  'outside_region',
  'person_unreachable',
  'already_assisted',
  'insufficient_information',
  'other',
] as const;
export const REFERRAL_OUTCOMES = [
  'service_provided',
  'investigation_opened',
  'inspection_done',
  'documents_issued',
  'person_repatriated',
  'person_declined_help',
  'person_unreachable',
  'no_action_possible',
  'other',
] as const;

/**
 * The parts of a case that a referral can share, minimal by default (DEFAULT_SHARED_FIELDS).
 * PERSONAL ones identify the person and need the person's recorded consent (or an override).
 */
export const SHAREABLE_FIELDS = [
  'caseRegion', // the case's region
  'needs', // the needs of the latest assessment
  'exploitation', // types of exploitation, forced-labour industry (victim context codes)
  'traffickingStatus', // vic_TraffickingStatus and who decided it
  'personSexAge', // sex and age band (not the birth date)
  'personName', // given, family, middle names
  'personBirthDate',
  'personCitizenship',
  'personLanguages',
  'personPhone',
  'personDocument', // document number
  'personAddress',
  'route', // historic trafficking events: places and dates
  'narrative', // the case narrative (sensitive)
  'health', // health notes (sensitive)
] as const;
export type TShareableField = (typeof SHAREABLE_FIELDS)[number];
export const DEFAULT_SHARED_FIELDS: readonly TShareableField[] = ['caseRegion', 'needs'];
export const PERSONAL_FIELDS: readonly TShareableField[] = [
  'personName',
  'personBirthDate',
  'personCitizenship',
  'personLanguages',
  'personPhone',
  'personDocument',
  'personAddress',
  'route',
  'narrative',
  'health',
];
/** Fields that only case workers' own roles read (case.readSensitive) and are never put on paper. */
export const SENSITIVE_FIELDS: readonly TShareableField[] = ['narrative', 'health'];

/** Partner types that are law enforcement: sharing personal data with them needs `share_with_police`. */
export const LAW_ENFORCEMENT_TYPES: readonly TPartnerType[] = ['LawEnforcement', 'ProsecutorsOffice', 'MigrationPolice'];

/**
 * Need to know: the fields a partner of a type may receive at all. Health only reaches those who
 * give medical or psychological care (and law enforcement never), narratives no embassy or business,
 * and nothing sensitive goes on a paper letter.
 */
export function fieldsPartnerMayReceive(partnerType: TPartnerType, usesSenim: boolean): readonly TShareableField[] {
  const noHealth: readonly TPartnerType[] = [
    'LawEnforcement',
    'ProsecutorsOffice',
    'MigrationPolice',
    'ImmigrationService',
    'Embassy',
    'TradeUnion',
    'CorporateBusiness',
    'SchoolOrCollege',
    'CentralGovernmentOrganisation',
    'LocalGovernmentOrganisation',
    'LegalService',
  ];
  const noNarrative: readonly TPartnerType[] = ['Embassy', 'CorporateBusiness', 'SchoolOrCollege'];
  return SHAREABLE_FIELDS.filter((f) => {
    if (!usesSenim && SENSITIVE_FIELDS.includes(f)) return false;
    if (f === 'health' && noHealth.includes(partnerType)) return false;
    if (f === 'narrative' && noNarrative.includes(partnerType)) return false;
    return true;
  });
}

const ZText = (max: number = LIMITS.reasonMax) => z.string().trim().min(1).max(max);
/** Today in Kazakhstan (UTC+5, one time zone since 2024), YYYY-MM-DD: deadlines are days there. */
export function kazakhstanDay(now: number = Date.now()): string {
  return new Date(now + 5 * 3_600_000).toISOString().slice(0, 10);
}
const today = () => kazakhstanDay();

/** POST /api/v1/cases/{id}/referrals (header Idempotency-Key). */
export const ZCreateReferralRequest = z
  .strictObject({
    toOrgId: ZUuid,
    reason: ZReasonForReferral,
    services: z.array(z.enum(PARTNER_SERVICES)).min(1).max(PARTNER_SERVICES.length),
    urgency: z.enum(REFERRAL_URGENCIES),
    deadline: z.iso.date().refine((s) => s >= today(), { message: 'inPast' }).refine((s) => s <= '2200-12-31'),
    sharedFields: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length),
    message: ZText(LIMITS.caseTextMax).optional(), // what the partner is asked to do, sealed; shared
    overrideReason: ZText().min(20).optional(), // personal data without consent: why (needs referral.override)
  })
  .refine((v) => new Set(v.sharedFields).size === v.sharedFields.length, { path: ['sharedFields'], message: 'duplicate' });
export type TCreateReferralRequest = z.infer<typeof ZCreateReferralRequest>;

/** POST /api/v1/referrals/{id}/answer: the receiver (or the sender for a partner without Senim). */
export const ZReferralAnswerRequest = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('accepted'), note: ZText().optional(), version: ZVersion }),
  z.strictObject({ status: z.literal('declined'), reason: z.enum(DECLINE_REASONS), note: ZText().optional(), version: ZVersion }),
  z.strictObject({ status: z.literal('completed'), outcome: z.enum(REFERRAL_OUTCOMES), note: ZText().optional(), version: ZVersion }),
]);
export type TReferralAnswerRequest = z.infer<typeof ZReferralAnswerRequest>;
/** POST /api/v1/referrals/{id}/revoke: the sender. */
export const ZRevokeReferralRequest = z.strictObject({ note: ZText().optional(), version: ZVersion });
/** POST /api/v1/referrals/{id}/updates: the sender shares a later update (text, more fields). */
export const ZShareUpdateRequest = z
  .strictObject({
    message: ZText(LIMITS.caseTextMax).optional(),
    addFields: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length).default([]),
    overrideReason: ZText().min(20).optional(),
  })
  .refine((v) => v.message !== undefined || v.addFields.length > 0, { path: ['message'], message: 'required' });

/** Answer through a letter's one-time link (no account): POST /api/public/referral-answers/{token}. */
export const ZLinkAnswerRequest = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('accepted'), code: z.string().trim().min(4).max(20), note: ZText().optional() }),
  z.strictObject({ status: z.literal('declined'), code: z.string().trim().min(4).max(20), reason: z.enum(DECLINE_REASONS), note: ZText().optional() }),
  z.strictObject({ status: z.literal('completed'), code: z.string().trim().min(4).max(20), outcome: z.enum(REFERRAL_OUTCOMES), note: ZText().optional() }),
]);

/** GET /api/v1/referrals?box=inbox|sent&status=&overdue=&cursor= */
export const ZReferralListQuery = z.strictObject({
  box: z.enum(['inbox', 'sent']).default('inbox'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  caseId: ZUuid.optional(), // the referrals of one case (sender side)
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

// ---------------------------------------------------------------------------------------------
// Responses

/** What was shared, as the receiver sees it (only the fields listed in sharedFields are present). */
export const ZReferralSnapshot = z.object({
  caseNumber: z.string(), // the sender's case number: a reference, identifies nothing by itself
  caseRegion: z.string().nullable().optional(),
  needs: z.array(z.string()).optional(),
  exploitation: z
    .object({ types: z.array(z.string()), industry: z.string().nullable(), sexExploitation: z.array(z.string()) })
    .optional(),
  traffickingStatus: z.object({ status: z.string().nullable(), decidedBy: z.string().nullable() }).optional(),
  personSexAge: z.object({ sex: z.string().nullable(), ageBand: z.string().nullable() }).optional(),
  personName: z.object({ given: z.string().nullable(), family: z.string().nullable(), middle: z.string().nullable() }).optional(),
  personBirthDate: z.string().nullable().optional(),
  personCitizenship: z.string().nullable().optional(),
  personLanguages: z.array(z.string()).optional(),
  personPhone: z.string().nullable().optional(),
  personDocument: z.string().nullable().optional(),
  personAddress: z.string().nullable().optional(),
  route: z
    .array(z.object({ type: z.string(), country: z.string().nullable(), place: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() }))
    .optional(),
  narrative: z.string().nullable().optional(),
  health: z.string().nullable().optional(),
  message: z.string().nullable(), // what the sender asks
});
export type TReferralSnapshot = z.infer<typeof ZReferralSnapshot>;

export const ZReferralParty = z.object({ orgId: ZUuid, names: ZLocalisedName, partnerType: z.enum(PARTNER_TYPES).nullable() });

export const ZReferralEvent = z.object({
  id: ZUuid,
  at: z.string(),
  kind: z.string(),
  byOrgId: ZUuid.nullable(),
  byUserName: z.string().nullable(), // only for the actor's own organisation's users
  payload: z.record(z.string(), z.unknown()),
  content: z.object({ message: z.string().nullable(), addedFields: z.array(z.enum(SHAREABLE_FIELDS)) }).nullable(),
});

export const ZReferral = z.object({
  id: ZUuid,
  reference: z.string(),
  side: z.enum(['sender', 'receiver']), // how the reader stands to it
  from: ZReferralParty,
  to: ZReferralParty,
  fromCaseId: ZUuid.nullable(), // only for the sender
  toCaseId: ZUuid.nullable(), // only for the receiver
  delivery: z.enum(['app', 'letter']),
  reason: ZReasonForReferral,
  services: z.array(z.enum(PARTNER_SERVICES)),
  urgency: z.enum(REFERRAL_URGENCIES),
  deadline: z.string(),
  overdue: z.boolean(),
  status: z.enum(REFERRAL_STATUSES),
  answerCode: z.string().nullable(),
  answerNote: z.string().nullable(),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)),
  snapshot: ZReferralSnapshot.nullable(), // null in lists
  overridden: z.boolean(),
  overrideReason: z.string().nullable(), // the sender's supervisors and the sender only
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  letter: z.object({ expiresAt: z.string().nullable(), usedAt: z.string().nullable() }).nullable(),
  events: z.array(ZReferralEvent), // [] in lists
  actions: z.array(z.enum(['accept', 'decline', 'complete', 'revoke', 'shareUpdate', 'openCase', 'letter', 'recordAnswer'])),
  version: z.number().int(),
});
export type TReferral = z.infer<typeof ZReferral>;
export const ZReferralList = z.object({ items: z.array(ZReferral), nextCursor: z.string().nullable() });

/** GET /api/v1/cases/{id}/referral-options: what the send dialog needs. */
export const ZReferralOptions = z.object({
  consent: z.object({
    partners: z.boolean(), // share_with_partners agreed and not withdrawn
    police: z.boolean(), // share_with_police agreed and not withdrawn
    consentId: ZUuid.nullable(),
  }),
  canOverride: z.boolean(),
  suggestions: z.array(
    z.object({
      orgId: ZUuid,
      names: ZLocalisedName,
      partnerType: z.enum(PARTNER_TYPES),
      usesSenim: z.boolean(),
      services: z.array(z.enum(PARTNER_SERVICES)),
      regions: z.array(z.string()),
      languages: z.array(z.string()),
      score: z.number(), // matching services, region and language
      mayReceive: z.array(z.enum(SHAREABLE_FIELDS)),
    }),
  ),
});

/** After a letter is issued: the one-time link and reply code are shown once to the sender. */
export const ZReferralLetterIssued = z.object({
  reference: z.string(),
  link: z.string(), // absolute URL of the one-time answer page
  replyCode: z.string(),
  expiresAt: z.string(),
  pdfUrl: z.string(), // GET: the letter as a PDF (carries the same link and code)
});

/** GET /api/public/referral-answers/{token}: what the answer page shows (no personal data). */
export const ZLinkAnswerView = z.object({
  reference: z.string(),
  fromName: z.string(),
  toName: z.string(),
  deadline: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  answerable: z.boolean(),
  expiresAt: z.string(),
});

/** GET /api/v1/referral-dashboard: the SLA view of coordinators. */
export const ZReferralDashboard = z.object({
  scope: z.enum(['network', 'organisation']),
  totals: z.object({
    sent: z.number().int(),
    received: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    overrides: z.number().int(),
  }),
  partners: z.array(
    z.object({
      orgId: ZUuid,
      names: ZLocalisedName,
      received: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
      completed: z.number().int(),
      expired: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      acceptanceRate: z.number().nullable(), // accepted (incl. completed) / answered
      medianHoursToAnswer: z.number().nullable(),
      p90HoursToAnswer: z.number().nullable(),
    }),
  ),
  since: z.string(),
});

export const NOTIFICATION_KINDS = [
  'referralReceived',
  'referralAccepted',
  'referralDeclined',
  'referralCompleted',
  'referralRevoked',
  'referralExpired',
  'referralUpdated',
  'referralAnsweredByLetter',
] as const;
export const ZNotification = z.object({
  id: ZUuid,
  kind: z.enum(NOTIFICATION_KINDS),
  referralId: ZUuid.nullable(),
  reference: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
