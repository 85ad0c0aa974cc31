// Home, users, organisations and audit: queries and mutations. Lists are invalidated after writes.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  TCreateOrganisationRequest,
  TUpdateOrganisationRequest,
} from '../../../shared/schemas/organisations';
import type { TCreateUserRequest, TUpdateUserRequest } from '../../../shared/schemas/users';
import { api, query } from './client';
import type { TAuditPage, TCreatedUser, THome, TOrganisation, TUser, TUserPage } from './types';

export const useHome = () =>
  useQuery({ queryKey: ['home'], queryFn: ({ signal }) => api.get<THome>('/api/v1/home', signal) });

export function useUsers(page: number, pageSize: number, q: string) {
  return useQuery({
    queryKey: ['users', { page, pageSize, q }],
    queryFn: ({ signal }) => api.get<TUserPage>(`/api/v1/users${query({ page, pageSize, q })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export const useUser = (id: string) =>
  useQuery({
    queryKey: ['user', id],
    queryFn: ({ signal }) => api.get<TUser>(`/api/v1/users/${encodeURIComponent(id)}`, signal),
  });

function useInvalidate() {
  const client = useQueryClient();
  return (...keys: string[]) => Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: [key] })));
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => api.post<TCreatedUser>('/api/v1/users', body),
    onSuccess: () => invalidate('users', 'home'),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TUpdateUserRequest) =>
      api.patch<TUser>(`/api/v1/users/${encodeURIComponent(id)}`, body),
    onSuccess: async (user) => {
      client.setQueryData(['user', id], user);
      await invalidate('users', 'home');
    },
  });
}

/** reset-password, reset-two-factor, unlock: the user is reloaded afterwards. */
export function useUserCommand<T>(id: string, command: 'reset-password' | 'reset-two-factor' | 'unlock') {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<T>(`/api/v1/users/${encodeURIComponent(id)}/${command}`, {}),
    onSettled: () => invalidate('user', 'users', 'home'),
  });
}

export const useOrganisations = (enabled: boolean) =>
  useQuery({
    queryKey: ['organisations'],
    queryFn: ({ signal }) => api.get<{ items: TOrganisation[] }>('/api/v1/organisations', signal),
    enabled,
  });

export const useOrganisation = (id: string) =>
  useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) =>
      api.get<TOrganisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, signal),
  });

export function useCreateOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TCreateOrganisationRequest) => api.post<TOrganisation>('/api/v1/organisations', body),
    onSuccess: () => invalidate('organisations'),
  });
}

export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TUpdateOrganisationRequest) =>
      api.patch<TOrganisation>(`/api/v1/organisations/${encodeURIComponent(id)}`, body),
    onSuccess: async (organisation) => {
      client.setQueryData(['organisation', id], organisation);
      await invalidate('organisations', 'home', 'session');
    },
  });
}

export type TAuditFilters = { action: string; outcome: string };

export function useAudit(filters: TAuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<TAuditPage>(
        `/api/v1/audit${query({ before: pageParam, limit: 50, action: filters.action, outcome: filters.outcome })}`,
        signal,
      ),
    getNextPageParam: (last) => last.nextBefore,
  });
}
