// Follow-ups: how the person was reached and how they are doing.
import { Flex, Grid } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import {
  FOLLOW_UP_METHODS,
  FOLLOW_UP_OUTCOMES,
  ZFollowUpInput,
  type TFollowUp,
} from '../../../../shared/schemas/case-file';
import { useRecordFollowUp, type TFollowUpInput } from '../../api/workflow';
import { TextAreaField } from '../../components/text-area-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { CodeField } from './code-field';
import { text, todayDay, useRequestResolver, useStepSubmit } from './form-support';
import { useFormatDay, useUserName, useWorkflowLabels } from './labels';
import { AddToggle, FormActions, RecordCard, SealedText, Value, WorkflowPart } from './workflow-ui';

export function FollowUps({
  caseId,
  items,
  redacted,
  canAdd,
}: {
  caseId: string;
  items: TFollowUp[];
  redacted: boolean;
  canAdd: boolean;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDay = useFormatDay();
  const userName = useUserName();
  return (
    <WorkflowPart
      title={t('workflow.followUps')}
      testId="workflow-follow-ups"
      empty={t('workflow.noFollowUps')}
      count={items.length}
      form={
        canAdd ? (
          <AddToggle label={t('workflow.addFollowUp')} testId="add-follow-up">
            {(close) => <FollowUpForm caseId={caseId} onDone={close} />}
          </AddToggle>
        ) : null
      }
    >
      {items.map((f) => (
        <RecordCard key={f.id} testId="follow-up">
          <Value label={t('workflow.followedOn')}>{formatDay(f.followedOn)}</Value>
          <Value label={t('workflow.method')}>{labels.code('workflow.followUpMethod', f.method)}</Value>
          <Value label={t('workflow.outcome')}>{labels.code('workflow.followUpOutcome', f.outcome)}</Value>
          <Value label={t('workflow.notes')}>
            <SealedText value={f.notes} redacted={redacted} />
          </Value>
          <Value label={t('workflow.recordedBy')}>{userName(f.createdBy)}</Value>
        </RecordCard>
      ))}
    </WorkflowPart>
  );
}

type TFollowUpForm = { followedOn: string; method: string; outcome: string; notes: string };
const toRequest = (v: TFollowUpForm) => ({
  followedOn: v.followedOn,
  method: v.method || undefined,
  outcome: v.outcome || undefined,
  notes: text(v.notes),
});

function FollowUpForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const record = useRecordFollowUp(caseId);
  const form = useForm<TFollowUpForm, unknown, TFollowUpInput>({
    resolver: useRequestResolver(ZFollowUpInput, toRequest),
    defaultValues: { followedOn: todayDay(), method: '', outcome: '', notes: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(useStepSubmit(record, form.setError, onDone));
  return (
    <form onSubmit={submit} noValidate aria-label={t('workflow.addFollowUp')} data-testid="follow-up-form">
      <Flex direction="column" gap="3">
        <Grid columns={{ initial: '1', sm: '3' }} gap="3">
          <TextInputField
            label={t('workflow.followedOn')}
            type="date"
            max={todayDay()}
            autoFocus
            error={errors.followedOn?.message}
            {...form.register('followedOn')}
          />
          <CodeField
            label={t('workflow.method')}
            codes={FOLLOW_UP_METHODS}
            prefix="workflow.followUpMethod"
            error={errors.method?.message}
            registration={form.register('method')}
          />
          <CodeField
            label={t('workflow.outcome')}
            codes={FOLLOW_UP_OUTCOMES}
            prefix="workflow.followUpOutcome"
            error={errors.outcome?.message}
            registration={form.register('outcome')}
          />
        </Grid>
        <TextAreaField
          label={t('workflow.notes')}
          hint={t('workflow.sealedHint')}
          error={errors.notes?.message}
          rows={3}
          {...form.register('notes')}
        />
        <FormActions
          error={record.error}
          isPending={record.isPending}
          submitLabel={t('workflow.saveFollowUp')}
          onCancel={onDone}
        />
      </Flex>
    </form>
  );
}
