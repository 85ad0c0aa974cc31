// The contact just saved: what it was, its callback, whether the caller is known (and flagged), and
// a case for it: a new one in one click, or an existing one found by number, phone or name.
import { Button, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { isNonDataContactType } from '../../../../shared/schemas/contacts';
import { useOpenCaseFromContact, type TLoggedContact } from '../../api/hotline';
import { ErrorCallout } from '../../components/error-callout';
import { Notice } from '../../components/notice';
import { useLocale } from '../../i18n/locale-provider';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { caseStatusLabel } from '../case-list/case-labels';
import { AttachToCase } from './attach-to-case';
import { CallerFlags } from './caller-flags';
import { codeLabel } from './labels';

type TLinkedCase = { id: string; caseNumber: string; how: 'opened' | 'attached'; status?: string };

/** Keyed by the contact's id by its parent, so a new contact starts with a fresh "open a case". */
export function ContactResult({ logged }: { logged: TLoggedContact }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const formatDateTime = useFormatDateTime();
  const openCase = useOpenCaseFromContact();
  const [linked, setLinked] = useState<TLinkedCase | null>(null);
  const { contact, caller } = logged;
  const isData = !isNonDataContactType(contact.contactType) && !contact.caseId;
  const mayOpenCase = isData && contact.actions.includes('case.create');
  const mayAttach = isData && contact.actions.includes('case.attachContact');
  const time = intl.formatTime(contact.startedAt, { hour: '2-digit', minute: '2-digit' });
  return (
    <Flex direction="column" gap="3" data-testid="contact-result">
      <Heading as="h2" size="4">
        {t('hotline.resultHeading')}
      </Heading>
      <Notice>
        {t('hotline.saved', { type: codeLabel(t, 'contactType', contact.contactType), time })}
      </Notice>
      {contact.callbackDueAt ? (
        <Text as="p" size="2" data-testid="callback-scheduled">
          {t('board.callbackScheduled', { time: formatDateTime(contact.callbackDueAt) ?? '' })}
        </Text>
      ) : null}
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
      <CallerFlags contactId={contact.id} hasCallerPhone={contact.hasCallerPhone} initial={caller?.flags ?? []} />
      {linked ? (
        <Notice>
          <span data-testid="case-number">
            {linked.how === 'opened'
              ? t('hotline.caseOpened', {
                  number: linked.caseNumber,
                  status: caseStatusLabel(locale, linked.status ?? ''),
                })
              : t('caseList.attached', { number: linked.caseNumber })}
          </span>{' '}
          <Link to={`/cases/${linked.id}`} data-testid="case-link">
            {t('caseList.openCaseLink', { number: linked.caseNumber })}
          </Link>
        </Notice>
      ) : (
        <>
          {mayOpenCase ? (
            <Flex>
              <Button
                variant="soft"
                loading={openCase.isPending}
                onClick={() =>
                  openCase.mutate(contact.id, {
                    onSuccess: (c) => setLinked({ id: c.id, caseNumber: c.caseNumber, status: c.status, how: 'opened' }),
                  })
                }
              >
                {t('hotline.openCase')}
              </Button>
            </Flex>
          ) : null}
          <ErrorCallout error={openCase.error} />
          {mayAttach ? (
            <>
              <Separator size="4" />
              <AttachToCase contactId={contact.id} onAttached={(c) => setLinked({ ...c, how: 'attached' })} />
            </>
          ) : null}
        </>
      )}
    </Flex>
  );
}
