// A page of referrals: reference (to the referral), the other party, urgency, deadline (overdue
// highlighted), status and answer. The same table serves the inbox, the sent box and a case's tab.
import { Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import type { TReferral } from '../../../../shared/schemas/referrals';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { useReferralLabels } from './labels';
import { AnswerText, DeadlineText, ReferralStatusBadge, UrgencyText } from './referral-bits';

export function ReferralTable({
  referrals,
  caption,
  showOutcome = false,
}: {
  referrals: TReferral[];
  caption: string;
  showOutcome?: boolean;
}) {
  const t = useT();
  const labels = useReferralLabels();
  const formatDateTime = useFormatDateTime();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="referrals-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('referrals.col.reference')}</th>
            <th scope="col">{t('referrals.col.partner')}</th>
            <th scope="col">{t('referrals.col.urgency')}</th>
            <th scope="col">{t('referrals.col.deadline')}</th>
            <th scope="col">{t('referrals.col.status')}</th>
            {showOutcome ? <th scope="col">{t('referrals.col.outcome')}</th> : null}
            <th scope="col">{t('referrals.col.sent')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => {
            const partner = r.side === 'sender' ? r.to : r.from;
            return (
              <tr key={r.id} data-referral-id={r.id} className={r.overdue ? 'referral-overdue' : undefined}>
                <th scope="row">
                  <Link to={`/referrals/${r.id}`}>{r.reference}</Link>
                </th>
                <td>
                  {labels.name(partner.names)}
                  {r.delivery === 'letter' ? (
                    <Text size="1" color="gray">
                      {' '}
                      ({t('referrals.viaLetter')})
                    </Text>
                  ) : null}
                </td>
                <td>
                  <UrgencyText urgency={r.urgency} />
                </td>
                <td>
                  <DeadlineText deadline={r.deadline} overdue={r.overdue} />
                </td>
                <td>
                  <ReferralStatusBadge status={r.status} />
                </td>
                {showOutcome ? (
                  <td>
                    <AnswerText referral={r} />
                  </td>
                ) : null}
                <td>
                  <time dateTime={r.sentAt}>{formatDateTime(r.sentAt, 'date')}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
