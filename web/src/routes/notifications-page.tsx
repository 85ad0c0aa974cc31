// My notifications: newest first, mark read, open the referral.
import { Button, Flex, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../api/notifications';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { PageTitle } from '../components/page-title';
import { notificationText } from '../features/notifications/notification-text';
import { useFormatDateTime, useT } from '../i18n/use-t';

export default function NotificationsPage() {
  const t = useT();
  const formatDate = useFormatDateTime();
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.items ?? [];
  return (
    <Flex direction="column" gap="4">
      <PageTitle title={t('notifications.title')} />
      <ErrorCallout error={list.error ?? markRead.error ?? markAll.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && (list.data.unread > 0) ? (
        <Flex>
          <Button variant="soft" loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="mark-all-read">
            {t('notifications.markAllRead')}
          </Button>
        </Flex>
      ) : null}
      {list.data && items.length === 0 ? <Text>{t('notifications.empty')}</Text> : null}
      {items.length > 0 ? (
        <ul className="plain-list" data-testid="notifications" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((n) => (
            <li key={n.id} data-testid="notification" data-unread={n.readAt ? undefined : 'true'} style={{ padding: '0.6rem 0', borderBottom: '1px solid var(--gray-a5)' }}>
              <Flex gap="3" align="center" justify="between" wrap="wrap">
                <Flex direction="column" gap="1">
                  <Text weight={n.readAt ? 'regular' : 'bold'}>
                    {n.readAt ? null : <span className="visually-hidden">{t('notifications.unread')}: </span>}
                    {notificationText(t, n)}
                  </Text>
                  <Text size="1" color="gray">
                    {formatDate(n.createdAt)}
                  </Text>
                </Flex>
                <Flex gap="2" wrap="wrap">
                  {n.referralId ? (
                    <Button asChild size="1" variant="soft">
                      <Link to={`/referrals/${n.referralId}`} onClick={() => (n.readAt ? undefined : markRead.mutate(n.id))}>
                        {t('notifications.open')}
                      </Link>
                    </Button>
                  ) : null}
                  {n.readAt ? null : (
                    <Button size="1" variant="outline" onClick={() => markRead.mutate(n.id)} data-testid="mark-read">
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
    </Flex>
  );
}
