import { createRoute, z } from '@hono/zod-openapi';
import {
  ZApprovalDecision,
  ZAssessmentInput,
  ZFollowUpInput,
  ZServiceInput,
  ZSupportPlanInput,
  ZTaskInput,
  ZUpdateSupportPlanRequest,
  ZUpdateTaskRequest,
} from '../../../shared/schemas/case-file';
import { ZIdempotencyHeaders } from '../../http/idempotency';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import {
  ZApprovalListItem,
  ZApprovalRequestBody,
  ZApprovalResponse,
  ZListApprovalsQuery,
  ZListTasksQuery,
  ZPlanParams,
  ZTaskListItem,
  ZTaskResponse,
  ZWorkflowResponse,
} from './schemas';

const workflow = { content: { 'application/json': { schema: ZWorkflowResponse } } };
const approval = { content: { 'application/json': { schema: ZApprovalResponse } } };
const task = { content: { 'application/json': { schema: ZTaskResponse } } };
const IDEMPOTENT =
  ' An `Idempotency-Key` makes a repeated submission answer the same and store nothing twice.';

export const getWorkflowRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases/{id}/workflow',
  tags: ['workflow'],
  summary:
    'A case’s assessments, support plans, services, follow-ups, approvals and tasks (audited; notes and summaries only for roles that read sensitive texts)',
  request: { params: ZIdParam },
  responses: { 200: { description: 'the workflow', ...workflow }, ...errors(400, 401, 403, 404) },
});

/** POST routes that add one step to a case's workflow and answer with the whole workflow. */
const stepRoute = <T extends z.ZodType>(path: string, body: T, summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/v1/cases/{id}/${path}`,
    tags: ['workflow'],
    summary: summary + IDEMPOTENT,
    request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(body) },
    responses: {
      201: { description: 'recorded; the case’s workflow', ...workflow },
      ...errors(400, 401, 403, 404, 409, 413),
    },
  });

export const createAssessmentRoute = stepRoute(
  'assessments',
  ZAssessmentInput,
  'Record an assessment of needs and risks (the case moves to the assessment stage).',
);
export const createSupportPlanRoute = stepRoute(
  'support-plans',
  ZSupportPlanInput,
  'Record a support plan (the case moves to the support plan stage).',
);
export const createServiceRoute = stepRoute(
  'services',
  ZServiceInput,
  'Record a service delivered, by an organisation of the network or another provider (the case moves to the services stage).',
);
export const createFollowUpRoute = stepRoute(
  'follow-ups',
  ZFollowUpInput,
  'Record a follow-up (the case moves to the follow-up stage).',
);

export const updateSupportPlanRoute = createRoute({
  method: 'put',
  path: '/api/v1/cases/{id}/support-plans/{planId}',
  tags: ['workflow'],
  summary: 'Replace a support plan; `version` must be the one read (409 when someone saved it meanwhile)',
  request: { params: ZPlanParams, body: jsonBody(ZUpdateSupportPlanRequest) },
  responses: {
    200: { description: 'updated; the case’s workflow', ...workflow },
    ...errors(400, 401, 403, 404, 409, 413),
  },
});

export const requestApprovalRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/approvals',
  tags: ['workflow'],
  summary:
    'Ask a supervisor to approve closing the case or recognising the person as a victim of trafficking (one pending request per kind).' +
    IDEMPOTENT,
  request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(ZApprovalRequestBody) },
  responses: { 201: { description: 'requested', ...approval }, ...errors(400, 401, 403, 404, 409, 413) },
});

export const listApprovalsRoute = createRoute({
  method: 'get',
  path: '/api/v1/approvals',
  tags: ['workflow'],
  summary:
    'The supervisor’s inbox: pending requests of my organisation (oldest first), or decided ones (latest first)',
  request: { query: ZListApprovalsQuery },
  responses: {
    200: {
      description: 'one page',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ZApprovalListItem), total: z.number().int() }),
        },
      },
    },
    ...errors(400, 401, 403),
  },
});

export const decideApprovalRoute = createRoute({
  method: 'post',
  path: '/api/v1/approvals/{id}/decision',
  tags: ['workflow'],
  summary:
    'Approve or reject a request (four eyes: not one’s own; decided once). An approved closure closes the case; an approved recognition sets the trafficking status.' +
    IDEMPOTENT,
  request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(ZApprovalDecision) },
  responses: { 200: { description: 'decided', ...approval }, ...errors(400, 401, 403, 404, 409) },
});

export const createTaskRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/tasks',
  tags: ['workflow'],
  summary:
    'Add a task with a due time to a case, for a user of my organisation (by default myself).' + IDEMPOTENT,
  request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(ZTaskInput) },
  responses: { 201: { description: 'created', ...task }, ...errors(400, 401, 403, 404, 409, 413) },
});

export const updateTaskRoute = createRoute({
  method: 'patch',
  path: '/api/v1/tasks/{id}',
  tags: ['workflow'],
  summary:
    'Change a task or mark it done; `version` must be the one read (409 when someone saved it meanwhile)',
  request: { params: ZIdParam, body: jsonBody(ZUpdateTaskRequest) },
  responses: { 200: { description: 'updated', ...task }, ...errors(400, 401, 403, 404, 409) },
});

export const listTasksRoute = createRoute({
  method: 'get',
  path: '/api/v1/tasks',
  tags: ['workflow'],
  summary:
    'Tasks and reminders: open tasks by due time (overdue first), e.g. `assigned=me&dueBefore=<now + 24 h>`',
  request: { query: ZListTasksQuery },
  responses: {
    200: {
      description: 'one page',
      content: {
        'application/json': { schema: z.object({ items: z.array(ZTaskListItem), total: z.number().int() }) },
      },
    },
    ...errors(400, 401, 403),
  },
});
