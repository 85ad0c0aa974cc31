import { PlusIcon } from '@radix-ui/react-icons';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCaseList, useOrganisationUsers } from '../api/cases';
import { ApiError } from '../api/client';
import { useCan, useFullSession } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { Pagination } from '../components/pagination';
import { CaseFilters } from '../features/case-list/case-filters';
import { CasesTable } from '../features/case-list/cases-table';
import {
  isFiltered,
  pageCount,
  readFilters,
  toListParams,
  writeFilters,
  type TCaseListFilters,
} from '../features/case-list/list-params';
import { NewCaseDialog } from '../features/case-list/new-case-dialog';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

/** The server's field errors (a 400 `error.validation`), by parameter. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.fields)) return {};
  const out: Record<string, string> = {};
  for (const f of error.fields as { path?: unknown; message?: unknown }[]) {
    if (typeof f.path === 'string' && typeof f.message === 'string') out[f.path] ??= f.message;
  }
  return out;
}

/** The case list: one search box, filters, sort and pages, all kept in the URL. */
export default function CasesPage() {
  const t = useT();
  const session = useFullSession();
  const canRead = useCan('case.read');
  const canCreate = useCan('case.create');
  const canListUsers = useCan('user.list');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [isCreating, setCreating] = useState(false);
  const cases = useCaseList(toListParams(filters), canRead);
  const users = useOrganisationUsers(canRead && canListUsers);
  if (!canRead) return <NotFoundPage />;

  // Each change is a history entry: the back button returns to the previous search.
  const go = (next: TCaseListFilters) => setParams(writeFilters(next));
  const fieldErrors = fieldErrorsOf(cases.error);
  const page = cases.error ? null : cases.data;
  const userList = users.data?.items ?? null;

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start" wrap="wrap" gap="3">
        <PageTitle title={t('caseList.title')} />
        {canCreate ? (
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            {t('caseList.newCase')}
          </Button>
        ) : null}
      </Flex>
      {/* a new URL (back button, a link) starts the form from it */}
      <CaseFilters
        key={params.toString()}
        filters={filters}
        onApply={go}
        users={userList}
        fieldErrors={fieldErrors}
      />
      {Object.keys(fieldErrors).length === 0 ? <ErrorCallout error={cases.error} /> : null}
      {cases.isPending && canRead ? <Loading /> : null}
      {page ? (
        <>
          <Text size="2" color="gray" aria-live="polite" data-testid="case-count">
            {page.totalCapped
              ? t('caseList.countCapped', { count: page.total })
              : t('caseList.count', { count: page.total })}
          </Text>
          {page.similar ? (
            <Text as="p" size="2" data-testid="cases-similar">
              {t('dup.similarNames')}
            </Text>
          ) : null}
          {page.items.length > 0 ? (
            <CasesTable cases={page.items} me={session.user.id} users={userList} />
          ) : (
            <Text as="p" data-testid="cases-empty">
              {isFiltered(filters) ? t('caseList.emptyFiltered') : t('caseList.empty')}
            </Text>
          )}
          <Pagination
            page={filters.page}
            pages={pageCount(page.total)}
            onPage={(next) => go({ ...filters, page: next })}
          />
        </>
      ) : null}
      <NewCaseDialog open={isCreating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
