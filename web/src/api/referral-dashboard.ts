// The referral SLA dashboard (issue 4): aggregates only — organisation names, counts, rates, hours.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZReferralDashboard } from '../../../shared/schemas/referrals';
import { api, query } from './client';

export type TReferralDashboard = z.infer<typeof ZReferralDashboard>;
export type TDashboardPartner = TReferralDashboard['partners'][number];

/** since: YYYY-MM-DD, or undefined for the server's default (twelve months ago). */
export const useReferralDashboard = (since: string | undefined) =>
  useQuery({
    queryKey: ['referral-dashboard', since ?? null],
    queryFn: ({ signal }) =>
      api.get<TReferralDashboard>(`/api/v1/referral-dashboard${query({ since })}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
