import { Button, Flex, Heading, Text, TextField } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import { ZLoginRequest } from '../../../../shared/schemas/auth';
import { useSignIn } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { setSessionNotice, useSessionNotice } from './session-notice';

export function SignInForm() {
  const t = useT();
  const notice = useSessionNotice();
  const signIn = useSignIn();
  const form = useForm({
    resolver: useZodResolver(ZLoginRequest),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) =>
    signIn.mutate(values, {
      onSuccess: () => setSessionNotice(null),
      onError: () => form.setValue('password', ''),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <title>{t('app.documentTitle', { page: t('signIn.title') })}</title>
      <Flex direction="column" gap="4">
        <Heading as="h1" size="6">
          {t('signIn.heading')}
        </Heading>
        <Text color="gray" size="2">
          {t('signIn.intro')}
        </Text>
        {notice === 'expired' && !signIn.error ? (
          <Notice tone="warning">{t('signIn.sessionExpired')}</Notice>
        ) : null}
        {notice === 'signedOut' && !signIn.error ? (
          <Notice tone="info">{t('signIn.signedOut')}</Notice>
        ) : null}
        <ErrorCallout error={signIn.error} />
        <FormField label={t('signIn.email')} error={errors.email?.message}>
          {({ id, describedBy, invalid }) => (
            <TextField.Root
              id={id}
              type="email"
              autoComplete="username"
              autoFocus
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('email')}
            />
          )}
        </FormField>
        <FormField label={t('signIn.password')} error={errors.password?.message}>
          {({ id, describedBy, invalid }) => (
            <TextField.Root
              id={id}
              type="password"
              autoComplete="current-password"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...form.register('password')}
            />
          )}
        </FormField>
        <Button type="submit" size="3" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Flex>
    </form>
  );
}
