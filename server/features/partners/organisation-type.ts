import type { TPartnerType } from '../../../shared/schemas/partners';
import type { TOrganisationType } from '../../../shared/roles';

/**
 * The app's organisation type for a partner type (a partner without Senim gets an organisations row
 * too). HTCDS types that have no kind of their own in the app go to the nearest one: government,
 * health and education bodies are state bodies; legal services and businesses are non-state.
 */
const BY_PARTNER_TYPE: Record<TPartnerType, TOrganisationType> = {
  NGO: 'ngo',
  LawEnforcement: 'police',
  HealthServiceOrganisation: 'state_body',
  CentralGovernmentOrganisation: 'state_body',
  LocalGovernmentOrganisation: 'state_body',
  ImmigrationService: 'state_body',
  LegalService: 'ngo',
  CorporateBusiness: 'ngo',
  SchoolOrCollege: 'state_body',
  TradeUnion: 'trade_union',
  InternationalOrganisation: 'international_organisation',
  Embassy: 'embassy',
  ProsecutorsOffice: 'prosecutor',
  MigrationPolice: 'police',
  CrisisCentre: 'crisis_centre',
};

export const organisationTypeOf = (t: TPartnerType): TOrganisationType => BY_PARTNER_TYPE[t];
