// The referral SLA dashboard of coordinators (issue 4): totals, then one row per receiving
// organisation, since a chosen day (default: twelve months ago).
import { Button, Card, Flex, Grid, Text, TextField } from '@radix-ui/themes';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useReferralDashboard } from '../api/referral-dashboard';
import { useCan, useFullSession } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { FormField } from '../components/form-field';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { SlaTable } from '../features/referral-dashboard/sla-table';
import { useFormatDateTime, useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function ReferralDashboardPage() {
  const t = useT();
  const intl = useIntl();
  const formatDate = useFormatDateTime();
  const session = useFullSession();
  const allowed = useCan('referral.dashboard');
  const [params, setParams] = useSearchParams();
  const sinceParam = params.get('since');
  const since = sinceParam && DAY.test(sinceParam) ? sinceParam : undefined;
  const [draft, setDraft] = useState(since ?? '');
  const dashboard = useReferralDashboard(since);
  if (!allowed) return <NotFoundPage />;
  const d = dashboard.data;
  const totals: Array<[string, number, boolean]> = d
    ? [
        [t('refDash.totalSent'), d.totals.sent, false],
        [t('refDash.totalReceived'), d.totals.received, false],
        [t('refDash.totalOpen'), d.totals.open, false],
        [t('refDash.totalOverdue'), d.totals.overdue, d.totals.overdue > 0],
        [t('refDash.totalOverrides'), d.totals.overrides, false],
      ]
    : [];
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('refDash.title')} />
      <Text as="p" color="gray">
        {d?.scope === 'network' ? t('refDash.introNetwork') : t('refDash.introOrganisation')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams(params);
          if (draft && DAY.test(draft)) next.set('since', draft);
          else next.delete('since');
          setParams(next);
        }}
      >
        <Flex gap="2" align="end" wrap="wrap">
          <FormField label={t('refDash.since')} hint={t('refDash.sinceHint')}>
            {({ id, describedBy, invalid }) => (
              <TextField.Root
                id={id}
                type="date"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid="referral-dashboard-since"
              />
            )}
          </FormField>
          <Button type="submit" variant="soft">
            {t('refDash.apply')}
          </Button>
        </Flex>
      </form>
      <ErrorCallout error={dashboard.error} />
      {dashboard.isPending ? <Loading /> : null}
      {d ? (
        <>
          <Text as="p" size="2" color="gray" role="status">
            {t('refDash.period', { since: formatDate(d.since, 'date') ?? d.since })}
          </Text>
          <section aria-label={t('refDash.totals')}>
            <Grid columns={{ initial: '2', sm: '5' }} gap="3" asChild>
              <dl style={{ margin: 0 }}>
                {totals.map(([label, value, alert]) => (
                  <Card key={label} data-testid="referral-dashboard-total">
                    <Text asChild size="2" color="gray">
                      <dt>{label}</dt>
                    </Text>
                    <Text asChild size="6" weight="bold" color={alert ? 'red' : undefined}>
                      <dd style={{ margin: 0 }}>{intl.formatNumber(value)}</dd>
                    </Text>
                  </Card>
                ))}
              </dl>
            </Grid>
          </section>
          <Text as="p" size="2" color="gray">
            {t('refDash.explain')}
          </Text>
          {d.partners.length === 0 ? (
            <Text>{t('refDash.none')}</Text>
          ) : (
            <SlaTable
              partners={d.partners}
              ownOrgId={d.scope === 'organisation' ? session.user.orgId : null}
            />
          )}
        </>
      ) : null}
    </Flex>
  );
}
