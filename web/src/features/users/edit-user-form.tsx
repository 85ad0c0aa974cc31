// Edit name, roles, language and whether the account is active. The version guards against
// overwriting someone else's change: a 409 shows the server's message and offers a reload.
import { Flex, Switch, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ZUpdateUserRequest } from '../../../../shared/schemas/users';
import { useUpdateUser } from '../../api/admin';
import type { TUser } from '../../api/types';
import { FormField } from '../../components/form-field';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { LocaleSelect } from './locale-field';
import { RolesField } from './roles-field';
import { SaveChangesFooter } from '../../components/save-changes-footer';
import { TextInputField } from '../../components/text-input-field';

const valuesOf = (user: TUser) => ({
  fullName: user.fullName,
  roles: user.roles,
  locale: user.locale,
  isActive: user.isActive,
  version: user.version,
});

export function EditUserForm({ user, onReload }: { user: TUser; onReload: () => Promise<unknown> }) {
  const t = useT();
  const update = useUpdateUser(user.id);
  const canEdit = user.actions.includes('user.update');
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: useZodResolver(ZUpdateUserRequest),
    values: valuesOf(user),
    resetOptions: { keepDirtyValues: false },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setSaved(false);
    update.mutate(values, { onSuccess: () => setSaved(true) });
  });

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canEdit} className="plain-fieldset">
        <Flex direction="column" gap="3">
          <TextInputField
            label={t('userForm.fullName')}
            error={errors.fullName?.message}
            {...form.register('fullName')}
          />
          <Controller
            control={form.control}
            name="roles"
            render={({ field }) => (
              <RolesField
                value={field.value ?? []}
                onChange={field.onChange}
                error={errors.roles?.message}
                disabled={!canEdit}
              />
            )}
          />
          <FormField label={t('userForm.locale')}>
            {({ id }) => <LocaleSelect id={id} {...form.register('locale')} />}
          </FormField>
          <Controller
            control={form.control}
            name="isActive"
            render={({ field }) => (
              <Text as="label" size="2">
                <Flex gap="2" align="center">
                  <Switch
                    checked={field.value ?? true}
                    onCheckedChange={field.onChange}
                    disabled={!canEdit}
                  />
                  {t('userForm.isActive')}
                </Flex>
              </Text>
            )}
          />
          {canEdit ? (
            <SaveChangesFooter
              update={update}
              isSaved={saved}
              isDirty={form.formState.isDirty}
              onReload={onReload}
            />
          ) : null}
        </Flex>
      </fieldset>
    </form>
  );
}
