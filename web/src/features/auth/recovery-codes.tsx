import { Button, Callout, Flex, Heading, Text } from '@radix-ui/themes';
import { CopyButton } from '../../components/copy-button';
import { useT } from '../../i18n/use-t';

/** Recovery codes are shown once: the user prints or copies them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT();
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1" size="6">
        {t('recovery.heading')}
      </Heading>
      <Callout.Root color="amber" role="status">
        <Callout.Text>{t('recovery.intro', { count: codes.length })}</Callout.Text>
      </Callout.Root>
      <ul className="recovery-codes" aria-label={t('recovery.listLabel')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Flex gap="3" wrap="wrap" className="no-print">
        <CopyButton text={codes.join('\n')} label={t('recovery.copy')} />
        <Button type="button" variant="soft" onClick={() => window.print()}>
          {t('recovery.print')}
        </Button>
      </Flex>
      <Text size="2" color="gray" className="no-print">
        {t('recovery.hint')}
      </Text>
      <Button type="button" size="3" onClick={onDone} className="no-print">
        {t('recovery.done')}
      </Button>
    </Flex>
  );
}
