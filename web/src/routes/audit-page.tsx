import { Button, Flex, Text } from '@radix-ui/themes';
import { useSearchParams } from 'react-router';
import { useAudit, type TAuditFilters } from '../api/admin';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { AuditFilters } from '../features/audit/audit-filters';
import { AuditTable } from '../features/audit/audit-table';
import { useT } from '../i18n/use-t';

export default function AuditPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters: TAuditFilters = { action: params.get('action') ?? '', outcome: params.get('outcome') ?? '' };
  const audit = useAudit(filters);
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const setFilters = (next: TAuditFilters) => {
    const search = new URLSearchParams();
    if (next.action) search.set('action', next.action);
    if (next.outcome) search.set('outcome', next.outcome);
    setParams(search, { replace: true });
  };

  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('audit.title')} />
      <Text size="2" color="gray">
        {t('audit.intro')}
      </Text>
      <AuditFilters filters={filters} onChange={setFilters} />
      <ErrorCallout error={audit.error} />
      {audit.isPending ? <Loading /> : null}
      {audit.data ? (
        entries.length > 0 ? (
          <>
            <Text size="2" color="gray" aria-live="polite">
              {t('audit.shownCount', { count: entries.length })}
            </Text>
            <AuditTable entries={entries} />
          </>
        ) : (
          <Text as="p">{t('audit.empty')}</Text>
        )
      ) : null}
      {audit.hasNextPage ? (
        <Flex justify="center">
          <Button
            variant="soft"
            loading={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('audit.loadOlder')}
          </Button>
        </Flex>
      ) : audit.data && entries.length > 0 ? (
        <Text size="2" color="gray" align="center">
          {t('audit.end')}
        </Text>
      ) : null}
    </Flex>
  );
}
