// The directory's search and filters live in the URL (a link or the back button brings them back):
// read leniently (a value that is not valid is left out), write only what is set.
import { REGION_CODES } from '../../../../shared/regions';
import {
  MEMBERSHIP_STATES,
  PARTNER_LANGUAGES,
  PARTNER_SERVICES,
  PARTNER_TYPES,
  type TPartnerQuery,
} from '../../../../shared/schemas/partners';

export const FILTER_KEYS = ['q', 'service', 'region', 'language', 'type', 'usesSenim', 'membership'] as const;
export type TPartnerFilters = Record<(typeof FILTER_KEYS)[number], string>;

export const EMPTY_PARTNER_FILTERS: TPartnerFilters = {
  q: '',
  service: '',
  region: '',
  language: '',
  type: '',
  usesSenim: '',
  membership: '',
};

const oneOf = (value: string | null, allowed: readonly string[]) =>
  value && allowed.includes(value) ? value : '';

export function readPartnerFilters(params: URLSearchParams): TPartnerFilters {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    service: oneOf(params.get('service'), PARTNER_SERVICES),
    region: oneOf(params.get('region'), REGION_CODES),
    language: oneOf(params.get('language'), PARTNER_LANGUAGES),
    type: oneOf(params.get('type'), PARTNER_TYPES),
    usesSenim: oneOf(params.get('usesSenim'), ['true', 'false']),
    membership: oneOf(params.get('membership'), MEMBERSHIP_STATES),
  };
}

export function writePartnerFilters(filters: TPartnerFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) out.set(key, value);
  }
  return out;
}

export const isFiltered = (filters: TPartnerFilters) => FILTER_KEYS.some((key) => filters[key] !== '');

/** The API query: only what is set (the URL was read leniently, so every value is valid). */
export function toPartnerQuery(filters: TPartnerFilters): TPartnerQuery {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (filters[key]) out[key] = filters[key];
  return out;
}
