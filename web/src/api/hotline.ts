// The hotline console: logging contacts (with an Idempotency-Key), the live board (today, open crises,
// callbacks), a case from a contact or a contact attached to a case, caller flags, the topic tree.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAction } from '../../../shared/roles';
import type {
  TCallerFlagKind,
  TCreateCallerFlagRequest,
  TCreateContactRequest,
  TPutTopicsRequest,
  TTopicNode,
  TUpdateContactRequest,
} from '../../../shared/schemas/contacts';
import { apiRequest, api, query } from './client';

export type TContact = {
  id: string;
  operatorId: string;
  channel: string;
  language: string | null;
  startedAt: string;
  durationS: number | null;
  contactType: string;
  callerRole: string | null;
  topics: string[];
  callerRegion: string | null;
  problemRegion: string | null;
  urgency: string | null;
  outcome: string | null;
  notes?: string | null;
  notesRedacted: boolean;
  hasCallerPhone: boolean;
  personId: string | null;
  caseId: string | null;
  callbackDueAt: string | null;
  callbackDoneAt: string | null;
  crisisResolvedAt: string | null;
  createdAt: string;
  actions: TAction[];
};

export type TCallerFlag = {
  id: string;
  flag: TCallerFlagKind;
  /** only for roles that read contact notes */
  note?: string | null;
  expiresAt: string | null;
  createdAt: string;
};
export type TCallerRecognition = {
  recognised: boolean;
  earlierContacts: number;
  knownPersons: number;
  /** the phone's flags in force; absent when there are none */
  flags?: TCallerFlag[];
};
export type TLoggedContact = { contact: TContact; caller: TCallerRecognition | null };
export type TContactPage = { items: TContact[]; total: number };
export type TBoard = { today: TContactPage; openCrises: TContactPage; callbacksDue: TContactPage };
export type TTopicTree = { topics: TTopicNode[]; version: string; isDefault: boolean };

/** The fields of a case the console shows after opening one. */
export type TOpenedCase = { id: string; caseNumber: string; status: string; stage: string; openedAt: string };

/** The board refreshes on its own so that every operator sees the others' contacts. */
export const BOARD_REFRESH_MS = 30_000;

/** Today's contacts (Kazakhstan time), open crises of any day, callbacks not yet made (due first). */
export const useBoard = () =>
  useQuery({
    queryKey: ['contacts', 'board'],
    queryFn: ({ signal }) => api.get<TBoard>('/api/v1/hotline/board', signal),
    refetchInterval: BOARD_REFRESH_MS,
  });

/** The same key for one form instance: a double submission stores one contact. */
export function useLogContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TCreateContactRequest; idempotencyKey: string }) =>
      apiRequest<TLoggedContact>('POST', '/api/v1/contacts', {
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

/** The board's buttons: the callback made, the crisis resolved. */
export function useUpdateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateContactRequest }) =>
      api.patch<TContact>(`/api/v1/contacts/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

export function useOpenCaseFromContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.post<TOpenedCase>('/api/v1/cases', { contactId }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['contacts'] }),
        client.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}

export function useAttachContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, contactId }: { caseId: string; contactId: string }) =>
      api.post<TContact>(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`, { contactId }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['contacts'] }),
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['case'] }),
      ]),
  });
}

export const useFlagCaller = () =>
  useMutation({
    mutationFn: (body: TCreateCallerFlagRequest) => api.post<TCallerFlag>('/api/v1/hotline/caller-flags', body),
  });

export const useClearCallerFlag = () =>
  useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/hotline/caller-flags/${encodeURIComponent(id)}`),
  });

/** The organisation's topic tree: the active one for the console, all of it for the editor. */
export const useTopicTree = (includeRetired = false, enabled = true) =>
  useQuery({
    queryKey: ['topics', { includeRetired }],
    queryFn: ({ signal }) =>
      api.get<TTopicTree>(`/api/v1/hotline/topics${query({ includeRetired: includeRetired ? 'true' : null })}`, signal),
    staleTime: 5 * 60_000,
    enabled,
  });

export function useSaveTopics() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutTopicsRequest) => apiRequest<TTopicTree>('PUT', '/api/v1/hotline/topics', { body }),
    onSuccess: async (tree) => {
      client.setQueryData(['topics', { includeRetired: true }], tree);
      await client.invalidateQueries({ queryKey: ['topics', { includeRetired: false }] });
    },
  });
}
