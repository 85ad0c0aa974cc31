/**
 * The case file's sections (issue 3): the contract between the server and the web app. Requests
 * are validated with these schemas on both sides; responses are described here so the web app
 * and the server agree on one shape. Limits come from ../limits.
 *
 * Storage: migration 0005_case_file.sql. Identity values and free texts are sealed at rest.
 */
import { z } from 'zod';
import {
  ZEducationLevel,
  ZForcedLabourIndustry,
  ZMaritalStatus,
  ZMethodOfControl,
  ZPerpetratorRole,
  ZRecruitmentMethod,
  ZRelationshipToTrafficker,
  ZSexExploitationType,
  ZSupportPlanType,
  ZTraffickingEventType,
  ZTraffickingStatus,
  ZTraffickingStatusDecisionMaker,
  ZTypeOfExploitation,
  ZVulnerability,
  ZWebsiteOrApp,
} from '../htcds/code-lists';
import { LIMITS } from '../limits';
import { ZBirthDate, ZCountryCode, ZPersonInput } from './cases';
import { ZUuid, ZVersion } from './common';
import { ZLanguageCode, ZPhone, ZRegionCode } from './contacts';

const today = () => new Date().toISOString().slice(0, 10);
/** A calendar day that has happened (YYYY-MM-DD, from 1900). */
export const ZPastDay = z.iso
  .date()
  .refine((s) => s <= today(), { message: 'inFuture' })
  .refine((s) => s >= '1900-01-01');
/** A calendar day, past or future (planned end, due day). */
export const ZDay = z.iso.date().refine((s) => s >= '1900-01-01' && s <= '2200-12-31');
const ZText = (max: number = LIMITS.caseTextMax) => z.string().trim().min(1).max(max);
const ZShort = z.string().trim().min(1).max(LIMITS.nameMax);

// ---------------------------------------------------------------------------------------------
// Person (beyond ZPersonInput of ./cases)

export const HOUSEHOLD_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other_relative', 'other'] as const;
export const DOCUMENT_TYPES = ['passport', 'id_card', 'birth_certificate', 'residence_permit', 'work_permit', 'migration_card', 'other'] as const;

/** Sealed at rest (persons.extra_sealed): identifying. */
export const ZPersonExtra = z.strictObject({
  salutation: ZShort.optional(), // prs_Salutation
  title: ZShort.optional(), // prs_Title
  email: z.string().trim().max(LIMITS.emailMax).email().optional(), // prs_Email
  homePhone: ZPhone.optional(), // prs_HomePhone (the mobile is persons.phone)
  mailingStreet: z.string().trim().min(1).max(LIMITS.addressMax).optional(),
  mailingCity: ZShort.optional(),
  mailingState: ZShort.optional(),
  mailingCountry: ZCountryCode.optional(),
  mailingPostalCode: z.string().trim().min(1).max(20).optional(),
  mailingLatitude: z.number().min(-90).max(90).optional(),
  mailingLongitude: z.number().min(-180).max(180).optional(),
  documents: z
    .array(
      z.strictObject({
        type: z.enum(DOCUMENT_TYPES),
        number: z.string().trim().min(1).max(LIMITS.documentNumberMax),
        country: ZCountryCode.optional(),
        validUntil: ZDay.optional(),
        /** who holds it now: the person, the employer (a sign of control), lost … */
        heldBy: z.enum(['person', 'employer_or_other', 'lost', 'unknown']).optional(),
      }),
    )
    .max(LIMITS.listMax)
    .optional(),
  household: z
    .array(
      z.strictObject({
        name: ZShort,
        relation: z.enum(HOUSEHOLD_RELATIONS),
        birthYear: z.number().int().min(1900).max(2200).optional(),
        /** with the person now (in Kazakhstan) or at home */
        together: z.boolean().optional(),
      }),
    )
    .max(LIMITS.listMax)
    .optional(),
});
export type TPersonExtra = z.infer<typeof ZPersonExtra>;

