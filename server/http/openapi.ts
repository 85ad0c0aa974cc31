import { z } from '@hono/zod-openapi';

export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const DESCRIPTIONS: Record<number, string> = {
  400: 'invalid request',
  401: 'not signed in',
  403: 'not allowed for this role, or CSRF token missing',
  404: 'not found, or outside your organisation',
  409: 'edited by someone else in the meantime',
  413: 'body too large',
  415: 'body is not JSON',
  423: 'account locked',
  429: 'too many attempts',
};

export function errors(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s] ?? 'error', content: { 'application/json': { schema: ZErrorResponse } } }]),
  );
}

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const ZIdParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });
