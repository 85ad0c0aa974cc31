// The partner directory, memoranda and the public "Our partners" list (issue 4).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TPartner,
  TPartnerQuery,
  TMemorandum,
  TPublicPartner,
  ZCreateOfflinePartnerRequest,
  ZMemorandumInput,
  ZMembershipDecisionRequest,
  ZUpdatePartnerProfileRequest,
} from '../../../shared/schemas/partners';
import type { TStaffLocale } from '../../../shared/locales';
import { api, apiRequest, query } from './client';

export type TPartnerList = { items: TPartner[]; byRegion: { region: string; count: number }[] };
export type TPublicPartnerList = { lang: TStaffLocale; items: TPublicPartner[] };
export type TUpdatePartnerRequest = z.output<typeof ZUpdatePartnerProfileRequest>;
export type TCreateOfflinePartnerRequest = z.output<typeof ZCreateOfflinePartnerRequest>;
export type TMembershipDecision = z.output<typeof ZMembershipDecisionRequest>;
export type TMemorandumRequest = z.output<typeof ZMemorandumInput>;

const PARTNERS = ['partners'] as const;
const MEMORANDA = ['memoranda'] as const;

export const usePartners = (filters: TPartnerQuery, enabled = true) =>
  useQuery({
    queryKey: [...PARTNERS, 'list', filters],
    queryFn: ({ signal }) => api.get<TPartnerList>(`/api/v1/partners${query(filters)}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const usePartner = (orgId: string, enabled = true) =>
  useQuery({
    queryKey: [...PARTNERS, 'one', orgId],
    queryFn: ({ signal }) => api.get<TPartner>(`/api/v1/partners/${encodeURIComponent(orgId)}`, signal),
    enabled,
  });

function usePartnerMutation<TVariables>(request: (variables: TVariables) => Promise<TPartner>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (partner) => {
      client.setQueryData([...PARTNERS, 'one', partner.orgId], partner);
      await client.invalidateQueries({ queryKey: [...PARTNERS, 'list'] });
      await client.invalidateQueries({ queryKey: MEMORANDA });
    },
  });
}

/** The whole entry again with the version read (1 when the organisation has no entry yet). */
export const useUpdatePartner = (orgId: string) =>
  usePartnerMutation((body: TUpdatePartnerRequest) =>
    apiRequest<TPartner>('PUT', `/api/v1/partners/${encodeURIComponent(orgId)}`, { body }),
  );

/** A network administrator adds a partner that never logs in (it receives letters). */
export const useCreateOfflinePartner = () =>
  usePartnerMutation((body: TCreateOfflinePartnerRequest) => api.post<TPartner>('/api/v1/partners', body));

export const useMembershipDecision = (orgId: string) =>
  usePartnerMutation((body: TMembershipDecision) =>
    api.post<TPartner>(`/api/v1/partners/${encodeURIComponent(orgId)}/membership`, body),
  );

export const useMemoranda = (enabled = true) =>
  useQuery({
    queryKey: MEMORANDA,
    queryFn: ({ signal }) => api.get<{ items: TMemorandum[] }>('/api/v1/memoranda', signal),
    enabled,
  });

function useMemorandumMutation<TVariables>(request: (variables: TVariables) => Promise<TMemorandum>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: MEMORANDA });
      await client.invalidateQueries({ queryKey: PARTNERS });
    },
  });
}

export const useCreateMemorandum = () =>
  useMemorandumMutation((body: TMemorandumRequest) => api.post<TMemorandum>('/api/v1/memoranda', body));

export const useUpdateMemorandum = (id: string) =>
  useMemorandumMutation((body: TMemorandumRequest & { version: number }) =>
    apiRequest<TMemorandum>('PUT', `/api/v1/memoranda/${encodeURIComponent(id)}`, { body }),
  );

/** The public list (no session): what each partner chose to publish, in one language. */
export const usePublicPartners = (lang: TStaffLocale) =>
  useQuery({
    queryKey: ['public-partners', lang],
    queryFn: ({ signal }) => api.get<TPublicPartnerList>(`/api/public/partners${query({ lang })}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
