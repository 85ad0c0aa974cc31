// One referral: what was shared, its steps, the answers.
import { NotFoundPage } from './not-found-page';

export default function ReferralPage() {
  return <NotFoundPage />;
}
