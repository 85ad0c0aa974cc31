// Small pieces every referral screen shows: the status badge, the deadline (overdue highlighted),
// the urgency, the "Personal" / "Sensitive" marks of a shareable part.
import { Badge, Flex, Text } from '@radix-ui/themes';
import type { TReferral, TReferralStatus, TShareableField } from '../../../../shared/schemas/referrals';
import { PERSONAL_FIELDS, SENSITIVE_FIELDS } from '../../../../shared/schemas/referrals';
import { useT } from '../../i18n/use-t';
import { useFormatDay } from '../case-file/labels';
import { useReferralLabels } from './labels';

const STATUS_COLOR: Record<TReferralStatus, 'blue' | 'green' | 'red' | 'gray' | 'amber' | 'teal'> = {
  sent: 'blue',
  accepted: 'teal',
  declined: 'red',
  completed: 'green',
  revoked: 'gray',
  expired: 'amber',
};

export function ReferralStatusBadge({ status }: { status: TReferralStatus }) {
  const labels = useReferralLabels();
  return (
    <Badge
      highContrast
      color={STATUS_COLOR[status] ?? 'gray'}
      data-testid="referral-status"
      data-status={status}
    >
      {labels.status(status)}
    </Badge>
  );
}

export function UrgencyText({ urgency }: { urgency: TReferral['urgency'] }) {
  const labels = useReferralLabels();
  return urgency === 'routine' ? (
    <Text>{labels.urgency(urgency)}</Text>
  ) : (
    <Badge highContrast color={urgency === 'immediate' ? 'red' : 'orange'}>
      {labels.urgency(urgency)}
    </Badge>
  );
}

export function DeadlineText({ deadline, overdue }: { deadline: string; overdue: boolean }) {
  const t = useT();
  const formatDay = useFormatDay();
  return (
    <Flex as="span" gap="2" align="center" display="inline-flex" wrap="wrap">
      <time dateTime={deadline}>{formatDay(deadline)}</time>
      {overdue ? (
        <Badge color="red" variant="solid" data-testid="overdue">
          {t('referrals.overdue')}
        </Badge>
      ) : null}
    </Flex>
  );
}

export function FieldMarks({ field }: { field: TShareableField }) {
  const t = useT();
  return (
    <>
      {PERSONAL_FIELDS.includes(field) ? (
        <Badge highContrast color="orange" size="1">
          {t('referrals.personal')}
        </Badge>
      ) : null}
      {SENSITIVE_FIELDS.includes(field) ? (
        <Badge highContrast color="red" size="1">
          {t('referrals.sensitive')}
        </Badge>
      ) : null}
    </>
  );
}

/** The answer of a referral in words: "Completed: Investigation opened". */
export function AnswerText({ referral }: { referral: Pick<TReferral, 'status' | 'answerCode'> }) {
  const labels = useReferralLabels();
  const answer = labels.answer(referral.status, referral.answerCode);
  return answer ? <Text data-testid="referral-answer">{answer}</Text> : null;
}
