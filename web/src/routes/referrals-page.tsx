// Referrals received (inbox) and sent: a status filter, "overdue only", pages by a keyset cursor
// ("Load more"). The box and filters are in the address, so a reload or a link keeps them.
import { Button, Flex, Tabs, Text } from '@radix-ui/themes';
import { useSearchParams } from 'react-router';
import { REFERRAL_STATUSES, type TReferralStatus } from '../../../shared/schemas/referrals';
import { useReferralList, type TReferralFilters } from '../api/referrals';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { FormField } from '../components/form-field';
import { Loading } from '../components/loading';
import { NativeSelect } from '../components/native-select';
import { PageTitle } from '../components/page-title';
import { useReferralLabels } from '../features/referrals/labels';
import { ReferralTable } from '../features/referrals/referral-table';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

export default function ReferralsPage() {
  const t = useT();
  const labels = useReferralLabels();
  const canRead = useCan('referral.read');
  const [params, setParams] = useSearchParams();
  const box: TReferralFilters['box'] = params.get('box') === 'sent' ? 'sent' : 'inbox';
  const asked = params.get('status');
  const status = REFERRAL_STATUSES.includes(asked as TReferralStatus)
    ? (asked as TReferralStatus)
    : undefined;
  const overdue = params.get('overdue') === 'true' ? 'true' : undefined;
  const list = useReferralList({ box, status, overdue }, canRead);
  if (!canRead) return <NotFoundPage />;

  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const content = (
    <Flex direction="column" gap="4">
      <Flex gap="4" align="end" wrap="wrap">
        <FormField label={t('referrals.filter.status')}>
          {({ id }) => (
            <NativeSelect
              id={id}
              value={status ?? ''}
              onChange={(e) => set('status', e.target.value || undefined)}
              data-testid="status-filter"
            >
              <option value="">{t('referrals.filter.anyStatus')}</option>
              {REFERRAL_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {labels.status(code)}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <Text as="label" size="2">
          <Flex gap="2" align="center" pb="2">
            <input
              type="checkbox"
              checked={overdue === 'true'}
              onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}
              data-testid="overdue-filter"
            />
            {t('referrals.filter.overdue')}
          </Flex>
        </Text>
      </Flex>
      <ErrorCallout error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <Text>{t('referrals.none')}</Text> : null}
      {items.length > 0 ? (
        <ReferralTable
          referrals={items}
          caption={box === 'inbox' ? t('referrals.box.inbox') : t('referrals.box.sent')}
          showOutcome
        />
      ) : null}
      {list.hasNextPage ? (
        <Flex>
          <Button
            type="button"
            variant="soft"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            data-testid="load-more"
          >
            {t('referrals.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('referrals.title')} />
      <Text as="p" color="gray">
        {t('referrals.intro')}
      </Text>
      <Tabs.Root
        value={box}
        onValueChange={(value) => set('box', value === 'sent' ? 'sent' : undefined)}
        activationMode="manual"
      >
        <Tabs.List aria-label={t('referrals.box')}>
          <Tabs.Trigger value="inbox" data-testid="box-inbox">
            {t('referrals.box.inbox')}
          </Tabs.Trigger>
          <Tabs.Trigger value="sent" data-testid="box-sent">
            {t('referrals.box.sent')}
          </Tabs.Trigger>
        </Tabs.List>
        {(['inbox', 'sent'] as const).map((value) => (
          <Tabs.Content key={value} value={value} mt="4">
            {value === box ? content : null}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </Flex>
  );
}
