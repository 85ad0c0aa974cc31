import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateCaseRequest, ZListCasesQuery, ZUpdateCaseRequest } from '../../../shared/schemas/cases';
import { ZAttachContactRequest } from '../../../shared/schemas/contacts';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import { ZContact } from '../contacts/present-contact';
import { ZCase, ZCaseSummary } from './present-case';
import { ZIdempotencyHeaders } from '../../http/idempotency';

const one = { content: { 'application/json': { schema: ZCase } } };

export const createCaseRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases',
  tags: ['cases'],
  summary:
    'Open a case from scratch, or from a contact (`contactId`): the contact is attached and its person linked or created',
  request: { headers: ZIdempotencyHeaders, body: jsonBody(ZCreateCaseRequest) },
  responses: { 201: { description: 'opened', ...one }, ...errors(400, 401, 403, 404, 409) },
});

export const listCasesRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases',
  tags: ['cases'],
  summary: 'Cases of my organisation, filtered, sorted and paginated (no identity fields)',
  request: { query: ZListCasesQuery },
  responses: {
    200: {
      description: 'one page',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(ZCaseSummary),
            /** counted exactly up to LIMITS.listCountCap (10,000); pages beyond it are refused (400 on `page`) */
            total: z.number().int(),
            /** true: more cases than `total` match (the count stopped at the cap) */
            totalCapped: z.boolean(),
            /** true: no exact match for the name words; these are the cases of persons with similar names */
            similar: z.boolean().optional(),
          }),
        },
      },
    },
    ...errors(400, 401, 403),
  },
});

export const getCaseRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases/{id}',
  tags: ['cases'],
  summary: 'One case file (every open is audited; identity fields only for roles that need them)',
  request: { params: ZIdParam },
  responses: { 200: { description: 'the case', ...one }, ...errors(400, 401, 403, 404) },
});

export const updateCaseRoute = createRoute({
  method: 'patch',
  path: '/api/v1/cases/{id}',
  tags: ['cases'],
  summary:
    'Change status, stage, assignment or region; `version` must be the one read (409 lists the fields changed since)',
  request: { params: ZIdParam, body: jsonBody(ZUpdateCaseRequest) },
  responses: { 200: { description: 'updated', ...one }, ...errors(400, 401, 403, 404, 409) },
});

export const attachContactRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/contacts',
  tags: ['cases'],
  summary: 'Attach a contact to this case',
  request: { params: ZIdParam, body: jsonBody(ZAttachContactRequest) },
  responses: {
    200: { description: 'attached', content: { 'application/json': { schema: ZContact } } },
    ...errors(400, 401, 403, 404, 409),
  },
});
