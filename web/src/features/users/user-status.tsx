import { Badge } from '@radix-ui/themes';
import type { TUser } from '../../api/types';
import { useFormatDateTime, useT } from '../../i18n/use-t';

export const isLocked = (user: Pick<TUser, 'lockedUntil'>): boolean =>
  user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();

export function UserStatus({ user }: { user: TUser }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  if (!user.isActive) return <Badge color="gray">{t('userStatus.disabled')}</Badge>;
  if (isLocked(user))
    return (
      <Badge color="red">
        {t('userStatus.lockedUntil', { time: formatDateTime(user.lockedUntil) ?? '' })}
      </Badge>
    );
  return <Badge color="green">{t('userStatus.active')}</Badge>;
}

export function TwoFactorBadge({ enabled }: { enabled: boolean }) {
  const t = useT();
  return enabled ? (
    <Badge color="green">{t('twoFactor.on')}</Badge>
  ) : (
    <Badge color="amber">{t('twoFactor.off')}</Badge>
  );
}
