import { createRoute, z } from '@hono/zod-openapi';
import {
  ZCreateCallerFlagRequest,
  ZPutTopicsRequest,
  ZTopicNode,
  ZTopicsQuery,
} from '../../../shared/schemas/contacts';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import { ZContact } from '../contacts/present-contact';
import { ZCallerFlag } from './caller-flags-present';

export const ZTopicTree = z
  .object({
    /** topics by position, each followed by its subtopics */
    topics: z.array(ZTopicNode),
    /** send it back with an edit: an edit of an older version is refused (409) */
    version: z.string(),
    /** true while the organisation uses the default tree (no edit saved yet) */
    isDefault: z.boolean(),
  })
  .openapi('TopicTree');

const tree = { content: { 'application/json': { schema: ZTopicTree } } };

export const getTopicsRoute = createRoute({
  method: 'get',
  path: '/api/v1/hotline/topics',
  tags: ['hotline'],
  summary:
    'The organisation’s hotline topic tree (active topics; `includeRetired=true` for editing, with topic.manage)',
  request: { query: ZTopicsQuery },
  responses: { 200: { description: 'the tree', ...tree }, ...errors(400, 401, 403) },
});

export const putTopicsRoute = createRoute({
  method: 'put',
  path: '/api/v1/hotline/topics',
  tags: ['hotline'],
  summary:
    'Replace the topic tree: every existing code stays (retire, never delete), two levels, labels in ru, kk and en; `version` must be the one read',
  request: { body: jsonBody(ZPutTopicsRequest) },
  responses: { 200: { description: 'saved', ...tree }, ...errors(400, 401, 403, 409) },
});

export const createCallerFlagRoute = createRoute({
  method: 'post',
  path: '/api/v1/hotline/caller-flags',
  tags: ['hotline'],
  summary:
    'Flag a caller (abusive, at risk) by phone or by a logged contact’s phone; the phone is kept only as a blind index',
  request: { body: jsonBody(ZCreateCallerFlagRequest) },
  responses: {
    201: { description: 'flagged', content: { 'application/json': { schema: ZCallerFlag } } },
    ...errors(400, 401, 403, 404),
  },
});

export const clearCallerFlagRoute = createRoute({
  method: 'delete',
  path: '/api/v1/hotline/caller-flags/{id}',
  tags: ['hotline'],
  summary: 'Clear a caller flag',
  request: { params: ZIdParam },
  responses: { 204: { description: 'cleared (or already cleared)' }, ...errors(400, 401, 403, 404) },
});

const ZContactList = z.object({ items: z.array(ZContact), total: z.number().int() });

export const boardRoute = createRoute({
  method: 'get',
  path: '/api/v1/hotline/board',
  tags: ['hotline'],
  summary:
    'The live board: today’s contacts (Kazakhstan time, newest first), open crises (any day), callbacks not yet made (due first)',
  responses: {
    200: {
      description: 'the board',
      content: {
        'application/json': {
          schema: z.object({
            today: ZContactList,
            openCrises: ZContactList,
            callbacksDue: ZContactList,
          }),
        },
      },
    },
    ...errors(401, 403),
  },
});
