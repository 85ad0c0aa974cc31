import { Button, Flex, Heading } from '@radix-ui/themes';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { LIMITS } from '../../../../shared/limits';
import { useChangePassword } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { ZChangePasswordForm } from '../auth/form-schemas';
import { TextInputField } from '../../components/text-input-field';

export function ChangePasswordForm() {
  const t = useT();
  const change = useChangePassword();
  const [isDone, setDone] = useState(false);
  const form = useForm({
    resolver: useZodResolver(ZChangePasswordForm),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    setDone(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setDone(true);
          form.reset();
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4">
          {t('account.changePassword')}
        </Heading>
        <TextInputField
          label={t('password.current')}
          error={errors.currentPassword?.message}
          type="password"
          autoComplete="current-password"
          {...form.register('currentPassword')}
        />
        <TextInputField
          label={t('password.new')}
          error={errors.newPassword?.message}
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          type="password"
          autoComplete="new-password"
          {...form.register('newPassword')}
        />
        <TextInputField
          label={t('password.repeat')}
          error={errors.repeat?.message}
          type="password"
          autoComplete="new-password"
          {...form.register('repeat')}
        />
        {isDone ? <Notice>{t('account.passwordChanged')}</Notice> : null}
        <ErrorCallout error={change.error} />
        <Flex justify="end">
          <Button type="submit" loading={change.isPending}>
            {t('account.changePasswordSubmit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
