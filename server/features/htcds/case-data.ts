/**
 * One HTCDS record ↔ one Senim case, without a database: where every HTCDS field is kept (the
 * table in docs/HTCDS.md says the same in words). Import checks what Senim's own schemas accept
 * (the limits the case file screens apply), so an imported case can be edited like any other;
 * export is the inverse, so a record survives import → export → import → export unchanged.
 *
 * One row is one case: its person, victim context, sealed texts, one historic trafficking event
 * (hte_*), one support plan (spl_*) and one consent (con_Consent).
 */
import { z } from 'zod';
import { ZOrganisationType, ZReasonForReferral, type TCaseStatus } from '../../../shared/htcds/code-lists';
import type { THtcdsFieldName } from '../../../shared/htcds/fields';
import { emptyHtcdsRecord, type THtcdsAnyValue, type THtcdsRecord } from '../../../shared/htcds/record';
import { groupOfField } from '../../../shared/htcds/fields';
import {
  ZCaseSensitive,
  ZPersonExtra,
  ZPersonProfile,
  ZSupportPlanInput,
  ZTraffickingEventInput,
  ZVictimContext,
  type TCaseSensitive,
  type TPersonExtra,
  type TPersonProfile,
  type TTraffickingEventInput,
  type TVictimContext,
} from '../../../shared/schemas/case-file';
import { ZPersonInput, type TPersonInput } from '../../../shared/schemas/cases';
import { LIMITS } from '../../../shared/limits';
import { quoteCell, type THtcdsRowError, type THtcdsRowErrorCode } from './build-record';
import { toAlpha2, toAlpha3, toLanguage3 } from './iso-codes';

const ZHText = z.string().trim().min(1).max(255);
const ZHDate = z.iso.date();

/** The source organisation of an imported record (org_*), kept as written. */
export const ZHtcdsOrganisation = z.strictObject({
  name: ZHText.optional(),
  shippingCity: ZHText.optional(),
  shippingCountry: ZHText.optional(),
  shippingState: ZHText.optional(),
  shippingStreet: ZHText.optional(),
  shippingPostalCode: ZHText.optional(),
  shippingLongitude: z.number().min(-180).max(180).optional(),
  shippingLatitude: z.number().min(-90).max(90).optional(),
  phone: ZHText.optional(),
  type: ZOrganisationType.optional(),
});

/**
 * cases.htcds_extra: HTCDS fields Senim does not otherwise model, kept for round trips — the case
 * owner's name, the referral details' organisations, workers, reasons and dates, and the source
 * organisation. Their long texts are sealed in cases.sensitive_sealed instead.
 */
export const ZHtcdsExtra = z.strictObject({
  caseOwner: ZHText.optional(),
  referringOrganisation: ZHText.optional(),
  incomingReferralDate: ZHDate.optional(),
  referringPrimaryCaseWorker: ZHText.optional(),
  reasonForIncomingReferral: ZReasonForReferral.optional(),
  referredOrganisation: ZHText.optional(),
  referredPrimaryCaseWorker: ZHText.optional(),
  reasonForOutgoingReferral: ZReasonForReferral.optional(),
  outgoingReferralDate: ZHDate.optional(),
  organisation: ZHtcdsOrganisation.optional(),
});
export type THtcdsExtra = z.infer<typeof ZHtcdsExtra>;

/** The support plan of a row: HTCDS has one type per plan, Senim a list (the first is exported). */
export type THtcdsPlan = z.infer<typeof ZSupportPlanInput>;

/** One case as Senim stores it, in the shapes of the case file's shared schemas. */
export interface THtcdsCaseData {
  person: TPersonInput;
  extra: TPersonExtra;
  profile: TPersonProfile;
  status: TCaseStatus;
  closureReason: string | null;
  victim: TVictimContext;
  sensitive: TCaseSensitive;
  htcdsExtra: THtcdsExtra;
  event: TTraffickingEventInput | null;
  plan: THtcdsPlan | null;
  /** con_Consent: true = a consent that agrees to store_data; false = store_data explained, not agreed */
  consent: boolean | null;
}

type TPart =
  'person' | 'extra' | 'profile' | 'victim' | 'sensitive' | 'htcdsExtra' | 'organisation' | 'event' | 'plan';

