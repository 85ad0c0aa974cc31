// STUB (session 2 scaffolding): replaced by the feature's owner.
import { NotFoundPage } from './not-found-page';

/** Supervisors: approvals waiting for a decision. */
export default function ApprovalsPage() {
  return <NotFoundPage />;
}
