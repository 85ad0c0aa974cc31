/**
 * How the CTDC (Counter Trafficking Data Collaborative, IOM) data sets correspond to HTCDS
 * fields and our codes (which are the HTCDS codes). Two formats:
 *  - the 27-column Global Synthetic Dataset (codebook v2, February 2024), the format of regional
 *    data exchange; CTDC flags are "1" or blank (blank = missing, not 0);
 *  - the 16-column Global Synthetic Victim-Perpetrator dataset (condensed; multi-valued cells
 *    joined with ";").
 * Several CTDC columns merge HTCDS codes (meansThreats = three methods of control), so export to
 * CTDC is exact and import from CTDC is lossy: an import keeps the first code of a merged group.
 * Source: Counter Trafficking Data Collaborative (CTDC), Global Synthetic Dataset and Global
 * Synthetic Victim-Perpetrator Dataset, https://www.ctdatacollaborative.org (terms of use: cite
 * CTDC; no re-identification).
 */
import { HTCDS_CODE_LIST_OF_FIELD, codesOf, type THtcdsCode } from '../../../shared/htcds/code-lists';
import type { THtcdsFieldName } from '../../../shared/htcds/fields';
import { emptyHtcdsRecord, type THtcdsRecord } from '../../../shared/htcds/record';

type TCoded = typeof HTCDS_CODE_LIST_OF_FIELD;
type TCodedField = keyof TCoded;

export interface TCtdcColumn {
  column: string;
  /** flag: "1" when the record has any of `codes` in `field`; value: a coded value; derived:
   * computed from HTCDS fields; none: no HTCDS counterpart. */
  kind: 'flag' | 'value' | 'derived' | 'none';
  field?: THtcdsFieldName;
  codes?: readonly string[];
  note?: string;
}

function flag<F extends TCodedField>(
  column: string,
  field: F,
  codes: ReadonlyArray<THtcdsCode<TCoded[F]>>,
  note?: string,
): TCtdcColumn {
  return note ? { column, kind: 'flag', field, codes, note } : { column, kind: 'flag', field, codes };
}
const other = (
  column: string,
  kind: 'value' | 'derived' | 'none',
  note: string,
  field?: THtcdsFieldName,
): TCtdcColumn => (field ? { column, kind, field, note } : { column, kind, note });

const MC = 'vic_MethodsOfControl';
const TE = 'vic_TypeOfExploitation';
const FLI = 'vic_ForcedLabourIndustry';
const OTHER_EXPLOITATION = codesOf('typeOfExploitation').filter(
  (c) => c !== 'ForcedLabour' && c !== 'SexualExploitation',
);

/** CTDC gender (27-column) ↔ HTCDS prs_Gender. */
export const CTDC_GENDER: Record<string, ReadonlyArray<THtcdsCode<'gender'>>> = {
  Woman: ['Feminine'],
  Man: ['Masculine'],
  'Trans/Transgender/NonConforming': ['TransgenderFeminine', 'TransgenderMasculine', 'NonConforming'],
};

