// The case file's "Referrals" tab: the case's referrals (status, partner, deadline, answer) and,
// for those who may refer, "Refer to a partner".
import { Share1Icon } from '@radix-ui/react-icons';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import type { TCaseFile } from '../../api/case-file';
import { useReferralList } from '../../api/referrals';
import { useCan } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { SectionCard } from '../case-file/section';
import { ReferDialog } from './refer-dialog';
import { ReferralTable } from './referral-table';

export function CaseReferralsSection({ caseFile }: { caseFile: TCaseFile }) {
  const t = useT();
  const canRead = useCan('referral.read');
  const canCreate = useCan('referral.create');
  const [referring, setReferring] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const list = useReferralList({ box: 'sent', caseId: caseFile.id }, canRead);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const isClosed = caseFile.stage === 'closed' || caseFile.status.startsWith('Closed');
  return (
    <SectionCard
      title={t('referrals.case.heading')}
      testId="referrals-section"
      actions={
        canCreate && !isClosed ? (
          <Button
            type="button"
            variant="soft"
            onClick={() => {
              setSent(null);
              setReferring(true);
            }}
            data-testid="refer-case"
          >
            <Share1Icon aria-hidden />
            {t('referrals.refer')}
          </Button>
        ) : null
      }
    >
      <Flex direction="column" gap="3">
        {sent ? <Notice tone="success">{t('referrals.sentNotice', { reference: sent })}</Notice> : null}
        <ErrorCallout error={list.error} />
        {canRead && list.isPending ? <Loading /> : null}
        {list.data && items.length === 0 ? <Text color="gray">{t('referrals.case.none')}</Text> : null}
        {items.length > 0 ? (
          <ReferralTable referrals={items} caption={t('referrals.case.heading')} showOutcome />
        ) : null}
        {list.hasNextPage ? (
          <Flex>
            <Button
              type="button"
              variant="soft"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('referrals.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {canCreate ? (
        <ReferDialog
          open={referring}
          onClose={() => setReferring(false)}
          caseFile={caseFile}
          onSent={(referral) => {
            setReferring(false);
            setSent(referral.reference);
          }}
        />
      ) : null}
    </SectionCard>
  );
}
