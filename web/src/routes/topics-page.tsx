// STUB (session 2 scaffolding): replaced by the feature's owner.
import { NotFoundPage } from './not-found-page';

/** Administrators: the hotline topic tree. */
export default function TopicsPage() {
  return <NotFoundPage />;
}
