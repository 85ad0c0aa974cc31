/**
 * The HTCDS v2.0 field list as types and lookups. The data comes from fields.generated.ts
 * (generated from IOM's field list, CC BY 4.0 © IOM; see that file's header).
 */
import { HTCDS_FIELDS } from './fields.generated';

export { HTCDS_FIELDS, HTCDS_ASSESSMENT_EXAMPLE_QUESTIONS } from './fields.generated';

export type THtcdsFieldName = keyof typeof HTCDS_FIELDS;
export type THtcdsField<N extends THtcdsFieldName = THtcdsFieldName> = (typeof HTCDS_FIELDS)[N];
export type THtcdsFieldKind = THtcdsField['kind'];
export type THtcdsSection = THtcdsField['section'];

/** Field names in the order of the standard (the column order of an HTCDS export). */
export const HTCDS_FIELD_NAMES = Object.keys(HTCDS_FIELDS) as THtcdsFieldName[];

export function isHtcdsFieldName(name: string): name is THtcdsFieldName {
  return Object.prototype.hasOwnProperty.call(HTCDS_FIELDS, name);
}

/** The field's definition; widened so callers can read optional properties uniformly. */
export function getHtcdsField(name: THtcdsFieldName): {
  section: THtcdsSection;
  label: string;
  type: string;
  kind: THtcdsFieldKind;
  core: boolean;
  status: 'DRAFT' | 'DEPRECATED';
  values: readonly string[];
  standard?: string;
  lookupTo?: string;
} {
  return HTCDS_FIELDS[name];
}

/**
 * Where each section's fields live in an imported record. "Referral Details" fields carry the
 * case prefix `cas_` in the standard but form their own group here.
 */
export const HTCDS_GROUP_OF_SECTION = {
  Organization: 'organisation',
  Person: 'person',
  'Person - Victim Context': 'victimContext',
  'Person - Perpetrator Context': 'perpetratorContext',
  Case: 'case',
  'Referral Details': 'referral',
  'Case Comment': 'caseComment',
  'Historic Trafficking Events': 'traffickingEvent',
  'Support Plan': 'supportPlan',
  Consent: 'consent',
} as const satisfies Record<THtcdsSection, string>;

export type THtcdsGroup = (typeof HTCDS_GROUP_OF_SECTION)[THtcdsSection];
export const HTCDS_GROUPS = [...new Set(Object.values(HTCDS_GROUP_OF_SECTION))] as THtcdsGroup[];

export type TFieldsOfGroup<G extends THtcdsGroup> = {
  [N in THtcdsFieldName]: (typeof HTCDS_GROUP_OF_SECTION)[THtcdsField<N>['section']] extends G ? N : never;
}[THtcdsFieldName];

export function groupOfField(name: THtcdsFieldName): THtcdsGroup {
  return HTCDS_GROUP_OF_SECTION[HTCDS_FIELDS[name].section];
}

/** Fields still in the standard (deprecated ones are read on import but not written by default). */
export const HTCDS_CURRENT_FIELD_NAMES = HTCDS_FIELD_NAMES.filter(
  (n) => HTCDS_FIELDS[n].status !== 'DEPRECATED',
);
