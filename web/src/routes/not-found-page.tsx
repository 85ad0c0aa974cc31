import { Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('notFound.title')} />
      <Text as="p" mb="3">
        {t('notFound.body')}
      </Text>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
