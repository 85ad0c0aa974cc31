import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { CONTACT_COLUMNS, presentContact, type TContactRow } from './present-contact';
import { listContactsRoute } from './routes';

/** Kazakhstan has one time zone, UTC+5, since March 2024. */
const KZ_OFFSET_MS = 5 * 3600_000;

/** The start of today in Kazakhstan, as an instant. */
export function startOfTodayKz(now = Date.now()): Date {
  const local = new Date(now + KZ_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - KZ_OFFSET_MS);
}

export function registerListContacts(app: TApp): void {
  app.openapi(listContactsRoute, async (c) => {
    const q = c.req.valid('query');
    const from = q.from ?? startOfTodayKz().toISOString();
    const to = q.to ?? null;
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'contact.read');
      // Row-level security limits both queries to the actor's organisation.
      const where = `started_at >= $1 AND ($2::timestamptz IS NULL OR started_at < $2)
        AND ($3::text IS NULL OR contact_type = $3)`;
      const params = [from, to, q.type ?? null];
      const { rows: counted } = await sdb.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM contacts WHERE ${where}`,
        params,
      );
      const { rows } = await sdb.query<TContactRow>(
        `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE ${where}
          ORDER BY started_at DESC, id LIMIT $4 OFFSET $5`,
        [...params, q.pageSize, (q.page - 1) * q.pageSize],
      );
      sdb.audit({
        action: 'contact.listed',
        outcome: 'success',
        details: { count: rows.length, page: q.page, ...(q.type ? { type: q.type } : {}) },
      });
      const sealer = c.var.deps.sealer;
      return c.json(
        { items: rows.map((r) => presentContact(sdb.actor, sealer, r)), total: counted[0]?.total ?? 0 },
        200,
      );
    });
  });
}
