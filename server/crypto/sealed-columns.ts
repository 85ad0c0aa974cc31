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
];

/** The key canary (instance_meta 'key_check', base64 in jsonb) is re-sealed separately. */
export const KEY_CHECK = { key: 'key_check', context: 'instance_meta.key_check' } as const;
