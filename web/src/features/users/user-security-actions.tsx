import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useUserCommand } from '../../api/admin';
import type { TUser } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorCallout } from '../../components/error-callout';
import { Modal } from '../../components/modal';
import { Notice } from '../../components/notice';
import { useFormatDateTime, useT } from '../../i18n/use-t';
import { TemporaryPassword } from './temporary-password';
import { isLocked } from './user-status';

type TCommand = 'reset-password' | 'reset-two-factor' | 'unlock';

/** Reset password, reset two-factor, unlock: each confirmed first, each shown only when permitted. */
export function UserSecurityActions({ user }: { user: TUser }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const [asking, setAsking] = useState<TCommand | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const resetPassword = useUserCommand<{ temporaryPassword: string }>(user.id, 'reset-password');
  const resetTwoFactor = useUserCommand<void>(user.id, 'reset-two-factor');
  const unlock = useUserCommand<void>(user.id, 'unlock');
  const name = user.fullName;

  const canResetPassword = user.actions.includes('user.resetPassword');
  const canResetTwoFactor = user.actions.includes('user.resetTwoFactor') && user.twoFactorEnabled;
  const canUnlock = user.actions.includes('user.update') && isLocked(user);
  if (!canResetPassword && !canResetTwoFactor && !canUnlock && !isLocked(user)) return null;

  const run = (command: TCommand) => {
    setDone(null);
    const close = () => setAsking(null);
    if (command === 'reset-password') resetPassword.mutate(undefined, { onSettled: close });
    if (command === 'reset-two-factor')
      resetTwoFactor.mutate(undefined, {
        onSuccess: () => setDone(t('userSecurity.twoFactorResetDone', { name })),
        onSettled: close,
      });
    if (command === 'unlock')
      unlock.mutate(undefined, { onSuccess: () => setDone(t('userSecurity.unlocked')), onSettled: close });
  };

  const dialogs: Record<TCommand, { title: string; body: string; pending: boolean }> = {
    'reset-password': {
      title: t('userSecurity.resetPassword'),
      body: t('userSecurity.resetPasswordConfirm', { name }),
      pending: resetPassword.isPending,
    },
    'reset-two-factor': {
      title: t('userSecurity.resetTwoFactor'),
      body: t('userSecurity.resetTwoFactorConfirm', { name }),
      pending: resetTwoFactor.isPending,
    },
    unlock: {
      title: t('userSecurity.unlock'),
      body: t('userSecurity.unlockConfirm', { name }),
      pending: unlock.isPending,
    },
  };
  const dialog = asking ? dialogs[asking] : null;

  return (
    <Card size="3">
      <Heading as="h2" size="4" mb="3">
        {t('userSecurity.heading')}
      </Heading>
      <Flex direction="column" gap="3">
        {isLocked(user) ? (
          <Text size="2" color="red">
            {t('userSecurity.lockedNotice', { time: formatDateTime(user.lockedUntil) ?? '' })}
          </Text>
        ) : null}
        {done ? <Notice>{done}</Notice> : null}
        <ErrorCallout error={resetPassword.error ?? resetTwoFactor.error ?? unlock.error} />
        <Flex gap="2" wrap="wrap">
          {canUnlock ? (
            <Button variant="soft" onClick={() => setAsking('unlock')}>
              {t('userSecurity.unlock')}
            </Button>
          ) : null}
          {canResetPassword ? (
            <Button variant="soft" color="red" onClick={() => setAsking('reset-password')}>
              {t('userSecurity.resetPassword')}
            </Button>
          ) : null}
          {canResetTwoFactor ? (
            <Button variant="soft" color="red" onClick={() => setAsking('reset-two-factor')}>
              {t('userSecurity.resetTwoFactor')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.title ?? ''}
        body={dialog?.body ?? ''}
        confirmLabel={dialog?.title ?? ''}
        isPending={dialog?.pending ?? false}
        onConfirm={() => asking && run(asking)}
        onClose={() => setAsking(null)}
      />
      <Modal
        open={resetPassword.data !== undefined}
        title={t('userSecurity.newTemporaryPassword')}
        onClose={() => resetPassword.reset()}
      >
        {resetPassword.data ? (
          <TemporaryPassword name={name} password={resetPassword.data.temporaryPassword} />
        ) : null}
      </Modal>
    </Card>
  );
}
