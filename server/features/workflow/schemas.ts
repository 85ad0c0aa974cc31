import { z } from '@hono/zod-openapi';
import { LIMITS } from '../../../shared/limits';
import {
  APPROVAL_KINDS,
  ZApproval,
  ZApprovalRequest,
  ZCaseWorkflow,
  ZTask,
} from '../../../shared/schemas/case-file';
import { ZUuid } from '../../../shared/schemas/common';

// Server-side shapes around the shared contract (shared/schemas/case-file.ts): list queries, list
// items with their case number, path parameters.

// `.extend({})` first: a schema made before @hono/zod-openapi was loaded (the shared ones, depending
// on import order) has no `.openapi`; a schema derived from it now does.
export const ZWorkflowResponse = ZCaseWorkflow.extend({}).openapi('CaseWorkflow');
export const ZApprovalResponse = ZApproval.extend({}).openapi('Approval');
export const ZTaskResponse = ZTask.extend({}).openapi('Task');

/** An approval in the supervisor's inbox: with the number of its case. */
export const ZApprovalListItem = ZApproval.extend({ caseNumber: z.string() }).openapi('ApprovalListItem');
export type TApprovalListItem = z.infer<typeof ZApprovalListItem>;
/** A task in the reminders list: with the number of its case. */
export const ZTaskListItem = ZTask.extend({ caseNumber: z.string() }).openapi('TaskListItem');
export type TTaskListItem = z.infer<typeof ZTaskListItem>;

const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
};

/** GET /api/v1/approvals: pending (oldest first) or decided (latest decision first). */
export const ZListApprovalsQuery = z.strictObject({
  state: z.enum(['pending', 'decided']).default('pending'),
  kind: z.enum(APPROVAL_KINDS).optional(),
  ...page,
});

/**
 * GET /api/v1/tasks: open tasks by due time (overdue first, then those due soon), or done tasks
 * (latest first). `assigned` is `me` or a user id; without it, every task of the organisation.
 */
export const ZListTasksQuery = z.strictObject({
  assigned: z.union([z.literal('me'), ZUuid]).optional(),
  state: z.enum(['open', 'done']).default('open'),
  /** only tasks due before this instant (e.g. now + 24 h for reminders) */
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  caseId: ZUuid.optional(),
  ...page,
});

const APPROVAL_FIELDS = new Set(['kind', 'status', 'decisionMaker', 'reason']);
/**
 * The approval request body: ZApprovalRequest, and an unknown field is named as such even when the
 * kind is missing (a discriminated union alone then reports only the kind).
 */
export const ZApprovalRequestBody = ZApprovalRequest.superRefine(
  (v: unknown, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    // With a known kind, that kind's strict object names unknown fields itself.
    if ((APPROVAL_KINDS as readonly unknown[]).includes((v as { kind?: unknown }).kind)) return;
    const keys = Object.keys(v).filter((k) => !APPROVAL_FIELDS.has(k));
    if (keys.length > 0)
      ctx.addIssue({ code: 'unrecognized_keys', keys, input: v as Record<string, unknown>, path: [] });
  },
  // also when the union itself failed (no kind): that is when the unknown field is worth naming
  { when: () => true },
).openapi('ApprovalRequest');

export const ZPlanParams = z.object({
  id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }),
  planId: z.string().uuid().openapi({ param: { name: 'planId', in: 'path' } }),
});
