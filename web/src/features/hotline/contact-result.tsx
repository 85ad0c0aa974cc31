// The contact just saved: what it was, whether the caller is known, and a case from it in one click.
import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useIntl } from 'react-intl';
import { ZCaseStatus } from '../../../../shared/htcds/code-lists';
import { htcdsLabel } from '../../../../shared/htcds/labels';
import { isNonDataContactType } from '../../../../shared/schemas/contacts';
import { useOpenCaseFromContact, type TLoggedContact } from '../../api/hotline';
import { ErrorCallout } from '../../components/error-callout';
import { Notice } from '../../components/notice';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { codeLabel } from './labels';

function caseStatusLabel(locale: 'en' | 'ru' | 'kk', status: string): string {
  const parsed = ZCaseStatus.safeParse(status);
  return parsed.success ? htcdsLabel(locale, 'caseStatus', parsed.data) : status;
}

/** Keyed by the contact's id by its parent, so a new contact starts with a fresh "open a case". */
export function ContactResult({ logged }: { logged: TLoggedContact }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const openCase = useOpenCaseFromContact();
  const { contact, caller } = logged;
  const mayOpenCase =
    contact.actions.includes('case.create') && !isNonDataContactType(contact.contactType) && !contact.caseId;
  const time = intl.formatTime(contact.startedAt, { hour: '2-digit', minute: '2-digit' });
  return (
    <Flex direction="column" gap="3" data-testid="contact-result">
      <Heading as="h2" size="4">
        {t('hotline.resultHeading')}
      </Heading>
      <Notice>
        {t('hotline.saved', { type: codeLabel(t, 'contactType', contact.contactType), time })}
      </Notice>
      {caller ? (
        <Text as="p" size="2" data-testid="caller-recognition">
          {caller.recognised ? (
            <>
              <Text weight="bold">{t('hotline.knownCaller', { count: caller.earlierContacts })}</Text>
              {caller.knownPersons > 0 ? ` ${t('hotline.knownPersons', { count: caller.knownPersons })}` : null}
            </>
          ) : (
            t('hotline.newCaller')
          )}
        </Text>
      ) : null}
      {openCase.data ? (
        <Notice>
          <span data-testid="case-number">
            {t('hotline.caseOpened', {
              number: openCase.data.caseNumber,
              status: caseStatusLabel(locale, openCase.data.status),
            })}
          </span>
        </Notice>
      ) : mayOpenCase ? (
        <Flex>
          <Button variant="soft" loading={openCase.isPending} onClick={() => openCase.mutate(contact.id)}>
            {t('hotline.openCase')}
          </Button>
        </Flex>
      ) : null}
      <ErrorCallout error={openCase.error} />
    </Flex>
  );
}
