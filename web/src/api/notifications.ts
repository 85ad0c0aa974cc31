// Notifications (in-app), the organisation's mail outbox, and the public one-time answer link of a
// referral letter (no session). Issuing a letter is in ./referrals.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZLinkAnswerRequest,
  ZLinkAnswerView,
  ZNotificationList,
} from '../../../shared/schemas/referrals';
import { api, apiRequest } from './client';

export type TNotificationList = z.infer<typeof ZNotificationList>;
export type TNotification = TNotificationList['items'][number];
export type TLinkView = z.infer<typeof ZLinkAnswerView>;
export type TLinkAnswer = z.infer<typeof ZLinkAnswerRequest>;
export type TOutboxMail = {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};

/** Mine, refreshed every minute (the bell's count too). */
export const useNotifications = (enabled = true) =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api.get<TNotificationList>('/api/v1/notifications', signal),
    refetchInterval: 60_000,
    enabled,
  });

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/v1/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ read: number }>('/api/v1/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export const useMailOutbox = () =>
  useQuery({
    queryKey: ['mail-outbox'],
    queryFn: ({ signal }) => api.get<{ items: TOutboxMail[]; smtpConfigured: boolean }>('/api/v1/mail-outbox', signal),
  });

// The public answer page: no session, the token in the body (the page reads it from the URL's fragment).
export const useLinkView = (token: string) =>
  useQuery({
    queryKey: ['link-view', token],
    queryFn: ({ signal }) =>
      apiRequest<TLinkView>('POST', '/api/public/referral-answers/view', { body: { token }, signal, isAuthFlow: true }),
    enabled: token.length > 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

export const useLinkAnswer = (token: string) =>
  useMutation({
    mutationFn: (answer: TLinkAnswer) =>
      apiRequest<{ reference: string; status: string }>('POST', '/api/public/referral-answers/answer', {
        body: { token, ...answer },
        isAuthFlow: true,
      }),
  });
