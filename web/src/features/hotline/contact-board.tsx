// Today's contacts, refreshed every 30 seconds: counts by type, then the list, newest first.
import { Badge, Flex, Heading, Text } from '@radix-ui/themes';
import { useIntl } from 'react-intl';
import { regionName } from '../../../../shared/regions';
import { CONTACT_TYPES, isNonDataContactType } from '../../../../shared/schemas/contacts';
import { useTodaysContacts } from '../../api/hotline';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { codeLabel } from './labels';

const URGENCY_COLOURS = { low: 'gray', normal: 'blue', high: 'amber', emergency: 'red' } as const;

export function ContactBoard() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const contacts = useTodaysContacts();
  const items = contacts.data?.items ?? [];
  const total = contacts.data?.total ?? 0;
  const time = (value: string | number) => intl.formatTime(value, { hour: '2-digit', minute: '2-digit' });
  const counts = CONTACT_TYPES.map((type) => ({
    type,
    count: items.filter((c) => c.contactType === type).length,
  })).filter((c) => c.count > 0);

  return (
    <section aria-labelledby="board-heading">
      <Flex direction="column" gap="3">
        <Flex justify="between" align="baseline" wrap="wrap" gap="2">
          <Heading as="h2" size="4" id="board-heading">
            {t('hotline.boardHeading')}
          </Heading>
          {contacts.dataUpdatedAt ? (
            <Text size="1" color="gray">
              {t('hotline.boardUpdated', { time: time(contacts.dataUpdatedAt) })}
            </Text>
          ) : null}
        </Flex>
        <ErrorCallout error={contacts.error} />
        {contacts.isPending ? <Loading /> : null}
        {contacts.data ? (
          <>
            <Flex gap="2" wrap="wrap" align="center" role="group" aria-label={t('hotline.countsLabel')}>
              <Text weight="bold" size="2" data-testid="board-total">
                {t('hotline.boardTotal', { count: total })}
              </Text>
              {counts.map(({ type, count }) => (
                <Badge key={type} color={isNonDataContactType(type) ? 'gray' : 'indigo'} size="2">
                  {codeLabel(t, 'contactType', type)}: {count}
                </Badge>
              ))}
            </Flex>
            {total > items.length ? (
              <Text size="1" color="gray">
                {t('hotline.boardPartial', { shown: items.length })}
              </Text>
            ) : null}
            {items.length === 0 ? (
              <Text as="p">{t('hotline.boardEmpty')}</Text>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="contact-board">
                  <caption className="visually-hidden">{t('hotline.boardHeading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('hotline.colTime')}</th>
                      <th scope="col">{t('hotline.colChannel')}</th>
                      <th scope="col">{t('hotline.colType')}</th>
                      <th scope="col">{t('hotline.colUrgency')}</th>
                      <th scope="col">{t('hotline.colRegion')}</th>
                      <th scope="col">{t('hotline.colOutcome')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((contact) => {
                      const region = contact.problemRegion ?? contact.callerRegion;
                      return (
                        <tr key={contact.id} data-contact-id={contact.id}>
                          <td>
                            <time dateTime={contact.startedAt}>{time(contact.startedAt)}</time>
                          </td>
                          <td>{codeLabel(t, 'channel', contact.channel)}</td>
                          <td>{codeLabel(t, 'contactType', contact.contactType)}</td>
                          <td>
                            {contact.urgency ? (
                              <Badge
                                color={
                                  URGENCY_COLOURS[contact.urgency as keyof typeof URGENCY_COLOURS] ?? 'gray'
                                }
                              >
                                {codeLabel(t, 'urgency', contact.urgency)}
                              </Badge>
                            ) : null}
                          </td>
                          <td>{region ? regionName(region, locale) : ''}</td>
                          <td>{codeLabel(t, 'outcome', contact.outcome)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </Flex>
    </section>
  );
}
