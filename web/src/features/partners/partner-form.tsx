// An entry of the directory, edited by its organisation's administrators or a network
// administrator (and, for a partner without Senim, created by a network administrator).
import { Cross2Icon, PlusIcon } from '@radix-ui/react-icons';
import {
  Button,
  Callout,
  Card,
  Checkbox,
  Flex,
  Grid,
  Heading,
  IconButton,
  Text,
  TextArea,
} from '@radix-ui/themes';
import { useId, useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, type UseFormReturn } from 'react-hook-form';
import { REGIONS } from '../../../../shared/regions';
import {
  PARTNER_LANGUAGES,
  PARTNER_SERVICES,
  PARTNER_TYPES,
  PUBLISHABLE_FIELDS,
  ZCreateOfflinePartnerRequest,
  ZUpdatePartnerProfileRequest,
  type TPartner,
} from '../../../../shared/schemas/partners';
import { ApiError } from '../../api/client';
import {
  useCreateOfflinePartner,
  useUpdatePartner,
  type TCreateOfflinePartnerRequest,
  type TUpdatePartnerRequest,
} from '../../api/partners';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { NativeSelect } from '../../components/native-select';
import { Notice } from '../../components/notice';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { CheckboxGroupField } from '../case-file/controls';
import { showServerFieldErrors } from '../case-file/request-resolver';
import {
  EMPTY_CONTACT_POINT,
  formValuesOf,
  toCreateOfflineRequest,
  toUpdateRequest,
  usePartnerResolver,
  type TPartnerForm,
} from './form-values';
import { usePartnerLabels } from './labels';

const LOCALES = ['ru', 'kk', 'en'] as const;
const suffix = { ru: 'Ru', kk: 'Kk', en: 'En' } as const;

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card size="2">
      <section aria-labelledby={id}>
        <Heading as="h2" size="4" mb="3" id={id}>
          {title}
        </Heading>
        <Flex direction="column" gap="3">
          {children}
        </Flex>
      </section>
    </Card>
  );
}

type TMode =
  | { kind: 'edit'; orgId: string; partner: TPartner | null; onReload: () => Promise<unknown> }
  | { kind: 'createOffline'; onCreated: (partner: TPartner) => void };

export function PartnerForm(props: TMode) {
  return props.kind === 'edit' ? <EditPartnerForm {...props} /> : <CreateOfflinePartnerForm {...props} />;
}

