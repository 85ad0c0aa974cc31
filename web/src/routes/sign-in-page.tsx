import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { applySession, useSession, useSignOut } from '../api/session';
import { ErrorCallout } from '../components/error-callout';
import { Loading } from '../components/loading';
import { AuthScreen } from '../features/auth/auth-screen';
import { NewPasswordStep } from '../features/auth/new-password-step';
import { SignInForm } from '../features/auth/sign-in-form';
import { TotpStep } from '../features/auth/totp-step';
import { TwoFactorEnrolment } from '../features/auth/two-factor-enrolment';

/** Sign-in and the steps the server asks for next: code, new password, two-factor enrolment. */
export function SignInPage() {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  const client = useQueryClient();
  const signOut = useSignOut();

  if (session?.stage === 'full') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') && !from.startsWith('//') ? from : '/'} replace />;
  }
  return (
    <AuthScreen wide={session?.stage === 'enrol'}>
      {isPending ? (
        <Loading />
      ) : !session ? (
        <>
          {error ? <ErrorCallout error={error} /> : null}
          <SignInForm />
        </>
      ) : session.stage === 'totp' ? (
        <TotpStep session={session} />
      ) : session.stage === 'password' ? (
        <NewPasswordStep />
      ) : (
        <TwoFactorEnrolment
          isRequired
          onDone={(next) => applySession(client, next)}
          onCancel={() => signOut.mutate()}
        />
      )}
    </AuthScreen>
  );
}
