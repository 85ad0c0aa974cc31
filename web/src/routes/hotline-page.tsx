import { Card, Flex, Grid, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useCan } from '../api/session';
import type { TLoggedContact } from '../api/hotline';
import { PageTitle } from '../components/page-title';
import { ContactBoard } from '../features/hotline/contact-board';
import { ContactForm } from '../features/hotline/contact-form';
import { ContactResult } from '../features/hotline/contact-result';
import { useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

/** The operator's console: log a contact, see what was saved, watch today's board. */
export default function HotlinePage() {
  const t = useT();
  const canCreate = useCan('contact.create');
  const canRead = useCan('contact.read');
  const [lastLogged, setLastLogged] = useState<TLoggedContact | null>(null);
  if (!canCreate) return <NotFoundPage />;
  return (
    <Flex direction="column" gap="5">
      <PageTitle title={t('hotline.title')} />
      <Grid columns={{ initial: '1', md: '2' }} gap="4" align="start">
        <Card size="3">
          <ContactForm onSaved={setLastLogged} />
        </Card>
        <Card size="3">
          {lastLogged ? (
            <ContactResult key={lastLogged.contact.id} logged={lastLogged} />
          ) : (
            <Text as="p" size="2" color="gray">
              {t('hotline.keyboardHint')}
            </Text>
          )}
        </Card>
      </Grid>
      {canRead ? <ContactBoard /> : null}
    </Flex>
  );
}
