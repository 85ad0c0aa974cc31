import { Flex, Spinner, Text } from '@radix-ui/themes';
import { useT } from '../i18n/use-t';

export function Loading() {
  const t = useT();
  return (
    <Flex align="center" gap="2" p="4" role="status">
      <Spinner />
      <Text color="gray">{t('common.loading')}</Text>
    </Flex>
  );
}
