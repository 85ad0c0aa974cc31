// The case's support workflow on the case page: the stages (new → assessment → support plan →
// services → follow-up → closed), what was recorded at each, forms to add to it for users who may
// update the case, and the four-eyes requests (closure, actual-victim status) with their decisions.
// A closed case is read-only and shows why it was closed.
import { LockClosedIcon } from '@radix-ui/react-icons';
import { Callout, Card, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { useCallback, useId } from 'react';
import { CLOSED_STATUSES } from '../../../../shared/schemas/cases';
import { useCaseFile } from '../../api/case-file';
import { useCan } from '../../api/session';
import { useWorkflow } from '../../api/workflow';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { ApprovalItem, ApprovalRequestToggle, isPending } from './approvals';
import { Assessments } from './assessments';
import { FollowUps } from './follow-ups';
import { useWorkflowLabels } from './labels';
import { Services } from './services';
import { StageStepper } from './stage-stepper';
import { SupportPlans } from './support-plans';
import { MultilineText, WorkflowPart } from './workflow-ui';

const ACTUAL_VICTIM = 'ActualVictimOfTrafficking';

/** Assessment → support plan → services → follow-up → closure (with approval), on the case page. */
export function WorkflowPanel({ caseId }: { caseId: string }) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDateTime = useFormatDateTime();
  const headingId = useId();
  const mayApprove = useCan('case.approve');
  const kase = useCaseFile(caseId);
  const workflow = useWorkflow(caseId);
  const refetch = workflow.refetch;
  const reload = useCallback(() => refetch(), [refetch]);

  const data = workflow.data;
  const file = kase.data;
  const body = (() => {
    if (workflow.isPending || kase.isPending) return <Loading />;
    if (!data || !file) return <ErrorCallout error={workflow.error ?? kase.error} />;
    const closed = (CLOSED_STATUSES as readonly string[]).includes(file.status) || data.stage === 'closed';
    const canUpdate = file.actions.includes('case.update') && !closed;
    // the case's actions may not list case.approve (approvals are the organisation's): the session's do
    const canApprove = (file.actions.includes('case.approve') || mayApprove) && !closed;
    const pending = (kind: string) => data.approvals.some((a) => a.kind === kind && isPending(a));
    const isActualVictim = file.victim?.traffickingStatus === ACTUAL_VICTIM;
    const closure = [...data.approvals]
      .reverse()
      .find((a) => a.kind === 'closure' && a.decision === 'approved');
    const closureReason =
      file.closureReason ?? (typeof closure?.request.reason === 'string' ? closure.request.reason : null);
    return (
      <Flex direction="column" gap="5">
        <StageStepper stage={closed ? 'closed' : data.stage} />
        {closed ? (
          <Callout.Root color="gray" role="note" data-testid="case-closed">
            <Callout.Icon>
              <LockClosedIcon aria-hidden />
            </Callout.Icon>
            <Flex direction="column" gap="1">
              <Callout.Text weight="bold">
                {t('workflow.closedAs', {
                  status: labels.caseStatus(file.status),
                  date: formatDateTime(file.closedAt) ?? '',
                })}
              </Callout.Text>
              {closureReason ? (
                <Text size="2" data-testid="closure-reason">
                  {t('workflow.closureReasonLabel')} <MultilineText value={closureReason} />
                </Text>
              ) : null}
              <Text size="2" color="gray">
                {t('workflow.closedReadOnly')}
              </Text>
            </Flex>
          </Callout.Root>
        ) : null}
        {data.redacted ? (
          <Text as="p" size="2" color="gray" data-testid="workflow-redacted">
            {t('workflow.redactedNotice')}
          </Text>
        ) : null}
        <Assessments caseId={caseId} items={data.assessments} redacted={data.redacted} canAdd={canUpdate} />
        <Separator size="4" />
        <SupportPlans
          caseId={caseId}
          items={data.supportPlans}
          redacted={data.redacted}
          canEdit={canUpdate}
          onReload={reload}
        />
        <Separator size="4" />
        <Services caseId={caseId} items={data.services} redacted={data.redacted} canAdd={canUpdate} />
        <Separator size="4" />
        <FollowUps caseId={caseId} items={data.followUps} redacted={data.redacted} canAdd={canUpdate} />
        <Separator size="4" />
        <WorkflowPart
          title={t('workflow.approvals')}
          testId="workflow-approvals"
          empty={t('workflow.noApprovals')}
          count={data.approvals.length}
          form={
            canUpdate ? (
              <Flex gap="3" direction="column">
                {pending('closure') ? null : <ApprovalRequestToggle caseId={caseId} kind="closure" />}
                {pending('actual_victim') || isActualVictim ? null : (
                  <ApprovalRequestToggle caseId={caseId} kind="actual_victim" />
                )}
              </Flex>
            ) : null
          }
        >
          {data.approvals.map((a) => (
            <ApprovalItem key={a.id} approval={a} canApprove={canApprove} />
          ))}
        </WorkflowPart>
      </Flex>
    );
  })();

  return (
    <Card size="3">
      <section aria-labelledby={headingId} data-testid="workflow-panel">
        <Heading as="h2" size="4" id={headingId} mb="3">
          {t('workflow.heading')}
        </Heading>
        {body}
      </section>
    </Card>
  );
}
