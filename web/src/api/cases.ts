// The case list: search, filters, sorting and pages (GET /api/v1/cases), and a new case from scratch.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAction } from '../../../shared/roles';
import type { TCreateCaseRequest, TListCasesQuery } from '../../../shared/schemas/cases';
import { api, apiRequest, query } from './client';
import type { TUserPage } from './types';

export type TCaseSummary = {
  id: string;
  caseNumber: string;
  status: string;
  stage: string;
  region: string | null;
  assignedUserId: string | null;
  openedAt: string;
  closedAt: string | null;
  version: number;
  actions: TAction[];
};

/** `totalCapped`: the count stopped at `total` (there are more); older servers leave it out. */
export type TCasePage = { items: TCaseSummary[]; total: number; totalCapped?: boolean; similar?: boolean };

/** The list's query as the URL keeps it: every value optional, pages from 1. */
export type TCaseListParams = Partial<Omit<TListCasesQuery, 'page' | 'pageSize'>> & {
  page?: number;
  pageSize?: number;
};

export const useCaseList = (params: TCaseListParams, enabled = true) =>
  useQuery({
    queryKey: ['cases', 'list', params],
    queryFn: ({ signal }) =>
      api.get<TCasePage>(
        `/api/v1/cases${query({
          q: params.q,
          status: params.status,
          region: params.region,
          assigned: params.assigned,
          openedFrom: params.openedFrom,
          openedTo: params.openedTo,
          sort: params.sort,
          page: params.page && params.page > 1 ? params.page : undefined,
          pageSize: params.pageSize,
        })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    // One key per form: a double click or a retry opens one case.
    mutationFn: ({ body, key }: { body: TCreateCaseRequest; key: string }) =>
      apiRequest<TCaseSummary>('POST', '/api/v1/cases', { body, headers: { 'Idempotency-Key': key } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** The organisation's users, to filter by assignee (only for roles that may list users). */
export const useOrganisationUsers = (enabled: boolean) =>
  useQuery({
    queryKey: ['users', { page: 1, pageSize: 200, q: '' }],
    queryFn: ({ signal }) => api.get<TUserPage>(`/api/v1/users${query({ page: 1, pageSize: 200 })}`, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
