import { createRoute, z } from '@hono/zod-openapi';
import {
  ZCreateOfflinePartnerRequest,
  ZMembershipDecisionRequest,
  ZMemorandum,
  ZMemorandumInput,
  ZPartner,
  ZPartnerList,
  ZPartnerQuery,
  ZPublicPartnerList,
  ZUpdateMemorandumRequest,
  ZUpdatePartnerProfileRequest,
} from '../../../shared/schemas/partners';
import { ZIdempotencyHeaders } from '../../http/idempotency';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['partners'];
const IDEMPOTENT =
  ' An `Idempotency-Key` makes a repeated submission answer the same and store nothing twice (the same key with another request: 409).';

export const ZOrgIdParam = z.object({
  orgId: z.string().uuid().openapi({ param: { name: 'orgId', in: 'path' }, description: 'the organisation of the entry' }),
});

export const listPartnersRoute = createRoute({
  method: 'get',
  path: '/api/v1/partners',
  tags,
  summary:
    'The partner directory: approved members (network administrators may ask for another membership state), searched by name in any language and filtered by service, region, language, type and whether they use Senim; `byRegion` counts the approved partners matching the same search and filters (the region filter aside) per region, every region listed (the map)',
  request: { query: ZPartnerQuery },
  responses: { 200: json(ZPartnerList, 'the entries, by name'), ...errors(400, 401, 403) },
});

export const getPartnerRoute = createRoute({
  method: 'get',
  path: '/api/v1/partners/{orgId}',
  tags,
  summary: 'One directory entry (a pending, rejected or departed one only for its own organisation and network administrators)',
  request: { params: ZOrgIdParam },
  responses: { 200: json(ZPartner, 'the entry'), ...errors(400, 401, 403, 404) },
});

export const updatePartnerRoute = createRoute({
  method: 'put',
  path: '/api/v1/partners/{orgId}',
  tags,
  summary:
    'Write the organisation’s own entry (its administrators) or any entry (network administrators). Without an entry yet it is created as a pending member (send `version: 1`); otherwise `version` is the one read (409 when changed since)',
  request: { params: ZOrgIdParam, body: jsonBody(ZUpdatePartnerProfileRequest) },
  responses: { 200: json(ZPartner, 'updated'), 201: json(ZPartner, 'created (pending approval)'), ...errors(400, 401, 403, 404, 409) },
});

export const createOfflinePartnerRoute = createRoute({
  method: 'post',
  path: '/api/v1/partners',
  tags,
  summary:
    'Network administrators: add a partner that does not use Senim (it receives letters): its organisation and its approved entry. 409 when an organisation of that name exists.' +
    IDEMPOTENT,
  request: { headers: ZIdempotencyHeaders, body: jsonBody(ZCreateOfflinePartnerRequest) },
  responses: { 201: json(ZPartner, 'created'), ...errors(400, 401, 403, 409) },
});

export const decideMembershipRoute = createRoute({
  method: 'post',
  path: '/api/v1/partners/{orgId}/membership',
  tags,
  summary:
    'Network administrators: approve a member, reject it, or record that it left the network (it leaves the directory; referrals to it are refused)',
  request: { params: ZOrgIdParam, body: jsonBody(ZMembershipDecisionRequest) },
  responses: { 200: json(ZPartner, 'decided'), ...errors(400, 401, 403, 404, 409) },
});

export const listMemorandaRoute = createRoute({
  method: 'get',
  path: '/api/v1/memoranda',
  tags,
  summary: 'The memoranda of the network with their members, newest first',
  responses: { 200: json(z.object({ items: z.array(ZMemorandum) }), 'the memoranda'), ...errors(401, 403) },
});

export const createMemorandumRoute = createRoute({
  method: 'post',
  path: '/api/v1/memoranda',
  tags,
  summary: 'Network administrators: record a memorandum and its members (each a partner in the directory).' + IDEMPOTENT,
  request: { headers: ZIdempotencyHeaders, body: jsonBody(ZMemorandumInput) },
  responses: { 201: json(ZMemorandum, 'recorded'), ...errors(400, 401, 403, 409) },
});

export const updateMemorandumRoute = createRoute({
  method: 'put',
  path: '/api/v1/memoranda/{id}',
  tags,
  summary: 'Network administrators: replace a memorandum and its members; `version` is the one read (409 when changed since)',
  request: { params: ZIdParam, body: jsonBody(ZUpdateMemorandumRequest) },
  responses: { 200: json(ZMemorandum, 'updated'), ...errors(400, 401, 403, 404, 409) },
});

export const publicPartnersRoute = createRoute({
  method: 'get',
  path: '/api/public/partners',
  tags: ['public'],
  summary:
    'No sign-in: the "Our partners" page. Approved members that chose to be published, each with only the fields it chose (others null), in the language asked (falling back to Russian); memoranda titles. Cached publicly for a few minutes',
  request: { query: z.strictObject({ lang: z.enum(['ru', 'kk', 'en']).default('ru') }) },
  responses: { 200: json(ZPublicPartnerList, 'the published partners, by name'), ...errors(400) },
});