/** Fields converted by hand below (codes converted, one field split in two places, …). */
type TSpecialField =
  | 'prs_Citizenship'
  | 'prs_PrimaryLanguage'
  | 'prs_SecondaryLanguage'
  | 'prs_MailingCountry'
  | 'hte_Country'
  | 'spl_Type'
  | 'con_Consent'
  | 'cas_Status'
  | 'cas_ReasonForCaseClosure';

/** Fields kept as they are, each in one place (tsc fails if a field of the standard is left out). */
const SIMPLE = {
  org_Name: ['organisation', 'name'],
  org_ShippingCity: ['organisation', 'shippingCity'],
  org_ShippingCountry: ['organisation', 'shippingCountry'],
  org_ShippingState: ['organisation', 'shippingState'],
  org_ShippingStreet: ['organisation', 'shippingStreet'],
  org_ShippingPostalCode: ['organisation', 'shippingPostalCode'],
  org_ShippingLongitude: ['organisation', 'shippingLongitude'],
  org_ShippingLatitude: ['organisation', 'shippingLatitude'],
  org_Phone: ['organisation', 'phone'],
  org_Type: ['organisation', 'type'],
  prs_Salutation: ['extra', 'salutation'],
  prs_FirstName: ['person', 'givenName'],
  prs_MiddleName: ['person', 'middleName'],
  prs_SecondName: ['person', 'familyName'],
  prs_Birthdate: ['person', 'birthDate'],
  prs_Gender: ['person', 'sex'],
  prs_Deceased: ['profile', 'deceased'],
  prs_MaritalStatus: ['profile', 'maritalStatus'],
  prs_NumberOfChildren: ['profile', 'numberOfChildren'],
  prs_HighestLevelOfEducation: ['profile', 'education'],
  prs_IdentityNumber: ['person', 'documentNumber'],
  prs_Title: ['extra', 'title'],
  prs_Email: ['extra', 'email'],
  prs_HomePhone: ['extra', 'homePhone'],
  prs_MobilePhone: ['person', 'phone'],
  prs_MailingCity: ['extra', 'mailingCity'],
  prs_MailingState: ['extra', 'mailingState'],
  prs_MailingStreet: ['extra', 'mailingStreet'],
  prs_MailingPostalCode: ['extra', 'mailingPostalCode'],
  prs_MailingLongitude: ['extra', 'mailingLongitude'],
  prs_MailingLatitude: ['extra', 'mailingLatitude'],
  vic_AgreementToManagePersonalData: ['victim', 'agreementToManagePersonalData'],
  vic_TraffickingStatus: ['victim', 'traffickingStatus'],
  vic_TraffickingStatusDecisionMakingOrg: ['victim', 'statusDecisionMaker'],
  vic_RelationshipToTrafficker: ['victim', 'relationshipToTrafficker'],
  vic_AgeWhenTrafficked: ['victim', 'ageWhenTrafficked'],
  vic_RecruitmentWebsitesAndApps: ['victim', 'recruitmentWebsites'],
  vic_MethodOfRecruitment: ['victim', 'recruitmentMethods'],
  vic_LocationOfRecruitment: ['victim', 'recruitmentLocation'],
  vic_MethodsOfControl: ['victim', 'methodsOfControl'],
  vic_TypeOfExploitation: ['victim', 'typesOfExploitation'],
  vic_ForcedLabourIndustry: ['victim', 'forcedLabourIndustry'],
  vic_TypeOfSexExploitation: ['victim', 'sexExploitationTypes'],
  vic_LocationOfExploitation: ['victim', 'exploitationLocation'],
  vic_ExploitationWebsitesAndApps: ['victim', 'exploitationWebsites'],
  vic_Vulnerabilities: ['victim', 'vulnerabilities'],
  vic_DetailsOfVulnerabilities: ['sensitive', 'vulnerabilityDetails'],
  per_RoleInProcess: ['victim', 'perpetratorRoles'],
  per_RoleDetails: ['sensitive', 'perpetratorRoleDetails'],
  cas_CaseOwner: ['htcdsExtra', 'caseOwner'],
  cas_ReferringOrganisation: ['htcdsExtra', 'referringOrganisation'],
  cas_IncomingReferralDate: ['htcdsExtra', 'incomingReferralDate'],
  cas_ReferringPrimaryCaseWorker: ['htcdsExtra', 'referringPrimaryCaseWorker'],
  cas_ReasonForIncomingReferral: ['htcdsExtra', 'reasonForIncomingReferral'],
  cas_IncomingReferralDetails: ['sensitive', 'incomingReferralDetails'],
  cas_ReferredOrganisation: ['htcdsExtra', 'referredOrganisation'],
  cas_ReferredPrimaryCaseWorker: ['htcdsExtra', 'referredPrimaryCaseWorker'],
  cas_ReasonForOutgoingReferral: ['htcdsExtra', 'reasonForOutgoingReferral'],
  cas_OutgoingReferralDate: ['htcdsExtra', 'outgoingReferralDate'],
  cas_OutgoingReferralDetails: ['sensitive', 'outgoingReferralDetails'],
  cco_CaseComment: ['sensitive', 'comment'],
  hte_Longitude: ['event', 'longitude'],
  hte_Latitude: ['event', 'latitude'],
  hte_City: ['event', 'city'],
  hte_State: ['event', 'state'],
  hte_Street: ['event', 'street'],
  hte_PostalCode: ['event', 'postalCode'],
  hte_Date: ['event', 'date'],
  hte_Type: ['event', 'type'],
  hte_Description: ['event', 'description'],
  spl_Objectives: ['plan', 'objectives'],
  spl_ActionPlan: ['plan', 'actionPlan'],
  spl_PlannedEndDate: ['plan', 'plannedEnd'],
  spl_ActualEndDate: ['plan', 'actualEnd'],
} as const satisfies Record<Exclude<THtcdsFieldName, TSpecialField>, readonly [TPart, string]>;

