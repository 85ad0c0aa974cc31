import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { TErrorKey } from '../../shared/i18n/errors';
import type { TAuditEntry } from '../audit/audit';

/** An error the client is told about: a status, a stable code, a message from the catalogue. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: TErrorKey,
    readonly values: Record<string, string | number> = {},
    /** written after the request's transaction rolls back: denials are audited too */
    readonly audit?: TAuditEntry,
  ) {
    super(code);
  }
}

export const notFound = (targetType: string, targetId: string): HttpError =>
  new HttpError(404, 'error.notFound', {}, {
    action: 'access.denied',
    outcome: 'denied',
    targetType,
    targetId,
    details: { reason: 'notFound' },
  });

export const conflict = (): HttpError => new HttpError(409, 'error.conflict');
