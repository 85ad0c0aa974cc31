import { Button, Flex } from '@radix-ui/themes';
import { Controller, useForm } from 'react-hook-form';
import { ZCreateUserRequest } from '../../../../shared/schemas/users';
import { useCreateUser } from '../../api/admin';
import type { TCreatedUser } from '../../api/types';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { LocaleSelect } from './locale-field';
import { RolesField } from './roles-field';
import { TextInputField } from '../../components/text-input-field';

export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: TCreatedUser) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const create = useCreateUser();
  const form = useForm({
    resolver: useZodResolver(ZCreateUserRequest),
    defaultValues: { email: '', fullName: '', roles: [], locale },
  });
  const { errors } = form.formState;

  return (
    <form
      onSubmit={form.handleSubmit((values) => create.mutate(values, { onSuccess: onCreated }))}
      noValidate
    >
      <Flex direction="column" gap="3">
        <TextInputField
          label={t('userForm.fullName')}
          error={errors.fullName?.message}
          autoComplete="off"
          {...form.register('fullName')}
        />
        <TextInputField
          label={t('userForm.email')}
          error={errors.email?.message}
          type="email"
          autoComplete="off"
          {...form.register('email')}
        />
        <Controller
          control={form.control}
          name="roles"
          render={({ field }) => (
            <RolesField value={field.value} onChange={field.onChange} error={errors.roles?.message} />
          )}
        />
        <FormField label={t('userForm.locale')} error={errors.locale?.message}>
          {({ id, describedBy }) => (
            <LocaleSelect id={id} aria-describedby={describedBy} {...form.register('locale')} />
          )}
        </FormField>
        <ErrorCallout error={create.error} />
        <Flex gap="3" justify="end">
          <Button type="button" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('userCreate.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
