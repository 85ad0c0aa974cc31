import { z } from 'zod';
import { ZPersonInput } from './cases';
import { ZUuid } from './common';

// Duplicate persons (issue 5): the check before saving, the review list, and the merge.

/** Identity fields a merge can take from either record. */
export const MERGE_FIELDS = [
  'givenName',
  'familyName',
  'middleName',
  'birthDate',
  'phone',
  'documentNumber',
  'address',
  'sex',
  'citizenship',
  'migrationStatus',
] as const;
export type TMergeField = (typeof MERGE_FIELDS)[number];

export const ZDuplicateCheckRequest = z.strictObject({
  person: ZPersonInput,
  /** the person being edited, which is not its own duplicate */
  excludePersonId: ZUuid.optional(),
});
export type TDuplicateCheckRequest = z.infer<typeof ZDuplicateCheckRequest>;

export const DUPLICATE_REASON_FIELDS = ['name', 'givenName', 'familyName', 'birthDate', 'phone', 'documentNumber'] as const;
export const DUPLICATE_STRENGTHS = ['exact', 'strong', 'partial'] as const;

export const ZDuplicateReason = z.object({
  field: z.enum(DUPLICATE_REASON_FIELDS),
  strength: z.enum(DUPLICATE_STRENGTHS),
  /** similarity in [0, 1] of the keyed encodings (1 for equal identifiers) */
  similarity: z.number(),
});
export type TDuplicateReason = z.infer<typeof ZDuplicateReason>;

export const ZPersonBrief = z.object({
  id: z.string().uuid(),
  /** null unless the reader may see identity fields */
  identity: z
    .object({
      givenName: z.string().nullable(),
      familyName: z.string().nullable(),
      middleName: z.string().nullable(),
      birthDate: z.string().nullable(),
      phone: z.string().nullable(),
      documentNumber: z.string().nullable(),
      address: z.string().nullable(),
    })
    .nullable(),
  sex: z.string().nullable(),
  citizenship: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  migrationStatus: z.string().nullable(),
  cases: z.array(z.object({ id: z.string().uuid(), caseNumber: z.string(), status: z.string() })),
  contacts: z.number().int(),
});
export type TPersonBrief = z.infer<typeof ZPersonBrief>;

export const ZDuplicateCandidate = z.object({
  person: ZPersonBrief,
  score: z.number(),
  reasons: z.array(ZDuplicateReason),
});
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;

export const ZDuplicateCheckResponse = z.object({ candidates: z.array(ZDuplicateCandidate) });
export type TDuplicateCheckResponse = z.infer<typeof ZDuplicateCheckResponse>;

export const ZDuplicatePair = z.object({
  a: ZPersonBrief,
  b: ZPersonBrief,
  score: z.number(),
  reasons: z.array(ZDuplicateReason),
  foundAt: z.string(),
});
export const ZDuplicatePairs = z.object({ items: z.array(ZDuplicatePair), total: z.number().int() });
export type TDuplicatePairs = z.infer<typeof ZDuplicatePairs>;

export const ZMergeRequest = z
  .strictObject({
    keepId: ZUuid,
    mergeId: ZUuid,
    /** fields whose value is taken from the merged record (the others keep the kept record's) */
    take: z.array(z.enum(MERGE_FIELDS)).max(MERGE_FIELDS.length).default([]),
  })
  .refine((v) => v.keepId !== v.mergeId, { path: ['mergeId'], message: 'samePerson' });
export type TMergeRequest = z.infer<typeof ZMergeRequest>;

export const ZMerge = z.object({
  id: z.string().uuid(),
  keptPersonId: z.string().uuid(),
  mergedPersonId: z.string().uuid(),
  fields: z.array(z.string()),
  movedCases: z.number().int(),
  movedContacts: z.number().int(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type TMerge = z.infer<typeof ZMerge>;
