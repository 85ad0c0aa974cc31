// The victim context (HTCDS vic_*): trafficking status, exploitation, control, recruitment,
// vulnerabilities, perpetrators. Codes are shown and chosen with their translated labels.
import { Badge, Checkbox, DataList, Flex, Grid, Text } from '@radix-ui/themes';
import { Controller, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { THtcdsCodeListId } from '../../../../shared/htcds/code-lists';
import type { TAppKey } from '../../../../shared/i18n/app/en';
import { ZUpdateVictimRequest } from '../../../../shared/schemas/case-file';
import { mayEditFile, useUpdateVictim, type TCaseFile } from '../../api/case-file';
import { FormField } from '../../components/form-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { CheckboxGroupField, HtcdsSelect, useHtcdsOptions } from './controls';
import { useCaseLabels } from './labels';
import { CaseFormFooter, EditToggle, SavedNotice, SectionCard, useEditing, ValueItem } from './section';
import { useSectionForm } from './section-form';
import {
  victimFormValues,
  victimRequest,
  type TVictimFormValues,
  type TVictimListKey,
} from './victim-form-values';

type TVictimRequest = z.infer<typeof ZUpdateVictimRequest>;
type TVictimForm = UseFormReturn<TVictimFormValues, unknown, TVictimRequest>;

/** Set only through a supervisor's approval (requested in the Work tab). */
const ACTUAL_VICTIM = 'ActualVictimOfTrafficking';

type TMultiField = {
  name: TVictimListKey;
  list: THtcdsCodeListId;
  label: TAppKey;
  columns?: 2 | 3;
};
const MULTI_FIELDS: readonly TMultiField[] = [
  { name: 'typesOfExploitation', list: 'typeOfExploitation', label: 'caseFile.victim.typesOfExploitation' },
  {
    name: 'sexExploitationTypes',
    list: 'sexExploitationType',
    label: 'caseFile.victim.sexExploitationTypes',
    columns: 2,
  },
  { name: 'methodsOfControl', list: 'methodOfControl', label: 'caseFile.victim.methodsOfControl' },
  { name: 'recruitmentMethods', list: 'recruitmentMethod', label: 'caseFile.victim.recruitmentMethods' },
  { name: 'recruitmentWebsites', list: 'websiteOrApp', label: 'caseFile.victim.recruitmentWebsites' },
  { name: 'exploitationWebsites', list: 'websiteOrApp', label: 'caseFile.victim.exploitationWebsites' },
  { name: 'vulnerabilities', list: 'vulnerability', label: 'caseFile.victim.vulnerabilities' },
  { name: 'perpetratorRoles', list: 'perpetratorRole', label: 'caseFile.victim.perpetratorRoles' },
];

export function VictimSection({
  caseFile,
  onReload,
}: {
  caseFile: TCaseFile;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const editing = useEditing();
  const canEdit = mayEditFile(caseFile);
  return (
    <SectionCard
      title={t('caseFile.tab.victim')}
      testId="victim-section"
      actions={
        canEdit ? (
          <EditToggle editing={editing} label={t('caseFile.victim.edit')} testId="edit-victim" />
        ) : null
      }
    >
      <SavedNotice editing={editing} />
      {editing.isEditing ? (
        <VictimForm
          key={editing.formKey}
          caseFile={caseFile}
          onSaved={() => editing.stop(true)}
          onReload={async () => {
            await onReload();
            editing.remount();
          }}
        />
      ) : (
        <VictimView caseFile={caseFile} />
      )}
    </SectionCard>
  );
}

function Codes({ list, codes }: { list: THtcdsCodeListId; codes: readonly string[] | undefined }) {
  const labels = useCaseLabels();
  if (!codes || codes.length === 0) return null;
  return (
    <Flex gap="1" wrap="wrap">
      {codes.map((code) => (
        <Badge key={code} color="indigo" variant="soft">
          {labels.htcds(list, code)}
        </Badge>
      ))}
    </Flex>
  );
}

function VictimView({ caseFile }: { caseFile: TCaseFile }) {
  const t = useT();
  const labels = useCaseLabels();
  const v = caseFile.victim;
  return (
    <DataList.Root data-testid="victim-view">
      <ValueItem label={t('caseFile.victim.traffickingStatus')} testId="victim-status">
        {v.traffickingStatus ? (
          <Badge color={v.traffickingStatus === ACTUAL_VICTIM ? 'red' : 'amber'}>
            {labels.htcds('traffickingStatus', v.traffickingStatus)}
          </Badge>
        ) : null}
      </ValueItem>
      <ValueItem label={t('caseFile.victim.statusDecisionMaker')}>
        {labels.htcds('traffickingStatusDecisionMaker', v.statusDecisionMaker)}
      </ValueItem>
      {MULTI_FIELDS.slice(0, 2).map((f) => (
        <ValueItem key={f.name} label={t(f.label)}>
          <Codes list={f.list} codes={v[f.name]} />
        </ValueItem>
      ))}
      <ValueItem label={t('caseFile.victim.forcedLabourIndustry')}>
        {labels.htcds('forcedLabourIndustry', v.forcedLabourIndustry)}
      </ValueItem>
      {MULTI_FIELDS.slice(2, 4).map((f) => (
        <ValueItem key={f.name} label={t(f.label)}>
          <Codes list={f.list} codes={v[f.name]} />
        </ValueItem>
      ))}
      <ValueItem label={t('caseFile.victim.recruitmentLocation')}>{v.recruitmentLocation}</ValueItem>
      <ValueItem label={t('caseFile.victim.exploitationLocation')}>{v.exploitationLocation}</ValueItem>
      {MULTI_FIELDS.slice(4).map((f) => (
        <ValueItem key={f.name} label={t(f.label)}>
          <Codes list={f.list} codes={v[f.name]} />
        </ValueItem>
      ))}
      <ValueItem label={t('caseFile.victim.relationshipToTrafficker')}>
        {labels.htcds('relationshipToTrafficker', v.relationshipToTrafficker)}
      </ValueItem>
      <ValueItem label={t('caseFile.victim.ageWhenTrafficked')}>
        {v.ageWhenTrafficked !== undefined ? String(v.ageWhenTrafficked) : null}
      </ValueItem>
      <ValueItem label={t('caseFile.victim.agreementToManagePersonalData')}>
        {v.agreementToManagePersonalData === undefined
          ? null
          : v.agreementToManagePersonalData
            ? t('caseFile.yes')
            : t('caseFile.no')}
      </ValueItem>
    </DataList.Root>
  );
}

function MultiField({ field, form }: { field: TMultiField; form: TVictimForm }) {
  const t = useT();
  const options = useHtcdsOptions(field.list);
  return (
    <Controller
      control={form.control}
      name={`victim.${field.name}`}
      render={({ field: control, fieldState }) => (
        <CheckboxGroupField
          legend={t(field.label)}
          options={options}
          value={control.value}
          onChange={control.onChange}
          error={fieldState.error?.message}
          columns={field.columns ?? 3}
          testId={`victim-${field.name}`}
        />
      )}
    />
  );
}

function VictimForm({
  caseFile,
  onSaved,
  onReload,
}: {
  caseFile: TCaseFile;
  onSaved: () => void;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const update = useUpdateVictim(caseFile.id);
  const { form, submit } = useSectionForm<TVictimFormValues, TVictimRequest>({
    caseFile,
    schema: ZUpdateVictimRequest,
    toRequest: victimRequest,
    defaultValues: victimFormValues(caseFile),
    update,
    onSaved,
  });
  const { errors } = form.formState;
  const isActual = caseFile.victim.traffickingStatus === ACTUAL_VICTIM;

  return (
    <form onSubmit={submit} noValidate data-testid="victim-form">
      <Flex direction="column" gap="3">
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <FormField
            label={t('caseFile.victim.traffickingStatus')}
            error={errors.victim?.traffickingStatus?.message}
            hint={isActual ? undefined : t('caseFile.victim.actualNote')}
          >
            {({ id, describedBy, invalid }) => (
              <HtcdsSelect
                id={id}
                list="traffickingStatus"
                except={isActual ? [] : [ACTUAL_VICTIM]}
                autoFocus
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('victim.traffickingStatus')}
              />
            )}
          </FormField>
          <FormField label={t('caseFile.victim.statusDecisionMaker')}>
            {({ id }) => (
              <HtcdsSelect
                id={id}
                list="traffickingStatusDecisionMaker"
                {...form.register('victim.statusDecisionMaker')}
              />
            )}
          </FormField>
        </Grid>
        <MultiField field={MULTI_FIELDS[0]!} form={form} />
        <MultiField field={MULTI_FIELDS[1]!} form={form} />
        <FormField label={t('caseFile.victim.forcedLabourIndustry')}>
          {({ id }) => (
            <HtcdsSelect
              id={id}
              list="forcedLabourIndustry"
              {...form.register('victim.forcedLabourIndustry')}
            />
          )}
        </FormField>
        <MultiField field={MULTI_FIELDS[2]!} form={form} />
        <MultiField field={MULTI_FIELDS[3]!} form={form} />
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            label={t('caseFile.victim.recruitmentLocation')}
            hint={t('caseFile.victim.locationHint')}
            error={errors.victim?.recruitmentLocation?.message}
            autoComplete="off"
            {...form.register('victim.recruitmentLocation')}
          />
          <TextInputField
            label={t('caseFile.victim.exploitationLocation')}
            hint={t('caseFile.victim.locationHint')}
            error={errors.victim?.exploitationLocation?.message}
            autoComplete="off"
            {...form.register('victim.exploitationLocation')}
          />
        </Grid>
        <MultiField field={MULTI_FIELDS[4]!} form={form} />
        <MultiField field={MULTI_FIELDS[5]!} form={form} />
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <FormField label={t('caseFile.victim.relationshipToTrafficker')}>
            {({ id }) => (
              <HtcdsSelect
                id={id}
                list="relationshipToTrafficker"
                {...form.register('victim.relationshipToTrafficker')}
              />
            )}
          </FormField>
          <TextInputField
            label={t('caseFile.victim.ageWhenTrafficked')}
            error={errors.victim?.ageWhenTrafficked?.message}
            inputMode="numeric"
            autoComplete="off"
            {...form.register('victim.ageWhenTrafficked')}
          />
        </Grid>
        <MultiField field={MULTI_FIELDS[6]!} form={form} />
        <MultiField field={MULTI_FIELDS[7]!} form={form} />
        <Controller
          control={form.control}
          name="victim.agreementToManagePersonalData"
          render={({ field }) => (
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} />
                {t('caseFile.victim.agreementToManagePersonalData')}
              </Flex>
            </Text>
          )}
        />
        <CaseFormFooter update={update} isDirty={form.formState.isDirty} onReload={onReload} />
      </Flex>
    </form>
  );
}
