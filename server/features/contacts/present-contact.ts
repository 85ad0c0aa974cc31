import { z } from '@hono/zod-openapi';
import { ACTIONS, type TAction } from '../../../shared/roles';
import type { TActor } from '../../access/actor';
import { can, permittedActions } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { notFound } from '../../http/errors';

export const ZContact = z
  .object({
    id: z.string().uuid(),
    operatorId: z.string().uuid(),
    channel: z.string(),
    language: z.string().nullable(),
    startedAt: z.string(),
    durationS: z.number().int().nullable(),
    contactType: z.string(),
    callerRole: z.string().nullable(),
    topics: z.array(z.string()),
    callerRegion: z.string().nullable(),
    problemRegion: z.string().nullable(),
    urgency: z.string().nullable(),
    outcome: z.string().nullable(),
    /** present only for roles with 'contact.readNotes' (null when there are none) */
    notes: z.string().nullable().optional(),
    notesRedacted: z.boolean(),
    hasCallerPhone: z.boolean(),
    personId: z.string().uuid().nullable(),
    caseId: z.string().uuid().nullable(),
    /** when the caller is to be called back (null: no callback) */
    callbackDueAt: z.string().nullable(),
    callbackDoneAt: z.string().nullable(),
    /** a crisis contact stays on the board's open crises until resolved */
    crisisResolvedAt: z.string().nullable(),
    createdAt: z.string(),
    actions: z.array(z.enum(ACTIONS)),
  })
  .openapi('Contact');
export type TContact = z.infer<typeof ZContact>;

export type TContactRow = {
  id: string;
  user_id: string;
  channel: string;
  language: string | null;
  started_at: Date;
  duration_s: number | null;
  contact_type: string;
  caller_role: string | null;
  topics: string[];
  caller_region: string | null;
  problem_region: string | null;
  urgency: string | null;
  outcome: string | null;
  notes_sealed: Uint8Array | null;
  caller_phone_sealed: Uint8Array | null;
  caller_phone_bidx: Uint8Array | null;
  person_id: string | null;
  case_id: string | null;
  idempotency_hash: Uint8Array | null;
  callback_due_at: Date | null;
  callback_done_at: Date | null;
  crisis_resolved_at: Date | null;
  created_at: Date;
};

export const CONTACT_COLUMNS = `id, user_id, channel, language, started_at, duration_s, contact_type, caller_role,
  topics, caller_region, problem_region, urgency, outcome, notes_sealed, caller_phone_sealed, caller_phone_bidx,
  person_id, case_id, idempotency_hash, callback_due_at, callback_done_at, crisis_resolved_at, created_at`;

const RECORD_ACTIONS: readonly TAction[] = ['contact.read', 'contact.readNotes', 'case.create', 'case.attachContact'];

/** Notes only for roles that may read them; the caller's phone is never sent back. */
export function presentContact(actor: TActor, sealer: Sealer, row: TContactRow): TContact {
  const mayReadNotes = can(actor, 'contact.readNotes');
  return {
    id: row.id,
    operatorId: row.user_id,
    channel: row.channel,
    language: row.language,
    startedAt: row.started_at.toISOString(),
    durationS: row.duration_s,
    contactType: row.contact_type,
    callerRole: row.caller_role,
    topics: row.topics,
    callerRegion: row.caller_region,
    problemRegion: row.problem_region,
    urgency: row.urgency,
    outcome: row.outcome,
    ...(mayReadNotes ? { notes: sealer.openNullable(row.notes_sealed, 'contacts.notes') } : {}),
    notesRedacted: !mayReadNotes && row.notes_sealed !== null,
    hasCallerPhone: row.caller_phone_bidx !== null,
    personId: row.person_id,
    caseId: row.case_id,
    callbackDueAt: row.callback_due_at?.toISOString() ?? null,
    callbackDoneAt: row.callback_done_at?.toISOString() ?? null,
    crisisResolvedAt: row.crisis_resolved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    actions: permittedActions(actor, RECORD_ACTIONS),
  };
}

/** One contact of the actor's organisation (row-level security hides the others: 404, audited). */
export async function getScopedContact(db: Queryable, id: string, forUpdate = false): Promise<TContactRow> {
  const { rows } = await db.query<TContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('contact', id);
  return rows[0];
}