const SIMPLE_ENTRIES = Object.entries(SIMPLE) as Array<[THtcdsFieldName, readonly [TPart, string]]>;

/** The field a value of Senim's storage came from: `part.key` → field (for error messages). */
const FIELD_OF_PATH = new Map<string, THtcdsFieldName>([
  ...SIMPLE_ENTRIES.map(([f, [part, key]]) => [`${part}.${key}`, f] as [string, THtcdsFieldName]),
  ['person.citizenship', 'prs_Citizenship'],
  ['profile.otherCitizenships', 'prs_Citizenship'],
  ['person.languages', 'prs_PrimaryLanguage'],
  ['profile.primaryLanguage', 'prs_PrimaryLanguage'],
  ['profile.secondaryLanguage', 'prs_SecondaryLanguage'],
  ['extra.mailingCountry', 'prs_MailingCountry'],
  ['event.country', 'hte_Country'],
  ['plan.types', 'spl_Type'],
  ['closureReason', 'cas_ReasonForCaseClosure'],
]);

type TRowProblem = Omit<THtcdsRowError, 'line' | 'column'>;
export type THtcdsCaseDataResult = { ok: true; data: THtcdsCaseData } | { ok: false; errors: TRowProblem[] };

type TValues = Record<string, THtcdsAnyValue | undefined>;
const groupsOf = (record: THtcdsRecord) => record as unknown as Record<string, TValues>;
const valueOf = (record: THtcdsRecord, field: THtcdsFieldName) =>
  groupsOf(record)[groupOfField(field)]?.[field];

function problem(
  field: THtcdsFieldName | undefined,
  code: THtcdsRowErrorCode,
  message: string,
  value?: string,
  params?: Record<string, string | number>,
): TRowProblem {
  return {
    ...(field ? { field } : {}),
    code,
    message: field ? `${field}: ${message}` : message,
    ...(value !== undefined ? { value: quoteCell(value) } : {}),
    ...(params ? { params } : {}),
  };
}

