// One referral: the header (reference, from → to, status, deadline), what the reader may do, what was
// shared, updates shared later and the steps. A referral outside the reader's organisation is a 404:
// the not-found page.
import { ArrowLeftIcon } from '@radix-ui/react-icons';
import { Button, Card, Flex, Grid, Text } from '@radix-ui/themes';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useReferral } from '../api/referrals';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { useReferralLabels } from '../features/referrals/labels';
import { ReferralActions } from '../features/referrals/referral-actions';
import { DeadlineText, ReferralStatusBadge, UrgencyText } from '../features/referrals/referral-bits';
import {
  ReferralFacts,
  ReferralSteps,
  SharedSnapshot,
  SharedUpdates,
} from '../features/referrals/referral-view';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

export default function ReferralPage() {
  const t = useT();
  const labels = useReferralLabels();
  const { id = '' } = useParams();
  const canRead = useCan('referral.read');
  const referral = useReferral(id, canRead);
  if (!canRead) return <NotFoundPage />;
  const error = referral.error;
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFoundPage />;
  const r = referral.data;
  const ownCase = r ? (r.side === 'sender' ? r.fromCaseId : r.toCaseId) : null;
  return (
    <Flex direction="column" gap="4">
      <Link to={r?.side === 'sender' ? '/referrals?box=sent' : '/referrals'} className="back-link no-print">
        <ArrowLeftIcon aria-hidden /> {t('referrals.detail.back')}
      </Link>
      {referral.isPending ? <Loading /> : null}
      <ErrorCallout error={error} />
      {r ? (
        <>
          <Flex direction="column" gap="2" data-testid="referral-header">
            <PageTitle title={t('referrals.detail.title', { reference: r.reference })}>
              <span data-testid="referral-reference">
                {t('referrals.detail.title', { reference: r.reference })}
              </span>
            </PageTitle>
            <Text size="3" data-testid="referral-parties">
              {t('referrals.detail.fromTo', { from: labels.name(r.from.names), to: labels.name(r.to.names) })}
            </Text>
            <Flex gap="3" align="center" wrap="wrap">
              <ReferralStatusBadge status={r.status} />
              <UrgencyText urgency={r.urgency} />
              <Text size="2">
                {t('referrals.col.deadline')}: <DeadlineText deadline={r.deadline} overdue={r.overdue} />
              </Text>
              {ownCase ? (
                <Button asChild variant="soft" size="1">
                  <Link to={`/cases/${ownCase}`} data-testid="referral-own-case">
                    {r.side === 'sender'
                      ? t('referrals.detail.openSenderCase')
                      : t('referrals.detail.openOwnCase')}
                  </Link>
                </Button>
              ) : null}
            </Flex>
          </Flex>
          <Grid columns={{ initial: '1', md: '2' }} gap="4" align="start">
            <Card size="3">
              <ReferralFacts referral={r} />
            </Card>
            <Card size="3">
              <ReferralActions referral={r} onReload={() => referral.refetch()} />
            </Card>
          </Grid>
          <SharedSnapshot referral={r} />
          <SharedUpdates referral={r} />
          <ReferralSteps referral={r} />
        </>
      ) : null}
    </Flex>
  );
}
