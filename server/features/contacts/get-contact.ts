import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import { scoped } from '../../http/context';
import { getScopedContact, presentContact } from './present-contact';
import { getContactRoute } from './routes';

export function registerGetContact(app: TApp): void {
  app.openapi(getContactRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const row = await getScopedContact(sdb, id);
      assertCan(sdb.actor, 'contact.read', { type: 'contact', id });
      sdb.audit({
        action: 'contact.read',
        outcome: 'success',
        targetType: 'contact',
        targetId: id,
        details: { notes: can(sdb.actor, 'contact.readNotes') && row.notes_sealed !== null },
      });
      return c.json(presentContact(sdb.actor, c.var.deps.sealer, row), 200);
    });
  });
}
