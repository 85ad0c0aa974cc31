// The public "Our partners" page (no login) in Russian, Kazakh and English.
import { NotFoundPage } from './not-found-page';

export default function PublicPartnersPage() {
  return <NotFoundPage />;
}
