import { z } from 'zod';
import { LIMITS } from '../limits';
import { REGION_CODES } from '../regions';
import { ORGANISATION_TYPES } from '../roles';
import { ZVersion } from './common';

export const ZOrganisationName = z.string().trim().min(2).max(LIMITS.orgNameMax);
/** One of the 20 region codes of `shared/regions.ts` (names are translated where shown). */
export const ZRegion = z.enum(REGION_CODES);

export const ZCreateOrganisationRequest = z.strictObject({
  name: ZOrganisationName,
  type: z.enum(ORGANISATION_TYPES),
  region: ZRegion.nullable().optional(),
  requireTwoFactor: z.boolean().default(false),
});
export type TCreateOrganisationRequest = z.infer<typeof ZCreateOrganisationRequest>;

export const ZUpdateOrganisationRequest = z.strictObject({
  name: ZOrganisationName.optional(),
  region: ZRegion.nullable().optional(),
  requireTwoFactor: z.boolean().optional(),
  version: ZVersion,
});
export type TUpdateOrganisationRequest = z.infer<typeof ZUpdateOrganisationRequest>;

export const ZAuditQuery = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  action: z.string().max(64).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
});