/** What a schema of the case file refused, named by the HTCDS field it came from. */
function schemaProblems(prefix: string, error: z.ZodError, input: unknown): TRowProblem[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.filter((p) => typeof p === 'string')]
      .filter((p) => p !== '')
      .join('.');
    const field = FIELD_OF_PATH.get(path) ?? FIELD_OF_PATH.get(path.split('.').slice(0, 2).join('.'));
    let v: unknown = input;
    for (const key of issue.path)
      v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
    const value = typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    const key = path.split('.').pop() ?? '';
    if (issue.code === 'too_big' && issue.origin === 'string')
      return problem(
        field,
        'tooLongHere',
        `longer than Senim keeps (${String(issue.maximum)} characters)`,
        value,
        {
          max: Number(issue.maximum),
        },
      );
    if (issue.code === 'too_big' && issue.origin === 'array')
      return problem(field, 'tooManyValues', `more than ${String(issue.maximum)} values`, undefined, {
        max: Number(issue.maximum),
      });
    if (issue.code === 'custom' && issue.message === 'inFuture')
      return problem(field, 'futureDate', 'in the future', value);
    if (key === 'phone' || key === 'homePhone')
      return problem(field, 'badPhone', 'not a phone number', value);
    if (issue.code === 'invalid_format' && issue.format === 'email')
      return problem(field, 'badEmail', 'not an e-mail address', value);
    return problem(field, 'notAccepted', issue.message, value);
  });
}

function check<T>(
  schema: z.ZodType<T>,
  prefix: string,
  input: unknown,
  errors: TRowProblem[],
): T | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  errors.push(...schemaProblems(prefix, parsed.error, input));
  return undefined;
}

const isEmpty = (o: object) => Object.keys(o).length === 0;

/** An HTCDS record → the case Senim stores, or the reasons it cannot be stored. */
export function htcdsToCaseData(record: THtcdsRecord): THtcdsCaseDataResult {
  const parts: Record<TPart, Record<string, unknown>> = {
    person: {},
    extra: {},
    profile: {},
    victim: {},
    sensitive: {},
    htcdsExtra: {},
    organisation: {},
    event: {},
    plan: {},
  };
  for (const [field, [part, key]] of SIMPLE_ENTRIES) {
    const v = valueOf(record, field);
    if (v !== undefined) parts[part][key] = v;
  }
  const errors: TRowProblem[] = [];

  const citizenships: string[] = [];
  for (const code of (valueOf(record, 'prs_Citizenship') as string[] | undefined) ?? []) {
    const a3 = toAlpha3(code);
    if (!a3)
      errors.push(
        problem('prs_Citizenship', 'unknownCountry', `"${code}" is not an ISO 3166-1 country`, code),
      );
    else if (!citizenships.includes(a3)) citizenships.push(a3);
  }
  if (citizenships[0]) parts.person.citizenship = citizenships[0];
  if (citizenships.length > 1) parts.profile.otherCitizenships = citizenships.slice(1);

  const languages: string[] = [];
  for (const [field, key] of [
    ['prs_PrimaryLanguage', 'primaryLanguage'],
    ['prs_SecondaryLanguage', 'secondaryLanguage'],
  ] as const) {
    const code = valueOf(record, field) as string | undefined;
    if (code === undefined) continue;
    const l3 = toLanguage3(code);
    if (!l3) {
      errors.push(problem(field, 'unknownLanguage', `"${code}" is not an ISO 639 language`, code));
      continue;
    }
    parts.profile[key] = l3;
    if (!languages.includes(l3)) languages.push(l3);
  }
  if (languages.length > 0) parts.person.languages = languages;

  const mailingCountry = valueOf(record, 'prs_MailingCountry') as string | undefined;
  if (mailingCountry !== undefined) {
    const a3 = toAlpha3(mailingCountry);
    if (!a3)
      errors.push(
        problem(
          'prs_MailingCountry',
          'unknownCountry',
          `"${mailingCountry}" is not an ISO 3166-1 country`,
          mailingCountry,
        ),
      );
    else parts.extra.mailingCountry = a3;
  }
  const eventCountry = valueOf(record, 'hte_Country') as string | undefined;
  if (eventCountry !== undefined) {
    const a3 = toAlpha3(eventCountry);
    if (!a3)
      errors.push(
        problem(
          'hte_Country',
          'unknownCountry',
          `"${eventCountry}" is not an ISO 3166-1 country code`,
          eventCountry,
        ),
      );
    else parts.event.country = a3;
  }
  const planType = valueOf(record, 'spl_Type') as string | undefined;
  if (planType !== undefined) parts.plan.types = [planType];

  if (!isEmpty(parts.event) && parts.event.type === undefined)
    errors.push(problem('hte_Type', 'eventTypeRequired', 'required when other hte_ fields are given'));
  if (!isEmpty(parts.plan) && parts.plan.types === undefined)
    errors.push(problem('spl_Type', 'planTypeRequired', 'required when other spl_ fields are given'));
  if (!isEmpty(parts.organisation)) parts.htcdsExtra.organisation = parts.organisation;

  const closureReason = valueOf(record, 'cas_ReasonForCaseClosure') as string | undefined;
  const reasonMax = LIMITS.closureReasonMax;
  const trimmedReason = closureReason?.trim();
  if (trimmedReason !== undefined && trimmedReason.length > reasonMax) {
    errors.push(
      problem(
        'cas_ReasonForCaseClosure',
        'tooLongHere',
        `longer than Senim keeps (${reasonMax} characters)`,
        closureReason,
        {
          max: reasonMax,
        },
      ),
    );
  }

  const person = check(ZPersonInput, 'person', parts.person, errors);
  const extra = check(ZPersonExtra, 'extra', parts.extra, errors);
  const profile = check(ZPersonProfile, 'profile', parts.profile, errors);
  const victim = check(ZVictimContext, 'victim', parts.victim, errors);
  const sensitive = check(ZCaseSensitive, 'sensitive', parts.sensitive, errors);
  const htcdsExtra = check(ZHtcdsExtra, 'htcdsExtra', parts.htcdsExtra, errors);
  const event =
    isEmpty(parts.event) || parts.event.type === undefined
      ? null
      : (check(ZTraffickingEventInput, 'event', parts.event, errors) ?? null);
  const plan =
    isEmpty(parts.plan) || parts.plan.types === undefined
      ? null
      : (check(ZSupportPlanInput, 'plan', parts.plan, errors) ?? null);
  if (errors.length > 0 || !person || !extra || !profile || !victim || !sensitive || !htcdsExtra) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    data: {
      person,
      extra,
      profile,
      status: (valueOf(record, 'cas_Status') as TCaseStatus | undefined) ?? 'Active',
      closureReason: trimmedReason ?? null,
      victim,
      sensitive,
      htcdsExtra,
      event,
      plan,
      consent: (valueOf(record, 'con_Consent') as boolean | undefined) ?? null,
    },
  };
}

