// Every column that holds sealed values, with the context (associated data) it was sealed under and
// the column that identifies a row. `senim keys rotate` re-seals them all; a feature that adds a sealed
// column adds it here (a test checks that every bytea column named *_sealed is listed).

export type TSealedColumn = {
  table: string;
  column: string;
  /** the associated data passed to seal() and open() */
  context: string;
  /** a unique, non-null column that orders and identifies rows */
  key: string;
};

export const SEALED_COLUMNS: readonly TSealedColumn[] = [
  { table: 'users', column: 'full_name_sealed', context: 'users.full_name', key: 'id' },
  { table: 'users', column: 'totp_secret_sealed', context: 'users.totp_secret', key: 'id' },
  { table: 'persons', column: 'given_name_sealed', context: 'persons.given_name', key: 'id' },
  { table: 'persons', column: 'family_name_sealed', context: 'persons.family_name', key: 'id' },
  { table: 'persons', column: 'middle_name_sealed', context: 'persons.middle_name', key: 'id' },
  { table: 'persons', column: 'birth_date_sealed', context: 'persons.birth_date', key: 'id' },
  { table: 'persons', column: 'phone_sealed', context: 'persons.phone', key: 'id' },
  { table: 'persons', column: 'document_number_sealed', context: 'persons.document_number', key: 'id' },
  { table: 'persons', column: 'address_sealed', context: 'persons.address', key: 'id' },
  { table: 'contacts', column: 'notes_sealed', context: 'contacts.notes', key: 'id' },
  { table: 'contacts', column: 'caller_phone_sealed', context: 'contacts.caller_phone', key: 'id' },
  { table: 'persons', column: 'extra_sealed', context: 'persons.extra', key: 'id' },
  { table: 'cases', column: 'sensitive_sealed', context: 'cases.sensitive', key: 'id' },
  { table: 'trafficking_events', column: 'street_sealed', context: 'trafficking_events.street', key: 'id' },
  { table: 'trafficking_events', column: 'description_sealed', context: 'trafficking_events.description', key: 'id' },
  { table: 'consents', column: 'notes_sealed', context: 'consents.notes', key: 'id' },
  { table: 'assessments', column: 'summary_sealed', context: 'assessments.summary', key: 'id' },
  { table: 'support_plans', column: 'objectives_sealed', context: 'support_plans.objectives', key: 'id' },
  { table: 'support_plans', column: 'action_plan_sealed', context: 'support_plans.action_plan', key: 'id' },
  { table: 'case_services', column: 'notes_sealed', context: 'case_services.notes', key: 'id' },
  { table: 'follow_ups', column: 'notes_sealed', context: 'follow_ups.notes', key: 'id' },
  { table: 'case_tasks', column: 'title_sealed', context: 'case_tasks.title', key: 'id' },
  { table: 'attachments', column: 'filename_sealed', context: 'attachments.filename', key: 'id' },
  { table: 'attachments', column: 'content_sealed', context: 'attachments.content', key: 'id' },
  { table: 'caller_flags', column: 'note_sealed', context: 'caller_flags.note', key: 'id' },
  { table: 'person_merges', column: 'undo_sealed', context: 'person_merges.undo', key: 'id' },
  { table: 'referrals', column: 'snapshot_sealed', context: 'referrals.snapshot', key: 'id' },
  { table: 'referrals', column: 'override_reason_sealed', context: 'referrals.override_reason', key: 'id' },
  { table: 'referrals', column: 'answer_note_sealed', context: 'referrals.answer_note', key: 'id' },
  { table: 'referral_events', column: 'content_sealed', context: 'referral_events.content', key: 'id' },
];

/** The key canary (instance_meta 'key_check', base64 in jsonb) is re-sealed separately. */
export const KEY_CHECK = { key: 'key_check', context: 'instance_meta.key_check' } as const;
