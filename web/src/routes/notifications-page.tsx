// My notifications.
import { NotFoundPage } from './not-found-page';

export default function NotificationsPage() {
  return <NotFoundPage />;
}
