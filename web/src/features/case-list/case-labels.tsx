// Labels of a case's status (HTCDS code list) and stage, in the UI language; unknown codes as they are.
import { Badge } from '@radix-ui/themes';
import { ZCaseStatus } from '../../../../shared/htcds/code-lists';
import { htcdsLabel } from '../../../../shared/htcds/labels';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import { appEn } from '../../../../shared/i18n/app/en';
import type { TStaffLocale } from '../../../../shared/locales';
import { useLocale } from '../../i18n/locale-provider';
import type { TTranslate } from '../../i18n/use-t';

export function caseStatusLabel(locale: TStaffLocale, status: string): string {
  const parsed = ZCaseStatus.safeParse(status);
  return parsed.success ? htcdsLabel(locale, 'caseStatus', parsed.data) : status;
}

export function caseStageLabel(t: TTranslate, stage: string): string {
  const key = `caseList.stage.${stage}`;
  return key in appEn ? t(key as TAppKey) : stage;
}

const STATUS_COLOURS: Record<string, 'green' | 'blue' | 'gray'> = {
  Active: 'green',
  FollowUp: 'blue',
  Closed: 'gray',
  ClosedReferred: 'gray',
};

export function CaseStatusBadge({ status }: { status: string }) {
  const { locale } = useLocale();
  return <Badge color={STATUS_COLOURS[status] ?? 'gray'}>{caseStatusLabel(locale, status)}</Badge>;
}
