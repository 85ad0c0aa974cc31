// Four eyes: requests to close a case or to recognise the person as a victim of trafficking, their
// state, and a supervisor's decision (never on their own request: the server refuses it too).
import { Badge, Button, Flex, Grid, Text, TextArea } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import { ZTraffickingStatusDecisionMaker } from '../../../../shared/htcds/code-lists';
import { LIMITS } from '../../../../shared/limits';
import {
  ZApprovalDecision,
  ZApprovalRequest,
  type TApproval,
  type TApprovalRequest,
} from '../../../../shared/schemas/case-file';
import { CLOSED_STATUSES } from '../../../../shared/schemas/cases';
import { useFullSession } from '../../api/session';
import { useDecideApproval, useRequestApproval, type TApprovalDecision } from '../../api/workflow';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import {
  showServerFieldErrors,
  text,
  useIdempotencyKey,
  useRequestResolver,
  useStepSubmit,
} from './form-support';
import { useUserName, useWorkflowLabels } from './labels';
import { AddToggle, FormActions, MultilineText, RecordCard, Value } from './workflow-ui';

export const isPending = (a: Pick<TApproval, 'decision'>) => a.decision === null;

export function ApprovalStateBadge({ approval }: { approval: Pick<TApproval, 'decision'> }) {
  const labels = useWorkflowLabels();
  const state = approval.decision ?? 'pending';
  const color = state === 'approved' ? 'green' : state === 'rejected' ? 'red' : 'amber';
  return (
    <Badge color={color} variant="soft" data-testid="approval-state" data-state={state}>
      {labels.code('workflow.decision', state)}
    </Badge>
  );
}

/** What was asked: the status to close with, or who decided the person is a victim. */
export function useRequestedChange() {
  const labels = useWorkflowLabels();
  return (a: Pick<TApproval, 'kind' | 'request'>): string => {
    const { status, decisionMaker } = a.request as { status?: unknown; decisionMaker?: unknown };
    if (a.kind === 'closure' && typeof status === 'string') return labels.caseStatus(status);
    if (a.kind === 'actual_victim' && typeof decisionMaker === 'string')
      return labels.decisionMaker(decisionMaker);
    return '';
  };
}

export const requestReason = (a: Pick<TApproval, 'request'>): string =>
  typeof a.request.reason === 'string' ? a.request.reason : '';

/** One request on the case page, with the decision controls when the reader may decide it. */
export function ApprovalItem({ approval, canApprove }: { approval: TApproval; canApprove: boolean }) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDateTime = useFormatDateTime();
  const userName = useUserName();
  const requested = useRequestedChange();
  const session = useFullSession();
  const own = approval.requestedBy === session.user.id;
  const reason = requestReason(approval);
  return (
    <RecordCard testId="approval" actions={<ApprovalStateBadge approval={approval} />}>
      <Value label={t('workflow.kindLabel')}>{labels.code('workflow.approvalKind', approval.kind)}</Value>
      <Value label={approval.kind === 'closure' ? t('workflow.closeAs') : t('workflow.decisionMaker')}>
        {requested(approval)}
      </Value>
      <Value label={t('workflow.reason')}>{reason ? <MultilineText value={reason} /> : null}</Value>
      <Value label={t('workflow.requestedBy')}>
        {t('workflow.byOn', {
          name: userName(approval.requestedBy),
          date: formatDateTime(approval.requestedAt) ?? '',
        })}
      </Value>
      {approval.decision ? (
        <>
          <Value label={t('workflow.decidedBy')}>
            {t('workflow.byOn', {
              name: userName(approval.decidedBy),
              date: formatDateTime(approval.decidedAt) ?? '',
            })}
          </Value>
          <Value label={t('workflow.comment')}>
            {approval.comment ? <MultilineText value={approval.comment} /> : null}
          </Value>
        </>
      ) : canApprove ? (
        own ? (
          <Value label={t('workflow.decisionLabel')}>
            <Text color="gray" size="2" data-testid="own-request">
              {t('workflow.ownRequest')}
            </Text>
          </Value>
        ) : (
          <Value label={t('workflow.decisionLabel')}>
            <DecisionForm approvalId={approval.id} />
          </Value>
        )
      ) : null}
    </RecordCard>
  );
}

type TDecisionForm = { comment: string };
const toDecision = (v: TDecisionForm) => ({ decision: 'approved', comment: text(v.comment) });

