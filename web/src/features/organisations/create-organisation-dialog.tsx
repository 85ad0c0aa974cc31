import { Button, Flex, Switch, Text } from '@radix-ui/themes';
import { Controller, useForm } from 'react-hook-form';
import { ORGANISATION_TYPES } from '../../../../shared/roles';
import { ZCreateOrganisationRequest } from '../../../../shared/schemas/organisations';
import { useCreateOrganisation } from '../../api/admin';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Modal } from '../../components/modal';
import { NativeSelect } from '../../components/native-select';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { RegionSelect } from './region-select';
import { TextInputField } from '../../components/text-input-field';

export function CreateOrganisationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const create = useCreateOrganisation();
  const form = useForm({
    resolver: useZodResolver(ZCreateOrganisationRequest),
    defaultValues: { name: '', type: 'ngo' as const, region: null, requireTwoFactor: false },
  });
  const { errors } = form.formState;
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  return (
    <Modal open={open} onClose={close} title={t('orgs.createHeading')}>
      <form onSubmit={form.handleSubmit((values) => create.mutate(values, { onSuccess: close }))} noValidate>
        <Flex direction="column" gap="3">
          <TextInputField label={t('orgForm.name')} error={errors.name?.message} {...form.register('name')} />
          <FormField label={t('orgForm.type')} error={errors.type?.message}>
            {({ id, describedBy }) => (
              <NativeSelect id={id} aria-describedby={describedBy} {...form.register('type')}>
                {ORGANISATION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`orgType.${type}`)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <FormField
            label={t('orgForm.region')}
            error={errors.region?.message}
            hint={t('orgForm.regionHint')}
          >
            {({ id, describedBy, invalid }) => (
              <RegionSelect
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...form.register('region', { setValueAs: (v: string | null) => (v ? v : null) })}
              />
            )}
          </FormField>
          <Controller
            control={form.control}
            name="requireTwoFactor"
            render={({ field }) => (
              <Text as="label" size="2">
                <Flex gap="2" align="center">
                  <Switch checked={field.value ?? false} onCheckedChange={field.onChange} />
                  {t('orgForm.requireTwoFactor')}
                </Flex>
              </Text>
            )}
          />
          <ErrorCallout error={create.error} />
          <Flex gap="3" justify="end">
            <Button type="button" variant="soft" color="gray" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('orgs.createSubmit')}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Modal>
  );
}
