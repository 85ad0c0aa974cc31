// TOTP enrolment: QR code and manual key, a code to confirm, then the recovery codes (shown once).
import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZConfirmTwoFactorRequest } from '../../../../shared/schemas/auth';
import { useConfirmTwoFactor, useStartTwoFactorSetup } from '../../api/session';
import type { TSession } from '../../api/types';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useT } from '../../i18n/use-t';
import { useZodResolver } from '../../i18n/zod-resolver';
import { RecoveryCodes } from './recovery-codes';
import { TextInputField } from '../../components/text-input-field';

type TProps = { isRequired: boolean; onDone: (session: TSession) => void; onCancel: () => void };

export function TwoFactorEnrolment({ isRequired, onDone, onCancel }: TProps) {
  const t = useT();
  const setup = useStartTwoFactorSetup();
  const confirm = useConfirmTwoFactor();
  const started = useRef(false);
  const [confirmed, setConfirmed] = useState<{ codes: string[]; session: TSession } | null>(null);
  const form = useForm({ resolver: useZodResolver(ZConfirmTwoFactorRequest), defaultValues: { code: '' } });

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (confirmed) return <RecoveryCodes codes={confirmed.codes} onDone={() => onDone(confirmed.session)} />;

  const submit = form.handleSubmit((values) =>
    confirm.mutate(values, {
      onSuccess: (result) => setConfirmed({ codes: result.recoveryCodes, session: result.session }),
      onError: () => form.setValue('code', ''),
    }),
  );

  return (
    <Flex direction="column" gap="4">
      <title>{t('app.documentTitle', { page: t('enrol.heading') })}</title>
      <Heading as="h1" size="6">
        {t('enrol.heading')}
      </Heading>
      <Text size="2" color="gray">
        {isRequired ? t('enrol.introRequired') : t('enrol.introOptional')}
      </Text>
      <ErrorCallout error={setup.error} />
      <ol className="steps">
        <li>
          <Text>{t('enrol.stepInstall')}</Text>
        </li>
        <li>
          <Text>{t('enrol.stepScan')}</Text>
          {setup.data ? (
            <Flex direction="column" gap="2" mt="2">
              <img
                className="qr"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.data.qrSvg)}`}
                alt={t('enrol.qrAlt')}
              />
              <Text size="2">{t('enrol.manualKey')}</Text>
              <code className="secret" data-testid="totp-secret">
                {setup.data.secret}
              </code>
            </Flex>
          ) : setup.isPending ? (
            <Loading />
          ) : null}
        </li>
        <li>
          <form onSubmit={submit} noValidate>
            <Flex direction="column" gap="3">
              <TextInputField
                label={t('enrol.code')}
                error={form.formState.errors.code?.message}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                {...form.register('code')}
              />
              <ErrorCallout error={confirm.error} />
              <Flex gap="3" justify="between" wrap="wrap">
                <Button type="button" variant="ghost" color="gray" onClick={onCancel}>
                  {isRequired ? t('auth.otherAccount') : t('common.cancel')}
                </Button>
                <Button type="submit" size="3" loading={confirm.isPending} disabled={!setup.data}>
                  {t('enrol.submit')}
                </Button>
              </Flex>
            </Flex>
          </form>
        </li>
      </ol>
    </Flex>
  );
}
