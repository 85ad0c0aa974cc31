import { z } from 'zod';
import { ZCaseStatus, ZHtcdsGender } from '../htcds/code-lists';
import { LIMITS } from '../limits';
import { ZUuid, ZVersion } from './common';
import { ZLanguageCode, ZPhone, ZRegionCode } from './contacts';

export const CASE_STAGES = ['new', 'assessment', 'support_plan', 'services', 'follow_up', 'closed'] as const;
export type TCaseStage = (typeof CASE_STAGES)[number];
/** Migration and protection status of a person. */
export const MIGRATION_STATUSES = [
  'citizen',
  'labour_migrant',
  'irregular',
  'asylum_seeker',
  'refugee',
  'stateless',
  'returnee',
  'other',
  'unknown',
] as const;
export const CLOSED_STATUSES = ['Closed', 'ClosedReferred'] as const;

const today = () => new Date().toISOString().slice(0, 10);
/** A calendar date (YYYY-MM-DD), not in the future, not before 1900. */
export const ZBirthDate = z.iso
  .date()
  .refine((s) => s <= today(), { message: 'inFuture' })
  .refine((s) => s >= '1900-01-01');
/** ISO 3166-1 alpha-3 (KAZ, UZB, KGZ, TJK …). */
export const ZCountryCode = z.string().regex(/^[A-Z]{3}$/);
const ZNamePart = z.string().trim().min(1).max(LIMITS.nameMax);

export const ZPersonInput = z.strictObject({
  givenName: ZNamePart.optional(),
  familyName: ZNamePart.optional(),
  middleName: ZNamePart.optional(),
  birthDate: ZBirthDate.optional(),
  phone: ZPhone.optional(),
  documentNumber: z.string().trim().min(1).max(LIMITS.documentNumberMax).optional(),
  address: z.string().trim().min(1).max(LIMITS.addressMax).optional(),
  sex: ZHtcdsGender.optional(),
  citizenship: ZCountryCode.optional(),
  languages: z.array(ZLanguageCode).max(LIMITS.languagesMax).optional(),
  migrationStatus: z.enum(MIGRATION_STATUSES).optional(),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

/** A case from scratch (with a person) or from a contact (whose person is linked or created). */
export const ZCreateCaseRequest = z.strictObject({
  contactId: ZUuid.optional(),
  person: ZPersonInput.optional(),
  region: ZRegionCode.optional(),
  assignedUserId: ZUuid.optional(),
});
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

export const ZUpdateCaseRequest = z.strictObject({
  status: ZCaseStatus.optional(),
  stage: z.enum(CASE_STAGES).optional(),
  assignedUserId: ZUuid.nullable().optional(),
  region: ZRegionCode.nullable().optional(),
  closureReason: z.string().trim().min(1).max(LIMITS.closureReasonMax).optional(),
  version: ZVersion,
});
export type TUpdateCaseRequest = z.infer<typeof ZUpdateCaseRequest>;

export const CASE_SORTS = [
  '-openedAt',
  'openedAt',
  '-caseNumber',
  'caseNumber',
  '-updatedAt',
  'updatedAt',
] as const;
/** Words of a name search; more would only narrow to nothing. */
export const CASE_SEARCH_MAX_WORDS = 6;
/**
 * The case list. `q` is one search text: a case number (KZ-2026-000123), a phone, a document
 * number, or name words in any script (exact words; a word ending in `*` is a prefix, matched on
 * its first three letters). `openedFrom`/`openedTo` are calendar days in Kazakhstan time, inclusive.
 */
export const ZListCasesQuery = z
  .strictObject({
    q: z.string().trim().min(2).max(LIMITS.nameMax).optional(),
    status: ZCaseStatus.optional(),
    region: ZRegionCode.optional(),
    /** a user id, or `me` */
    assigned: z.union([z.literal('me'), ZUuid]).optional(),
    openedFrom: z.iso.date().optional(),
    openedTo: z.iso.date().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
    sort: z.enum(CASE_SORTS).default('-openedAt'),
  })
  .refine((v) => !v.openedFrom || !v.openedTo || v.openedFrom <= v.openedTo, { path: ['openedTo'] });
export type TListCasesQuery = z.infer<typeof ZListCasesQuery>;
