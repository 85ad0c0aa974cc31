import { ExclamationTriangleIcon } from '@radix-ui/react-icons';
import { Callout } from '@radix-ui/themes';
import { ApiError, NETWORK_ERROR } from '../api/client';
import { useT, type TTranslate } from '../i18n/use-t';

/** The server's message is already in the user's language; only local failures are worded here. */
export function errorMessage(t: TTranslate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('error.network');
    if (error.message) return error.message;
  }
  return t('error.unknown');
}

export function ErrorCallout({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <Callout.Root color="red" role="alert" data-testid="error">
      <Callout.Icon>
        <ExclamationTriangleIcon aria-hidden />
      </Callout.Icon>
      <Callout.Text>{errorMessage(t, error)}</Callout.Text>
    </Callout.Root>
  );
}
