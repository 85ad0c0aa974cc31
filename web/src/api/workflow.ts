// A case's workflow (assessment → support plan → services → follow-up → closure), its approvals and
// its tasks. Every write refreshes the workflow, the case (its stage, status and version change) and
// the lists that show approvals and tasks elsewhere (the /approvals page, the home page).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TApproval,
  TApprovalRequest,
  TCaseWorkflow,
  TTask,
  ZApprovalDecision,
  ZAssessmentInput,
  ZFollowUpInput,
  ZServiceInput,
  ZSupportPlanInput,
  ZTaskInput,
  ZUpdateSupportPlanRequest,
  ZUpdateTaskRequest,
} from '../../../shared/schemas/case-file';
import { api, query } from './client';

export type TAssessmentInput = z.output<typeof ZAssessmentInput>;
export type TSupportPlanInput = z.output<typeof ZSupportPlanInput>;
export type TUpdateSupportPlanRequest = z.output<typeof ZUpdateSupportPlanRequest>;
export type TServiceInput = z.output<typeof ZServiceInput>;
export type TFollowUpInput = z.output<typeof ZFollowUpInput>;
export type TApprovalDecision = z.output<typeof ZApprovalDecision>;
export type TTaskInput = z.output<typeof ZTaskInput>;
export type TUpdateTaskRequest = z.output<typeof ZUpdateTaskRequest>;

/** An approval in the supervisor's inbox, with the number of its case. */
export type TApprovalListItem = TApproval & { caseNumber: string };
/** A task in the reminders list, with the number of its case. */
export type TTaskListItem = TTask & { caseNumber: string };
export type TApprovalPage = { items: TApprovalListItem[]; total: number };
export type TTaskPage = { items: TTaskListItem[]; total: number };

export const workflowKey = (caseId: string) => ['workflow', caseId] as const;
/** The same key as the case page's case query (web/src/api/case-file.ts). */
const caseKey = (caseId: string) => ['case', caseId] as const;

const casePath = (id: string, rest = '') => `/api/v1/cases/${encodeURIComponent(id)}${rest}`;

export const useWorkflow = (caseId: string) =>
  useQuery({
    queryKey: workflowKey(caseId),
    queryFn: ({ signal }) => api.get<TCaseWorkflow>(casePath(caseId, '/workflow'), signal),
  });

/** After any workflow write: the case, its workflow, and every list that may show the change. */
async function refreshAfterWrite(client: QueryClient, caseId: string | null): Promise<void> {
  const lists = [['approvals'], ['tasks'], ['cases']].map((queryKey) =>
    client.invalidateQueries({ queryKey }),
  );
  if (caseId === null) {
    await Promise.all([
      ...lists,
      client.invalidateQueries({ queryKey: ['workflow'] }),
      client.invalidateQueries({ queryKey: ['case'] }),
    ]);
    return;
  }
  await Promise.all([
    ...lists,
    client.invalidateQueries({ queryKey: workflowKey(caseId) }),
    client.invalidateQueries({ queryKey: caseKey(caseId) }),
  ]);
}

/** A write that answers with the whole workflow: it replaces the cached one at once. */
function useWorkflowWrite<TVariables>(
  caseId: string,
  request: (variables: TVariables) => Promise<TCaseWorkflow>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (workflow) => {
      client.setQueryData(workflowKey(caseId), workflow);
      await refreshAfterWrite(client, caseId);
    },
  });
}

/** One key per form instance: a double submission or a retry after a network error stores once. */
export type TIdempotent<T> = { body: T; idempotencyKey: string };
const postOnce = <T>(path: string, { body, idempotencyKey }: TIdempotent<unknown>) =>
  api.postOnce<T>(path, body, idempotencyKey);

export const useRecordAssessment = (caseId: string) =>
  useWorkflowWrite(caseId, (v: TIdempotent<TAssessmentInput>) =>
    postOnce<TCaseWorkflow>(casePath(caseId, '/assessments'), v),
  );

export const useRecordSupportPlan = (caseId: string) =>
  useWorkflowWrite(caseId, (v: TIdempotent<TSupportPlanInput>) =>
    postOnce<TCaseWorkflow>(casePath(caseId, '/support-plans'), v),
  );

export const useUpdateSupportPlan = (caseId: string) =>
  useWorkflowWrite(caseId, ({ planId, body }: { planId: string; body: TUpdateSupportPlanRequest }) =>
    api.put<TCaseWorkflow>(casePath(caseId, `/support-plans/${encodeURIComponent(planId)}`), body),
  );

export const useRecordService = (caseId: string) =>
  useWorkflowWrite(caseId, (v: TIdempotent<TServiceInput>) =>
    postOnce<TCaseWorkflow>(casePath(caseId, '/services'), v),
  );

export const useRecordFollowUp = (caseId: string) =>
  useWorkflowWrite(caseId, (v: TIdempotent<TFollowUpInput>) =>
    postOnce<TCaseWorkflow>(casePath(caseId, '/follow-ups'), v),
  );

export function useRequestApproval(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: TIdempotent<TApprovalRequest>) => postOnce<TApproval>(casePath(caseId, '/approvals'), v),
    onSuccess: () => refreshAfterWrite(client, caseId),
  });
}

/** Approve or reject; `caseId` is the case to refresh (all cases when unknown). */
export function useDecideApproval() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ approvalId, ...v }: TIdempotent<TApprovalDecision> & { approvalId: string }) =>
      postOnce<TApproval>(`/api/v1/approvals/${encodeURIComponent(approvalId)}/decision`, v),
    onSuccess: (approval) => refreshAfterWrite(client, approval.caseId),
  });
}

export const APPROVALS_PAGE_SIZE = 50;

export const useApprovals = (state: 'pending' | 'decided', page = 1, pageSize = APPROVALS_PAGE_SIZE) =>
  useQuery({
    queryKey: ['approvals', { state, page, pageSize }],
    queryFn: ({ signal }) =>
      api.get<TApprovalPage>(`/api/v1/approvals${query({ state, page, pageSize })}`, signal),
  });

export function useCreateTask(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: TIdempotent<TTaskInput>) => postOnce<TTask>(casePath(caseId, '/tasks'), v),
    onSuccess: () => refreshAfterWrite(client, caseId),
  });
}

export function useUpdateTask(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: TUpdateTaskRequest }) =>
      api.patch<TTask>(`/api/v1/tasks/${encodeURIComponent(taskId)}`, body),
    onSuccess: () => refreshAfterWrite(client, caseId),
  });
}

/** My open tasks due before `dueBefore` (the overdue first): the reminders of the home page. */
export const useMyOpenTasks = (dueBefore: string, pageSize = 20) =>
  useQuery({
    queryKey: ['tasks', { assigned: 'me', state: 'open', dueBefore, pageSize }],
    queryFn: ({ signal }) =>
      api.get<TTaskPage>(
        `/api/v1/tasks${query({ assigned: 'me', state: 'open', dueBefore, pageSize })}`,
        signal,
      ),
  });

/** How many requests wait for a decision (one row asked for, the total read). */
export const usePendingApprovalCount = (enabled: boolean) =>
  useQuery({
    queryKey: ['approvals', { state: 'pending', page: 1, pageSize: 1 }],
    queryFn: ({ signal }) =>
      api.get<TApprovalPage>(`/api/v1/approvals${query({ state: 'pending', page: 1, pageSize: 1 })}`, signal),
    enabled,
    select: (page) => page.total,
  });
