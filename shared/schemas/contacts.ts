import { z } from 'zod';
import { LIMITS } from '../limits';
import { REGION_CODES } from '../regions';
import { ZUuid } from './common';

// Hotline contacts (issue 3). The code lists are ours (HTCDS has no hotline section); they are
// stable codes, labelled in the web app's catalogues.

export const CONTACT_CHANNELS = ['phone', 'whatsapp', 'telegram', 'sms', 'email', 'walk_in', 'web_form'] as const;
export const DATA_CONTACT_TYPES = [
  'consultation',
  'trafficking_report',
  'crisis',
  'referral_request',
  'training_request',
  'information',
] as const;
/** Contacts that are only counted: they carry no case and open none. */
export const NON_DATA_CONTACT_TYPES = ['silent', 'hang_up', 'wrong_number', 'prank', 'abusive'] as const;
export const CONTACT_TYPES = [...DATA_CONTACT_TYPES, ...NON_DATA_CONTACT_TYPES] as const;
export const CALLER_ROLES = ['self', 'relative', 'witness', 'professional', 'anonymous'] as const;
export const CONTACT_TOPICS = [
  'labour_rights',
  'registration_permits',
  'citizenship',
  'documents',
  'wages',
  'violence',
  'missing_person',
  'trafficking_suspicion',
  'asylum_statelessness',
  'education',
  'health',
  'other',
] as const;
/** A hotline topic's code: stable (statistics count it), as migration 0005 checks it. */
export const ZTopicCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/);

export const URGENCIES = ['low', 'normal', 'high', 'emergency'] as const;
export const CONTACT_OUTCOMES = ['information_given', 'referred', 'case_opened', 'emergency_alerted', 'none'] as const;

export type TContactType = (typeof CONTACT_TYPES)[number];
export function isNonDataContactType(t: string): boolean {
  return (NON_DATA_CONTACT_TYPES as readonly string[]).includes(t);
}

/** One of the 20 region codes of `shared/regions.ts`. */
export const ZRegionCode = z.enum(REGION_CODES);
/** ISO 639-2 three-letter language code (rus, kaz, uzb, kir, tgk, eng …), as HTCDS asks. */
export const ZLanguageCode = z.string().regex(/^[a-z]{3}$/);

/** Clock skew allowed between the operator's machine and the server. */
const SKEW_MS = 60_000;
/** An instant with its offset, not in the future (a contact is logged after it began). */
export const ZPastInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => Date.parse(s) <= Date.now() + SKEW_MS, { message: 'inFuture' })
  .refine((s) => Date.parse(s) >= Date.parse('2000-01-01T00:00:00Z'));

/** An instant with its offset, in this century. */
export const ZInstant = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  // not a time at all is the format's issue, reported once
  return Number.isNaN(t) || (t >= Date.parse('2000-01-01T00:00:00Z') && t < Date.parse('2100-01-01T00:00:00Z'));
});

export const ZPhone = z.string().trim().min(3).max(LIMITS.phoneMax).regex(/^[+\d\s().-]+$/);
export const ZNotes = z.string().trim().max(LIMITS.notesMax);

export const ZCreateContactRequest = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  language: ZLanguageCode.optional(),
  startedAt: ZPastInstant,
  durationS: z.number().int().min(0).max(LIMITS.contactDurationMaxSeconds).optional(),
  contactType: z.enum(CONTACT_TYPES),
  callerRole: z.enum(CALLER_ROLES).optional(),
  /** codes of the organisation's active topic tree (checked by the server, not a fixed list) */
  topics: z
    .array(ZTopicCode)
    .max(LIMITS.topicsMax)
    .refine((codes) => new Set(codes).size === codes.length)
    .default([]),
  callerRegion: ZRegionCode.optional(),
  problemRegion: ZRegionCode.optional(),
  urgency: z.enum(URGENCIES).optional(),
  notes: ZNotes.optional(),
  outcome: z.enum(CONTACT_OUTCOMES).optional(),
  /** a known caller's phone: sealed, and recognised through a blind index */
  callerPhone: ZPhone.optional(),
  /** when to call back: a future instant (a contact that is only counted has none) */
  callbackDueAt: ZInstant.optional(),
});
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;

