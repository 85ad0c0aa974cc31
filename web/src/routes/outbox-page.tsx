// Outgoing mail of the organisation (development: mail kept, not sent). Administrators only.
import { Callout, Flex, Text } from '@radix-ui/themes';
import { useMailOutbox } from '../api/notifications';
import { useCan } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { useFormatDateTime, useT } from '../i18n/use-t';
import { NotFoundPage } from './not-found-page';

export default function OutboxPage() {
  const t = useT();
  const formatDate = useFormatDateTime();
  const allowed = useCan('mail.outbox');
  const outbox = useMailOutbox();
  if (!allowed) return <NotFoundPage />;
  const items = outbox.data?.items ?? [];
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('outbox.title')} />
      <Callout.Root color="blue" data-testid="outbox-note">
        <Callout.Text>{t('outbox.note')}</Callout.Text>
      </Callout.Root>
      <ErrorCallout error={outbox.error} />
      {outbox.isPending ? <Loading /> : null}
      {outbox.data && items.length === 0 ? <Text>{t('outbox.empty')}</Text> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="outbox-table">
            <caption className="visually-hidden">{t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>{formatDate(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    <details>
                      <summary>{m.subject}</summary>
                      <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: '0.5rem 0 0' }}>{m.body}</pre>
                    </details>
                  </td>
                  <td>
                    {m.sentAt
                      ? t('outbox.sent', { at: formatDate(m.sentAt) ?? '' })
                      : m.lastError
                        ? t('outbox.failed', { error: m.lastError })
                        : t('outbox.kept')}
                    {m.attempts > 0 ? (
                      <Text as="div" size="1" color="gray">
                        {t('outbox.attempts', { count: m.attempts })}
                      </Text>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Flex>
  );
}
