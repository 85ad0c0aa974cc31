// Referrals received (inbox) and sent.
import { NotFoundPage } from './not-found-page';

export default function ReferralsPage() {
  return <NotFoundPage />;
}