export const ZListContactsQuery = z.strictObject({
  /** defaults to the start of today (UTC+5, Kazakhstan) */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  type: z.enum(CONTACT_TYPES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type TListContactsQuery = z.infer<typeof ZListContactsQuery>;

/** `Idempotency-Key`: the same key twice stores one contact and answers the same. */
export const ZIdempotencyKey = z
  .string()
  .min(8)
  .max(LIMITS.idempotencyKeyMax)
  .regex(/^[\x21-\x7e]+$/);

export const ZAttachContactRequest = z.strictObject({ contactId: ZUuid });

/** PATCH /api/v1/contacts/{id}: the callback made, the crisis resolved (each only ever set, once). */
export const ZUpdateContactRequest = z
  .strictObject({
    callbackDone: z.literal(true).optional(),
    crisisResolved: z.literal(true).optional(),
  })
  .refine((v) => v.callbackDone || v.crisisResolved, { path: ['callbackDone'] });
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

// ---------------------------------------------------------------------------------------------
// The organisation's topic tree (hotline_topics): two levels, labels in the three staff languages.

export const TOPIC_LABEL_MAX = 120;
/** Topics and subtopics of one tree, retired ones included. */
export const TOPIC_TREE_MAX = 300;
const ZTopicLabel = z.string().trim().min(1).max(TOPIC_LABEL_MAX);
export const ZTopicLabels = z.strictObject({ ru: ZTopicLabel, kk: ZTopicLabel, en: ZTopicLabel });
export type TTopicLabels = z.infer<typeof ZTopicLabels>;

export const ZTopicNode = z.strictObject({
  code: ZTopicCode,
  /** null for a topic, the topic's code for a subtopic */
  parentCode: ZTopicCode.nullable(),
  labels: ZTopicLabels,
  /** order among its siblings */
  position: z.number().int().min(0).max(10_000),
  /** false: retired (hidden from the console; contacts keep the code) */
  active: z.boolean(),
});
export type TTopicNode = z.infer<typeof ZTopicNode>;

/**
 * PUT /api/v1/hotline/topics: the whole tree. Every code the organisation has stays in it (retire a
 * topic, never delete it); `version` is the one read, so a concurrent edit is refused, not lost.
 */
export const ZPutTopicsRequest = z.strictObject({
  topics: z.array(ZTopicNode).min(1).max(TOPIC_TREE_MAX),
  version: z.string().min(1).max(100),
});
export type TPutTopicsRequest = z.infer<typeof ZPutTopicsRequest>;

export const ZTopicsQuery = z.strictObject({
  /** `true`: retired topics too (for editing the tree; needs topic.manage) */
  includeRetired: z.enum(['true', 'false']).optional(),
});

export type TTopicTreeProblem = {
  /** index in the list */
  index: number;
  field: 'code' | 'parentCode';
  problem: 'duplicate' | 'unknownParent' | 'tooDeep';
};

/** What is wrong with a tree's shape: codes twice, a parent not in the tree, a third level. */
export function topicTreeProblems(nodes: readonly Pick<TTopicNode, 'code' | 'parentCode'>[]): TTopicTreeProblem[] {
  const problems: TTopicTreeProblem[] = [];
  const byCode = new Map<string, Pick<TTopicNode, 'code' | 'parentCode'>>();
  nodes.forEach((n, index) => {
    if (byCode.has(n.code)) problems.push({ index, field: 'code', problem: 'duplicate' });
    else byCode.set(n.code, n);
  });
  nodes.forEach((n, index) => {
    if (n.parentCode === null) return;
    const parent = byCode.get(n.parentCode);
    if (!parent || n.parentCode === n.code) problems.push({ index, field: 'parentCode', problem: 'unknownParent' });
    else if (parent.parentCode !== null) problems.push({ index, field: 'parentCode', problem: 'tooDeep' });
  });
  return problems;
}

/** Codes a contact may be filed under now: active topics and active subtopics of active topics. */
export function activeTopicCodes(nodes: readonly Pick<TTopicNode, 'code' | 'parentCode' | 'active'>[]): Set<string> {
  const active = new Set(nodes.filter((n) => n.active).map((n) => n.code));
  return new Set(
    nodes.filter((n) => n.active && (n.parentCode === null || active.has(n.parentCode))).map((n) => n.code),
  );
}

// ---------------------------------------------------------------------------------------------
// Caller flags

export const CALLER_FLAGS = ['abusive', 'at_risk'] as const;
export type TCallerFlagKind = (typeof CALLER_FLAGS)[number];

/**
 * POST /api/v1/hotline/caller-flags: flag a phone (kept only as a blind index), or the phone of a
 * logged contact (`contactId`), which the console uses since it never receives the phone back.
 */
export const ZCreateCallerFlagRequest = z
  .strictObject({
    phone: ZPhone.optional(),
    contactId: ZUuid.optional(),
    flag: z.enum(CALLER_FLAGS),
    note: z.string().trim().min(1).max(LIMITS.reasonMax).optional(),
    /** a future instant; without it the flag stays until cleared */
    expiresAt: ZInstant.optional(),
  })
  .refine((v) => (v.phone === undefined) !== (v.contactId === undefined), { path: ['phone'] });
export type TCreateCallerFlagRequest = z.infer<typeof ZCreateCallerFlagRequest>;
