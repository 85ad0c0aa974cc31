// Duplicate persons: the check before saving, the review list, compare, merge and undo.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPersonInput } from '../../../shared/schemas/cases';
import type {
  TDuplicateCheckResponse,
  TDuplicatePairs,
  TMerge,
  TMergeField,
} from '../../../shared/schemas/persons';
import type { TDuplicateReason, TPersonBrief } from '../../../shared/schemas/persons';
import { api, apiRequest, query } from './client';

export type TPair = { a: TPersonBrief; b: TPersonBrief; score: number; reasons: TDuplicateReason[]; foundAt: string };

/** Likely duplicates of what is being typed; asks only once a name is there. */
export function useDuplicateCheck(person: Partial<TPersonInput>, excludePersonId?: string) {
  const named = !!(person.givenName?.trim() || person.familyName?.trim());
  return useQuery({
    queryKey: ['duplicate-check', person, excludePersonId ?? null],
    queryFn: ({ signal }) =>
      apiRequest<TDuplicateCheckResponse>('POST', '/api/v1/persons/duplicate-check', {
        body: { person, ...(excludePersonId ? { excludePersonId } : {}) },
        signal,
      }),
    enabled: named,
    staleTime: 30_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export const useDuplicatePairs = (page: number, pageSize: number) =>
  useQuery({
    queryKey: ['duplicates', page, pageSize],
    queryFn: ({ signal }) => api.get<TDuplicatePairs>(`/api/v1/persons/duplicates${query({ page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });

export const useCompare = (a: string, b: string) =>
  useQuery({
    queryKey: ['compare', a, b],
    queryFn: ({ signal }) => api.get<TPair>(`/api/v1/persons/compare${query({ a, b })}`, signal),
    enabled: !!a && !!b,
  });

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { keepId: string; mergeId: string; take: TMergeField[] }) => api.post<TMerge>('/api/v1/persons/merge', body),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api.post<TMerge>(`/api/v1/persons/merges/${encodeURIComponent(mergeId)}/undo`),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useDismissPair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pair: { a: string; b: string }) => api.post<void>('/api/v1/persons/duplicates/dismiss', pair),
    onSuccess: () => client.invalidateQueries({ queryKey: ['duplicates'] }),
  });
}

export function useScanDuplicates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ pairs: number; compared: number }>('/api/v1/persons/duplicates/scan'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['duplicates'] }),
  });
}
