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
];

/** The key canary (instance_meta 'key_check', base64 in jsonb) is re-sealed separately. */
export const KEY_CHECK = { key: 'key_check', context: 'instance_meta.key_check' } as const;