/** In clear (persons.profile): codes for statistics, not identifying on their own. */
export const ZPersonProfile = z.strictObject({
  maritalStatus: ZMaritalStatus.optional(),
  numberOfChildren: z.number().int().min(0).max(30).optional(),
  education: ZEducationLevel.optional(),
  deceased: z.boolean().optional(),
  /** citizenships beyond persons.citizenship (dual citizens) */
  otherCitizenships: z.array(ZCountryCode).max(5).optional(),
  primaryLanguage: ZLanguageCode.optional(),
  secondaryLanguage: ZLanguageCode.optional(),
});
export type TPersonProfile = z.infer<typeof ZPersonProfile>;

/** PUT /api/v1/cases/{id}/person: the whole person (absent = cleared), versioned by the case. */
export const ZUpdatePersonRequest = z.strictObject({
  person: ZPersonInput,
  extra: ZPersonExtra.default({}),
  profile: ZPersonProfile.default({}),
  /** age in years as stated on `ageStatedOn` (when the birth date is unknown) */
  ageYears: z.number().int().min(0).max(120).optional(),
  ageStatedOn: ZPastDay.optional(),
  version: ZVersion,
});
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

// ---------------------------------------------------------------------------------------------
// Victim context (cases.victim, in clear) and sensitive texts (cases.sensitive_sealed)

export const ZVictimContext = z.strictObject({
  /** Only PossibleVictimOfTrafficking or NotAVictim… may be set directly; ActualVictimOfTrafficking needs an approval. */
  traffickingStatus: ZTraffickingStatus.optional(),
  statusDecisionMaker: ZTraffickingStatusDecisionMaker.optional(),
  typesOfExploitation: z.array(ZTypeOfExploitation).max(LIMITS.listMax).optional(),
  forcedLabourIndustry: ZForcedLabourIndustry.optional(),
  sexExploitationTypes: z.array(ZSexExploitationType).max(LIMITS.listMax).optional(),
  methodsOfControl: z.array(ZMethodOfControl).max(LIMITS.listMax).optional(),
  recruitmentMethods: z.array(ZRecruitmentMethod).max(LIMITS.listMax).optional(),
  /** vic_LocationOfRecruitment: a place (country, region or city), free text in HTCDS exports */
  recruitmentLocation: ZShort.optional(),
  exploitationLocation: ZShort.optional(),
  recruitmentWebsites: z.array(ZWebsiteOrApp).max(LIMITS.listMax).optional(),
  exploitationWebsites: z.array(ZWebsiteOrApp).max(LIMITS.listMax).optional(),
  relationshipToTrafficker: ZRelationshipToTrafficker.optional(),
  ageWhenTrafficked: z.number().int().min(0).max(120).optional(),
  vulnerabilities: z.array(ZVulnerability).max(LIMITS.listMax).optional(),
  perpetratorRoles: z.array(ZPerpetratorRole).max(LIMITS.listMax).optional(),
  agreementToManagePersonalData: z.boolean().optional(),
});
export type TVictimContext = z.infer<typeof ZVictimContext>;

/** Narratives and health: sealed, readable only with case.readSensitive. */
export const ZCaseSensitive = z.strictObject({
  narrative: ZText().optional(),
  health: ZText().optional(),
  vulnerabilityDetails: ZText().optional(),
  perpetratorRoleDetails: ZText().optional(),
  incomingReferralDetails: ZText().optional(),
  outgoingReferralDetails: ZText().optional(),
  comment: ZText().optional(),
});
export type TCaseSensitive = z.infer<typeof ZCaseSensitive>;

/** PUT /api/v1/cases/{id}/victim: the whole victim context (absent = cleared). */
export const ZUpdateVictimRequest = z.strictObject({ victim: ZVictimContext, version: ZVersion });
/** PUT /api/v1/cases/{id}/sensitive: the whole set of texts (absent = cleared). */
export const ZUpdateSensitiveRequest = z.strictObject({ sensitive: ZCaseSensitive, version: ZVersion });

// ---------------------------------------------------------------------------------------------
// Historic trafficking events

