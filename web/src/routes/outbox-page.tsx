// Outgoing mail of the organisation (development: mail kept, not sent).
import { NotFoundPage } from './not-found-page';

export default function OutboxPage() {
  return <NotFoundPage />;
}