/** A case as Senim stores it → its HTCDS record (every field Senim holds a value for). */
export function caseDataToHtcds(data: THtcdsCaseData): THtcdsRecord {
  const record = emptyHtcdsRecord();
  const groups = groupsOf(record);
  const set = (field: THtcdsFieldName, value: THtcdsAnyValue | undefined | null) => {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return;
    const group = groups[groupOfField(field)];
    if (group) group[field] = value;
  };
  const parts: Record<TPart, Record<string, unknown>> = {
    person: data.person,
    extra: data.extra,
    profile: data.profile,
    victim: data.victim,
    sensitive: data.sensitive,
    htcdsExtra: data.htcdsExtra,
    organisation: data.htcdsExtra.organisation ?? {},
    event: data.event ?? {},
    plan: data.plan ?? {},
  };
  for (const [field, [part, key]] of SIMPLE_ENTRIES)
    set(field, parts[part][key] as THtcdsAnyValue | undefined);

  const citizenships = [data.person.citizenship, ...(data.profile.otherCitizenships ?? [])].filter(
    (c): c is string => c !== undefined,
  );
  set('prs_Citizenship', [...new Set(citizenships)]);
  // Languages: the profile's primary and secondary; a person entered on screen may only have the list.
  const { primaryLanguage, secondaryLanguage } = data.profile;
  if (primaryLanguage !== undefined || secondaryLanguage !== undefined) {
    set('prs_PrimaryLanguage', primaryLanguage);
    set('prs_SecondaryLanguage', secondaryLanguage);
  } else {
    set('prs_PrimaryLanguage', data.person.languages?.[0]);
    set('prs_SecondaryLanguage', data.person.languages?.[1]);
  }
  // The standard writes the mailing country with two letters; Senim keeps three.
  const mailing = data.extra.mailingCountry;
  set('prs_MailingCountry', mailing === undefined ? undefined : (toAlpha2(mailing) ?? mailing));
  set('hte_Country', data.event?.country);
  set('spl_Type', data.plan?.types[0]);
  set('con_Consent', data.consent);
  set('cas_Status', data.status);
  set('cas_ReasonForCaseClosure', data.closureReason);
  return record;
}