export const ZTraffickingEventInput = z.strictObject({
  type: ZTraffickingEventType,
  date: ZPastDay.optional(),
  country: ZCountryCode.optional(),
  region: ZRegionCode.optional(),
  state: ZShort.optional(),
  city: ZShort.optional(),
  street: z.string().trim().min(1).max(LIMITS.addressMax).optional(), // sealed
  postalCode: z.string().trim().min(1).max(20).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  description: ZText().optional(), // sealed; needs case.readSensitive to read
});
export type TTraffickingEventInput = z.infer<typeof ZTraffickingEventInput>;

// ---------------------------------------------------------------------------------------------
// Consent

/** What can be explained and agreed; referrals (issue 4) check `share_with_partners`. */
export const CONSENT_SCOPES = [
  'store_data', // keep a case file
  'share_with_partners', // share need-to-know parts with a partner through a referral
  'share_with_police', // report to law enforcement
  'contact_by_phone',
  'contact_by_message',
  'use_in_statistics', // de-identified, counted
  'photos_and_documents', // keep copies of documents and photos
] as const;
export const CONSENT_GIVERS = ['person', 'parent_or_guardian', 'representative'] as const;

export const ZConsentInput = z
  .strictObject({
    explained: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
    agreed: z.array(z.enum(CONSENT_SCOPES)).max(CONSENT_SCOPES.length),
    givenOn: ZPastDay,
    givenBy: z.enum(CONSENT_GIVERS),
    language: ZLanguageCode.optional(),
    notes: ZText().optional(),
  })
  .refine((v) => v.agreed.every((a) => v.explained.includes(a)), { path: ['agreed'], message: 'notExplained' });
export type TConsentInput = z.infer<typeof ZConsentInput>;

// ---------------------------------------------------------------------------------------------
// Workflow: assessment → support plan → services → follow-up → closure

export const SERVICE_TYPES = [
  'legal_aid',
  'psychological',
  'shelter',
  'medical',
  'documents',
  'repatriation',
  'reintegration',
  'livelihood',
  'financial',
  'education',
  'interpretation',
  'other',
] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const SERVICE_OUTCOMES = ['completed', 'ongoing', 'declined', 'not_available'] as const;
export const FOLLOW_UP_METHODS = ['phone', 'visit', 'message', 'office'] as const;
export const FOLLOW_UP_OUTCOMES = ['stable', 'needs_support', 'unreachable', 'closed_contact'] as const;

export const ZAssessmentInput = z.strictObject({
  assessedOn: ZPastDay,
  needs: z.array(z.enum(SERVICE_TYPES)).max(SERVICE_TYPES.length),
  riskLevel: z.enum(RISK_LEVELS),
  summary: ZText().optional(), // sealed; case.readSensitive
});
export const ZSupportPlanInput = z.strictObject({
  types: z.array(ZSupportPlanType).min(1).max(LIMITS.listMax),
  objectives: ZText().optional(), // sealed
  actionPlan: ZText().optional(), // sealed
  plannedEnd: ZDay.optional(),
  actualEnd: ZPastDay.optional(),
});
/** PUT /api/v1/cases/{id}/support-plans/{planId} */
export const ZUpdateSupportPlanRequest = ZSupportPlanInput.extend({ version: ZVersion });
export const ZServiceInput = z
  .strictObject({
    type: z.enum(SERVICE_TYPES),
    providerOrgId: ZUuid.optional(),
    providerName: ZShort.optional(),
    deliveredOn: ZPastDay,
    outcome: z.enum(SERVICE_OUTCOMES),
    notes: ZText().optional(), // sealed
  })
  .refine((v) => !(v.providerOrgId && v.providerName), { path: ['providerName'], message: 'oneProvider' });
