// Partner directory (issue 4): search, filters, map by region.
import { NotFoundPage } from './not-found-page';

export default function NetworkPage() {
  return <NotFoundPage />;
}
