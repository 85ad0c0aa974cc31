// A network administrator's decision on an entry: approve, reject, or mark that it left the network.
import { Button, Card, Flex, Heading } from '@radix-ui/themes';
import { useState } from 'react';
import type { TPartner } from '../../../../shared/schemas/partners';
import { useMembershipDecision, type TMembershipDecision } from '../../api/partners';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorCallout } from '../../components/error-callout';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { usePartnerLabels } from './labels';
import { MembershipBadge } from './partners-table';

type TDecision = TMembershipDecision['decision'];

export function MembershipActions({ partner }: { partner: TPartner }) {
  const t = useT();
  const labels = usePartnerLabels();
  const decide = useMembershipDecision(partner.orgId);
  const [confirming, setConfirming] = useState<'rejected' | 'left' | null>(null);
  const [decided, setDecided] = useState<TDecision | null>(null);
  const send = (decision: TDecision) =>
    decide.mutate(
      { decision, version: partner.version },
      {
        onSuccess: () => setDecided(decision),
        onSettled: () => setConfirming(null),
      },
    );
  const state = partner.membership;

  return (
    <Card size="2">
      <section aria-labelledby="membership-heading" data-testid="membership">
        <Flex justify="between" align="center" wrap="wrap" gap="3">
          <Flex align="center" gap="2">
            <Heading as="h2" size="4" id="membership-heading">
              {t('partners.entry.membership')}
            </Heading>
            <MembershipBadge state={state} />
          </Flex>
          <Flex gap="2" wrap="wrap">
            {state !== 'approved' ? (
              <Button type="button" loading={decide.isPending} onClick={() => send('approved')}>
                {t('partners.entry.approve')}
              </Button>
            ) : null}
            {state === 'pending' ? (
              <Button type="button" variant="soft" color="red" onClick={() => setConfirming('rejected')}>
                {t('partners.entry.reject')}
              </Button>
            ) : null}
            {state === 'approved' ? (
              <Button type="button" variant="soft" color="red" onClick={() => setConfirming('left')}>
                {t('partners.entry.markLeft')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        <Flex direction="column" gap="2" mt="2">
          {decided && decided === state ? (
            <Notice>{t('partners.entry.decided', { state: labels.membership(state) })}</Notice>
          ) : null}
          {confirming ? null : <ErrorCallout error={decide.error} />}
        </Flex>
      </section>
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming === 'left'
            ? t('partners.entry.confirmLeftTitle')
            : t('partners.entry.confirmRejectTitle')
        }
        body={
          confirming === 'left' ? t('partners.entry.confirmLeftBody') : t('partners.entry.confirmRejectBody')
        }
        confirmLabel={confirming === 'left' ? t('partners.entry.markLeft') : t('partners.entry.reject')}
        isPending={decide.isPending}
        onConfirm={() => confirming && send(confirming)}
        onClose={() => setConfirming(null)}
      />
    </Card>
  );
}