/** The 27 columns of the CTDC Global Synthetic Dataset, in order. */
export const CTDC_GLOBAL_COLUMNS: readonly TCtdcColumn[] = [
  other('yearOfRegistration', 'derived', 'year the case was opened (not an HTCDS field)'),
  other('gender', 'value', 'see CTDC_GENDER; NonSpecifiedUnknown → blank', 'prs_Gender'),
  other(
    'ageBroad',
    'derived',
    'age band at registration from prs_Birthdate: 0–8, 9–17, 18–20, …, 48+',
    'prs_Birthdate',
  ),
  other('citizenship', 'value', 'ISO 3166-1 alpha-3 (HTCDS accepts alpha-2 or alpha-3)', 'prs_Citizenship'),
  other(
    'CountryOfExploitation',
    'derived',
    'hte_Country of the event whose hte_Type is Exploitation',
    'hte_Country',
  ),
  other(
    'traffickMonths',
    'derived',
    'months from the first Recruitment event (hte_Date) to the last Exploitation event',
    'hte_Date',
  ),
  flag('meansDebtBondageEarnings', MC, ['DebtBondage', 'TakesEarnings']),
  flag('meansThreats', MC, ['PhysicalThreats', 'ThreatensChildrenFamily', 'ThreatsLawEnforcement']),
  flag('meansAbusePsyPhySex', MC, ['PsychologicalAbuse', 'PhysicalAbuse', 'SexualAbuse']),
  flag('meansFalsePromises', MC, ['FalsePromises']),
  flag('meansDrugsAlcohol', MC, ['PsychoactiveSubstance']),
  flag(
    'meansDenyBasicNeeds',
    MC,
    ['RestrictsFinancialAccess', 'RestrictsMedicalCare', 'WithholdsNecessities'],
    'CTDC also merges "restricts movement", which HTCDS has no code for',
  ),
  flag('meansExcessiveWorkHours', MC, ['ExcessiveWorkingHours']),
  flag('meansWithholdDocs', MC, ['WithholdsDocuments'], 'named meansWithholdDocuments in the codebook text'),
  flag('isForcedLabour', TE, ['ForcedLabour']),
  flag('isSexualExploit', TE, ['SexualExploitation']),
  flag('isOtherExploit', TE, OTHER_EXPLOITATION),
  flag(
    'typeOfLabourAgriculture',
    FLI,
    ['A_AgricultureForestryAndFishing'],
    'CTDC: ISIC A division 01 only; HTCDS: all of section A',
  ),
  flag('typeOfLabourConstruction', FLI, ['F_Construction']),
  flag('typeOfLabourDomesticWork', FLI, ['T_ActivitiesOfHouseholdsAsEmployers']),
  flag('typeOfLabourHospitality', FLI, ['I_AccommodationAndFoodServiceActivities']),
  flag('typeOfSexProstitution', 'vic_TypeOfSexExploitation', ['Prostitution']),
  flag('typeOfSexPornography', 'vic_TypeOfSexExploitation', ['Pornography']),
  other(
    'recruiterRelationIntimatePartner',
    'none',
    'HTCDS has no intimate-partner code; imported as Acquainted',
    'vic_RelationshipToTrafficker',
  ),
  flag('recruiterRelationFriend', 'vic_RelationshipToTrafficker', ['Acquainted']),
  flag('recruiterRelationFamily', 'vic_RelationshipToTrafficker', ['Familial']),
  flag(
    'recruiterRelationOther',
    'vic_RelationshipToTrafficker',
    ['Unaquainted'],
    'CTDC "other" includes brokers and employers',
  ),
];

/** CTDC condensed relation (IP_Relation) ↔ vic_RelationshipToTrafficker, closest first. */
export const CTDC_RELATION: Record<string, THtcdsCode<'relationshipToTrafficker'>> = {
  FamilyIntimatePartner: 'Familial',
  FriendAcquaintance: 'Acquainted',
  StrangerUnknownOther: 'Unaquainted',
};

const PR = 'per_RoleInProcess';
/** The 16 columns of the condensed Victim-Perpetrator dataset (IP_ = the perpetrator). */
export const CTDC_VICTIM_PERPETRATOR_COLUMNS: readonly TCtdcColumn[] = [
  other('yearRegister', 'derived', 'banded year the case was opened (2005-2013, 2014-2018, 2019, …)'),
  other('gender', 'value', 'Female → Feminine, Male → Masculine', 'prs_Gender'),
  other('majorityStatus', 'derived', 'Adult/Minor from prs_Birthdate at registration', 'prs_Birthdate'),
  flag('isForcedLabour', TE, ['ForcedLabour']),
  flag('isSexualExploit', TE, ['SexualExploitation']),
  other('UN_COO_Region', 'derived', 'UN M49 region of prs_Citizenship', 'prs_Citizenship'),
  other('UN_COE_Region', 'derived', 'UN M49 region of the Exploitation event’s hte_Country', 'hte_Country'),
  flag('IP_Exploiter', PR, ['Exploiter']),
  other(
    'IP_Gender',
    'value',
    'the perpetrator’s prs_Gender; "Female;Male" = several perpetrators',
    'prs_Gender',
  ),
  other('IP_ageBroad', 'derived', 'the perpetrator’s age band from prs_Birthdate', 'prs_Birthdate'),
  other(
    'IP_citizen_UNRegion',
    'derived',
    'UN M49 region of the perpetrator’s prs_Citizenship',
    'prs_Citizenship',
  ),
  other('IP_Relation', 'value', 'see CTDC_RELATION', 'vic_RelationshipToTrafficker'),
  other('IP_PayMoney', 'none', 'whether money changed hands with the perpetrator: no HTCDS field'),
  flag('IP_RecruiterBroker', PR, ['RecruiterOrIntermediary', 'BrokerTravelAgent']),
  flag('IP_TransactionProcess', PR, [
    'Transporter',
    'TransferredIndividual',
    'HarbouredIndividual',
    'SoldIndividual',
    'BoughtIndividual',
    'ReceivedIndividual',
  ]),
  flag('IP_ControlAbuseKidnap', PR, ['ControlledIndividual', 'Abuser', 'Kidnapper']),
];

