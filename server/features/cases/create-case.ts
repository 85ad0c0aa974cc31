import type { TStaffLocale } from '../../../shared/locales';
import type { TCreateCaseRequest } from '../../../shared/schemas/cases';
import { isNonDataContactType } from '../../../shared/schemas/contacts';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { scoped } from '../../http/context';
import { getScopedContact, type TContactRow } from '../contacts/present-contact';
import { insertPerson } from '../persons/insert-person';
import { contactAlreadyAttached, fieldErrors, nonDataContact } from './case-errors';
import { nextCaseNumber } from './case-number';
import { addCaseEvent, CASE_COLUMNS, getScopedCase, loadCaseDetail, presentCase, type TCaseRow } from './present-case';
import { idempotent } from '../../http/idempotency';
import { createCaseRoute } from './routes';

/** The person of a new case: the contact's person, or a new one (the caller's phone carried over). */
async function personFor(
  sdb: ScopedDb,
  sealer: Sealer,
  body: TCreateCaseRequest,
  contact: TContactRow | null,
): Promise<string> {
  if (contact?.person_id) return contact.person_id;
  const phone = body.person?.phone ?? sealer.openNullable(contact?.caller_phone_sealed, 'contacts.caller_phone');
  const { id } = await insertPerson(sdb, sealer, { ...body.person, ...(phone ? { phone } : {}) });
  return id;
}

/** The assignee must be an active user of the actor's organisation (row-level security sees no other). */
export async function assertAssignable(sdb: ScopedDb, userId: string, locale: TStaffLocale): Promise<void> {
  const { rows } = await sdb.query('SELECT 1 FROM users WHERE id = $1 AND is_active', [userId]);
  if (!rows[0]) throw fieldErrors(locale, [{ path: 'assignedUserId', key: 'validation.unknownUser' }]);
}

export function registerCreateCase(app: TApp): void {
  app.openapi(createCaseRoute, async (c) => {
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const contact = body.contactId ? await getScopedContact(sdb, body.contactId, true) : null;
      assertCan(sdb.actor, 'case.create');
      // A double click or a retry with the same Idempotency-Key opens one case, and answers with it.
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: body,
        replayAudit: { action: 'case.created', outcome: 'success', details: { replayed: true } },
        perform: async () => {
          if (contact) {
            if (isNonDataContactType(contact.contact_type)) throw nonDataContact(contact.id);
            if (contact.case_id) throw contactAlreadyAttached(contact.id);
          }
          // A case worker or supervisor who opens a case takes it, unless they name someone else.
          const assignee = body.assignedUserId ?? (can(sdb.actor, 'case.update') ? sdb.actor.userId : null);
          if (body.assignedUserId) await assertAssignable(sdb, body.assignedUserId, c.var.locale);
          const personId = await personFor(sdb, sealer, body, contact);
          const caseNumber = await nextCaseNumber(sdb, sdb.actor.orgId);
          const { rows } = await sdb.query<TCaseRow>(
            `INSERT INTO cases (org_id, case_number, person_id, assigned_user_id, region, created_by)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${CASE_COLUMNS}`,
            [
              sdb.actor.orgId,
              caseNumber,
              personId,
              assignee,
              body.region ?? contact?.problem_region ?? contact?.caller_region ?? null,
              sdb.actor.userId,
            ],
          );
          const row = rows[0]!;
          await addCaseEvent(sdb, row.id, 'created', { personId, ...(contact ? { contactId: contact.id } : {}) });
          sdb.audit({
            action: 'case.created',
            outcome: 'success',
            targetType: 'case',
            targetId: row.id,
            details: { caseNumber, fromContact: contact !== null, personId },
          });
          if (contact) {
            await sdb.query(`UPDATE contacts SET case_id = $2, person_id = $3 WHERE id = $1`, [
              contact.id,
              row.id,
              personId,
            ]);
            await addCaseEvent(sdb, row.id, 'contactAttached', { contactId: contact.id });
            sdb.audit({
              action: 'case.contactAttached',
              outcome: 'success',
              targetType: 'case',
              targetId: row.id,
              details: { contactId: contact.id },
            });
          }
          return { caseId: row.id };
        },
        present: async (kept) => {
          const row = await getScopedCase(sdb, kept.caseId);
          return presentCase(sdb.actor, sealer, row, await loadCaseDetail(sdb, row));
        },
      });
      return c.json(out, 201);
    });
  });
}
