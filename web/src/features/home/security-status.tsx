import { CheckCircledIcon, ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import type { TSession } from '../../api/types';
import { useFormatDateTime, useT } from '../../i18n/use-t';

export function SecurityStatus({
  session,
  lastLoginAt,
}: {
  session: TSession;
  lastLoginAt: string | null | undefined;
}) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const isOn = session.user.twoFactorEnabled;
  return (
    <Card size="3">
      <Heading as="h2" size="4" mb="3">
        {t('home.securityHeading')}
      </Heading>
      <Flex direction="column" gap="3">
        <Flex gap="2" align="start">
          {isOn ? (
            <CheckCircledIcon aria-hidden color="var(--green-11)" />
          ) : (
            <ExclamationTriangleIcon aria-hidden color="var(--amber-11)" />
          )}
          <Text size="2">{isOn ? t('home.twoFactorOn') : t('home.twoFactorOff')}</Text>
        </Flex>
        {!isOn ? (
          <Button asChild variant="soft">
            <Link to="/account/two-factor">{t('account.setUpTwoFactor')}</Link>
          </Button>
        ) : null}
        {lastLoginAt !== undefined ? (
          <Text size="2" color="gray">
            {lastLoginAt
              ? t('home.lastLogin', { date: formatDateTime(lastLoginAt) ?? '' })
              : t('home.firstLogin')}
          </Text>
        ) : null}
        <Text size="2" color="gray">
          {t('home.securityReminder')}
        </Text>
      </Flex>
    </Card>
  );
}
