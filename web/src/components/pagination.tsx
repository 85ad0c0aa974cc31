import { ChevronLeftIcon, ChevronRightIcon } from '@radix-ui/react-icons';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useT } from '../i18n/use-t';

export function Pagination({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')}>
      <Flex align="center" gap="3" justify="end">
        <Button type="button" variant="soft" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeftIcon aria-hidden />
          {t('pagination.previous')}
        </Button>
        <Text size="2" aria-live="polite">
          {t('pagination.page', { page, pages })}
        </Text>
        <Button type="button" variant="soft" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('pagination.next')}
          <ChevronRightIcon aria-hidden />
        </Button>
      </Flex>
    </nav>
  );
}
