// The referral SLA dashboard of coordinators.
import { NotFoundPage } from './not-found-page';

export default function ReferralDashboardPage() {
  return <NotFoundPage />;
}
