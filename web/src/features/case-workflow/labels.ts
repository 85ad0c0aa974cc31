// Labels of the workflow's codes in the UI language (HTCDS codes from shared/htcds/labels, the
// workflow's own lists from the catalogue) and the names of the people who recorded things.
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { HTCDS_LABELS } from '../../../../shared/htcds/labels';
import { appEn, type TAppKey } from '../../../../shared/i18n/app/en';
import { useOrganisationUsers } from '../../api/case-file';
import { useCan, useFullSession } from '../../api/session';
import { DATE_TIME_OPTIONS } from '../../i18n/intl-support';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

export type TWorkflowPrefix =
  | 'workflow.stage'
  | 'workflow.service'
  | 'workflow.risk'
  | 'workflow.serviceOutcome'
  | 'workflow.followUpMethod'
  | 'workflow.followUpOutcome'
  | 'workflow.approvalKind'
  | 'workflow.decision';

/** Labels of codes; a code the web app does not know (a newer server) is shown as it is. */
export function useWorkflowLabels() {
  const t = useT();
  const { locale } = useLocale();
  return useMemo(() => {
    const htcds = HTCDS_LABELS[locale];
    return {
      code: (prefix: TWorkflowPrefix, code: string | null | undefined): string => {
        if (!code) return '';
        const key = `${prefix}.${code}`;
        return key in appEn ? t(key as TAppKey) : code;
      },
      planType: (code: string): string => (htcds.supportPlanType as Record<string, string>)[code] ?? code,
      decisionMaker: (code: string): string =>
        (htcds.traffickingStatusDecisionMaker as Record<string, string>)[code] ?? code,
      caseStatus: (code: string): string => (htcds.caseStatus as Record<string, string>)[code] ?? code,
    };
  }, [t, locale]);
}

/** A calendar day (YYYY-MM-DD) in the UI locale, without a time zone shifting it to the day before. */
export function useFormatDay() {
  const intl = useIntl();
  const { locale } = useLocale();
  return useCallback(
    (day: string | null | undefined): string =>
      day
        ? intl.formatDate(`${day.slice(0, 10)}T00:00:00Z`, {
            ...DATE_TIME_OPTIONS(locale, 'date'),
            timeZone: 'UTC',
          })
        : '',
    [intl, locale],
  );
}

/**
 * The name of a user of the organisation: "you" for oneself, the full name when the reader may list
 * users, otherwise "a colleague" (case workers do not see the user list).
 */
export function useUserName() {
  const t = useT();
  const session = useFullSession();
  const users = useOrganisationUsers(useCan('user.list'));
  return useCallback(
    (userId: string | null | undefined): string => {
      if (!userId) return t('workflow.someone');
      if (userId === session.user.id) return t('workflow.you', { name: session.user.fullName });
      return users.data?.items.find((u) => u.id === userId)?.fullName ?? t('workflow.colleague');
    },
    [t, session.user.id, session.user.fullName, users.data],
  );
}
