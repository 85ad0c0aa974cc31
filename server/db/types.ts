export type TRow = Record<string, unknown>;
export type TQueryResult<T> = { rows: T[]; rowCount: number };

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = TRow>(sql: string, params?: readonly unknown[]): Promise<TQueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations, restores). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction; commits when it resolves, rolls back when it throws. A preamble (SQL
   * without parameters) runs first inside the transaction, in the same round trip as BEGIN.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: { preamble?: string }): Promise<T>;
  close(): Promise<void>;
}
