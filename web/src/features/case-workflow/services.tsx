// Services delivered: by the own organisation or another provider, with their outcome.
import { Flex, Grid } from '@radix-ui/themes';
import { useCallback } from 'react';
import { useForm } from 'react-hook-form';
import {
  SERVICE_OUTCOMES,
  SERVICE_TYPES,
  ZServiceInput,
  type TService,
} from '../../../../shared/schemas/case-file';
import { useFullSession } from '../../api/session';
import { useRecordService, type TServiceInput } from '../../api/workflow';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { TextAreaField } from '../../components/text-area-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { text, todayDay, useRequestResolver, useStepSubmit } from './form-support';
import { CodeField } from './code-field';
import { useFormatDay, useUserName, useWorkflowLabels } from './labels';
import { AddToggle, FormActions, RecordCard, SealedText, Value, WorkflowPart } from './workflow-ui';

export function Services({
  caseId,
  items,
  redacted,
  canAdd,
}: {
  caseId: string;
  items: TService[];
  redacted: boolean;
  canAdd: boolean;
}) {
  const t = useT();
  const labels = useWorkflowLabels();
  const formatDay = useFormatDay();
  const userName = useUserName();
  const session = useFullSession();
  const provider = (s: TService): string | null => {
    if (s.providerName) return s.providerName;
    if (s.providerOrgId === session.user.orgId) return session.user.orgName;
    if (s.providerOrgId) return t('workflow.providerNetwork');
    return null;
  };
  return (
    <WorkflowPart
      title={t('workflow.services')}
      testId="workflow-services"
      empty={t('workflow.noServices')}
      count={items.length}
      form={
        canAdd ? (
          <AddToggle label={t('workflow.addService')} testId="add-service">
            {(close) => <ServiceForm caseId={caseId} onDone={close} />}
          </AddToggle>
        ) : null
      }
    >
      {items.map((s) => (
        <RecordCard key={s.id} testId="service">
          <Value label={t('workflow.serviceType')}>{labels.code('workflow.service', s.type)}</Value>
          <Value label={t('workflow.provider')}>{provider(s)}</Value>
          <Value label={t('workflow.deliveredOn')}>{formatDay(s.deliveredOn)}</Value>
          <Value label={t('workflow.outcome')}>{labels.code('workflow.serviceOutcome', s.outcome)}</Value>
          <Value label={t('workflow.notes')}>
            <SealedText value={s.notes} redacted={redacted} />
          </Value>
          <Value label={t('workflow.recordedBy')}>{userName(s.createdBy)}</Value>
        </RecordCard>
      ))}
    </WorkflowPart>
  );
}

type TServiceForm = {
  type: string;
  provider: '' | 'own' | 'other';
  providerName: string;
  deliveredOn: string;
  outcome: string;
  notes: string;
};

function ServiceForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const session = useFullSession();
  const record = useRecordService(caseId);
  const orgId = session.user.orgId;
  const toRequest = useCallback(
    (v: TServiceForm) => ({
      type: v.type || undefined,
      providerOrgId: v.provider === 'own' ? orgId : undefined,
      providerName: v.provider === 'other' ? (text(v.providerName) ?? '') : undefined,
      deliveredOn: v.deliveredOn,
      outcome: v.outcome || undefined,
      notes: text(v.notes),
    }),
    [orgId],
  );
  const form = useForm<TServiceForm, unknown, TServiceInput>({
    resolver: useRequestResolver(ZServiceInput, toRequest),
    defaultValues: {
      type: '',
      provider: 'own',
      providerName: '',
      deliveredOn: todayDay(),
      outcome: '',
      notes: '',
    },
  });
  const { errors } = form.formState;
  const provider = form.watch('provider');
  const submit = form.handleSubmit(useStepSubmit(record, form.setError, onDone));
  return (
    <form onSubmit={submit} noValidate aria-label={t('workflow.addService')} data-testid="service-form">
      <Flex direction="column" gap="3">
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <CodeField
            label={t('workflow.serviceType')}
            codes={SERVICE_TYPES}
            prefix="workflow.service"
            error={errors.type?.message}
            registration={form.register('type')}
            autoFocus
          />
          <TextInputField
            label={t('workflow.deliveredOn')}
            type="date"
            max={todayDay()}
            error={errors.deliveredOn?.message}
            {...form.register('deliveredOn')}
          />
          <FormField label={t('workflow.provider')}>
            {({ id }) => (
              <NativeSelect id={id} {...form.register('provider')}>
                <option value="own">{t('workflow.providerOwn', { name: session.user.orgName })}</option>
                <option value="other">{t('workflow.providerOther')}</option>
                <option value="">{t('common.notSet')}</option>
              </NativeSelect>
            )}
          </FormField>
          {provider === 'other' ? (
            <TextInputField
              label={t('workflow.providerName')}
              error={errors.providerName?.message}
              autoComplete="off"
              {...form.register('providerName')}
            />
          ) : null}
          <CodeField
            label={t('workflow.outcome')}
            codes={SERVICE_OUTCOMES}
            prefix="workflow.serviceOutcome"
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
          submitLabel={t('workflow.saveService')}
          onCancel={onDone}
        />
      </Flex>
    </form>
  );
}
