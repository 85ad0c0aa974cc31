// STUB (session 2 scaffolding): replaced by the feature's owner.
import { NotFoundPage } from './not-found-page';

/** The case list: search, filters, sorting, pages. */
export default function CasesPage() {
  return <NotFoundPage />;
}