function EditPartnerForm({ orgId, partner, onReload }: Extract<TMode, { kind: 'edit' }>) {
  const t = useT();
  const update = useUpdatePartner(orgId);
  const [saved, setSaved] = useState(false);
  const form = useForm<TPartnerForm, unknown, TUpdatePartnerRequest>({
    resolver: usePartnerResolver(ZUpdatePartnerProfileRequest, toUpdateRequest),
    values: formValuesOf(partner),
  });
  const isConflict = update.error instanceof ApiError && update.error.status === 409;
  const submit = form.handleSubmit((request) => {
    setSaved(false);
    update.mutate(request, {
      onSuccess: () => setSaved(true),
      onError: (error) => showServerFieldErrors(error, form.setError),
    });
  });
  return (
    <form onSubmit={submit} noValidate data-testid="partner-form">
      <Flex direction="column" gap="4">
        <PartnerFields form={form} withOrganisationName={false} />
        {saved && !form.formState.isDirty ? <Notice>{t('partners.form.saved')}</Notice> : null}
        {isConflict ? (
          <Callout.Root color="red" role="alert" data-testid="conflict">
            <Callout.Text>{t('partners.form.conflict')}</Callout.Text>
          </Callout.Root>
        ) : (
          <ErrorCallout error={update.error} />
        )}
        <Flex gap="3" justify="end">
          {isConflict ? (
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
          ) : null}
          <Button
            type="submit"
            loading={update.isPending}
            disabled={partner !== null && !form.formState.isDirty}
          >
            {partner ? t('common.saveChanges') : t('partners.form.create')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

function CreateOfflinePartnerForm({ onCreated }: Extract<TMode, { kind: 'createOffline' }>) {
  const t = useT();
  const create = useCreateOfflinePartner();
  const form = useForm<TPartnerForm, unknown, TCreateOfflinePartnerRequest>({
    resolver: usePartnerResolver(ZCreateOfflinePartnerRequest, toCreateOfflineRequest),
    defaultValues: formValuesOf(null),
  });
  const submit = form.handleSubmit((request) =>
    create.mutate(request, {
      onSuccess: onCreated,
      onError: (error) => showServerFieldErrors(error, form.setError),
    }),
  );
  return (
    <form onSubmit={submit} noValidate data-testid="partner-form">
      <Flex direction="column" gap="4">
        <PartnerFields form={form} withOrganisationName />
        <ErrorCallout error={create.error} />
        <Flex gap="3" justify="end">
          <Button type="submit" loading={create.isPending}>
            {t('partners.form.create')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

function PartnerFields<TRequest>({
  form,
  withOrganisationName,
}: {
  form: UseFormReturn<TPartnerForm, unknown, TRequest>;
  withOrganisationName: boolean;
}) {
  const t = useT();
  const labels = usePartnerLabels();
  const { errors } = form.formState;
  const contacts = useFieldArray({ control: form.control, name: 'contactPoints' });
  const published = form.watch('published');
  const options = (codes: readonly string[], of: (code: string) => string) =>
    codes.map((value) => ({ value, label: of(value) }));
  const regionOptions = REGIONS.map((r) => ({ value: r.code, label: labels.region(r.code) })).sort((a, b) =>
    a.label.localeCompare(b.label, labels.locale),
  );

  return (
    <>
      <FormSection title={t('partners.form.section.identity')}>
        {withOrganisationName ? (
          <TextInputField
            label={t('partners.form.organisationName')}
            error={errors.organisationName?.message}
            {...form.register('organisationName')}
          />
        ) : null}
        <FormField label={t('partners.form.type')} error={errors.partnerType?.message}>
          {({ id, describedBy, invalid }) => (
            <NativeSelect
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('partnerType')}
            >
              <option value="">{t('common.notSet')}</option>
              {PARTNER_TYPES.map((code) => (
                <option key={code} value={code}>
                  {labels.type(code)}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <Grid columns={{ initial: '1', md: '3' }} gap="3">
          {LOCALES.map((l) => (
            <TextInputField
              key={l}
              lang={l}
              label={t(`partners.form.name${suffix[l]}`)}
              error={errors.names?.[l]?.message}
              hint={l === 'ru' ? undefined : t('partners.form.nameHint')}
              {...form.register(`names.${l}`)}
            />
          ))}
        </Grid>
        {LOCALES.map((l) => (
          <FormField
            key={l}
            label={t(`partners.form.description${suffix[l]}`)}
            error={errors.descriptions?.[l]?.message}
          >
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                lang={l}
                rows={3}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register(`descriptions.${l}`)}
              />
            )}
          </FormField>
        ))}
      </FormSection>

      <FormSection title={t('partners.form.section.offer')}>
        <Controller
          control={form.control}
          name="services"
          render={({ field, fieldState }) => (
            <CheckboxGroupField
              legend={t('partners.form.services')}
              options={options(PARTNER_SERVICES, labels.service)}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              testId="services-field"
            />
          )}
        />
        <Controller
          control={form.control}
          name="regions"
          render={({ field, fieldState }) => (
            <CheckboxGroupField
              legend={t('partners.form.regions')}
              options={regionOptions}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              testId="regions-field"
            />
          )}
        />
        <Controller
          control={form.control}
          name="languages"
          render={({ field, fieldState }) => (
            <CheckboxGroupField
              legend={t('partners.form.languages')}
              options={options(PARTNER_LANGUAGES, labels.language)}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              testId="languages-field"
            />
          )}
        />
      </FormSection>

      <FormSection title={t('partners.form.section.contacts')}>
        <fieldset className="plain-fieldset" data-testid="contact-points">
          <legend>
            <Text size="2" weight="bold">
              {t('partners.form.contactPoints')}
            </Text>
          </legend>
          <Text as="p" size="1" color="gray" mb="2">
            {t('partners.form.contactHint')}
          </Text>
          <Flex direction="column" gap="3">
            {contacts.fields.map((field, index) => {
              const e = errors.contactPoints?.[index];
              return (
                <fieldset key={field.id} className="fieldset">
                  <legend>
                    <Text size="2" weight="bold">
                      {t('partners.form.contactN', { n: index + 1 })}
                    </Text>
                  </legend>
                  <Grid columns={{ initial: '1', sm: '2' }} gap="2">
                    <TextInputField
                      label={t('partners.form.contactLabel')}
                      error={e?.label?.message}
                      {...form.register(`contactPoints.${index}.label`)}
                    />
                    <TextInputField
                      label={t('partners.form.contactPhone')}
                      type="tel"
                      error={e?.phone?.message}
                      {...form.register(`contactPoints.${index}.phone`)}
                    />
                    <TextInputField
                      label={t('partners.form.contactEmail')}
                      type="email"
                      error={e?.email?.message}
                      {...form.register(`contactPoints.${index}.email`)}
                    />
                    <TextInputField
                      label={t('partners.form.contactAddress')}
                      error={e?.address?.message}
                      {...form.register(`contactPoints.${index}.address`)}
                    />
                  </Grid>
                  <Flex justify="end" mt="2">
                    <IconButton
                      type="button"
                      variant="soft"
                      color="red"
                      aria-label={t('partners.form.removeContact', { n: index + 1 })}
                      onClick={() => contacts.remove(index)}
                    >
                      <Cross2Icon aria-hidden />
                    </IconButton>
                  </Flex>
                </fieldset>
              );
            })}
            {contacts.fields.length < 10 ? (
              <Flex>
                <Button
                  type="button"
                  variant="soft"
                  size="1"
                  onClick={() => contacts.append(EMPTY_CONTACT_POINT)}
                >
                  <PlusIcon aria-hidden />
                  {t('partners.form.addContact')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        </fieldset>
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            label={t('partners.form.hours')}
            hint={t('partners.form.hoursHint')}
            error={errors.hours?.message}
            {...form.register('hours')}
          />
          <TextInputField
            label={t('partners.form.website')}
            hint={t('partners.form.websiteHint')}
            type="url"
            error={errors.website?.message}
            {...form.register('website')}
          />
        </Grid>
      </FormSection>

      <FormSection title={t('partners.form.section.letters')}>
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <FormField
            label={t('partners.form.letterLanguage')}
            hint={t('partners.form.letterLanguageHint')}
            error={errors.letterLanguage?.message}
          >
            {({ id, describedBy, invalid }) => (
              <NativeSelect
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('letterLanguage')}
              >
                <option value="ru">{t('partners.form.letterLanguage.ru')}</option>
                <option value="kk">{t('partners.form.letterLanguage.kk')}</option>
              </NativeSelect>
            )}
          </FormField>
          <TextInputField
            label={t('partners.form.notifyEmail')}
            hint={t('partners.form.notifyEmailHint')}
            type="email"
            error={errors.notifyEmail?.message}
            {...form.register('notifyEmail')}
          />
        </Grid>
      </FormSection>

      <FormSection title={t('partners.form.section.publish')}>
        <Controller
          control={form.control}
          name="published"
          render={({ field }) => (
            <Text as="label" size="2" weight="bold">
              <Flex gap="2" align="center">
                <Checkbox
                  checked={field.value}
                  onCheckedChange={(checked) => field.onChange(checked === true)}
                  data-testid="published"
                />
                {t('partners.form.published')}
              </Flex>
            </Text>
          )}
        />
        {published ? (
          <Controller
            control={form.control}
            name="publishedFields"
            render={({ field, fieldState }) => (
              <CheckboxGroupField
                legend={t('partners.form.publishedFields')}
                options={options(PUBLISHABLE_FIELDS, labels.field)}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                columns={2}
                testId="published-fields"
              />
            )}
          />
        ) : null}
      </FormSection>
    </>
  );
}
