import { appendAudit, type TAuditEntry, type TAuditOrigin } from '../audit/audit';
import type { Db, Queryable, TQueryResult, TRow, Tx } from '../db/types';
import type { TActor } from './actor';

/**
 * The only database handle features receive. Every query runs inside one transaction as the
 * `senim_app` role with the actor in transaction settings, so PostgreSQL's row-level security
 * filters every row: a forgotten check returns nothing rather than everything. Audit entries
 * collected during the request are appended in the same transaction, just before commit.
 */
export class ScopedDb implements Queryable {
  private readonly pending: TAuditEntry[] = [];

  constructor(
    private readonly tx: Tx,
    readonly actor: TActor,
  ) {}

  query<T = TRow>(sql: string, params?: readonly unknown[]): Promise<TQueryResult<T>> {
    return this.tx.query<T>(sql, params);
  }

  exec(): Promise<void> {
    return Promise.reject(new Error('scripts are not allowed on a scoped handle'));
  }

  audit(entry: TAuditEntry): void {
    this.pending.push(entry);
  }

  /** @internal used by withScope */
  drainAudit(): TAuditEntry[] {
    return this.pending.splice(0);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that puts a transaction into the actor's scope. It carries literals rather than
 * parameters so that it can travel with BEGIN in one round trip; the values are UUIDs from the
 * session (checked here) and a fixed flag, so nothing user-typed reaches this SQL.
 */
export function scopePreamble(actor: TActor): string {
  if (!UUID.test(actor.orgId) || !UUID.test(actor.userId)) throw new Error('actor ids must be UUIDs');
  return `SELECT set_config('role', 'senim_app', true), set_config('senim.org_id', '${actor.orgId}', true),
    set_config('senim.user_id', '${actor.userId}', true), set_config('senim.network_admin', '${actor.isNetworkAdmin ? 'on' : 'off'}', true)`;
}


export async function withScope<T>(
  db: Db,
  actor: TActor,
  auditKey: Uint8Array,
  origin: TAuditOrigin,
  fn: (sdb: ScopedDb) => Promise<T>,
): Promise<T> {
  return db.transaction(
    async (tx) => {
      const sdb = new ScopedDb(tx, actor);
      const result = await fn(sdb);
      await appendAudit(tx, auditKey, origin, sdb.drainAudit());
      return result;
    },
    { preamble: scopePreamble(actor) },
  );
}
