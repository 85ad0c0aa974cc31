// A referral letter's one-time answer page (no login).
import { NotFoundPage } from './not-found-page';

export default function ReferralAnswerPage() {
  return <NotFoundPage />;
}
