/**
 * HTCDS v2.0 code lists as zod enums. The codes are the standard's picklist values exactly as
 * published (they are the exchange format, so they are never renamed, misspellings included:
 * `Unaquainted`). Labels in en/ru/kk are in ./labels.
 */
import { z } from 'zod';
import { HTCDS_FIELDS, type THtcdsField, type THtcdsFieldName } from './fields';

const F = HTCDS_FIELDS;

export const ZOrganisationType = z.enum(F.org_Type.values);
export const ZHtcdsGender = z.enum(F.prs_Gender.values);
export const ZMaritalStatus = z.enum(F.prs_MaritalStatus.values);
/** ISCED 2011 levels. */
export const ZEducationLevel = z.enum(F.prs_HighestLevelOfEducation.values);
export const ZTraffickingStatus = z.enum(F.vic_TraffickingStatus.values);
export const ZTraffickingStatusDecisionMaker = z.enum(F.vic_TraffickingStatusDecisionMakingOrg.values);
export const ZRelationshipToTrafficker = z.enum(F.vic_RelationshipToTrafficker.values);
/** Websites and apps of recruitment and of exploitation (one list in the standard, used twice). */
export const ZWebsiteOrApp = z.enum(F.vic_RecruitmentWebsitesAndApps.values);
export const ZRecruitmentMethod = z.enum(F.vic_MethodOfRecruitment.values);
export const ZMethodOfControl = z.enum(F.vic_MethodsOfControl.values);
export const ZTypeOfExploitation = z.enum(F.vic_TypeOfExploitation.values);
/** ISIC Rev. 4 sections A–U; the letter before `_` is the section (see ../isic.ts). */
export const ZForcedLabourIndustry = z.enum(F.vic_ForcedLabourIndustry.values);
export const ZSexExploitationType = z.enum(F.vic_TypeOfSexExploitation.values);
/** Deprecated in HTCDS v2.0; kept so older files still import. */
export const ZVulnerability = z.enum(F.vic_Vulnerabilities.values);
export const ZPerpetratorRole = z.enum(F.per_RoleInProcess.values);
export const ZCaseStatus = z.enum(F.cas_Status.values);
/** Reasons of incoming and outgoing referrals (one list in the standard, used twice). */
export const ZReasonForReferral = z.enum(F.cas_ReasonForIncomingReferral.values);
export const ZTraffickingEventType = z.enum(F.hte_Type.values);
export const ZSupportPlanType = z.enum(F.spl_Type.values);

export const HTCDS_CODE_LISTS = {
  organisationType: ZOrganisationType,
  gender: ZHtcdsGender,
  maritalStatus: ZMaritalStatus,
  educationLevel: ZEducationLevel,
  traffickingStatus: ZTraffickingStatus,
  traffickingStatusDecisionMaker: ZTraffickingStatusDecisionMaker,
  relationshipToTrafficker: ZRelationshipToTrafficker,
  websiteOrApp: ZWebsiteOrApp,
  recruitmentMethod: ZRecruitmentMethod,
  methodOfControl: ZMethodOfControl,
  typeOfExploitation: ZTypeOfExploitation,
  forcedLabourIndustry: ZForcedLabourIndustry,
  sexExploitationType: ZSexExploitationType,
  vulnerability: ZVulnerability,
  perpetratorRole: ZPerpetratorRole,
  caseStatus: ZCaseStatus,
  reasonForReferral: ZReasonForReferral,
  traffickingEventType: ZTraffickingEventType,
  supportPlanType: ZSupportPlanType,
} as const;

export type THtcdsCodeListId = keyof typeof HTCDS_CODE_LISTS;
export type THtcdsCode<L extends THtcdsCodeListId> = z.infer<(typeof HTCDS_CODE_LISTS)[L]>;
export const HTCDS_CODE_LIST_IDS = Object.keys(HTCDS_CODE_LISTS) as THtcdsCodeListId[];

export type THtcdsGender = THtcdsCode<'gender'>;
export type TTypeOfExploitation = THtcdsCode<'typeOfExploitation'>;
export type TMethodOfControl = THtcdsCode<'methodOfControl'>;
export type TRecruitmentMethod = THtcdsCode<'recruitmentMethod'>;
export type TCaseStatus = THtcdsCode<'caseStatus'>;
export type TSupportPlanType = THtcdsCode<'supportPlanType'>;

/** Fields whose values come from a list written out in the standard. */
export type THtcdsPicklistFieldName = {
  [N in THtcdsFieldName]: THtcdsField<N>['values'] extends readonly [] ? never : N;
}[THtcdsFieldName];

/** The code list of every picklist field (tsc fails if a picklist field is left out). */
export const HTCDS_CODE_LIST_OF_FIELD = {
  org_Type: 'organisationType',
  prs_Gender: 'gender',
  prs_MaritalStatus: 'maritalStatus',
  prs_HighestLevelOfEducation: 'educationLevel',
  vic_TraffickingStatus: 'traffickingStatus',
  vic_TraffickingStatusDecisionMakingOrg: 'traffickingStatusDecisionMaker',
  vic_RelationshipToTrafficker: 'relationshipToTrafficker',
  vic_RecruitmentWebsitesAndApps: 'websiteOrApp',
  vic_ExploitationWebsitesAndApps: 'websiteOrApp',
  vic_MethodOfRecruitment: 'recruitmentMethod',
  vic_MethodsOfControl: 'methodOfControl',
  vic_TypeOfExploitation: 'typeOfExploitation',
  vic_ForcedLabourIndustry: 'forcedLabourIndustry',
  vic_TypeOfSexExploitation: 'sexExploitationType',
  vic_Vulnerabilities: 'vulnerability',
  per_RoleInProcess: 'perpetratorRole',
  cas_Status: 'caseStatus',
  cas_ReasonForIncomingReferral: 'reasonForReferral',
  cas_ReasonForOutgoingReferral: 'reasonForReferral',
  hte_Type: 'traffickingEventType',
  spl_Type: 'supportPlanType',
} as const satisfies Record<THtcdsPicklistFieldName, THtcdsCodeListId>;

export function codeListOfField(name: THtcdsFieldName): THtcdsCodeListId | undefined {
  return (HTCDS_CODE_LIST_OF_FIELD as Partial<Record<THtcdsFieldName, THtcdsCodeListId>>)[name];
}

/** The codes of a list, in the order of the standard. */
export function codesOf<L extends THtcdsCodeListId>(list: L): readonly THtcdsCode<L>[] {
  return HTCDS_CODE_LISTS[list].options as readonly string[] as readonly THtcdsCode<L>[];
}

/** Matches a code written with other letter case or spaces ("forced labour" → ForcedLabour). */
export function findCode<L extends THtcdsCodeListId>(list: L, text: string): THtcdsCode<L> | undefined {
  const key = text.replace(/[\s_-]+/g, '').toLowerCase();
  return codesOf(list).find((c) => c.replace(/_/g, '').toLowerCase() === key);
}
