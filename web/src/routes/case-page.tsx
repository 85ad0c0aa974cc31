// One case file: the head (number, status, stage, region, assignee) and its sections in tabs. A case
// that does not exist or belongs to another organisation is a 404: the not-found page.
import { ArrowLeftIcon } from '@radix-ui/react-icons';
import { Flex } from '@radix-ui/themes';
import { Link, useParams } from 'react-router';
import { useCaseFile } from '../api/case-file';
import { ApiError } from '../api/client';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { CaseHeader } from '../features/case-file/case-header';
import { CaseTabs } from '../features/case-file/case-tabs';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

export default function CasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const canRead = useCan('case.read');
  const caseFile = useCaseFile(id, canRead);
  if (!canRead) return <NotFoundPage />;
  const error = caseFile.error;
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFoundPage />;
  const reload = () => caseFile.refetch();
  return (
    <Flex direction="column" gap="4">
      <Link to="/cases" className="back-link no-print">
        <ArrowLeftIcon aria-hidden /> {t('caseFile.back')}
      </Link>
      {caseFile.isPending ? <Loading /> : null}
      <ErrorCallout error={error} />
      {caseFile.data ? (
        <>
          <CaseHeader caseFile={caseFile.data} onReload={reload} />
          <CaseTabs key={caseFile.data.id} caseFile={caseFile.data} onReload={reload} />
        </>
      ) : null}
    </Flex>
  );
}
