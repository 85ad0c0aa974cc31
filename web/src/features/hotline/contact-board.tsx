// The live board, refreshed every 30 seconds: open crises (any day, until resolved), callbacks not
// yet made (overdue first), then today's contacts with counts by type, newest first.
import { Badge, Button, Flex, Heading, Text } from '@radix-ui/themes';
import { useIntl } from 'react-intl';
import { regionName } from '../../../../shared/regions';
import { CONTACT_TYPES, isNonDataContactType } from '../../../../shared/schemas/contacts';
import { useBoard, useUpdateContact, type TContact } from '../../api/hotline';
import { useCan } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';
import { useLocale } from '../../i18n/locale-provider';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { codeLabel } from './labels';

const URGENCY_COLOURS = { low: 'gray', normal: 'blue', high: 'amber', emergency: 'red' } as const;

function UrgencyBadge({ urgency }: { urgency: string | null }) {
  const t = useT();
  if (!urgency) return null;
  return (
    <Badge color={URGENCY_COLOURS[urgency as keyof typeof URGENCY_COLOURS] ?? 'gray'}>
      {codeLabel(t, 'urgency', urgency)}
    </Badge>
  );
}

const regionOf = (c: TContact) => c.problemRegion ?? c.callerRegion;

/** Open crises and callbacks due: the contacts that still need someone, with the button that closes each. */
function PendingTable({
  kind,
  items,
  total,
  canAct,
}: {
  kind: 'crises' | 'callbacks';
  items: TContact[];
  total: number;
  canAct: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const formatDateTime = useFormatDateTime();
  const update = useUpdateContact();
  const now = Date.now();
  const headingId = `board-${kind}-heading`;
  const isCrises = kind === 'crises';
  return (
    <section aria-labelledby={headingId}>
      <Flex direction="column" gap="2">
        <Heading as="h3" size="3" id={headingId}>
          {isCrises ? t('board.crisesHeading', { count: total }) : t('board.callbacksHeading', { count: total })}
        </Heading>
        {items.length === 0 ? (
          <Text as="p" size="2" color="gray">
            {isCrises ? t('board.crisesEmpty') : t('board.callbacksEmpty')}
          </Text>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid={`board-${kind}`}>
              <caption className="visually-hidden">
                {isCrises ? t('board.crisesCaption') : t('board.callbacksCaption')}
              </caption>
              <thead>
                <tr>
                  {isCrises ? null : <th scope="col">{t('board.colDue')}</th>}
                  <th scope="col">{t('board.colStarted')}</th>
                  <th scope="col">{t('hotline.colType')}</th>
                  <th scope="col">{t('hotline.colUrgency')}</th>
                  <th scope="col">{t('hotline.colRegion')}</th>
                  {canAct ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('board.colActions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {items.map((c) => {
                  const region = regionOf(c);
                  const overdue = c.callbackDueAt !== null && Date.parse(c.callbackDueAt) < now;
                  const started = formatDateTime(c.startedAt) ?? '';
                  return (
                    <tr key={c.id} data-contact-id={c.id}>
                      {isCrises ? null : (
                        <td>
                          <Flex gap="2" align="center" wrap="wrap">
                            <time dateTime={c.callbackDueAt ?? undefined}>{formatDateTime(c.callbackDueAt)}</time>
                            {overdue ? <Badge color="red">{t('board.overdue')}</Badge> : null}
                          </Flex>
                        </td>
                      )}
                      <td>
                        <time dateTime={c.startedAt}>{started}</time>
                      </td>
                      <td>{codeLabel(t, 'contactType', c.contactType)}</td>
                      <td>
                        <UrgencyBadge urgency={c.urgency} />
                      </td>
                      <td>{region ? regionName(region, locale) : ''}</td>
                      {canAct ? (
                        <td>
                          <Button
                            type="button"
                            size="1"
                            variant="soft"
                            aria-label={
                              isCrises
                                ? t('board.markResolvedOf', { time: started })
                                : t('board.markCalledBackOf', { time: started })
                            }
                            loading={update.isPending && update.variables?.id === c.id}
                            onClick={() =>
                              update.mutate({
                                id: c.id,
                                body: isCrises ? { crisisResolved: true } : { callbackDone: true },
                              })
                            }
                          >
                            {isCrises ? t('board.markResolved') : t('board.markCalledBack')}
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {total > items.length ? (
          <Text size="1" color="gray">
            {t('hotline.boardPartial', { shown: items.length })}
          </Text>
        ) : null}
        <ErrorCallout error={update.error} />
      </Flex>
    </section>
  );
}

export function ContactBoard() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const canAct = useCan('contact.create');
  const board = useBoard();
  const today = board.data?.today;
  const items = today?.items ?? [];
  const total = today?.total ?? 0;
  const time = (value: string | number) => intl.formatTime(value, { hour: '2-digit', minute: '2-digit' });
  const counts = CONTACT_TYPES.map((type) => ({
    type,
    count: items.filter((c) => c.contactType === type).length,
  })).filter((c) => c.count > 0);

  return (
    <section aria-labelledby="board-heading">
      <Flex direction="column" gap="4">
        <Flex justify="between" align="baseline" wrap="wrap" gap="2">
          <Heading as="h2" size="4" id="board-heading">
            {t('board.heading')}
          </Heading>
          {board.dataUpdatedAt ? (
            <Text size="1" color="gray">
              {t('hotline.boardUpdated', { time: time(board.dataUpdatedAt) })}
            </Text>
          ) : null}
        </Flex>
        <ErrorCallout error={board.error} />
        {board.isPending ? <Loading /> : null}
        {board.data ? (
          <>
            <PendingTable
              kind="crises"
              items={board.data.openCrises.items}
              total={board.data.openCrises.total}
              canAct={canAct}
            />
            <PendingTable
              kind="callbacks"
              items={board.data.callbacksDue.items}
              total={board.data.callbacksDue.total}
              canAct={canAct}
            />
            <section aria-labelledby="board-today-heading">
              <Flex direction="column" gap="2">
                <Heading as="h3" size="3" id="board-today-heading">
                  {t('hotline.boardHeading')}
                </Heading>
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
                          const region = regionOf(contact);
                          return (
                            <tr key={contact.id} data-contact-id={contact.id}>
                              <td>
                                <time dateTime={contact.startedAt}>{time(contact.startedAt)}</time>
                              </td>
                              <td>{codeLabel(t, 'channel', contact.channel)}</td>
                              <td>{codeLabel(t, 'contactType', contact.contactType)}</td>
                              <td>
                                <UrgencyBadge urgency={contact.urgency} />
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
              </Flex>
            </section>
          </>
        ) : null}
      </Flex>
    </section>
  );
}
