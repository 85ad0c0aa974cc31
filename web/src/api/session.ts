// The session: one query everyone reads; sign-in steps and sign-out replace it in the cache.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TStaffLocale } from '../../../shared/locales';
import type { TAction } from '../../../shared/roles';
import { api, ApiError, setCsrfToken } from './client';
import type { TSession, TTwoFactorConfirmed, TTwoFactorSetup } from './types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api.get<TSession>('/api/v1/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

/** The signed-in session; only for screens rendered behind the full-session guard. */
export function useFullSession(): TSession {
  const { data } = useSession();
  if (!data) throw new Error('useFullSession outside the signed-in area');
  return data;
}

export function useCan(action: TAction): boolean {
  return useSession().data?.actions.includes(action) ?? false;
}

/** Replaces the cached session (and its CSRF token); a new user starts with an empty cache. */
export function applySession(client: QueryClient, session: TSession | null): void {
  const previous = client.getQueryData<TSession | null>(SESSION_KEY);
  setCsrfToken(session?.csrfToken ?? null);
  if (previous?.user.id !== session?.user.id)
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  client.setQueryData(SESSION_KEY, session);
}

function useSessionMutation<TVariables>(request: (variables: TVariables) => Promise<TSession>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: (session) => applySession(client, session) });
}

export const useSignIn = () =>
  useSessionMutation((body: { email: string; password: string }) =>
    api.post<TSession>('/api/v1/session', body, true),
  );
export const useVerifyTotp = () =>
  useSessionMutation((body: { code: string }) => api.post<TSession>('/api/v1/session/totp', body, true));
export const useChooseNewPassword = () =>
  useSessionMutation((body: { newPassword: string }) =>
    api.post<TSession>('/api/v1/session/password', body, true),
  );
export const useUpdateMyLocale = () =>
  useSessionMutation((locale: TStaffLocale) => api.patch<TSession>('/api/v1/me', { locale }));

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/session').catch(() => undefined),
    onSettled: () => applySession(client, null),
  });
}

export const useStartTwoFactorSetup = () =>
  useMutation({ mutationFn: () => api.post<TTwoFactorSetup>('/api/v1/me/two-factor/setup', {}, true) });

export function useConfirmTwoFactor() {
  return useMutation({
    mutationFn: (body: { code: string }) =>
      api.post<TTwoFactorConfirmed>('/api/v1/me/two-factor/confirm', body, true),
  });
}

export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/v1/me/password', body),
  });
