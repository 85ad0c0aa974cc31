import { PlusIcon } from '@radix-ui/react-icons';
import { Button, Flex } from '@radix-ui/themes';
import { useState } from 'react';
import { useOrganisations } from '../api/admin';
import { useCan, useFullSession } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { CreateOrganisationDialog } from '../features/organisations/create-organisation-dialog';
import { OrganisationsTable } from '../features/organisations/organisations-table';
import { useT } from '../i18n/use-t';
import { OrganisationView } from './organisation-page';

/** Network administrators see every organisation; everyone else sees their own settings. */
export default function OrganisationsPage() {
  const t = useT();
  const session = useFullSession();
  const canList = useCan('organisation.list');
  const canCreate = useCan('organisation.create');
  const organisations = useOrganisations(canList);
  const [isCreating, setCreating] = useState(false);
  if (!canList) return <OrganisationView id={session.user.orgId} />;
  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="start" wrap="wrap" gap="3">
        <PageTitle title={t('orgs.title')} />
        {canCreate ? (
          <Button onClick={() => setCreating(true)}>
            <PlusIcon aria-hidden />
            {t('orgs.create')}
          </Button>
        ) : null}
      </Flex>
      <ErrorCallout error={organisations.error} />
      {organisations.isPending ? <Loading /> : null}
      {organisations.data ? <OrganisationsTable items={organisations.data.items} /> : null}
      <CreateOrganisationDialog open={isCreating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
