// STUB (session 2 scaffolding): replaced by the feature's owner.
import { NotFoundPage } from './not-found-page';

/** Administrators: HTCDS import and export. */
export default function HtcdsPage() {
  return <NotFoundPage />;
}
