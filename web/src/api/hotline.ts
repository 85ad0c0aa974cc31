// The hotline console: logging contacts (with an Idempotency-Key), today's board, a case from a contact.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAction } from '../../../shared/roles';
import type { TCreateContactRequest } from '../../../shared/schemas/contacts';
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
  createdAt: string;
  actions: TAction[];
};

export type TCallerRecognition = { recognised: boolean; earlierContacts: number; knownPersons: number };
export type TLoggedContact = { contact: TContact; caller: TCallerRecognition | null };
export type TContactPage = { items: TContact[]; total: number };

/** The fields of a case the console shows after opening one. */
export type TOpenedCase = { id: string; caseNumber: string; status: string; stage: string; openedAt: string };

/** The board refreshes on its own so that every operator sees the others' contacts. */
export const BOARD_REFRESH_MS = 30_000;
export const BOARD_PAGE_SIZE = 200;

/** Contacts since the start of today (Kazakhstan time, the server's default), newest first. */
export const useTodaysContacts = () =>
  useQuery({
    queryKey: ['contacts', 'today'],
    queryFn: ({ signal }) =>
      api.get<TContactPage>(`/api/v1/contacts${query({ pageSize: BOARD_PAGE_SIZE })}`, signal),
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
