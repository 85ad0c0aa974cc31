import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateUserRequest, ZListUsersQuery, ZUpdateUserRequest } from '../../../shared/schemas/users';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import { ZUser } from './present-user';

const one = { content: { 'application/json': { schema: ZUser } } };

/** `?lang=` chooses the language of error messages on any request (see baseContext). */
const ZLangParam = z.string().max(8).optional();

/** The commands take no arguments: an empty body, `{}`, or nothing at all. */
const noArguments = {
  required: false,
  content: { 'application/json': { schema: z.strictObject({}) } },
};

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/api/v1/users',
  tags: ['users'],
  summary: 'Users of my organisation, by e-mail; `q` matches part of the e-mail address',
  request: { query: ZListUsersQuery.extend({ lang: ZLangParam }) },
  responses: {
    200: {
      description: 'one page',
      content: {
        'application/json': { schema: z.object({ items: z.array(ZUser), total: z.number().int() }) },
      },
    },
    ...errors(400, 401, 403),
  },
});

export const getUserRoute = createRoute({
  method: 'get',
  path: '/api/v1/users/{id}',
  tags: ['users'],
  summary: 'One user (the read is audited)',
  request: { params: ZIdParam },
  responses: { 200: { description: 'the user', ...one }, ...errors(400, 401, 403, 404) },
});

export const createUserRoute = createRoute({
  method: 'post',
  path: '/api/v1/users',
  tags: ['users'],
  summary:
    'Add a user to my organisation; the temporary password is shown once and must be changed at first sign-in',
  request: { body: jsonBody(ZCreateUserRequest) },
  responses: {
    201: {
      description: 'created',
      content: { 'application/json': { schema: z.object({ user: ZUser, temporaryPassword: z.string() }) } },
    },
    ...errors(400, 401, 403, 409),
  },
});

export const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/v1/users/{id}',
  tags: ['users'],
  summary:
    'Change a user’s name, roles, language or whether the account is active (disabling ends their sessions)',
  request: { params: ZIdParam, body: jsonBody(ZUpdateUserRequest) },
  responses: { 200: { description: 'updated', ...one }, ...errors(400, 401, 403, 404, 409) },
});

export const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/reset-password',
  tags: ['users'],
  summary: 'Give a user a new temporary password: clears a lock-out and ends their sessions',
  request: { params: ZIdParam, body: noArguments },
  responses: {
    200: {
      description: 'the temporary password, shown once',
      content: { 'application/json': { schema: z.object({ temporaryPassword: z.string() }) } },
    },
    ...errors(400, 401, 403, 404),
  },
});

export const resetTwoFactorRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/reset-two-factor',
  tags: ['users'],
  summary: 'Remove a user’s authenticator and recovery codes (lost phone) and end their sessions',
  request: { params: ZIdParam, body: noArguments },
  responses: { 204: { description: 'reset' }, ...errors(400, 401, 403, 404) },
});

export const unlockUserRoute = createRoute({
  method: 'post',
  path: '/api/v1/users/{id}/unlock',
  tags: ['users'],
  summary: 'End a lock-out after failed sign-ins',
  request: { params: ZIdParam, body: noArguments },
  responses: { 204: { description: 'unlocked' }, ...errors(400, 401, 403, 404) },
});
