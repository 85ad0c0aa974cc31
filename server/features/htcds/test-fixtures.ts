/**
 * HTCDS rows for tests: one that sets every field of the standard (Kazakh and Russian Cyrillic,
 * a multi-line text, quotes, commas), written in the canonical form an export writes, so an export
 * of what was imported must equal it cell for cell; and smaller rows around it.
 */
import { HTCDS_FIELD_NAMES, type THtcdsFieldName } from '../../../shared/htcds/fields';
import { htcdsCsvCell } from './csv';

export type THtcdsRow = Partial<Record<THtcdsFieldName, string>>;

export const FULL_ROW: Required<THtcdsRow> = {
  org_Name: 'ОФ «Сенім» Шымкент',
  org_ShippingCity: 'Шымкент',
  org_ShippingCountry: 'KZ',
  org_ShippingState: 'Шымкент қаласы',
  org_ShippingStreet: 'ул. Байтурсынова, 10',
  org_ShippingPostalCode: '160000',
  org_ShippingLongitude: '69.5901',
  org_ShippingLatitude: '42.3417',
  org_Phone: '+7 7252 00 00 00',
  org_Type: 'NGO',
  prs_Salutation: 'г-жа',
  prs_FirstName: 'Әйгерім',
  prs_MiddleName: 'Нұрланқызы',
  prs_SecondName: 'Сейітқалиева',
  prs_Birthdate: '1998-04-12',
  prs_Gender: 'Feminine',
  prs_Deceased: 'false',
  prs_MaritalStatus: 'Divorced',
  prs_NumberOfChildren: '2',
  prs_PrimaryLanguage: 'kaz',
  prs_SecondaryLanguage: 'rus',
  prs_HighestLevelOfEducation: 'UpperSecondaryEducation',
  prs_Citizenship: 'KAZ;UZB',
  prs_IdentityNumber: 'N12345678',
  prs_Title: 'тігінші',
  prs_Email: 'aigerim.s@example.kz',
  prs_HomePhone: '+7 7252 11 22 33',
  prs_MobilePhone: '+7 701 234 56 78',
  prs_MailingCity: 'Шымкент',
  prs_MailingCountry: 'KZ',
  prs_MailingState: 'Түркістан облысы',
  prs_MailingStreet: 'ул. Жандосова, 5, кв. 12',
  prs_MailingPostalCode: '160011',
  prs_MailingLongitude: '69.6012',
  prs_MailingLatitude: '42.3155',
  vic_AgreementToManagePersonalData: 'true',
  vic_TraffickingStatus: 'ActualVictimOfTrafficking',
  vic_TraffickingStatusDecisionMakingOrg: 'Police',
  vic_RelationshipToTrafficker: 'Acquainted',
  vic_AgeWhenTrafficked: '23',
  vic_RecruitmentWebsitesAndApps: 'Instagram;WhatsApp',
  vic_MethodOfRecruitment: 'ThroughOnlineSocialNetworks;ThroughFriendsOrSocialEvents',
  vic_LocationOfRecruitment: 'Шымкент',
  vic_MethodsOfControl: 'DebtBondage;WithholdsDocuments;ExcessiveWorkingHours',
  vic_TypeOfExploitation: 'ForcedLabour;SexualExploitation',
  vic_ForcedLabourIndustry: 'C_Manufacturing',
  vic_TypeOfSexExploitation: 'Prostitution',
  vic_LocationOfExploitation: 'Москва',
  vic_ExploitationWebsitesAndApps: 'Telegram',
  vic_Vulnerabilities: 'Poverty;Migration',
  vic_DetailsOfVulnerabilities: 'Долги семьи после болезни матери; потеря работы',
  per_RoleInProcess: 'RecruiterOrIntermediary;Exploiter',
  per_RoleDetails: 'Вербовщица — знакомая по работе, "посредник" в Москве',
  cas_Status: 'ClosedReferred',
  cas_ReasonForCaseClosure: 'Передана в НПО по месту жительства',
  cas_CaseOwner: 'Гүлнар Тілеубаева',
  cas_ReferringOrganisation: 'ДП г. Шымкент',
  cas_IncomingReferralDate: '2024-02-01',
  cas_ReferringPrimaryCaseWorker: 'Ержан Сапаров',
  cas_ReasonForIncomingReferral: 'AdditionalServicesRequired',
  cas_IncomingReferralDetails: 'Нужна юридическая помощь,\nи жильё на первое время',
  cas_ReferredOrganisation: 'ОФ «Родник»',
  cas_ReferredPrimaryCaseWorker: 'Мадина Ахметова',
  cas_ReasonForOutgoingReferral: 'MigrationOrChangeOfLocation',
  cas_OutgoingReferralDate: '2024-05-20',
  cas_OutgoingReferralDetails: 'Переезжает в Алматы',
  cco_CaseComment: 'Всё по плану: «документы восстановлены»',
  hte_Longitude: '37.6173',
  hte_Latitude: '55.7558',
  hte_City: 'Москва',
  hte_Country: 'RUS',
  hte_State: 'Москва',
  hte_Street: 'ул. Складская, 3',
  hte_PostalCode: '109000',
  hte_Date: '2023-03-15',
  hte_Type: 'Exploitation',
  hte_Description: 'Работала на швейной фабрике по 16 часов в день',
  spl_Objectives: 'Восстановить документы и найти жильё',
  spl_ActionPlan: '1) паспорт; 2) общежитие; 3) курсы',
  spl_PlannedEndDate: '2030-12-31',
  spl_ActualEndDate: '2024-06-30',
  spl_Type: 'Legal',
  con_Consent: 'true',
};

/** A Russian man recruited in Kazakhstan: no plan, consent refused, case active. */
export const SECOND_ROW: THtcdsRow = {
  org_Name: 'ОФ «Сенім» Шымкент',
  prs_FirstName: 'Иван',
  prs_MiddleName: 'Петрович',
  prs_SecondName: 'Сидоров',
  prs_Gender: 'Masculine',
  prs_Citizenship: 'RUS',
  prs_PrimaryLanguage: 'rus',
  vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
  vic_TypeOfExploitation: 'ForcedLabour',
  vic_ForcedLabourIndustry: 'F_Construction',
  cas_Status: 'Active',
  hte_Country: 'KAZ',
  hte_Date: '2024-09-01',
  hte_Type: 'Recruitment',
  con_Consent: 'false',
};

/** Almost nothing known: a follow-up case. */
export const THIRD_ROW: THtcdsRow = {
  org_Name: 'ОФ «Сенім» Шымкент',
  prs_Gender: 'NonSpecifiedUnknown',
  cas_Status: 'FollowUp',
};

/** A CSV (CRLF lines, the given columns or every field) of the rows; cells quoted as an export quotes them. */
export function htcdsCsv(rows: readonly THtcdsRow[], columns: readonly string[] = HTCDS_FIELD_NAMES): string {
  const lines = [columns.join(',')];
  for (const row of rows)
    lines.push(columns.map((c) => htcdsCsvCell((row as Record<string, string>)[c] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
