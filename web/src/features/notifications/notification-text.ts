import type { TNotification } from '../../api/notifications';
import type { TTranslate } from '../../i18n/use-t';

/** The text of a notification in the reader's language (the server stores a kind and a reference only). */
export const notificationText = (t: TTranslate, n: TNotification): string =>
  t(`notifications.kind.${n.kind}`, { reference: n.reference ?? '' });
