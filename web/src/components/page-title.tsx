import { Heading } from '@radix-ui/themes';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/** The document title and the page's one h1; React hoists <title> into <head>. */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <title>{t('app.documentTitle', { page: title })}</title>
      <Heading as="h1" size="7" mb="4">
        {children ?? title}
      </Heading>
    </>
  );
}
