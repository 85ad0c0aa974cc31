// Assessments of needs and risks: what was recorded, and the form to record one.
import { Badge, CheckboxGroup, Flex, Grid, Text } from '@radix-ui/themes';
import { Controller, useForm } from 'react-hook-form';
import {
  RISK_LEVELS,
  SERVICE_TYPES,
  ZAssessmentInput,
  type TAssessment,
} from '../../../../shared/schemas/case-file';
import { useRecordAssessment, type TAssessmentInput } from '../../api/workflow';
import { TextAreaField } from '../../components/text-area-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { CodeField } from './code-field';
import { text, todayDay, useRequestResolver, useStepSubmit } from './form-support';
import { useFormatDay, useUserName, useWorkflowLabels } from './labels';
import { AddToggle, FormActions, RecordCard, SealedText, Value, WorkflowPart } from './workflow-ui';

const RISK_COLOR = { low: 'green', medium: 'amber', high: 'red' } as const;

export function RiskBadge({ level }: { level: string }) {
  const labels = useWorkflowLabels();
  const color = RISK_COLOR[level as keyof typeof RISK_COLOR] ?? 'gray';
  return (
    <Badge color={color} variant="soft">
      {labels.code('workflow.risk', level)}
    </Badge>
  );
}

export function Assessments({
  caseId,
  items,
  redacted,
  canAdd,
}: {
  caseId: string;
  items: TAssessment[];
  redacted: boolean;
  canAdd: boolean;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDay = useFormatDay();
  const userName = useUserName();
  return (
    <WorkflowPart
      title={t('workflow.assessments')}
      testId="workflow-assessments"
      empty={t('workflow.noAssessments')}
      count={items.length}
      form={
        canAdd ? (
          <AddToggle label={t('workflow.addAssessment')} testId="add-assessment">
            {(close) => <AssessmentForm caseId={caseId} onDone={close} />}
          </AddToggle>
        ) : null
      }
    >
      {items.map((a) => (
        <RecordCard key={a.id} testId="assessment">
          <Value label={t('workflow.assessedOn')}>{formatDay(a.assessedOn)}</Value>
          <Value label={t('workflow.riskLevel')}>
            <RiskBadge level={a.riskLevel} />
          </Value>
          <Value label={t('workflow.needs')}>
            {a.needs.length > 0 ? a.needs.map((n) => labels.code('workflow.service', n)).join(', ') : null}
          </Value>
          <Value label={t('workflow.summary')}>
            <SealedText value={a.summary} redacted={redacted} />
          </Value>
          <Value label={t('workflow.recordedBy')}>{userName(a.createdBy)}</Value>
        </RecordCard>
      ))}
    </WorkflowPart>
  );
}

type TAssessmentForm = { assessedOn: string; needs: string[]; riskLevel: string; summary: string };
const toRequest = (v: TAssessmentForm) => ({
  assessedOn: v.assessedOn,
  needs: v.needs,
  riskLevel: v.riskLevel || undefined,
  summary: text(v.summary),
});

function AssessmentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const labels = useWorkflowLabels();
  const record = useRecordAssessment(caseId);
  const form = useForm<TAssessmentForm, unknown, TAssessmentInput>({
    resolver: useRequestResolver(ZAssessmentInput, toRequest),
    defaultValues: { assessedOn: todayDay(), needs: [], riskLevel: '', summary: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(useStepSubmit(record, form.setError, onDone));
  return (
    <form onSubmit={submit} noValidate aria-label={t('workflow.addAssessment')} data-testid="assessment-form">
      <Flex direction="column" gap="3">
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            label={t('workflow.assessedOn')}
            type="date"
            max={todayDay()}
            autoFocus
            error={errors.assessedOn?.message}
            {...form.register('assessedOn')}
          />
          <CodeField
            label={t('workflow.riskLevel')}
            codes={RISK_LEVELS}
            prefix="workflow.risk"
            error={errors.riskLevel?.message}
            registration={form.register('riskLevel')}
          />
        </Grid>
        <Controller
          control={form.control}
          name="needs"
          render={({ field }) => (
            <fieldset className="fieldset">
              <legend>
                <Text size="2" weight="bold">
                  {t('workflow.needs')}
                </Text>
              </legend>
              <CheckboxGroup.Root value={field.value} onValueChange={field.onChange} size="2">
                <Grid columns={{ initial: '1', sm: '2', md: '3' }} gap="1">
                  {SERVICE_TYPES.map((code) => (
                    <CheckboxGroup.Item key={code} value={code}>
                      {labels.code('workflow.service', code)}
                    </CheckboxGroup.Item>
                  ))}
                </Grid>
              </CheckboxGroup.Root>
              {errors.needs?.message ? (
                <Text size="1" color="red" role="alert">
                  {errors.needs.message}
                </Text>
              ) : null}
            </fieldset>
          )}
        />
        <TextAreaField
          label={t('workflow.summary')}
          hint={t('workflow.sealedHint')}
          error={errors.summary?.message}
          rows={3}
          {...form.register('summary')}
        />
        <FormActions
          error={record.error}
          isPending={record.isPending}
          submitLabel={t('workflow.saveAssessment')}
          onCancel={onDone}
        />
      </Flex>
    </form>
  );
}
