// A modal on the native <dialog>: focus trapping, Escape and the inert background come from the
// browser, and nothing injects a <style> element (the CSP forbids inline styles).
import { Cross2Icon } from '@radix-ui/react-icons';
import { Flex, Heading, IconButton } from '@radix-ui/themes';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

type TModalProps = { open: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean };

export function Modal({ open, title, onClose, children, wide = false }: TModalProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <Flex justify="between" align="start" gap="3" mb="3">
            <Heading as="h2" size="5" id={titleId}>
              {title}
            </Heading>
            <IconButton
              type="button"
              variant="ghost"
              color="gray"
              onClick={onClose}
              aria-label={t('common.close')}
            >
              <Cross2Icon aria-hidden />
            </IconButton>
          </Flex>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
