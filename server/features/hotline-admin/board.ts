import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { scoped } from '../../http/context';
import { startOfTodayKz } from '../contacts/list-contacts';
import { CONTACT_COLUMNS, presentContact, type TContactRow } from '../contacts/present-contact';
import { boardRoute } from './routes';

/** Rows of one list of the board; the indexes of migration 0005 serve the last two. */
export const BOARD_LIMIT = 200;

const LISTS = {
  today: { where: 'started_at >= $1', order: 'started_at DESC, id' },
  openCrises: {
    where: "contact_type = 'crisis' AND crisis_resolved_at IS NULL",
    order: 'started_at DESC, id',
  },
  callbacksDue: {
    where: 'callback_due_at IS NOT NULL AND callback_done_at IS NULL',
    order: 'callback_due_at ASC, id',
  },
} as const;

async function list(sdb: ScopedDb, sealer: Sealer, name: keyof typeof LISTS) {
  const { where, order } = LISTS[name];
  const params = name === 'today' ? [startOfTodayKz().toISOString()] : [];
  const n = params.length;
  const { rows: counted } = await sdb.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM contacts WHERE ${where}`,
    params,
  );
  const { rows } = await sdb.query<TContactRow>(
    `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE ${where} ORDER BY ${order} LIMIT $${n + 1}`,
    [...params, BOARD_LIMIT],
  );
  return { items: rows.map((r) => presentContact(sdb.actor, sealer, r)), total: counted[0]?.total ?? 0 };
}

export function registerBoard(app: TApp): void {
  app.openapi(boardRoute, async (c) => {
    const { sealer } = c.var.deps;
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'contact.read');
      // Row-level security limits every list to the actor's organisation.
      const today = await list(sdb, sealer, 'today');
      const openCrises = await list(sdb, sealer, 'openCrises');
      const callbacksDue = await list(sdb, sealer, 'callbacksDue');
      sdb.audit({
        action: 'contact.listed',
        outcome: 'success',
        details: {
          board: true,
          count: today.items.length,
          openCrises: openCrises.items.length,
          callbacksDue: callbacksDue.items.length,
        },
      });
      return c.json({ today, openCrises, callbacksDue }, 200);
    });
  });
}
