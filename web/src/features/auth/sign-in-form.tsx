import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import { ZLoginRequest } from '../../../../shared/schemas/auth';
import { useSignIn } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { Notice } from '../../components/notice';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { setSessionNotice, useSessionNotice } from './session-notice';
import { TextInputField } from '../../components/text-input-field';

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
        <TextInputField
          label={t('signIn.email')}
          error={errors.email?.message}
          type="email"
          autoComplete="username"
          autoFocus
          {...form.register('email')}
        />
        <TextInputField
          label={t('signIn.password')}
          error={errors.password?.message}
          type="password"
          autoComplete="current-password"
          {...form.register('password')}
        />
        <Button type="submit" size="3" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Flex>
    </form>
  );
}
