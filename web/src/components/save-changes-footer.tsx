import { Button, Flex } from '@radix-ui/themes';
import { ApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { ErrorCallout } from './error-callout';
import { Notice } from './notice';

type TSaveChangesFooterProps = {
  /** the update mutation of the form */
  update: { error: Error | null; isPending: boolean; reset: () => void };
  isSaved: boolean;
  isDirty: boolean;
  /** reloads the record after a version conflict (409) */
  onReload: () => Promise<unknown>;
};

/**
 * The end of an edit form: "saved", the server's error, a reload button when someone else changed
 * the record in the meantime, and the save button.
 */
export function SaveChangesFooter({ update, isSaved, isDirty, onReload }: TSaveChangesFooterProps) {
  const t = useT();
  const isConflict = update.error instanceof ApiError && update.error.status === 409;
  return (
    <>
      {isSaved && !isDirty ? <Notice>{t('common.saved')}</Notice> : null}
      <ErrorCallout error={update.error} />
      <Flex gap="3" justify="end">
        {isConflict ? (
          <Button
            type="button"
            variant="soft"
            onClick={() => {
              update.reset();
              void onReload();
            }}
          >
            {t('common.reload')}
          </Button>
        ) : null}
        <Button type="submit" loading={update.isPending} disabled={!isDirty}>
          {t('common.saveChanges')}
        </Button>
      </Flex>
    </>
  );
}
