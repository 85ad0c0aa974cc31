import { z } from '@hono/zod-openapi';
import { ZIdempotencyKey } from '../../shared/schemas/contacts';
import type { ScopedDb } from '../access/scoped-db';
import type { TAuditEntry } from '../audit/audit';
import type { TCtx } from './context';
import { HttpError } from './errors';

/**
 * Idempotent form submissions: a POST sent twice (a double click, a retry after a lost answer on a
 * bad connection) stores nothing twice and answers the same.
 *
 * How a feature adopts it:
 *
 *   1. The route declares the header: `request: { headers: ZIdempotencyHeaders, body: … }`, and
 *      lists 409 among its errors (the same key with another request).
 *   2. Inside `scoped(c, async (sdb) => …)`, after the record's access checks (404, 403) and before
 *      any rule that a replay must not trip over (a case closed since, say):
 *
 *        const out = await idempotent(c, sdb, {
 *          key: c.req.valid('header')['idempotency-key'],
 *          request: body,                       // the validated body (the path is added here)
 *          replayAudit: { action: 'workflow.read', outcome: 'success', targetType: 'case', targetId: id },
 *          perform: async () => { …write…; return { id: row.id } },   // what to keep: JSON, no personal data
 *          present: async (kept) => presentX(await loadX(sdb, kept.id)),
 *        });
 *        return c.json(out, 201);
 *
 * The key is kept per organisation in `idempotency_keys` in the same transaction as the write, so
 * a request that fails keeps nothing and may be sent again. What is kept is what `perform` returns
 * (a reference such as the new row's id), not the rendered response: responses carry sealed texts
 * opened for one reader, which must not rest in clear, and a replay renders the same record again
 * under the reader's permissions. A replay writes nothing but its audit entry (`replayAudit`, with
 * `replayed: true`) and answers with the header `Idempotent-Replayed: true`.
 *
 * The same key with another body, on another route or from another user is refused: 409
 * 'error.idempotencyKeyReused'. Concurrent requests with one key are serialised by a transaction
 * lock on the key. Keys older than a day are purged when the organisation next uses a key.
 */

/** The optional request header of an idempotent route. */
export const ZIdempotencyHeaders = z.object({ 'idempotency-key': ZIdempotencyKey.optional() });

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export type TJson = string | number | boolean | null | TJson[] | { [k: string]: TJson };

export type TIdempotentOptions<TKept extends TJson, TOut> = {
  /** the Idempotency-Key header; without it the request simply runs */
  key: string | undefined;
  /** the validated request body (the method, path and user are added to it) */
  request: unknown;
  /** the status of the first answer, kept with it (default 201) */
  status?: number;
  /** audited when a request is replayed (details get `replayed: true`) */
  replayAudit: TAuditEntry;
  /** does the work; returns what to keep for a replay (JSON without personal data) */
  perform: () => Promise<TKept>;
  /** renders the response from what was kept, for the first answer and for every replay */
  present: (kept: TKept) => Promise<TOut>;
};

const keyReused = (audit: TAuditEntry): HttpError =>
  new HttpError(
    409,
    'error.idempotencyKeyReused',
    {},
    {
      ...audit,
      outcome: 'failure',
      details: { ...audit.details, reason: 'idempotencyKeyReused' },
    },
  );

/** Runs `perform` once per key; see the comment at the top of this file. */
export async function idempotent<TKept extends TJson, TOut>(
  c: TCtx,
  sdb: ScopedDb,
  o: TIdempotentOptions<TKept, TOut>,
): Promise<TOut> {
  if (o.key === undefined) return o.present(await o.perform());
  const orgId = sdb.actor.orgId;
  // A keyed hash of who sent what where: the same key is only the same request if all of it matches.
  const hash = c.var.deps.sealer.blindIndex(
    JSON.stringify([c.req.method, c.req.path, sdb.actor.userId, o.request]),
    'idempotency_keys.request',
  );
  // Serialises requests with this key (a second one waits here until the first commits or rolls back).
  await sdb.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`idempotency:${orgId}:${o.key}`]);
  await sdb.query(
    `DELETE FROM idempotency_keys WHERE org_id = $1 AND created_at < now() - make_interval(hours => $2)`,
    [orgId, IDEMPOTENCY_TTL_HOURS],
  );
  const { rows } = await sdb.query<{ request_hash: Uint8Array; response: TKept }>(
    `SELECT request_hash, response FROM idempotency_keys WHERE org_id = $1 AND key = $2`,
    [orgId, o.key],
  );
  const seen = rows[0];
  if (seen) {
    if (!Buffer.from(seen.request_hash).equals(Buffer.from(hash))) throw keyReused(o.replayAudit);
    sdb.audit({ ...o.replayAudit, details: { ...o.replayAudit.details, replayed: true } });
    c.header('Idempotent-Replayed', 'true');
    return o.present(seen.response);
  }
  const kept = await o.perform();
  await sdb.query(
    `INSERT INTO idempotency_keys (org_id, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [orgId, o.key, hash, o.status ?? 201, JSON.stringify(kept)],
  );
  return o.present(kept);
}
