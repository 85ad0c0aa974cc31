// STUB (session 2 scaffolding): replaced by the feature's owner.
import { NotFoundPage } from './not-found-page';

/** One case file. */
export default function CasePage() {
  return <NotFoundPage />;
}
