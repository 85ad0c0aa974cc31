// Partner directory (issue 4): search, filters, map by region.
import { PlusIcon } from '@radix-ui/react-icons';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { Link, useSearchParams } from 'react-router';
import { usePartners } from '../api/partners';
import { useCan, useFullSession } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';
import { PartnerFilters } from '../features/partners/partner-filters';
import { PartnersTable } from '../features/partners/partners-table';
import { RegionMap } from '../features/partners/region-map';
import {
  isFiltered,
  readPartnerFilters,
  toPartnerQuery,
  writePartnerFilters,
  type TPartnerFilters,
} from '../features/partners/list-params';
import { NotFoundPage } from './not-found-page';

export default function NetworkPage() {
  const t = useT();
  const session = useFullSession();
  const canRead = useCan('partner.read');
  const canUpdateOwn = useCan('partner.update');
  const isNetworkAdmin = useCan('partner.approve');
  const [params, setParams] = useSearchParams();
  const filters = readPartnerFilters(params);
  const partners = usePartners(toPartnerQuery(filters), canRead);
  const pending = usePartners({ membership: 'pending' }, canRead && isNetworkAdmin);
  if (!canRead) return <NotFoundPage />;

  // each change is a history entry: the back button returns to the previous search
  const go = (next: TPartnerFilters) => setParams(writePartnerFilters(next));
  const list = partners.data;

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start" wrap="wrap" gap="3">
        <PageTitle title={t('partners.title')} />
        <Flex gap="2" wrap="wrap">
          {canUpdateOwn ? (
            <Button asChild variant="soft">
              <Link to={`/network/${session.user.orgId}`} data-testid="my-entry">
                {t('partners.myEntry')}
              </Link>
            </Button>
          ) : null}
          <Button asChild variant="soft">
            <Link to="/network/memoranda">{t('partners.memoranda')}</Link>
          </Button>
          {isNetworkAdmin ? (
            <Button asChild>
              <Link to="/network/new">
                <PlusIcon aria-hidden />
                {t('partners.addOffline')}
              </Link>
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Text as="p" color="gray">
        {t('partners.intro')}
      </Text>

      {isNetworkAdmin ? (
        <Card size="2">
          <section aria-labelledby="pending-heading" data-testid="pending-partners">
            <Heading as="h2" size="4" mb="2" id="pending-heading">
              {t('partners.pending.title')}
            </Heading>
            <ErrorCallout error={pending.error} />
            {pending.data ? (
              pending.data.items.length > 0 ? (
                <PartnersTable
                  partners={pending.data.items}
                  caption={t('partners.pending.title')}
                  showMembership
                  testId="pending-table"
                />
              ) : (
                <Text as="p" color="gray">
                  {t('partners.pending.none')}
                </Text>
              )
            ) : null}
          </section>
        </Card>
      ) : null}

      {/* a new URL (back button, a link) starts the form from it */}
      <PartnerFilters
        key={params.toString()}
        filters={filters}
        onApply={go}
        canSeeMembership={isNetworkAdmin}
      />
      <ErrorCallout error={partners.error} />
      {partners.isPending ? <Loading /> : null}
      {list ? (
        <>
          <RegionMap
            byRegion={list.byRegion}
            selected={filters.region}
            onSelect={(region) => go({ ...filters, region })}
          />
          <Text size="2" color="gray" aria-live="polite" data-testid="partner-count">
            {t('partners.count', { count: list.items.length })}
          </Text>
          {list.items.length > 0 ? (
            <PartnersTable
              partners={list.items}
              caption={t('partners.listCaption')}
              showMembership={isNetworkAdmin}
            />
          ) : (
            <Text as="p" data-testid="partners-empty">
              {isFiltered(filters) ? t('partners.empty') : t('partners.emptyAll')}
            </Text>
          )}
        </>
      ) : null}
    </Flex>
  );
}
