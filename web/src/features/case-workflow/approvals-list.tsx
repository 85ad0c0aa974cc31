// The supervisor's inbox: requests of the organisation waiting for a decision (oldest first) or
// already decided (latest first), each with its case, and the decision controls.
import { Box, Card, DataList, Flex, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { useFullSession } from '../../api/session';
import type { TApprovalListItem } from '../../api/workflow';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { ApprovalStateBadge, DecisionForm, requestReason, useRequestedChange } from './approvals';
import { useUserName, useWorkflowLabels } from './labels';
import { MultilineText } from './workflow-ui';

export function ApprovalsList({ items, caption }: { items: TApprovalListItem[]; caption: string }) {
  return (
    <Flex asChild direction="column" gap="3" m="0" p="0">
      <ul aria-label={caption} data-testid="approvals-list">
        {items.map((item) => (
          <ApprovalCard key={item.id} item={item} />
        ))}
      </ul>
    </Flex>
  );
}

function ApprovalCard({ item }: { item: TApprovalListItem }) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDateTime = useFormatDateTime();
  const userName = useUserName();
  const requested = useRequestedChange();
  const session = useFullSession();
  const reason = requestReason(item);
  const own = item.requestedBy === session.user.id;
  return (
    <Box asChild display="block">
      <li data-approval-id={item.id} data-testid="approval-card">
        <Card size="2">
          <Flex justify="between" align="start" gap="3" wrap="wrap" mb="2">
            <Text weight="bold" size="3">
              <Link to={`/cases/${item.caseId}`}>
                {t('workflow.caseNumber', { number: item.caseNumber })}
              </Link>
              {' · '}
              {labels.code('workflow.approvalKind', item.kind)}
            </Text>
            <ApprovalStateBadge approval={item} />
          </Flex>
          <DataList.Root size="2">
            <DataList.Item>
              <DataList.Label>
                {item.kind === 'closure' ? t('workflow.closeAs') : t('workflow.decisionMaker')}
              </DataList.Label>
              <DataList.Value>{requested(item)}</DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>{t('workflow.reason')}</DataList.Label>
              <DataList.Value>
                <MultilineText value={reason} />
              </DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>{t('workflow.requestedBy')}</DataList.Label>
              <DataList.Value>
                {t('workflow.byOn', {
                  name: userName(item.requestedBy),
                  date: formatDateTime(item.requestedAt) ?? '',
                })}
              </DataList.Value>
            </DataList.Item>
            {item.decision ? (
              <>
                <DataList.Item>
                  <DataList.Label>{t('workflow.decidedBy')}</DataList.Label>
                  <DataList.Value>
                    {t('workflow.byOn', {
                      name: userName(item.decidedBy),
                      date: formatDateTime(item.decidedAt) ?? '',
                    })}
                  </DataList.Value>
                </DataList.Item>
                {item.comment ? (
                  <DataList.Item>
                    <DataList.Label>{t('workflow.comment')}</DataList.Label>
                    <DataList.Value>
                      <MultilineText value={item.comment} />
                    </DataList.Value>
                  </DataList.Item>
                ) : null}
              </>
            ) : null}
          </DataList.Root>
          {item.decision === null ? (
            <Box mt="3">
              {own ? (
                <Text size="2" color="gray" data-testid="own-request">
                  {t('workflow.ownRequest')}
                </Text>
              ) : (
                <DecisionForm approvalId={item.id} />
              )}
            </Box>
          ) : null}
        </Card>
      </li>
    </Box>
  );
}
