import { z } from 'zod';

// The backup file: gzip'd JSON lines.
//   line 1: the header (below)
//   per table, in the header's order: {"@table": name, "rows": n}, then n lines, one row each, as
//     PostgreSQL's own jsonb text of the row (exact numbers, ISO timestamps), bytea columns in base64
//   last line: {"@end": true, "rows": total}

export const BACKUP_FORMAT = 'senim-backup';
export const BACKUP_VERSION = 1;

export const ZBackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  schemaVersion: z.number().int().min(0),
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.string()),
      bytea: z.array(z.string()),
      rows: z.number().int().min(0),
    }),
  ),
});
export type TBackupHeader = z.infer<typeof ZBackupHeader>;

export const ZTableMarker = z.object({ '@table': z.string(), rows: z.number().int().min(0) });
export const ZEndMarker = z.object({ '@end': z.literal(true), rows: z.number().int().min(0) });
