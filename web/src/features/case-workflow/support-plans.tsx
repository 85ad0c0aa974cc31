// Support plans (HTCDS spl_*): what was planned, editable (versioned: a 409 offers the latest
// version), and the form to record a new one.
import { Pencil1Icon } from '@radix-ui/react-icons';
import { Box, Button, Card, CheckboxGroup, Flex, Grid, Text } from '@radix-ui/themes';
import { useCallback, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ZSupportPlanType } from '../../../../shared/htcds/code-lists';
import {
  ZSupportPlanInput,
  ZUpdateSupportPlanRequest,
  type TSupportPlan,
} from '../../../../shared/schemas/case-file';
import {
  useRecordSupportPlan,
  useUpdateSupportPlan,
  type TSupportPlanInput,
  type TUpdateSupportPlanRequest,
} from '../../api/workflow';
import { Notice } from '../../components/notice';
import { TextAreaField } from '../../components/text-area-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import {
  isConflict,
  showServerFieldErrors,
  text,
  todayDay,
  useRequestResolver,
  useStepSubmit,
} from './form-support';
import { useFormatDay, useUserName, useWorkflowLabels } from './labels';
import { AddToggle, FormActions, RecordCard, SealedText, Value, WorkflowPart } from './workflow-ui';

const PLAN_TYPES = ZSupportPlanType.options;

