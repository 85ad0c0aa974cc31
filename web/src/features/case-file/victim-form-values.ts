// The victim-context form: what its controls hold (from the case) and the PUT request made of it.
import type { TVictimContext } from '../../../../shared/schemas/case-file';
import type { TCaseFile } from '../../api/case-file';
import { list, num, str, text } from './form-values';

export type TVictimListKey = {
  [K in keyof TVictimContext]-?: NonNullable<TVictimContext[K]> extends readonly unknown[] ? K : never;
}[keyof TVictimContext];
export type TVictimFormValues = {
  victim: Record<TVictimListKey, string[]> & {
    traffickingStatus: string;
    statusDecisionMaker: string;
    forcedLabourIndustry: string;
    recruitmentLocation: string;
    exploitationLocation: string;
    relationshipToTrafficker: string;
    ageWhenTrafficked: string;
    agreementToManagePersonalData: boolean;
  };
};

export function victimFormValues(c: TCaseFile): TVictimFormValues {
  const v = c.victim;
  return {
    victim: {
      traffickingStatus: str(v.traffickingStatus),
      statusDecisionMaker: str(v.statusDecisionMaker),
      typesOfExploitation: v.typesOfExploitation ?? [],
      forcedLabourIndustry: str(v.forcedLabourIndustry),
      sexExploitationTypes: v.sexExploitationTypes ?? [],
      methodsOfControl: v.methodsOfControl ?? [],
      recruitmentMethods: v.recruitmentMethods ?? [],
      recruitmentLocation: str(v.recruitmentLocation),
      exploitationLocation: str(v.exploitationLocation),
      recruitmentWebsites: v.recruitmentWebsites ?? [],
      exploitationWebsites: v.exploitationWebsites ?? [],
      relationshipToTrafficker: str(v.relationshipToTrafficker),
      ageWhenTrafficked: str(v.ageWhenTrafficked),
      vulnerabilities: v.vulnerabilities ?? [],
      perpetratorRoles: v.perpetratorRoles ?? [],
      agreementToManagePersonalData: v.agreementToManagePersonalData ?? false,
    },
  };
}

/** The request, unchecked: the shared schema validates it. */
export function victimRequest({ victim: v }: TVictimFormValues, version: number) {
  return {
    victim: {
      traffickingStatus: text(v.traffickingStatus),
      statusDecisionMaker: text(v.statusDecisionMaker),
      typesOfExploitation: list(v.typesOfExploitation),
      forcedLabourIndustry: text(v.forcedLabourIndustry),
      sexExploitationTypes: list(v.sexExploitationTypes),
      methodsOfControl: list(v.methodsOfControl),
      recruitmentMethods: list(v.recruitmentMethods),
      recruitmentLocation: text(v.recruitmentLocation),
      exploitationLocation: text(v.exploitationLocation),
      recruitmentWebsites: list(v.recruitmentWebsites),
      exploitationWebsites: list(v.exploitationWebsites),
      relationshipToTrafficker: text(v.relationshipToTrafficker),
      ageWhenTrafficked: num(v.ageWhenTrafficked),
      vulnerabilities: list(v.vulnerabilities),
      perpetratorRoles: list(v.perpetratorRoles),
      agreementToManagePersonalData: v.agreementToManagePersonalData || undefined,
    },
    version,
  };
}
