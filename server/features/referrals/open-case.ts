/**
 * The receiver opens its own case from an accepted referral: a person from what was shared (through
 * the one path that seals identity and writes blind indexes and linkage encodings), the HTCDS
 * incoming referral fields, a step on both timelines.
 */
import { ZPersonInput, type TPersonInput } from '../../../shared/schemas/cases';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import { scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import { nextCaseNumber } from '../cases/case-number';
import { addCaseEvent, CASE_COLUMNS, type TCaseRow } from '../cases/present-case';
import type { THtcdsExtra } from '../htcds/case-data';
import { insertPerson } from '../persons/insert-person';
import { wrongSide } from './manage';
import { partyNames } from './present';
import { openCaseRoute } from './routes';
import { openSnapshot } from './snapshot';
import { addReferralEvent, getReferral, lockReferral } from './store';
import type { TReferralSnapshot } from '../../../shared/schemas/referrals';
import { REGION_CODES } from '../../../shared/regions';

/** The person of the new case: the shared values that are valid person fields (others are left out). */
export function personFromSnapshot(s: TReferralSnapshot): TPersonInput {
  const candidate: Record<string, unknown> = {
    givenName: s.personName?.given,
    familyName: s.personName?.family,
    middleName: s.personName?.middle,
    birthDate: s.personBirthDate,
    phone: s.personPhone,
    documentNumber: s.personDocument,
    address: s.personAddress,
    sex: s.personSexAge?.sex,
    citizenship: s.personCitizenship,
    languages: s.personLanguages?.length ? s.personLanguages : undefined,
  };
  const out: Record<string, unknown> = {};
  const shape = ZPersonInput.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [k, v] of Object.entries(candidate)) {
    if (v === undefined || v === null) continue;
    const parsed = shape[k]!.safeParse(v);
    if (parsed.success && parsed.data !== undefined) out[k] = parsed.data;
  }
  return out;
}

export function registerOpenCase(app: TApp): void {
  app.openapi(openCaseRoute, async (c) => {
    const { id } = c.req.valid('param');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const found = await getReferral(sdb, id);
      if (found.to_org_id !== sdb.actor.orgId) throw wrongSide(found, 'referral.caseOpened');
      const target = { type: 'referral', id };
      assertCan(sdb.actor, 'referral.respond', target);
      assertCan(sdb.actor, 'case.create', target);
      const r = await lockReferral(sdb, id);
      const refuse = (code: 'error.referralCaseAlreadyOpened' | 'error.referralNotAccepted', reason: string) =>
        new HttpError(409, code, {}, {
          action: 'referral.caseOpened',
          outcome: 'failure',
          targetType: 'referral',
          targetId: id,
          details: { reason, status: r.status },
        });
      if (r.to_case_id !== null) throw refuse('error.referralCaseAlreadyOpened', 'alreadyOpened');
      if (r.status !== 'accepted' && r.status !== 'completed') throw refuse('error.referralNotAccepted', 'notAccepted');

      const { rows: sealed } = await sdb.query<{ snapshot_sealed: Uint8Array }>(`SELECT snapshot_sealed FROM referrals WHERE id = $1`, [id]);
      const snapshot = openSnapshot(sealer, sealed[0]!.snapshot_sealed);
      const person = personFromSnapshot(snapshot);
      const { id: personId } = await insertPerson(sdb, sealer, person);
      const names = await partyNames(sdb, sdb.actor, [r]);
      const senderName = names.get(r.from_org_id)?.names.ru;
      const extra: THtcdsExtra = {
        ...(senderName ? { referringOrganisation: senderName.slice(0, 255) } : {}),
        incomingReferralDate: r.sent_at.toISOString().slice(0, 10),
        reasonForIncomingReferral: r.reason as THtcdsExtra['reasonForIncomingReferral'],
      };
      const region =
        snapshot.caseRegion && (REGION_CODES as readonly string[]).includes(snapshot.caseRegion) ? snapshot.caseRegion : null;
      const caseNumber = await nextCaseNumber(sdb, sdb.actor.orgId);
      const { rows } = await sdb.query<TCaseRow>(
        `INSERT INTO cases (org_id, case_number, person_id, assigned_user_id, region, created_by, htcds_extra)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING ${CASE_COLUMNS}`,
        [
          sdb.actor.orgId,
          caseNumber,
          personId,
          can(sdb.actor, 'case.update') ? sdb.actor.userId : null,
          region,
          sdb.actor.userId,
          JSON.stringify(extra),
        ],
      );
      const kase = rows[0]!;
      await addCaseEvent(sdb, kase.id, 'created', { personId, referralId: id });
      await addCaseEvent(sdb, kase.id, 'referralReceived', {
        referralId: id,
        reference: r.reference,
        fromOrgId: r.from_org_id,
        status: r.status,
        sharedFields: r.shared_fields,
      });
      await sdb.query(`UPDATE referrals SET to_case_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [id, kase.id]);
      // The step both sides see; the receiver's case id stays with the receiver.
      await addReferralEvent(sdb, sealer, {
        referralId: id,
        kind: 'caseOpened',
        actorOrgId: sdb.actor.orgId,
        actorUserId: sdb.actor.userId,
        payload: {},
      });
      sdb.audit({
        action: 'case.created',
        outcome: 'success',
        targetType: 'case',
        targetId: kase.id,
        details: { caseNumber, personId, fromReferral: id },
      });
      sdb.audit({
        action: 'referral.caseOpened',
        outcome: 'success',
        targetType: 'referral',
        targetId: id,
        details: { reference: r.reference, caseId: kase.id },
      });
      return c.json({ caseId: kase.id }, 201);
    });
  });
}