export function SupportPlans({
  caseId,
  items,
  redacted,
  canEdit,
  onReload,
}: {
  caseId: string;
  items: TSupportPlan[];
  redacted: boolean;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  return (
    <WorkflowPart
      title={t('workflow.supportPlans')}
      testId="workflow-plans"
      empty={t('workflow.noPlans')}
      count={items.length}
      form={
        canEdit ? (
          <AddToggle label={t('workflow.addPlan')} testId="add-plan">
            {(close) => <PlanForm caseId={caseId} plan={null} onDone={close} onReload={onReload} />}
          </AddToggle>
        ) : null
      }
    >
      {items.map((plan) => (
        <PlanItem
          key={plan.id}
          caseId={caseId}
          plan={plan}
          redacted={redacted}
          // a reader who cannot see the sealed texts would clear them by saving the plan
          canEdit={canEdit && !redacted}
          onReload={onReload}
        />
      ))}
    </WorkflowPart>
  );
}

function PlanItem({
  caseId,
  plan,
  redacted,
  canEdit,
  onReload,
}: {
  caseId: string;
  plan: TSupportPlan;
  redacted: boolean;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDay = useFormatDay();
  const userName = useUserName();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // a reload after a conflict mounts the form again with the latest plan
  const [formKey, setFormKey] = useState(0);
  const stop = useCallback((isSaved: boolean) => {
    setEditing(false);
    setSaved(isSaved);
    requestAnimationFrame(() => editButton.current?.focus());
  }, []);
  const reload = useCallback(async () => {
    await onReload();
    setFormKey((k) => k + 1);
  }, [onReload]);

  if (editing)
    return (
      <Box asChild display="block">
        <li data-testid="plan">
          <Card size="2">
            <PlanForm key={formKey} caseId={caseId} plan={plan} onDone={stop} onReload={reload} />
          </Card>
        </li>
      </Box>
    );
  return (
    <RecordCard
      testId="plan"
      footer={saved ? <Notice>{t('common.saved')}</Notice> : null}
      actions={
        canEdit ? (
          <Button
            type="button"
            variant="soft"
            size="1"
            ref={editButton}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            aria-label={t('workflow.editPlanOf', { date: formatDay(plan.createdAt.slice(0, 10)) })}
            data-testid="edit-plan"
          >
            <Pencil1Icon aria-hidden />
            {t('workflow.edit')}
          </Button>
        ) : null
      }
    >
      <Value label={t('workflow.planTypes')}>
        {plan.types.map((code) => labels.planType(code)).join(', ')}
      </Value>
      <Value label={t('workflow.objectives')}>
        <SealedText value={plan.objectives} redacted={redacted} />
      </Value>
      <Value label={t('workflow.actionPlan')}>
        <SealedText value={plan.actionPlan} redacted={redacted} />
      </Value>
      <Value label={t('workflow.plannedEnd')}>{formatDay(plan.plannedEnd)}</Value>
      <Value label={t('workflow.actualEnd')}>{formatDay(plan.actualEnd)}</Value>
      <Value label={t('workflow.recordedBy')}>{userName(plan.createdBy)}</Value>
    </RecordCard>
  );
}

type TPlanForm = {
  types: string[];
  objectives: string;
  actionPlan: string;
  plannedEnd: string;
  actualEnd: string;
};
const toInput = (v: TPlanForm) => ({
  types: v.types,
  objectives: text(v.objectives),
  actionPlan: text(v.actionPlan),
  plannedEnd: text(v.plannedEnd),
  actualEnd: text(v.actualEnd),
});
const valuesOf = (plan: TSupportPlan | null): TPlanForm => ({
  types: plan?.types ?? [],
  objectives: plan?.objectives ?? '',
  actionPlan: plan?.actionPlan ?? '',
  plannedEnd: plan?.plannedEnd ?? '',
  actualEnd: plan?.actualEnd ?? '',
});

/** Adds a plan (`plan` null) or replaces one at the version it was read. */
function PlanForm({
  caseId,
  plan,
  onDone,
  onReload,
}: {
  caseId: string;
  plan: TSupportPlan | null;
  onDone: (saved: boolean) => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  const record = useRecordSupportPlan(caseId);
  const update = useUpdateSupportPlan(caseId);
  const mutation = plan ? update : record;
  const version = plan?.version;
  const toRequest = useCallback(
    (v: TPlanForm) => (version === undefined ? toInput(v) : { ...toInput(v), version }),
    [version],
  );
  const form = useForm<TPlanForm, unknown, TSupportPlanInput | TUpdateSupportPlanRequest>({
    resolver: useRequestResolver<TPlanForm, TSupportPlanInput | TUpdateSupportPlanRequest>(
      plan ? ZUpdateSupportPlanRequest : ZSupportPlanInput,
      toRequest,
    ),
    defaultValues: valuesOf(plan),
  });
  const { errors } = form.formState;
  const addPlan = useStepSubmit(record, form.setError, () => onDone(true));
  const submit = form.handleSubmit((body) => {
    if (!plan) return addPlan(body);
    if (update.isPending) return;
    update.mutate(
      { planId: plan.id, body: body as TUpdateSupportPlanRequest },
      { onSuccess: () => onDone(true), onError: (error) => showServerFieldErrors(error, form.setError) },
    );
  });
  const conflict = isConflict(update.error);
  const label = plan ? t('workflow.editPlan') : t('workflow.addPlan');
  return (
    <form onSubmit={submit} noValidate aria-label={label} data-testid="plan-form">
      <Flex direction="column" gap="3">
        <Controller
          control={form.control}
          name="types"
          render={({ field }) => (
            <fieldset className="fieldset" aria-describedby={errors.types ? 'plan-types-error' : undefined}>
              <legend>
                <Text size="2" weight="bold">
                  {t('workflow.planTypes')}
                </Text>
              </legend>
              <CheckboxGroup.Root value={field.value} onValueChange={field.onChange} size="2">
                <Grid columns={{ initial: '1', sm: '2' }} gap="1">
                  {PLAN_TYPES.map((code) => (
                    <CheckboxGroup.Item key={code} value={code}>
                      {labels.planType(code)}
                    </CheckboxGroup.Item>
                  ))}
                </Grid>
              </CheckboxGroup.Root>
              {errors.types?.message ? (
                <Text size="1" color="red" role="alert" id="plan-types-error">
                  {errors.types.message}
                </Text>
              ) : null}
            </fieldset>
          )}
        />
        <TextAreaField
          label={t('workflow.objectives')}
          hint={t('workflow.sealedHint')}
          error={errors.objectives?.message}
          rows={3}
          {...form.register('objectives')}
        />
        <TextAreaField
          label={t('workflow.actionPlan')}
          error={errors.actionPlan?.message}
          rows={3}
          {...form.register('actionPlan')}
        />
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            label={t('workflow.plannedEnd')}
            type="date"
            error={errors.plannedEnd?.message}
            {...form.register('plannedEnd')}
          />
          <TextInputField
            label={t('workflow.actualEnd')}
            type="date"
            max={todayDay()}
            error={errors.actualEnd?.message}
            {...form.register('actualEnd')}
          />
        </Grid>
        {conflict ? <Notice tone="warning">{t('workflow.planConflict')}</Notice> : null}
        <FormActions
          error={mutation.error}
          isPending={mutation.isPending}
          submitLabel={plan ? t('common.saveChanges') : t('workflow.savePlan')}
          onCancel={() => onDone(false)}
          extra={
            conflict ? (
              <Button
                type="button"
                variant="soft"
                onClick={() => {
                  update.reset();
                  void onReload();
                }}
              >
                {t('common.reload')}
              </Button>
            ) : null
          }
        />
      </Flex>
    </form>
  );
}