export const ZFollowUpInput = z.strictObject({
  followedOn: ZPastDay,
  method: z.enum(FOLLOW_UP_METHODS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  notes: ZText().optional(), // sealed
});

// ---------------------------------------------------------------------------------------------
// Approvals (four eyes): closing a case, marking an actual victim

export const APPROVAL_KINDS = ['closure', 'actual_victim'] as const;
export const ZApprovalRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('closure'),
    status: z.enum(['Closed', 'ClosedReferred']),
    reason: ZText(LIMITS.closureReasonMax),
  }),
  z.strictObject({
    kind: z.literal('actual_victim'),
    decisionMaker: ZTraffickingStatusDecisionMaker,
    reason: ZText(LIMITS.closureReasonMax),
  }),
]);
export type TApprovalRequest = z.infer<typeof ZApprovalRequest>;
export const ZApprovalDecision = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  comment: ZText(LIMITS.closureReasonMax).optional(),
});

// ---------------------------------------------------------------------------------------------
// Tasks

export const ZTaskInput = z.strictObject({
  title: ZText(LIMITS.taskTitleMax),
  dueAt: z.iso.datetime({ offset: true }),
  assignedUserId: ZUuid.optional(),
});
export const ZUpdateTaskRequest = z.strictObject({
  title: ZText(LIMITS.taskTitleMax).optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  assignedUserId: ZUuid.nullable().optional(),
  done: z.boolean().optional(),
  version: ZVersion,
});

// ---------------------------------------------------------------------------------------------
// Attachments

export const ATTACHMENT_KINDS = ['identity_document', 'photo', 'medical', 'legal', 'other'] as const;
/** Accepted content types (checked against the file's first bytes too). */
export const ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

// ---------------------------------------------------------------------------------------------
// Responses (GET /api/v1/cases/{id} carries the profile sections; GET /api/v1/cases/{id}/workflow
// the workflow; GET /api/v1/cases/{id}/attachments the attachments)

const ZAt = z.string(); // ISO instant
const ZBy = z.string().uuid().nullable();
/** A sealed text the reader may not see is `null` with `redacted: true` on its section. */
const ZMaybe = z.string().nullable();

export const ZTraffickingEvent = z.object({
  id: z.string().uuid(),
  type: ZTraffickingEventType,
  date: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  state: z.string().nullable(),
  city: z.string().nullable(),
  street: ZMaybe,
  postalCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  description: ZMaybe,
  createdAt: ZAt,
  createdBy: ZBy,
});
export type TTraffickingEvent = z.infer<typeof ZTraffickingEvent>;

export const ZConsent = z.object({
  id: z.string().uuid(),
  explained: z.array(z.enum(CONSENT_SCOPES)),
  agreed: z.array(z.enum(CONSENT_SCOPES)),
  givenOn: z.string(),
  givenBy: z.enum(CONSENT_GIVERS),
  language: z.string().nullable(),
  notes: ZMaybe,
  recordedBy: ZBy,
  createdAt: ZAt,
  withdrawnAt: z.string().nullable(),
  withdrawnBy: ZBy,
});
export type TConsent = z.infer<typeof ZConsent>;

/** Added to the Case response of GET /api/v1/cases/{id}. */
export const ZCaseProfileSections = z.object({
  /** null when identity is redacted for the reader */
  personExtra: ZPersonExtra.nullable(),
  personProfile: ZPersonProfile.nullable(),
  ageYears: z.number().int().nullable(),
  ageStatedOn: z.string().nullable(),
  victim: ZVictimContext,
  /** null unless the reader holds case.readSensitive */
  sensitive: ZCaseSensitive.nullable(),
  sensitiveRedacted: z.boolean(),
  traffickingEvents: z.array(ZTraffickingEvent),
  consents: z.array(ZConsent),
  /** the latest consent not withdrawn: what sharing checks */
  currentConsent: ZConsent.nullable(),
});
export type TCaseProfileSections = z.infer<typeof ZCaseProfileSections>;

