import { Button, Flex, Text } from '@radix-ui/themes';
import { Modal } from './modal';
import { useT } from '../i18n/use-t';

type TProps = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

export function ConfirmDialog({ open, title, body, confirmLabel, isPending, onConfirm, onClose }: TProps) {
  const t = useT();
  return (
    <Modal open={open} onClose={onClose} title={title}>
      <Text as="p" mb="4">
        {body}
      </Text>
      <Flex gap="3" justify="end">
        <Button type="button" variant="soft" color="gray" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="button" color="red" loading={isPending} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Flex>
    </Modal>
  );
}
