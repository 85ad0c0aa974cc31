// Supervisors: requests to close a case or to recognise a victim, waiting for a decision or decided.
import { Button, Flex, Text } from '@radix-ui/themes';
import { useSearchParams } from 'react-router';
import { useCan } from '../api/session';
import { APPROVALS_PAGE_SIZE, useApprovals } from '../api/workflow';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { Pagination } from '../components/pagination';
import { ApprovalsList } from '../features/case-workflow/approvals-list';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

const STATES = ['pending', 'decided'] as const;
type TState = (typeof STATES)[number];

export default function ApprovalsPage() {
  const canApprove = useCan('case.approve');
  return canApprove ? <Approvals /> : <NotFoundPage />;
}

function Approvals() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const state: TState = params.get('state') === 'decided' ? 'decided' : 'pending';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const approvals = useApprovals(state, page);
  const pages = approvals.data ? Math.max(1, Math.ceil(approvals.data.total / APPROVALS_PAGE_SIZE)) : 1;
  const show = (next: TState, nextPage = 1) =>
    setParams(next === 'pending' && nextPage === 1 ? {} : { state: next, page: String(nextPage) });
  const caption = state === 'pending' ? t('workflow.approvalsPending') : t('workflow.approvalsDecided');
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('nav.approvals')} />
      <Text as="p" color="gray">
        {t('workflow.approvalsIntro')}
      </Text>
      <Flex gap="2" role="group" aria-label={t('workflow.approvalsFilter')}>
        {STATES.map((s) => (
          <Button
            key={s}
            type="button"
            variant={s === state ? 'solid' : 'soft'}
            aria-pressed={s === state}
            onClick={() => show(s)}
            data-testid={`approvals-${s}`}
          >
            {s === 'pending' ? t('workflow.approvalsPending') : t('workflow.approvalsDecided')}
          </Button>
        ))}
      </Flex>
      {approvals.isPending ? <Loading /> : null}
      <ErrorCallout error={approvals.error} />
      {approvals.data ? (
        <>
          <Text as="p" size="2" color="gray" aria-live="polite" data-testid="approvals-total">
            {state === 'pending'
              ? t('workflow.approvalsPendingCount', { count: approvals.data.total })
              : t('workflow.approvalsDecidedCount', { count: approvals.data.total })}
          </Text>
          {approvals.data.items.length > 0 ? (
            <ApprovalsList items={approvals.data.items} caption={caption} />
          ) : null}
          <Pagination page={page} pages={pages} onPage={(p) => show(state, p)} />
        </>
      ) : null}
    </Flex>
  );
}
