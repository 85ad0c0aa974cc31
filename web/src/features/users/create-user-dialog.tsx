import { Button, Flex } from '@radix-ui/themes';
import { useState } from 'react';
import type { TCreatedUser } from '../../api/types';
import { Modal } from '../../components/modal';
import { useT } from '../../i18n/use-t';
import { CreateUserForm } from './create-user-form';
import { TemporaryPassword } from './temporary-password';

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [created, setCreated] = useState<TCreatedUser | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      onClose={close}
      title={created ? t('userCreate.created', { name: created.user.fullName }) : t('userCreate.heading')}
    >
      {created ? (
        <Flex direction="column" gap="4">
          <TemporaryPassword name={created.user.fullName} password={created.temporaryPassword} />
          <Flex justify="end">
            <Button type="button" onClick={close}>
              {t('common.done')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <CreateUserForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}
