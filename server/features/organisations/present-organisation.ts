import { z } from '@hono/zod-openapi';
import { REGION_CODES } from '../../../shared/regions';
import { ACTIONS, ORGANISATION_TYPES, type TOrganisationType } from '../../../shared/roles';
import type { TActor } from '../../access/actor';
import { permittedActions } from '../../access/policies';

export const ZOrganisation = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    // A region code; organisations saved before the code list existed may still hold free text,
    // which is presented as it is (a request can only set a code).
    region: z
      .union([z.enum(REGION_CODES), z.string().openapi({ description: 'free text saved before region codes' })])
      .nullable()
      .openapi({ description: 'a region code (shared/regions.ts), or older free text', example: 'almaty' }),
    requireTwoFactor: z.boolean(),
    isActive: z.boolean(),
    isNetworkCoordinator: z.boolean(),
    version: z.number().int(),
    actions: z.array(z.enum(ACTIONS)),
  })
  .openapi('Organisation');
export type TOrganisation = z.infer<typeof ZOrganisation>;

export type TOrganisationRow = {
  id: string;
  name: string;
  type: TOrganisationType;
  region: string | null;
  require_two_factor: boolean;
  is_active: boolean;
  is_network_coordinator: boolean;
  version: number;
};

export const ORGANISATION_COLUMNS = 'id, name, type, region, require_two_factor, is_active, is_network_coordinator, version';

export function presentOrganisation(actor: TActor, row: TOrganisationRow): TOrganisation {
  const own = row.id === actor.orgId;
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    region: row.region,
    requireTwoFactor: row.require_two_factor,
    isActive: row.is_active,
    isNetworkCoordinator: row.is_network_coordinator,
    version: row.version,
    actions: permittedActions(actor, own ? ['organisation.update'] : []).concat(
      actor.isNetworkAdmin && !own ? ['organisation.update'] : [],
    ),
  };
}
