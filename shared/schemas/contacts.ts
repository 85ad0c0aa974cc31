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

export const ZPhone = z.string().trim().min(3).max(LIMITS.phoneMax).regex(/^[+\d\s().-]+$/);
export const ZNotes = z.string().trim().max(LIMITS.notesMax);

export const ZCreateContactRequest = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  language: ZLanguageCode.optional(),
  startedAt: ZPastInstant,
  durationS: z.number().int().min(0).max(LIMITS.contactDurationMaxSeconds).optional(),
  contactType: z.enum(CONTACT_TYPES),
  callerRole: z.enum(CALLER_ROLES).optional(),
  topics: z.array(z.enum(CONTACT_TOPICS)).max(LIMITS.topicsMax).default([]),
  callerRegion: ZRegionCode.optional(),
  problemRegion: ZRegionCode.optional(),
  urgency: z.enum(URGENCIES).optional(),
  notes: ZNotes.optional(),
  outcome: z.enum(CONTACT_OUTCOMES).optional(),
  /** a known caller's phone: sealed, and recognised through a blind index */
  callerPhone: ZPhone.optional(),
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
