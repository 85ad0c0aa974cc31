// The bell in the header: my unread notifications, a link to the list.
import { BellIcon } from '@radix-ui/react-icons';
import { Badge, Flex } from '@radix-ui/themes';
import { Link } from 'react-router';
import { useNotifications } from '../../api/notifications';
import { useT } from '../../i18n/use-t';

export function NotificationBell() {
  const t = useT();
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  const label = t('notifications.bell', { count: unread });
  return (
    <Link to="/notifications" aria-label={label} title={label} data-testid="notification-bell" style={{ color: 'inherit' }}>
      <Flex align="center" gap="1">
        <BellIcon aria-hidden width={18} height={18} />
        {unread > 0 ? (
          <Badge color="red" variant="solid" radius="full" aria-hidden data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </Badge>
        ) : null}
      </Flex>
    </Link>
  );
}
