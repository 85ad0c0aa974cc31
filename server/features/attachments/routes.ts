import { createRoute, z } from '@hono/zod-openapi';
import { LIMITS } from '../../../shared/limits';
import { ATTACHMENT_KINDS, ATTACHMENT_MIME_TYPES, ZAttachment } from '../../../shared/schemas/case-file';
import { errors, ZIdParam } from '../../http/openapi';

/** An attachment as listed: the shared contract plus the uploader's name for the list. */
export const ZListedAttachment = ZAttachment.extend({
  /** the uploader's full name (a colleague of the same organisation), null if unknown */
  createdByName: z.string().nullable(),
}).openapi('Attachment');

const ZAttachmentParams = ZIdParam.extend({
  attachmentId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'attachmentId', in: 'path' } }),
});

const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };

export const uploadAttachmentRoute = createRoute({
  method: 'post',
  path: '/api/v1/cases/{id}/attachments',
  tags: ['attachments'],
  summary: `Attach a file (the raw body: PDF, JPEG, PNG or WebP, at most ${LIMITS.attachmentMaxBytes} bytes, checked against its first bytes); sealed at rest`,
  request: {
    params: ZIdParam,
    query: z.object({
      kind: z.enum(ATTACHMENT_KINDS),
      /** the name the file had; folders are dropped, the rest is cleaned */
      filename: z.string().min(1).max(1000),
    }),
    body: { required: true, content: Object.fromEntries(ATTACHMENT_MIME_TYPES.map((m) => [m, binary])) },
  },
  responses: {
    201: { description: 'stored', content: { 'application/json': { schema: ZListedAttachment } } },
    ...errors(400, 401, 403, 404, 409, 413, 415),
  },
});

export const listAttachmentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases/{id}/attachments',
  tags: ['attachments'],
  summary: 'The case’s attachments, newest first (deleted ones are left out); audited',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'the list', content: { 'application/json': { schema: z.array(ZListedAttachment) } } },
    ...errors(400, 401, 403, 404),
  },
});

export const attachmentContentRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases/{id}/attachments/{attachmentId}/content',
  tags: ['attachments'],
  summary: 'The file, opened (every download is audited); always sent as a download, never rendered',
  request: { params: ZAttachmentParams },
  responses: {
    200: {
      description: 'the file',
      content: Object.fromEntries(ATTACHMENT_MIME_TYPES.map((m) => [m, binary])),
    },
    ...errors(400, 401, 403, 404),
  },
});

export const deleteAttachmentRoute = createRoute({
  method: 'delete',
  path: '/api/v1/cases/{id}/attachments/{attachmentId}',
  tags: ['attachments'],
  summary: 'Delete an attachment: its content is erased, the record stays (who, when) for the audit',
  request: { params: ZAttachmentParams },
  responses: { 204: { description: 'deleted' }, ...errors(400, 401, 403, 404) },
});

export const caseSummaryPdfRoute = createRoute({
  method: 'get',
  path: '/api/v1/cases/{id}/summary.pdf',
  tags: ['attachments'],
  summary:
    'The case summary as a PDF in the user’s language, for the paper file (identity and sensitive texts only for the roles that read them); audited',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'the PDF', content: { 'application/pdf': binary } },
    ...errors(400, 401, 403, 404),
  },
});
