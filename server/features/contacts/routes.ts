import { createRoute, z } from '@hono/zod-openapi';
import {
  ZCreateContactRequest,
  ZIdempotencyKey,
  ZListContactsQuery,
  ZUpdateContactRequest,
} from '../../../shared/schemas/contacts';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import { ZCallerFlag } from '../hotline-admin/caller-flags-present';
import { ZContact } from './present-contact';

/** What the operator learns about a caller who gave a phone number they have used before. */
export const ZCallerRecognition = z.object({
  recognised: z.boolean(),
  /** contacts from the same phone logged before this one */
  earlierContacts: z.number().int(),
  /** persons of this organisation with this phone */
  knownPersons: z.number().int(),
  /** the phone's caller flags still in force (absent when there are none) */
  flags: z.array(ZCallerFlag).optional(),
});

export const createContactRoute = createRoute({
  method: 'post',
  path: '/api/v1/contacts',
  tags: ['contacts'],
  summary:
    'Log a hotline contact in one request; `Idempotency-Key` makes a repeated submission answer the same and store nothing twice',
  request: {
    headers: z.object({ 'idempotency-key': ZIdempotencyKey.optional() }),
    body: jsonBody(ZCreateContactRequest),
  },
  responses: {
    201: {
      description: 'logged (or, for a repeated Idempotency-Key, the contact logged the first time)',
      content: {
        'application/json': {
          schema: z.object({ contact: ZContact, caller: ZCallerRecognition.nullable() }),
        },
      },
    },
    ...errors(400, 401, 403, 409, 413),
  },
});

export const listContactsRoute = createRoute({
  method: 'get',
  path: '/api/v1/contacts',
  tags: ['contacts'],
  summary: 'Contacts of my organisation, newest first; by default those since the start of today (Kazakhstan time)',
  request: { query: ZListContactsQuery },
  responses: {
    200: {
      description: 'one page',
      content: {
        'application/json': { schema: z.object({ items: z.array(ZContact), total: z.number().int() }) },
      },
    },
    ...errors(400, 401, 403),
  },
});

export const getContactRoute = createRoute({
  method: 'get',
  path: '/api/v1/contacts/{id}',
  tags: ['contacts'],
  summary: 'One contact (the read is audited; notes only for roles that may read them)',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'the contact', content: { 'application/json': { schema: ZContact } } },
    ...errors(400, 401, 403, 404),
  },
});

export const updateContactRoute = createRoute({
  method: 'patch',
  path: '/api/v1/contacts/{id}',
  tags: ['contacts'],
  summary: 'Mark the callback of a contact made, or its crisis resolved (each is set once, at the time of the request)',
  request: { params: ZIdParam, body: jsonBody(ZUpdateContactRequest) },
  responses: {
    200: { description: 'updated', content: { 'application/json': { schema: ZContact } } },
    ...errors(400, 401, 403, 404),
  },
});
