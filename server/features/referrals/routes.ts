import { createRoute, z } from '@hono/zod-openapi';
import { ZVersion } from '../../../shared/schemas/common';
import {
  DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  ZCreateReferralRequest,
  ZReferral,
  ZReferralAnswerRequest,
  ZReferralList,
  ZReferralListQuery,
  ZReferralOptions,
  ZRevokeReferralRequest,
  ZShareUpdateRequest,
} from '../../../shared/schemas/referrals';
import { ZIdempotencyHeaders } from '../../http/idempotency';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';

const tags = ['referrals'];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const optionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases/{id}/referral-options',
  tags,
  summary: 'What the send dialog needs: consent for sharing, override permission, partners suggested for the case',
  request: { params: ZIdParam },
  responses: { 200: json(ZReferralOptions, 'options'), ...errors(400, 401, 403, 404) },
});

export const createReferralRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/referrals',
  tags,
  summary:
    'Refer the case to a partner of the network, sharing only the chosen fields (personal ones need consent, or an override with a reason)',
  request: { params: ZIdParam, headers: ZIdempotencyHeaders, body: jsonBody(ZCreateReferralRequest) },
  responses: { 201: json(ZReferral, 'sent'), ...errors(400, 401, 403, 404, 409, 422) },
});

export const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/referrals',
  tags,
  summary: 'Referrals received (inbox) or sent, newest first, keyset-paginated (no snapshots)',
  request: { query: ZReferralListQuery },
  responses: { 200: json(ZReferralList, 'one page'), ...errors(400, 401, 403) },
});

export const readRoute = createRoute({
  method: 'get',
  path: '/api/v1/referrals/{id}',
  tags,
  summary: 'One referral: what was shared, later updates, every step, what the reader may do',
  request: { params: ZIdParam },
  responses: { 200: json(ZReferral, 'the referral'), ...errors(400, 401, 403, 404) },
});

/**
 * ZReferralAnswerRequest as one strict object: the same bodies pass, and an unknown field is named
 * as such (a discriminated union reports only its discriminator). Then the contract itself checks.
 */
export const ZAnswerBody = z
  .strictObject({
    status: z.enum(['accepted', 'declined', 'completed']),
    reason: z.enum(DECLINE_REASONS).optional(),
    outcome: z.enum(REFERRAL_OUTCOMES).optional(),
    note: z.string().optional(),
    version: ZVersion,
  })
  .pipe(ZReferralAnswerRequest);

export const answerRoute = createRoute({
  method: 'post',
  path: '/api/v1/referrals/{id}/answer',
  tags,
  summary:
    'Accept, decline (with a reason) or complete (with an outcome): the receiver; for a partner without Senim the sender records its answer',
  request: { params: ZIdParam, body: jsonBody(ZAnswerBody) },
  responses: { 200: json(ZReferral, 'answered'), ...errors(400, 401, 403, 404, 409) },
});

export const revokeRoute = createRoute({
  method: 'post',
  path: '/api/v1/referrals/{id}/revoke',
  tags,
  summary: 'Revoke a referral not yet closed (the sender)',
  request: { params: ZIdParam, body: jsonBody(ZRevokeReferralRequest) },
  responses: { 200: json(ZReferral, 'revoked'), ...errors(400, 401, 403, 404, 409) },
});

export const shareUpdateRoute = createRoute({
  method: 'post',
  path: '/api/v1/referrals/{id}/updates',
  tags,
  summary: 'Share a later update with the receiver: a message and/or more fields (same checks as sending)',
  request: { params: ZIdParam, body: jsonBody(ZShareUpdateRequest) },
  responses: { 200: json(ZReferral, 'shared'), ...errors(400, 401, 403, 404, 409, 422) },
});

export const openCaseRoute = createRoute({
  method: 'post',
  path: '/api/v1/referrals/{id}/case',
  tags,
  summary: "Open the receiver's own case from an accepted referral (HTCDS incoming referral fields filled)",
  request: { params: ZIdParam },
  responses: { 201: json(z.object({ caseId: z.string().uuid() }), 'opened'), ...errors(400, 401, 403, 404, 409) },
});
