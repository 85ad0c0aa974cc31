import { MagnifyingGlassIcon, PlusIcon } from '@radix-ui/react-icons';
import { Button, Flex, Text, TextField } from '@radix-ui/themes';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useUsers } from '../api/admin';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { Pagination } from '../components/pagination';
import { CreateUserDialog } from '../features/users/create-user-dialog';
import { UsersTable } from '../features/users/users-table';
import { useT } from '../i18n/use-t';

const PAGE_SIZE = 25;

export default function UsersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [isCreating, setCreating] = useState(false);
  const canCreate = useCan('user.create');
  const users = useUsers(page, PAGE_SIZE, q);
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / PAGE_SIZE)) : 1;

  const go = (next: { q?: string; page?: number }) => {
    const nextParams = new URLSearchParams();
    const nextQ = next.q ?? q;
    if (nextQ) nextParams.set('q', nextQ);
    if ((next.page ?? 1) > 1) nextParams.set('page', String(next.page));
    setParams(nextParams);
  };

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start" wrap="wrap" gap="3">
        <PageTitle title={t('users.title')} />
        {canCreate ? (
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            {t('users.create')}
          </Button>
        ) : null}
      </Flex>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: search.trim(), page: 1 });
        }}
      >
        <Flex gap="2" align="end" wrap="wrap">
          <label htmlFor="user-search" className="visually-hidden">
            {t('users.searchLabel')}
          </label>
          <TextField.Root
            id="user-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('users.searchPlaceholder')}
            className="search-field"
          >
            <TextField.Slot>
              <MagnifyingGlassIcon aria-hidden />
            </TextField.Slot>
          </TextField.Root>
          <Button type="submit" variant="soft">
            {t('users.searchSubmit')}
          </Button>
        </Flex>
      </form>
      <ErrorCallout error={users.error} />
      {users.isPending ? <Loading /> : null}
      {users.data ? (
        <>
          <Text size="2" color="gray" aria-live="polite">
            {q
              ? t('users.foundCount', { count: users.data.total, q })
              : t('users.totalCount', { count: users.data.total })}
          </Text>
          {users.data.items.length > 0 ? (
            <UsersTable users={users.data.items} caption={t('users.title')} />
          ) : (
            <Text as="p">{t('users.empty')}</Text>
          )}
          <Pagination page={page} pages={pages} onPage={(next) => go({ page: next })} />
        </>
      ) : null}
      <CreateUserDialog open={isCreating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
