import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import { LIMITS } from '../../../../shared/limits';
import { useChooseNewPassword, useSignOut } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { ZNewPasswordForm } from './form-schemas';
import { TextInputField } from '../../components/text-input-field';

/** After an administrator's reset, the user chooses a password only they know. */
export function NewPasswordStep() {
  const t = useT();
  const choose = useChooseNewPassword();
  const signOut = useSignOut();
  const form = useForm({
    resolver: useZodResolver(ZNewPasswordForm),
    defaultValues: { newPassword: '', repeat: '' },
  });
  const { errors } = form.formState;

  return (
    <form onSubmit={form.handleSubmit(({ newPassword }) => choose.mutate({ newPassword }))} noValidate>
      <title>{t('app.documentTitle', { page: t('newPassword.heading') })}</title>
      <Flex direction="column" gap="4">
        <Heading as="h1" size="6">
          {t('newPassword.heading')}
        </Heading>
        <Text size="2" color="gray">
          {t('newPassword.intro')}
        </Text>
        <ErrorCallout error={choose.error} />
        <TextInputField
          label={t('password.new')}
          error={errors.newPassword?.message}
          hint={t('password.hint', { min: LIMITS.passwordMin })}
          type="password"
          autoComplete="new-password"
          autoFocus
          {...form.register('newPassword')}
        />
        <TextInputField
          label={t('password.repeat')}
          error={errors.repeat?.message}
          type="password"
          autoComplete="new-password"
          {...form.register('repeat')}
        />
        <Flex gap="3" justify="between" wrap="wrap">
          <Button type="button" variant="ghost" color="gray" onClick={() => signOut.mutate()}>
            {t('auth.otherAccount')}
          </Button>
          <Button type="submit" size="3" loading={choose.isPending}>
            {t('newPassword.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
