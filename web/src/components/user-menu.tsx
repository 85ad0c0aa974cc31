import { ExitIcon, PersonIcon } from '@radix-ui/react-icons';
import { Button, Flex, Popover, Separator, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFullSession, useSignOut } from '../api/session';
import { setSessionNotice } from '../features/auth/session-notice';
import { useT } from '../i18n/use-t';
import { RoleList } from './role-list';

export function UserMenu() {
  const t = useT();
  const session = useFullSession();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger>
        <Button
          variant="soft"
          color="gray"
          aria-label={t('header.userMenu', { name: session.user.fullName })}
        >
          <PersonIcon aria-hidden />
          <span className="user-menu-name">{session.user.fullName}</span>
        </Button>
      </Popover.Trigger>
      <Popover.Content align="end" minWidth="260px">
        <Flex direction="column" gap="2">
          <Text weight="bold">{session.user.fullName}</Text>
          <Text size="2" color="gray">
            {session.user.email}
          </Text>
          <RoleList roles={session.user.roles} />
          <Separator size="4" />
          <Link to="/account" className="menu-link" onClick={() => setOpen(false)}>
            {t('nav.account')}
          </Link>
          <Button
            variant="soft"
            color="red"
            onClick={() => {
              setOpen(false);
              setSessionNotice('signedOut');
              signOut.mutate();
            }}
          >
            <ExitIcon aria-hidden />
            {t('header.signOut')}
          </Button>
        </Flex>
      </Popover.Content>
    </Popover.Root>
  );
}
