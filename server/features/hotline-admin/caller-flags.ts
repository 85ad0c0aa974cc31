import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { notFound } from '../../http/errors';
import { getScopedContact } from '../contacts/present-contact';
import { phoneIndex } from '../persons/blind-indexes';
import { CALLER_FLAG_COLUMNS, presentCallerFlag, type TCallerFlagRow } from './caller-flags-present';
import { hotlineFieldErrors } from './hotline-errors';
import { clearCallerFlagRoute, createCallerFlagRoute } from './routes';

export function registerCallerFlags(app: TApp): void {
  app.openapi(createCallerFlagRoute, async (c) => {
    const body = c.req.valid('json');
    const { sealer } = c.var.deps;
    const locale = c.var.locale;
    return scoped(c, async (sdb) => {
      // A contact of another organisation is not found (404, audited) before the role is asked.
      const contact = body.contactId ? await getScopedContact(sdb, body.contactId) : null;
      assertCan(sdb.actor, 'caller.flag', contact ? { type: 'contact', id: contact.id } : undefined);
      const bidx = contact ? contact.caller_phone_bidx : phoneIndex(sealer, body.phone);
      if (!bidx) {
        throw hotlineFieldErrors(locale, [
          contact
            ? { path: 'contactId', key: 'validation.hotline.contactHasNoPhone' }
            : { path: 'phone', key: 'validation.hotline.notAPhone' },
        ]);
      }
      if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= Date.now()) {
        throw hotlineFieldErrors(locale, [{ path: 'expiresAt', key: 'validation.hotline.mustBeFuture' }]);
      }
      const { rows } = await sdb.query<TCallerFlagRow>(
        `INSERT INTO caller_flags (org_id, phone_bidx, flag, note_sealed, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${CALLER_FLAG_COLUMNS}`,
        [
          sdb.actor.orgId,
          bidx,
          body.flag,
          sealer.sealNullable(body.note, 'caller_flags.note'),
          body.expiresAt ?? null,
          sdb.actor.userId,
        ],
      );
      const row = rows[0]!;
      sdb.audit({
        action: 'caller.flagged',
        outcome: 'success',
        targetType: 'callerFlag',
        targetId: row.id,
        details: {
          flag: row.flag,
          hasNote: row.note_sealed !== null,
          expiresAt: row.expires_at?.toISOString() ?? null,
          ...(contact ? { contactId: contact.id } : {}),
        },
      });
      return c.json(presentCallerFlag(sdb.actor, sealer, row), 201);
    });
  });

  app.openapi(clearCallerFlagRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const { rows } = await sdb.query<{ cleared_at: Date | null; flag: string }>(
        'SELECT cleared_at, flag FROM caller_flags WHERE id = $1 FOR UPDATE',
        [id],
      );
      const row = rows[0];
      if (!row) throw notFound('callerFlag', id);
      assertCan(sdb.actor, 'caller.flag', { type: 'callerFlag', id });
      if (row.cleared_at === null) {
        await sdb.query('UPDATE caller_flags SET cleared_at = now(), cleared_by = $2 WHERE id = $1', [
          id,
          sdb.actor.userId,
        ]);
        sdb.audit({
          action: 'caller.flagCleared',
          outcome: 'success',
          targetType: 'callerFlag',
          targetId: id,
          details: { flag: row.flag },
        });
      }
      return c.body(null, 204);
    });
  });
}
