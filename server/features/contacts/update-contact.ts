import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { hotlineFieldErrors } from '../hotline-admin/hotline-errors';
import { CONTACT_COLUMNS, getScopedContact, presentContact, type TContactRow } from './present-contact';
import { updateContactRoute } from './routes';

/** The board's buttons: a callback made, a crisis resolved. Set once; a repeat changes nothing. */
export function registerUpdateContact(app: TApp): void {
  app.openapi(updateContactRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const before = await getScopedContact(sdb, id, true);
      assertCan(sdb.actor, 'contact.create', { type: 'contact', id });
      const problems: Parameters<typeof hotlineFieldErrors>[1] = [];
      if (body.callbackDone && before.callback_due_at === null) {
        problems.push({ path: 'callbackDone', key: 'validation.hotline.noCallback' });
      }
      if (body.crisisResolved && before.contact_type !== 'crisis') {
        problems.push({ path: 'crisisResolved', key: 'validation.hotline.notCrisis' });
      }
      if (problems.length > 0) throw hotlineFieldErrors(c.var.locale, problems);
      const fields = [
        ...(body.callbackDone && before.callback_done_at === null ? ['callbackDone'] : []),
        ...(body.crisisResolved && before.crisis_resolved_at === null ? ['crisisResolved'] : []),
      ];
      if (fields.length === 0) return c.json(presentContact(sdb.actor, c.var.deps.sealer, before), 200);
      const { rows } = await sdb.query<TContactRow>(
        `UPDATE contacts
            SET callback_done_at = CASE WHEN $2 THEN coalesce(callback_done_at, now()) ELSE callback_done_at END,
                crisis_resolved_at = CASE WHEN $3 THEN coalesce(crisis_resolved_at, now()) ELSE crisis_resolved_at END
          WHERE id = $1 RETURNING ${CONTACT_COLUMNS}`,
        [id, body.callbackDone === true, body.crisisResolved === true],
      );
      sdb.audit({
        action: 'contact.updated',
        outcome: 'success',
        targetType: 'contact',
        targetId: id,
        details: { fields },
      });
      return c.json(presentContact(sdb.actor, c.var.deps.sealer, rows[0]!), 200);
    });
  });
}
