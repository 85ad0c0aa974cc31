import { createRoute } from '@hono/zod-openapi';
import {
  ZConsentInput,
  ZTraffickingEventInput,
  ZUpdatePersonRequest,
  ZUpdateSensitiveRequest,
  ZUpdateVictimRequest,
} from '../../../shared/schemas/case-file';
import { ZIdempotencyHeaders } from '../../http/idempotency';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import { ZCase } from '../cases/present-case';
import { ZConsentParams, ZEventParams, ZUpdateTraffickingEventRequest, ZWithdrawConsentRequest } from './schemas';

// Every write of the case file's profile answers with the whole case (as GET /api/v1/cases/{id}),
// so the web app refreshes the page from one response.
const whole = (description: string) => ({ description, content: { 'application/json': { schema: ZCase } } });
const tags = ['cases'];
const IDEMPOTENT =
  ' An `Idempotency-Key` makes a repeated submission answer the same and store nothing twice (the same key with another request: 409).';

export const updatePersonRoute = createRoute({
  method: 'put',
  path: '/api/v1/cases/{id}/person',
  tags,
  summary:
    'Replace the case’s person (identity, further HTCDS fields, age), or create it when the case has none; identity re-sealed and re-indexed. Needs case.update and case.readIdentity; `version` is the case’s (409 lists the fields changed since)',
  request: { params: ZIdParam, body: jsonBody(ZUpdatePersonRequest) },
  responses: { 200: whole('the case'), ...errors(400, 401, 403, 404, 409, 413) },
});

export const updateVictimRoute = createRoute({
  method: 'put',
  path: '/api/v1/cases/{id}/victim',
  tags,
  summary:
    'Replace the HTCDS victim context (codes). ActualVictimOfTrafficking is set only through an approved request, never here; `version` is the case’s',
  request: { params: ZIdParam, body: jsonBody(ZUpdateVictimRequest) },
  responses: { 200: whole('the case'), ...errors(400, 401, 403, 404, 409, 413) },
});

export const updateSensitiveRoute = createRoute({
  method: 'put',
  path: '/api/v1/cases/{id}/sensitive',
  tags,
  summary:
    'Replace the sealed narratives (story, health, details, comment). Needs case.update and case.readSensitive; `version` is the case’s',
  request: { params: ZIdParam, body: jsonBody(ZUpdateSensitiveRequest) },
  responses: { 200: whole('the case'), ...errors(400, 401, 403, 404, 409, 413) },
});

export const addTraffickingEventRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/trafficking-events',
  tags,
  summary:
    'Record a historic trafficking event (recruitment, transit, exploitation): the route on a timeline. Street and description are sealed.' +
    IDEMPOTENT,
  request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(ZTraffickingEventInput) },
  responses: { 201: whole('recorded; the case'), ...errors(400, 401, 403, 404, 409, 413) },
});

export const updateTraffickingEventRoute = createRoute({
  method: 'put',
  path: '/api/v1/cases/{id}/trafficking-events/{eventId}',
  tags,
  summary: 'Replace a trafficking event (a wrong place or date); `version`, when sent, must be the case’s',
  request: { params: ZEventParams, body: jsonBody(ZUpdateTraffickingEventRequest) },
  responses: { 200: whole('the case'), ...errors(400, 401, 403, 404, 409, 413) },
});

export const deleteTraffickingEventRoute = createRoute({
  method: 'delete',
  path: '/api/v1/cases/{id}/trafficking-events/{eventId}',
  tags,
  summary: 'Delete a trafficking event recorded by mistake (the timeline keeps that it was deleted)',
  request: { params: ZEventParams },
  responses: { 200: whole('the case'), ...errors(400, 401, 403, 404, 409) },
});

export const recordConsentRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/consents',
  tags,
  summary:
    'Record a consent: what was explained, what was agreed (only what was explained), when and by whom. The latest not withdrawn is the current one, which sharing checks.' +
    IDEMPOTENT,
  request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(ZConsentInput) },
  responses: { 201: whole('recorded; the case'), ...errors(400, 401, 403, 404, 409, 413) },
});

export const withdrawConsentRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/consents/{consentId}/withdraw',
  tags,
  summary: 'Withdraw a consent (also on a closed case: a person may always withdraw consent)',
  request: {
    params: ZConsentParams,
    body: { required: false, content: { 'application/json': { schema: ZWithdrawConsentRequest } } },
  },
  responses: { 200: whole('withdrawn; the case'), ...errors(400, 401, 403, 404, 409) },
});