const multi = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function setFlags(
  target: THtcdsRecord,
  columns: readonly TCtdcColumn[],
  row: Readonly<Record<string, string>>,
) {
  const groups = target as unknown as Record<string, Record<string, string[] | string>>;
  for (const c of columns) {
    if (c.kind !== 'flag' || !c.field || !c.codes?.[0] || row[c.column] !== '1') continue;
    const group = c.field.startsWith('per_') ? groups.perpetratorContext : groups.victimContext;
    if (!group) continue;
    if (c.field === 'vic_RelationshipToTrafficker' || c.field === 'vic_ForcedLabourIndustry') {
      group[c.field] ??= c.codes[0];
    } else {
      const list = (group[c.field] as string[] | undefined) ?? [];
      if (!list.includes(c.codes[0])) list.push(c.codes[0]);
      group[c.field] = list;
    }
  }
}

/**
 * One row of the 16-column Victim-Perpetrator dataset → the victim's and the perpetrator's
 * HTCDS records. Merged CTDC groups keep their first HTCDS code; a multi-valued relation keeps
 * the closest one (family, then acquaintance, then stranger).
 */
export function ctdcVictimPerpetratorToHtcds(row: Readonly<Record<string, string>>): {
  victim: THtcdsRecord;
  perpetrator: THtcdsRecord;
} {
  const victim = emptyHtcdsRecord();
  const perpetrator = emptyHtcdsRecord();
  const gender = { Female: 'Feminine', Male: 'Masculine' } as const;
  const g = row.gender;
  if (g === 'Female' || g === 'Male') victim.person.prs_Gender = gender[g];
  const ipGender = multi(row.IP_Gender);
  const ip = ipGender[0];
  if (ipGender.length === 1 && (ip === 'Female' || ip === 'Male')) perpetrator.person.prs_Gender = gender[ip];
  setFlags(
    victim,
    CTDC_VICTIM_PERPETRATOR_COLUMNS.filter((c) => c.field?.startsWith('vic_')),
    row,
  );
  setFlags(
    perpetrator,
    CTDC_VICTIM_PERPETRATOR_COLUMNS.filter((c) => c.field?.startsWith('per_')),
    row,
  );
  const relations = multi(row.IP_Relation).map((r) => CTDC_RELATION[r]);
  const closest = (['Familial', 'Acquainted', 'Unaquainted'] as const).find((r) => relations.includes(r));
  if (closest) victim.victimContext.vic_RelationshipToTrafficker = closest;
  return { victim, perpetrator };
}

/** The CTDC 27-column flag cells ("1" or blank) and gender of a victim's HTCDS record. */
export function htcdsToCtdcGlobalFlags(record: THtcdsRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const values = { ...record.victimContext } as Record<string, string | string[] | undefined>;
  for (const c of CTDC_GLOBAL_COLUMNS) {
    if (c.kind !== 'flag' || !c.field) continue;
    const v = values[c.field];
    const have = v === undefined ? [] : Array.isArray(v) ? v : [v];
    out[c.column] = c.codes?.some((code) => have.includes(code)) ? '1' : '';
  }
  const g = record.person.prs_Gender;
  out.gender =
    Object.entries(CTDC_GENDER).find(([, codes]) => g !== undefined && codes.includes(g))?.[0] ?? '';
  return out;
}
