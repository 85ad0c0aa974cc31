import { Theme } from '@radix-ui/themes';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, onSessionExpired } from './api/client';
import { applySession, SESSION_KEY } from './api/session';
import type { TSession } from './api/types';
import { setSessionNotice } from './features/auth/session-notice';
import { LocaleProvider } from './i18n/locale-provider';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final; only network trouble and 5xx are worth one more try
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

// Any 401 outside the sign-in flow: the session ended on the server. Back to sign-in, with a message.
onSessionExpired(() => {
  if (queryClient.getQueryData<TSession | null>(SESSION_KEY)) setSessionNotice('expired');
  applySession(queryClient, null);
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Theme accentColor="indigo" grayColor="slate" radius="medium" scaling="100%">
          <RouterProvider router={router} />
        </Theme>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
