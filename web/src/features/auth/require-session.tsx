import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { ErrorCallout } from '../../components/error-callout';
import { Loading } from '../../components/loading';

/** Renders its children only for a fully signed-in session; otherwise the sign-in page takes over. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorCallout error={error} />;
  if (!session || session.stage !== 'full') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}
