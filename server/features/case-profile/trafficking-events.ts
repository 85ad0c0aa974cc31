import type { TAuditEvent } from '../../../shared/audit-events';
import type { TAction } from '../../../shared/roles';
import type { TTraffickingEventInput } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { scoped } from '../../http/context';
import { notFound } from '../../http/errors';
import { loadCaseDetail, presentCase } from '../cases/present-case';
import { addToCaseFile, changedKeys, commitCaseWrite, openCaseForWrite } from './case-write';
import {
  presentTraffickingEvent,
  SEALED,
  TRAFFICKING_EVENT_COLUMNS,
  type TTraffickingEventRow,
} from './present-profile';
import { addTraffickingEventRoute, deleteTraffickingEventRoute, updateTraffickingEventRoute } from './routes';

/** The timeline's name for the section: a 409 of a stale edit names it. */
const FIELD = 'traffickingEvents';

/**
 * What writing (or removing) an event's sealed values needs beyond case.update: the street is an
 * identity value, the description a sensitive text. One may not write, replace or delete blind.
 */
function needsFor(...touched: { street?: unknown; description?: unknown }[]): TAction[] {
  const needs: TAction[] = [];
  if (touched.some((t) => t.street != null)) needs.push('case.readIdentity');
  if (touched.some((t) => t.description != null)) needs.push('case.readSensitive');
  return needs;
}

/** The event's column values, in INSERT order after org_id and case_id. */
function eventValues(sealer: Sealer, e: TTraffickingEventInput): unknown[] {
  return [
    e.type,
    e.date ?? null,
    e.country ?? null,
    e.region ?? null,
    e.state ?? null,
    e.city ?? null,
    sealer.sealNullable(e.street, SEALED.street),
    e.postalCode ?? null,
    e.latitude ?? null,
    e.longitude ?? null,
    sealer.sealNullable(e.description, SEALED.description),
  ];
}
const EVENT_COLUMNS = [
  'event_type',
  'event_date',
  'country',
  'region',
  'state',
  'city',
  'street_sealed',
  'postal_code',
  'latitude',
  'longitude',
  'description_sealed',
] as const;

/** One event of this case, locked (another case's or organisation's: 404, audited). */
async function getEvent(sdb: ScopedDb, caseId: string, eventId: string): Promise<TTraffickingEventRow> {
  const { rows } = await sdb.query<TTraffickingEventRow>(
    `SELECT ${TRAFFICKING_EVENT_COLUMNS} FROM trafficking_events WHERE id = $1 AND case_id = $2 FOR UPDATE`,
    [eventId, caseId],
  );
  if (!rows[0]) throw notFound('traffickingEvent', eventId);
  return rows[0];
}

function assertMay(sdb: ScopedDb, caseId: string, needs: TAction[]): void {
  for (const action of needs) assertCan(sdb.actor, action, { type: 'case', id: caseId });
}

const audits = {
  recorded: 'traffickingEvent.recorded',
  updated: 'traffickingEvent.updated',
  deleted: 'traffickingEvent.deleted',
} as const satisfies Record<string, TAuditEvent>;

export function registerTraffickingEvents(app: TApp): void {
  app.openapi(addTraffickingEventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const key = c.req.valid('header')['idempotency-key'];
      const opts = { audit: audits.recorded, needs: needsFor(body), key, request: body };
      const out = await addToCaseFile(c, sdb, id, opts, async () => {
        const values = eventValues(sealer, body);
        const { rows } = await sdb.query<{ id: string }>(
          `INSERT INTO trafficking_events (org_id, case_id, ${EVENT_COLUMNS.join(', ')}, created_by)
           VALUES ($1, $2, ${EVENT_COLUMNS.map((col, i) => (col === 'event_date' ? `$${i + 3}::date` : `$${i + 3}`)).join(', ')}, $${values.length + 3})
           RETURNING id`,
          [sdb.actor.orgId, id, ...values, sdb.actor.userId],
        );
        await commitCaseWrite(sdb, id, {
          kind: 'traffickingEventRecorded',
          audit: audits.recorded,
          fields: [FIELD],
          payload: { eventId: rows[0]!.id, type: body.type },
        });
      });
      return c.json(out, 201);
    });
  });

  app.openapi(updateTraffickingEventRoute, async (c) => {
    const { id, eventId } = c.req.valid('param');
    const { version, ...body } = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const row = await openCaseForWrite(sdb, c.var.locale, id, {
        audit: audits.updated,
        ...(version !== undefined ? { version } : {}),
      });
      const old = await getEvent(sdb, id, eventId);
      assertMay(sdb, id, needsFor(body, { street: old.street_sealed, description: old.description_sealed }));
      const before = presentTraffickingEvent(sealer, { identity: true, sensitive: true }, old);
      const eventFields = changedKeys('', { ...before, id: undefined, createdAt: undefined, createdBy: undefined }, body);
      if (eventFields.length === 0) {
        return c.json(presentCase(sdb.actor, sealer, row, await loadCaseDetail(sdb, row)), 200);
      }
      const values = eventValues(sealer, body);
      await sdb.query(
        `UPDATE trafficking_events SET ${EVENT_COLUMNS.map((col, i) => `${col} = $${i + 2}${col === 'event_date' ? '::date' : ''}`).join(', ')}
          WHERE id = $1`,
        [eventId, ...values],
      );
      const saved = await commitCaseWrite(sdb, id, {
        kind: 'traffickingEventUpdated',
        audit: audits.updated,
        fields: [FIELD],
        payload: { eventId, type: body.type, eventFields },
      });
      return c.json(presentCase(sdb.actor, sealer, saved, await loadCaseDetail(sdb, saved)), 200);
    });
  });

  app.openapi(deleteTraffickingEventRoute, async (c) => {
    const { id, eventId } = c.req.valid('param');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      await openCaseForWrite(sdb, c.var.locale, id, { audit: audits.deleted });
      const old = await getEvent(sdb, id, eventId);
      assertMay(sdb, id, needsFor({ street: old.street_sealed, description: old.description_sealed }));
      await sdb.query('DELETE FROM trafficking_events WHERE id = $1', [eventId]);
      const saved = await commitCaseWrite(sdb, id, {
        kind: 'traffickingEventDeleted',
        audit: audits.deleted,
        fields: [FIELD],
        payload: { eventId, type: old.event_type },
      });
      return c.json(presentCase(sdb.actor, sealer, saved, await loadCaseDetail(sdb, saved)), 200);
    });
  });
}
