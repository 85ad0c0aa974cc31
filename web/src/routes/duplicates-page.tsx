import { Button, Flex, Text } from '@radix-ui/themes';
import { Link, useSearchParams } from 'react-router';
import { useDismissPair, useDuplicatePairs, useScanDuplicates } from '../api/duplicates';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { Pagination } from '../components/pagination';
import { DuplicateReasons, personLabel } from '../features/duplicates/reasons';
import { useFormatDateTime, useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

const PAGE_SIZE = 20;

/** Likely duplicate persons found by the nightly scan: compare and merge, or dismiss. */
export default function DuplicatesPage() {
  const t = useT();
  const formatDate = useFormatDateTime();
  const canMerge = useCan('person.merge');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pairs = useDuplicatePairs(page, PAGE_SIZE);
  const dismiss = useDismissPair();
  const scan = useScanDuplicates();
  if (!canMerge) return <NotFoundPage />;
  const pages = pairs.data ? Math.max(1, Math.ceil(pairs.data.total / PAGE_SIZE)) : 1;
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('dup.title')} />
      <Text as="p" color="gray">
        {t('dup.intro')}
      </Text>
      <Flex>
        <Button variant="soft" loading={scan.isPending} onClick={() => scan.mutate()}>
          {t('dup.scanNow')}
        </Button>
      </Flex>
      <ErrorCallout error={pairs.error ?? dismiss.error ?? scan.error} />
      {pairs.isPending ? <Loading /> : null}
      {pairs.data && pairs.data.items.length === 0 ? <Text>{t('dup.none')}</Text> : null}
      {pairs.data && pairs.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="duplicates-table">
            <caption className="visually-hidden">{t('dup.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dup.colA')}</th>
                <th scope="col">{t('dup.colB')}</th>
                <th scope="col">{t('dup.colWhy')}</th>
                <th scope="col">{t('dup.colFound')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('dup.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.data.items.map((p) => (
                <tr key={`${p.a.id}-${p.b.id}`}>
                  <td>
                    {personLabel(t, p.a)}
                    <br />
                    <Text size="1" color="gray">
                      {p.a.cases.map((c) => c.caseNumber).join(', ')}
                    </Text>
                  </td>
                  <td>
                    {personLabel(t, p.b)}
                    <br />
                    <Text size="1" color="gray">
                      {p.b.cases.map((c) => c.caseNumber).join(', ')}
                    </Text>
                  </td>
                  <td>
                    <Text size="2">{t('dup.similarity', { score: Math.round(p.score * 100) })}</Text>
                    <DuplicateReasons reasons={p.reasons} />
                  </td>
                  <td>{formatDate(p.foundAt, 'date')}</td>
                  <td>
                    <Flex gap="2" wrap="wrap">
                      <Button asChild size="1">
                        <Link to={`/duplicates/compare?a=${p.a.id}&b=${p.b.id}`}>{t('dup.compareAndMerge')}</Link>
                      </Button>
                      <Button
                        size="1"
                        variant="soft"
                        color="gray"
                        disabled={dismiss.isPending}
                        onClick={() => dismiss.mutate({ a: p.a.id, b: p.b.id })}
                      >
                        {t('dup.dismiss')}
                      </Button>
                    </Flex>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <Pagination
          page={page}
          pages={pages}
          onPage={(next) => setParams(next > 1 ? new URLSearchParams({ page: String(next) }) : new URLSearchParams())}
        />
      ) : null}
    </Flex>
  );
}
