import { Callout, Flex, Text } from '@radix-ui/themes';
import { CopyButton } from '../../components/copy-button';
import { useT } from '../../i18n/use-t';

/** A temporary password is shown once; the user must replace it at first sign-in. */
export function TemporaryPassword({ name, password }: { name: string; password: string }) {
  const t = useT();
  return (
    <Flex direction="column" gap="3">
      <Callout.Root color="amber" role="status">
        <Callout.Text>{t('tempPassword.intro', { name })}</Callout.Text>
      </Callout.Root>
      <Text size="2" weight="bold">
        {t('tempPassword.label')}
      </Text>
      <code className="secret" data-testid="temporary-password">
        {password}
      </code>
      <div>
        <CopyButton text={password} label={t('tempPassword.copy')} />
      </div>
    </Flex>
  );
}