/** Approve or reject, with an optional comment. */
export function DecisionForm({ approvalId, onDecided }: { approvalId: string; onDecided?: () => void }) {
  const t = useT();
  const decide = useDecideApproval();
  const key = useIdempotencyKey();
  const form = useForm<TDecisionForm, unknown, TApprovalDecision>({
    resolver: useRequestResolver(ZApprovalDecision, toDecision),
    defaultValues: { comment: '' },
  });
  const { errors } = form.formState;
  const submit = (decision: TApprovalDecision['decision']) =>
    form.handleSubmit(({ comment }) => {
      if (decide.isPending) return;
      decide.mutate(
        { approvalId, body: { decision, comment }, idempotencyKey: key.current() },
        {
          onSuccess: () => {
            key.renew();
            onDecided?.();
          },
          onError: (error) => showServerFieldErrors(error, form.setError),
        },
      );
    });
  return (
    <form
      onSubmit={submit('approved')}
      noValidate
      aria-label={t('workflow.decide')}
      data-testid="decision-form"
    >
      <Flex direction="column" gap="2">
        <FormField label={t('workflow.decisionComment')} error={errors.comment?.message}>
          {({ id, describedBy, invalid }) => (
            <TextArea
              id={id}
              rows={2}
              maxLength={LIMITS.closureReasonMax}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('comment')}
            />
          )}
        </FormField>
        <ErrorCallout error={decide.error} />
        <Flex gap="2" wrap="wrap">
          <Button
            type="submit"
            color="green"
            loading={decide.isPending}
            disabled={decide.isPending}
            data-testid="approve"
          >
            {t('workflow.approve')}
          </Button>
          <Button
            type="button"
            color="red"
            variant="soft"
            disabled={decide.isPending}
            onClick={() => void submit('rejected')()}
            data-testid="reject"
          >
            {t('workflow.reject')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

type TRequestForm = { status: string; decisionMaker: string; reason: string };
const toClosure = (v: TRequestForm) => ({
  kind: 'closure',
  status: v.status || undefined,
  reason: text(v.reason),
});
const toVictim = (v: TRequestForm) => ({
  kind: 'actual_victim',
  decisionMaker: v.decisionMaker || undefined,
  reason: text(v.reason),
});

/** "Request closure" (status + reason) or "Request actual-victim status" (decision maker + reason). */
export function ApprovalRequestToggle({ caseId, kind }: { caseId: string; kind: TApprovalRequest['kind'] }) {
  const t = useT();
  const isClosure = kind === 'closure';
  return (
    <AddToggle
      label={isClosure ? t('workflow.requestClosure') : t('workflow.requestVictim')}
      testId={isClosure ? 'request-closure' : 'request-victim'}
    >
      {(close) => <ApprovalRequestForm caseId={caseId} kind={kind} onDone={close} />}
    </AddToggle>
  );
}

function ApprovalRequestForm({
  caseId,
  kind,
  onDone,
}: {
  caseId: string;
  kind: TApprovalRequest['kind'];
  onDone: () => void;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  const request = useRequestApproval(caseId);
  const isClosure = kind === 'closure';
  const field = isClosure ? 'status' : 'decisionMaker';
  const form = useForm<TRequestForm, unknown, TApprovalRequest>({
    resolver: useRequestResolver(ZApprovalRequest, isClosure ? toClosure : toVictim),
    defaultValues: { status: 'Closed', decisionMaker: '', reason: '' },
  });
  const { errors } = form.formState;
  const choices: readonly string[] = isClosure ? CLOSED_STATUSES : ZTraffickingStatusDecisionMaker.options;
  const submit = form.handleSubmit(useStepSubmit(request, form.setError, onDone));
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={isClosure ? t('workflow.requestClosure') : t('workflow.requestVictim')}
      data-testid={isClosure ? 'closure-form' : 'victim-form'}
    >
      <Flex direction="column" gap="3">
        <Text as="p" size="2" color="gray">
          {isClosure ? t('workflow.closureHint') : t('workflow.victimHint')}
        </Text>
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <FormField
            label={isClosure ? t('workflow.closeAs') : t('workflow.decisionMaker')}
            error={errors[field]?.message}
          >
            {({ id, describedBy, invalid }) => (
              <NativeSelect
                id={id}
                autoFocus
                aria-describedby={describedBy}
                aria-invalid={invalid}
                aria-required
                {...form.register(field)}
              >
                {isClosure ? null : <option value="">{t('workflow.choose')}</option>}
                {choices.map((code) => (
                  <option key={code} value={code}>
                    {isClosure ? labels.caseStatus(code) : labels.decisionMaker(code)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
        </Grid>
        <FormField label={t('workflow.reason')} error={errors.reason?.message}>
          {({ id, describedBy, invalid }) => (
            <TextArea
              id={id}
              rows={3}
              maxLength={LIMITS.closureReasonMax}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-required
              {...form.register('reason')}
            />
          )}
        </FormField>
        <FormActions
          error={request.error}
          isPending={request.isPending}
          submitLabel={t('workflow.sendRequest')}
          onCancel={onDone}
        />
      </Flex>
    </form>
  );
}
