import { ArrowLeftIcon } from '@radix-ui/react-icons';
import { Flex } from '@radix-ui/themes';
import { Link, useParams } from 'react-router';
import { useOrganisation } from '../api/admin';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { OrganisationSettings } from '../features/organisations/organisation-settings';
import { useT } from '../i18n/use-t';

/** One organisation's settings; `id` defaults to the caller's own organisation. */
export function OrganisationView({ id }: { id: string }) {
  const organisation = useOrganisation(id);
  return (
    <Flex direction="column" gap="4">
      {organisation.isPending ? <Loading /> : null}
      <ErrorCallout error={organisation.error} />
      {organisation.data ? (
        <>
          <PageTitle title={organisation.data.name} />
          <OrganisationSettings organisation={organisation.data} onReload={() => organisation.refetch()} />
        </>
      ) : null}
    </Flex>
  );
}

export default function OrganisationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const canList = useCan('organisation.list');
  return (
    <Flex direction="column" gap="3">
      {canList ? (
        <Link to="/organisations" className="back-link">
          <ArrowLeftIcon aria-hidden /> {t('orgs.back')}
        </Link>
      ) : null}
      <OrganisationView id={id} />
    </Flex>
  );
}
