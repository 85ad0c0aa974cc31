import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import { ZTotpRequest } from '../../../../shared/schemas/auth';
import { useSignOut, useVerifyTotp } from '../../api/session';
import type { TSession } from '../../api/types';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { TextInputField } from '../../components/text-input-field';

export function TotpStep({ session }: { session: TSession }) {
  const t = useT();
  const verify = useVerifyTotp();
  const signOut = useSignOut();
  const form = useForm({ resolver: useZodResolver(ZTotpRequest), defaultValues: { code: '' } });

  return (
    <form
      onSubmit={form.handleSubmit((values) =>
        verify.mutate(values, { onError: () => form.setValue('code', '') }),
      )}
      noValidate
    >
      <title>{t('app.documentTitle', { page: t('totp.heading') })}</title>
      <Flex direction="column" gap="4">
        <Heading as="h1" size="6">
          {t('totp.heading')}
        </Heading>
        <Text size="2" color="gray">
          {t('totp.intro', { email: session.user.email })}
        </Text>
        <ErrorCallout error={verify.error} />
        <TextInputField
          label={t('totp.code')}
          error={form.formState.errors.code?.message}
          hint={t('totp.codeHint')}
          autoComplete="one-time-code"
          autoFocus
          spellCheck={false}
          {...form.register('code')}
        />
        <Flex gap="3" justify="between" wrap="wrap">
          <Button type="button" variant="ghost" color="gray" onClick={() => signOut.mutate()}>
            {t('auth.otherAccount')}
          </Button>
          <Button type="submit" size="3" loading={verify.isPending}>
            {t('totp.submit')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
