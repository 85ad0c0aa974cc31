import { isNonDataContactType } from '../../../shared/schemas/contacts';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import { getScopedContact, presentContact } from '../contacts/present-contact';
import { contactAlreadyAttached, nonDataContact } from './case-errors';
import { addCaseEvent, getScopedCase } from './present-case';
import { attachContactRoute } from './routes';
import { CLOSED_STATUSES } from '../../../shared/schemas/cases';

export function registerAttachContact(app: TApp): void {
  app.openapi(attachContactRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { contactId } = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const kase = await getScopedCase(sdb, id, true);
      const contact = await getScopedContact(sdb, contactId, true);
      assertCan(sdb.actor, 'case.attachContact', { type: 'case', id });
      if (isNonDataContactType(contact.contact_type)) throw nonDataContact(contactId);
      if (contact.case_id === id) return c.json(presentContact(sdb.actor, c.var.deps.sealer, contact), 200);
      if (contact.case_id) throw contactAlreadyAttached(contactId);
      if ((CLOSED_STATUSES as readonly string[]).includes(kase.status)) {
        throw new HttpError(409, 'error.caseClosed', {}, {
          action: 'case.contactAttached',
          outcome: 'failure',
          targetType: 'case',
          targetId: id,
          details: { reason: 'caseClosed', contactId },
        });
      }
      // The contact joins the case's person unless it already names one.
      const { rows } = await sdb.query<{ person_id: string | null }>(
        `UPDATE contacts SET case_id = $2, person_id = coalesce(person_id, $3) WHERE id = $1 RETURNING person_id`,
        [contactId, id, kase.person_id],
      );
      await addCaseEvent(sdb, id, 'contactAttached', { contactId });
      sdb.audit({
        action: 'case.contactAttached',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: { contactId },
      });
      const updated = { ...contact, case_id: id, person_id: rows[0]!.person_id };
      return c.json(presentContact(sdb.actor, c.var.deps.sealer, updated), 200);
    });
  });
}
