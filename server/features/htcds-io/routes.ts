import { createRoute, z } from '@hono/zod-openapi';
import { LIMITS } from '../../../shared/limits';
import { errors } from '../../http/openapi';
import { HTCDS_IMPORT_MODES } from './import-file';

/** Errors of rows kept in a response (the rest are counted; the rejected file has them all). */
export const IMPORT_ERRORS_SHOWN = 1000;

export const ZHtcdsImportResult = z
  .object({
    importId: z.string().uuid(),
    mode: z.enum(HTCDS_IMPORT_MODES),
    /** true when the cases were stored (mode all: only when every row was valid) */
    committed: z.boolean(),
    rows: z.number().int(),
    valid: z.number().int(),
    imported: z.number().int(),
    rejected: z.number().int(),
    seconds: z.number(),
    rowsPerSecond: z.number(),
    /** columns that are not HTCDS fields: reported and ignored */
    unknownColumns: z.array(z.object({ position: z.number().int(), name: z.string() })),
    deprecatedColumns: z.array(z.string()),
    errors: z.array(
      z.object({
        line: z.number().int(),
        column: z.string().nullable(),
        field: z.string().nullable(),
        code: z.string(),
        /** in the language of the request */
        message: z.string(),
      }),
    ),
    errorsTotal: z.number().int(),
    /** the refused rows as CSV: the file's header and cells and a last column with the reasons */
    rejectedCsv: z.string().nullable(),
  })
  .openapi('HtcdsImportResult');
export type THtcdsImportResponse = z.infer<typeof ZHtcdsImportResult>;

const ZRefused = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    /** present when rows were refused (mode all): what was wrong, line by line */
    result: ZHtcdsImportResult.optional(),
  })
  .openapi('HtcdsImportRefused');

export const importHtcdsRoute = createRoute({
  method: 'post',
  path: '/api/v1/htcds/import',
  tags: ['htcds'],
  summary: `Import an HTCDS CSV (the raw body, text/csv, UTF-8, at most ${LIMITS.htcdsImportMaxBytes} bytes) into the organisation: one case per row. mode=all stores nothing unless every row is valid; mode=skipInvalid stores the valid rows and returns the others. Administrators; audited`,
  request: {
    query: z.object({ mode: z.enum(HTCDS_IMPORT_MODES).default('all') }),
    body: {
      required: true,
      content: { 'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
    },
  },
  responses: {
    200: { description: 'imported', content: { 'application/json': { schema: ZHtcdsImportResult } } },
    400: {
      description: 'the file cannot be read, or (mode all) rows are not valid: nothing stored',
      content: { 'application/json': { schema: ZRefused } },
    },
    ...errors(401, 403, 413, 415),
  },
});

export const exportHtcdsRoute = createRoute({
  method: 'get',
  path: '/api/v1/htcds/export',
  tags: ['htcds'],
  summary:
    'Every case of the organisation as an HTCDS CSV (a download; identity and sensitive texts only for the roles that read them). Administrators; audited',
  responses: {
    200: {
      description: 'the file',
      content: { 'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
    },
    ...errors(401, 403),
  },
});
