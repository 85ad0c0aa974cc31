// One case file: the case with its profile sections (GET /api/v1/cases/{id}) and every write of the
// case page. Each write answers with the whole case, which replaces the cached one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAction } from '../../../shared/roles';
import type {
  TCaseProfileSections,
  TConsentInput,
  TTraffickingEventInput,
  TUpdatePersonRequest,
} from '../../../shared/schemas/case-file';
import type { TCaseSensitive, TVictimContext } from '../../../shared/schemas/case-file';
import type { TUpdateCaseRequest } from '../../../shared/schemas/cases';
import { api, query } from './client';
import type { TUserPage } from './types';

export type TCaseIdentity = {
  givenName: string | null;
  familyName: string | null;
  middleName: string | null;
  birthDate: string | null;
  phone: string | null;
  documentNumber: string | null;
  address: string | null;
};

export type TCasePerson = {
  id: string;
  sex: string | null;
  citizenship: string | null;
  birthYear: number | null;
  languages: string[];
  migrationStatus: string | null;
  /** null when the reader's role may not see identity fields */
  identity: TCaseIdentity | null;
};

export type TCaseTimelineEntry = {
  at: string;
  kind: string;
  userId: string | null;
  payload: Record<string, unknown>;
};

export type TCaseContactRef = { id: string; startedAt: string; contactType: string; channel: string };

export type TCaseFile = {
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
  closureReason: string | null;
  person: TCasePerson | null;
  identityRedacted: boolean;
  contacts: TCaseContactRef[];
  timeline: TCaseTimelineEntry[];
} & TCaseProfileSections;

/** The query key of one case file; other panels of the case page invalidate it after their writes. */
export const caseFileKey = (id: string) => ['case', id] as const;

const CLOSED = ['Closed', 'ClosedReferred'];
/**
 * Whether the page offers changes to the case file: the server's permitted actions, and a closed case
 * is read-only (the server refuses its writes with 409; consent may still be withdrawn).
 */
export const mayEditFile = (c: Pick<TCaseFile, 'actions' | 'status' | 'stage'>): boolean =>
  c.actions.includes('case.update') && !CLOSED.includes(c.status) && c.stage !== 'closed';

/**
 * The profile sections default to empty when a server does not send them (yet): the page then shows
 * empty sections instead of failing.
 */
export function withProfileDefaults(raw: TCaseFile): TCaseFile {
  return {
    ...raw,
    personExtra: raw.personExtra ?? null,
    personProfile: raw.personProfile ?? null,
    ageYears: raw.ageYears ?? null,
    ageStatedOn: raw.ageStatedOn ?? null,
    victim: raw.victim ?? {},
    sensitive: raw.sensitive ?? null,
    sensitiveRedacted: raw.sensitiveRedacted ?? raw.sensitive == null,
    traffickingEvents: raw.traffickingEvents ?? [],
    consents: raw.consents ?? [],
    currentConsent: raw.currentConsent ?? null,
    contacts: raw.contacts ?? [],
    timeline: raw.timeline ?? [],
  };
}

const casePath = (id: string, rest = '') => `/api/v1/cases/${encodeURIComponent(id)}${rest}`;

export const useCaseFile = (id: string, enabled = true) =>
  useQuery({
    queryKey: caseFileKey(id),
    enabled,
    // Opening a case always asks the server: a decision taken meanwhile (a closure approved by a
    // supervisor) must show at once, not after the app-wide 30 s.
    refetchOnMount: 'always',
    queryFn: async ({ signal }) => withProfileDefaults(await api.get<TCaseFile>(casePath(id), signal)),
  });

const isCaseFile = (data: unknown): data is TCaseFile =>
  typeof data === 'object' && data !== null && 'caseNumber' in data && 'version' in data;

/** A write on the case: the answer (the whole case) replaces the cached case; lists are refreshed. */
function useCaseWrite<TVariables>(caseId: string, request: (variables: TVariables) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (data) => {
      if (isCaseFile(data)) client.setQueryData(caseFileKey(caseId), withProfileDefaults(data));
      else await client.invalidateQueries({ queryKey: caseFileKey(caseId) });
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export const useUpdateCase = (caseId: string) =>
  useCaseWrite(caseId, (body: TUpdateCaseRequest) => api.patch<TCaseFile>(casePath(caseId), body));

export const useUpdatePerson = (caseId: string) =>
  useCaseWrite(caseId, (body: TUpdatePersonRequest) => api.put<TCaseFile>(casePath(caseId, '/person'), body));

export const useUpdateVictim = (caseId: string) =>
  useCaseWrite(caseId, (body: { victim: TVictimContext; version: number }) =>
    api.put<TCaseFile>(casePath(caseId, '/victim'), body),
  );

export const useUpdateSensitive = (caseId: string) =>
  useCaseWrite(caseId, (body: { sensitive: TCaseSensitive; version: number }) =>
    api.put<TCaseFile>(casePath(caseId, '/sensitive'), body),
  );

/**
 * Adds an event (no `eventId`; with the Idempotency-Key of the form instance, so a double submission
 * stores one) or replaces one (with the case's version read when the form opened).
 */
export const useSaveTraffickingEvent = (caseId: string) =>
  useCaseWrite(
    caseId,
    ({
      eventId,
      body,
      version,
      idempotencyKey,
    }: {
      eventId?: string;
      body: TTraffickingEventInput;
      version?: number;
      idempotencyKey: string;
    }) =>
      eventId
        ? api.put<TCaseFile>(casePath(caseId, `/trafficking-events/${encodeURIComponent(eventId)}`), {
            ...body,
            version,
          })
        : api.postOnce<TCaseFile>(casePath(caseId, '/trafficking-events'), body, idempotencyKey),
  );

export const useDeleteTraffickingEvent = (caseId: string) =>
  useCaseWrite(caseId, (eventId: string) =>
    api.delete<TCaseFile>(casePath(caseId, `/trafficking-events/${encodeURIComponent(eventId)}`)),
  );

/** Records a consent, with the Idempotency-Key of the form instance (a double submission stores one). */
export const useRecordConsent = (caseId: string) =>
  useCaseWrite(caseId, ({ body, idempotencyKey }: { body: TConsentInput; idempotencyKey: string }) =>
    api.postOnce<TCaseFile>(casePath(caseId, '/consents'), body, idempotencyKey),
  );

export const useWithdrawConsent = (caseId: string) =>
  useCaseWrite(caseId, (consentId: string) =>
    api.post<TCaseFile>(casePath(caseId, `/consents/${encodeURIComponent(consentId)}/withdraw`), {}),
  );

/** The organisation's users, for names and the assignee choice; only asked when the role may list them. */
export const useOrganisationUsers = (enabled: boolean) =>
  useQuery({
    queryKey: ['users', { page: 1, pageSize: 200, q: '' }],
    queryFn: ({ signal }) => api.get<TUserPage>(`/api/v1/users${query({ page: 1, pageSize: 200 })}`, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
