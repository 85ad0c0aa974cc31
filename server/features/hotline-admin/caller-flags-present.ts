import { z } from '@hono/zod-openapi';
import { CALLER_FLAGS, type TCallerFlagKind } from '../../../shared/schemas/contacts';
import type { TActor } from '../../access/actor';
import { can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';

export const ZCallerFlag = z
  .object({
    id: z.string().uuid(),
    flag: z.enum(CALLER_FLAGS),
    /** present only for roles that read contact notes ('contact.readNotes'); null when there is none */
    note: z.string().nullable().optional(),
    /** null: until cleared */
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CallerFlag');
export type TCallerFlag = z.infer<typeof ZCallerFlag>;

export type TCallerFlagRow = {
  id: string;
  flag: TCallerFlagKind;
  note_sealed: Uint8Array | null;
  expires_at: Date | null;
  created_at: Date;
};
export const CALLER_FLAG_COLUMNS = 'id, flag, note_sealed, expires_at, created_at';

export function presentCallerFlag(actor: TActor, sealer: Sealer, row: TCallerFlagRow): TCallerFlag {
  return {
    id: row.id,
    flag: row.flag,
    ...(can(actor, 'contact.readNotes')
      ? { note: sealer.openNullable(row.note_sealed, 'caller_flags.note') }
      : {}),
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Flags of a phone that still hold: not cleared, not expired (expired ones vanish by themselves). */
export async function activeCallerFlags(db: Queryable, phoneBidx: Uint8Array): Promise<TCallerFlagRow[]> {
  const { rows } = await db.query<TCallerFlagRow>(
    `SELECT ${CALLER_FLAG_COLUMNS} FROM caller_flags
      WHERE phone_bidx = $1 AND cleared_at IS NULL AND (expires_at IS NULL OR expires_at > now())
      ORDER BY created_at DESC, id LIMIT 20`,
    [phoneBidx],
  );
  return rows;
}
