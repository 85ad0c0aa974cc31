// Memoranda of the network and their members.
import { NotFoundPage } from './not-found-page';

export default function MemorandaPage() {
  return <NotFoundPage />;
}
