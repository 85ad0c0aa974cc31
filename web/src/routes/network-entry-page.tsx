// One partner's entry; its own organisation edits it, network administrators decide membership.
import { NotFoundPage } from './not-found-page';

export default function NetworkEntryPage() {
  return <NotFoundPage />;
}