export const ZAssessment = z.object({
  id: z.string().uuid(),
  assessedOn: z.string(),
  needs: z.array(z.enum(SERVICE_TYPES)),
  riskLevel: z.enum(RISK_LEVELS),
  summary: ZMaybe,
  createdBy: ZBy,
  createdAt: ZAt,
});
export const ZSupportPlan = z.object({
  id: z.string().uuid(),
  types: z.array(ZSupportPlanType),
  objectives: ZMaybe,
  actionPlan: ZMaybe,
  plannedEnd: z.string().nullable(),
  actualEnd: z.string().nullable(),
  createdBy: ZBy,
  createdAt: ZAt,
  updatedAt: ZAt,
  version: z.number().int(),
});
export const ZService = z.object({
  id: z.string().uuid(),
  type: z.enum(SERVICE_TYPES),
  providerOrgId: z.string().uuid().nullable(),
  providerName: z.string().nullable(),
  deliveredOn: z.string(),
  outcome: z.enum(SERVICE_OUTCOMES),
  notes: ZMaybe,
  createdBy: ZBy,
  createdAt: ZAt,
});
export const ZFollowUp = z.object({
  id: z.string().uuid(),
  followedOn: z.string(),
  method: z.enum(FOLLOW_UP_METHODS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  notes: ZMaybe,
  createdBy: ZBy,
  createdAt: ZAt,
});
export const ZApproval = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  kind: z.enum(APPROVAL_KINDS),
  request: z.record(z.string(), z.unknown()),
  requestedBy: z.string().uuid(),
  requestedAt: ZAt,
  decision: z.enum(['approved', 'rejected']).nullable(),
  decidedBy: ZBy,
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export const ZTask = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  title: z.string(),
  dueAt: ZAt,
  assignedUserId: ZBy,
  doneAt: z.string().nullable(),
  doneBy: ZBy,
  createdBy: ZBy,
  createdAt: ZAt,
  version: z.number().int(),
  overdue: z.boolean(),
});
export const ZCaseWorkflow = z.object({
  caseId: z.string().uuid(),
  stage: z.string(),
  /** true when sealed texts (summaries, objectives, notes) are hidden from the reader */
  redacted: z.boolean(),
  assessments: z.array(ZAssessment),
  supportPlans: z.array(ZSupportPlan),
  services: z.array(ZService),
  followUps: z.array(ZFollowUp),
  approvals: z.array(ZApproval),
  tasks: z.array(ZTask),
});
export type TCaseWorkflow = z.infer<typeof ZCaseWorkflow>;
export type TAssessment = z.infer<typeof ZAssessment>;
export type TSupportPlan = z.infer<typeof ZSupportPlan>;
export type TService = z.infer<typeof ZService>;
export type TFollowUp = z.infer<typeof ZFollowUp>;
export type TApproval = z.infer<typeof ZApproval>;
export type TTask = z.infer<typeof ZTask>;

export const ZAttachment = z.object({
  id: z.string().uuid(),
  kind: z.enum(ATTACHMENT_KINDS),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** null when the reader may not see file names (identity) */
  filename: z.string().nullable(),
  createdBy: ZBy,
  createdAt: ZAt,
});
export type TAttachment = z.infer<typeof ZAttachment>;

export { ZBirthDate };

/** Kinds of entries on a case's timeline (case_events.kind); labelled in the web app. */
export const CASE_EVENT_KINDS = [
  'created',
  'updated',
  'contactAttached',
  'personUpdated',
  'victimUpdated',
  'sensitiveUpdated',
  'traffickingEventRecorded',
  'traffickingEventUpdated',
  'traffickingEventDeleted',
  'consentRecorded',
  'consentWithdrawn',
  'assessmentRecorded',
  'supportPlanRecorded',
  'supportPlanUpdated',
  'serviceRecorded',
  'followUpRecorded',
  'approvalRequested',
  'approvalDecided',
  'taskCreated',
  'taskUpdated',
  'attachmentAdded',
  'attachmentDeleted',
  'exported',
  'imported',
  'personMerged',
  'personMergeUndone',
  'referralSent',
  'referralAccepted',
  'referralDeclined',
  'referralCompleted',
  'referralRevoked',
  'referralExpired',
  'referralUpdateShared',
  'referralReceived',
  'referralLetterIssued',
] as const;
export type TCaseEventKind = (typeof CASE_EVENT_KINDS)[number];
