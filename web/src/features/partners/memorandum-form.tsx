// A memorandum, recorded by a network administrator: titles and scope in the staff languages,
// dates, and its members chosen from the directory.
import { Button, Flex, Grid, TextArea } from '@radix-ui/themes';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ZMemorandumInput, type TMemorandum } from '../../../../shared/schemas/partners';
import {
  usePartners,
  useCreateMemorandum,
  useUpdateMemorandum,
  type TMemorandumRequest,
} from '../../api/partners';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { TextInputField } from '../../components/text-input-field';
import { useT } from '../../i18n/use-t';
import { CheckboxGroupField } from '../case-file/controls';
import { showServerFieldErrors, useRequestResolver } from '../case-file/request-resolver';
import { usePartnerLabels } from './labels';

const LOCALES = ['ru', 'kk', 'en'] as const;
const suffix = { ru: 'Ru', kk: 'Kk', en: 'En' } as const;
type TTexts = { ru: string; kk: string; en: string };
type TMemorandumForm = {
  titles: TTexts;
  scopes: TTexts;
  signedOn: string;
  validUntil: string;
  memberOrgIds: string[];
};

const opt = (value: string) => (value.trim() === '' ? undefined : value);
const toRequest = (v: TMemorandumForm) => ({
  titles: { ru: v.titles.ru, kk: opt(v.titles.kk), en: opt(v.titles.en) },
  scopes: { ru: opt(v.scopes.ru), kk: opt(v.scopes.kk), en: opt(v.scopes.en) },
  signedOn: v.signedOn,
  validUntil: opt(v.validUntil),
  memberOrgIds: v.memberOrgIds,
});

const valuesOf = (m: TMemorandum | null): TMemorandumForm => ({
  titles: { ru: m?.titles.ru ?? '', kk: m?.titles.kk ?? '', en: m?.titles.en ?? '' },
  scopes: { ru: m?.scopes.ru ?? '', kk: m?.scopes.kk ?? '', en: m?.scopes.en ?? '' },
  signedOn: m?.signedOn.slice(0, 10) ?? '',
  validUntil: m?.validUntil?.slice(0, 10) ?? '',
  memberOrgIds: m?.members.map((x) => x.orgId) ?? [],
});

export function MemorandumForm({
  memorandum,
  onDone,
  onCancel,
}: {
  memorandum: TMemorandum | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const labels = usePartnerLabels();
  const partners = usePartners({});
  const create = useCreateMemorandum();
  const update = useUpdateMemorandum(memorandum?.id ?? '');
  const mutation = memorandum ? update : create;
  const form = useForm<TMemorandumForm, unknown, TMemorandumRequest>({
    resolver: useRequestResolver(ZMemorandumInput, toRequest),
    defaultValues: valuesOf(memorandum),
  });
  const { errors } = form.formState;
  // the approved partners, plus members that are no longer listed (left the network)
  const memberOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const p of partners.data?.items ?? []) options.set(p.orgId, labels.name(p.names));
    for (const m of memorandum?.members ?? [])
      if (!options.has(m.orgId)) options.set(m.orgId, labels.name(m.names));
    return [...options].map(([value, label]) => ({ value, label }));
  }, [partners.data, memorandum, labels]);

  const submit = form.handleSubmit((request) => {
    const onError = (error: Error) => showServerFieldErrors(error, form.setError);
    if (memorandum)
      update.mutate({ ...request, version: memorandum.version }, { onSuccess: onDone, onError });
    else create.mutate(request, { onSuccess: onDone, onError });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="memorandum-form">
      <Flex direction="column" gap="3">
        {LOCALES.map((l) => (
          <TextInputField
            key={l}
            lang={l}
            label={t(`memoranda.form.title${suffix[l]}`)}
            error={errors.titles?.[l]?.message}
            {...form.register(`titles.${l}`)}
          />
        ))}
        {LOCALES.map((l) => (
          <FormField
            key={l}
            label={t(`memoranda.form.scope${suffix[l]}`)}
            error={errors.scopes?.[l]?.message}
          >
            {({ id, describedBy, invalid }) => (
              <TextArea
                id={id}
                lang={l}
                rows={2}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register(`scopes.${l}`)}
              />
            )}
          </FormField>
        ))}
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          <TextInputField
            type="date"
            label={t('memoranda.signedOn')}
            error={errors.signedOn?.message}
            {...form.register('signedOn')}
          />
          <TextInputField
            type="date"
            label={t('memoranda.validUntil')}
            hint={t('memoranda.form.validUntilHint')}
            error={errors.validUntil?.message}
            {...form.register('validUntil')}
          />
        </Grid>
        <ErrorCallout error={partners.error} />
        <Controller
          control={form.control}
          name="memberOrgIds"
          render={({ field, fieldState }) => (
            <CheckboxGroupField
              legend={t('memoranda.form.members')}
              options={memberOptions}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              columns={2}
              testId="memorandum-members"
            />
          )}
        />
        <ErrorCallout error={mutation.error} />
        <Flex gap="3" justify="end">
          <Button type="button" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('memoranda.form.save')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
