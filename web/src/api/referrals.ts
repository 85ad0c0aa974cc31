// Referrals between organisations of the network (issue 4): the send dialog's options, sending with
// an Idempotency-Key, the inbox and sent lists (keyset cursor, "Load more"), one referral, its
// answers, revocation, shared updates, opening a case from it and the letters of partners offline.
// Every write refreshes the referral lists and the cases whose timeline shows the step.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCreateReferralRequest,
  TReferral,
  TReferralAnswerRequest,
  TReferralStatus,
  ZReferralLetterIssued,
  ZReferralOptions,
  ZRevokeReferralRequest,
  ZShareUpdateRequest,
} from '../../../shared/schemas/referrals';
import { api, query } from './client';

export type TReferralOptions = z.output<typeof ZReferralOptions>;
export type TReferralSuggestion = TReferralOptions['suggestions'][number];
export type TReferralLetterIssued = z.output<typeof ZReferralLetterIssued>;
export type TRevokeReferralRequest = z.output<typeof ZRevokeReferralRequest>;
export type TShareUpdateRequest = z.input<typeof ZShareUpdateRequest>;
export type TReferralPage = { items: TReferral[]; nextCursor: string | null };
export type TReferralFilters = {
  box: 'inbox' | 'sent';
  status?: TReferralStatus | undefined;
  overdue?: 'true' | undefined;
  caseId?: string | undefined;
};

const REFERRALS = ['referrals'] as const;
export const referralKey = (id: string) => [...REFERRALS, 'one', id] as const;
const optionsKey = (caseId: string) => [...REFERRALS, 'options', caseId] as const;

const referralPath = (id: string, rest = '') => `/api/v1/referrals/${encodeURIComponent(id)}${rest}`;
const casePath = (id: string, rest = '') => `/api/v1/cases/${encodeURIComponent(id)}${rest}`;

export const useReferralOptions = (caseId: string, enabled = true) =>
  useQuery({
    queryKey: optionsKey(caseId),
    queryFn: ({ signal }) => api.get<TReferralOptions>(casePath(caseId, '/referral-options'), signal),
    enabled,
    // consent may have been recorded a moment ago in the Consent tab
    refetchOnMount: 'always',
  });

const PAGE_SIZE = 25;

/** A list with "Load more": the next page starts after the cursor of the last one. */
export const useReferralList = (filters: TReferralFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...REFERRALS, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<TReferralPage>(
        `/api/v1/referrals${query({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`,
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });

export const useReferral = (id: string, enabled = true) =>
  useQuery({
    queryKey: referralKey(id),
    queryFn: ({ signal }) => api.get<TReferral>(referralPath(id), signal),
    enabled,
    refetchOnMount: 'always',
  });

/** After a step: the lists, the referral, and the cases (their timelines show the step). */
async function refresh(client: QueryClient, referral?: TReferral): Promise<void> {
  if (referral) client.setQueryData(referralKey(referral.id), referral);
  await Promise.all([
    client.invalidateQueries({ queryKey: REFERRALS }),
    client.invalidateQueries({ queryKey: ['case'] }),
  ]);
}

const isReferral = (data: unknown): data is TReferral =>
  typeof data === 'object' && data !== null && 'reference' in data && 'actions' in data;

/** A write whose answer may be the referral (replacing the cached one) or anything else. */
function useReferralWrite<TVariables, TResult>(request: (variables: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => refresh(client, isReferral(data) ? data : undefined),
  });
}

/** Sends a referral; the key is the dialog's: a double click or a retry sends once. */
export const useCreateReferral = (caseId: string) =>
  useReferralWrite(({ body, idempotencyKey }: { body: TCreateReferralRequest; idempotencyKey: string }) =>
    api.postOnce<TReferral>(casePath(caseId, '/referrals'), body, idempotencyKey),
  );

export const useAnswerReferral = (id: string) =>
  useReferralWrite((body: TReferralAnswerRequest) => api.post<TReferral>(referralPath(id, '/answer'), body));

export const useRevokeReferral = (id: string) =>
  useReferralWrite((body: TRevokeReferralRequest) => api.post<TReferral>(referralPath(id, '/revoke'), body));

export const useShareReferralUpdate = (id: string) =>
  useReferralWrite((body: TShareUpdateRequest) => api.post<TReferral>(referralPath(id, '/updates'), body));

/** The receiver opens its own case from the referral (HTCDS incoming referral fields filled). */
export const useOpenCaseFromReferral = (id: string) =>
  useReferralWrite(() => api.post<{ caseId: string }>(referralPath(id, '/case'), {}));

/** A letter for a partner without Senim: the one-time link and reply code come back once. */
export const useIssueReferralLetter = (id: string) =>
  useReferralWrite(() => api.post<TReferralLetterIssued>(referralPath(id, '/letter'), {}));
