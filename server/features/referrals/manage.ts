/** The referral after it is sent: lists, one referral, answers, revoking, later updates. */
import { FINAL_REFERRAL_STATUSES, type TShareableField } from '../../../shared/schemas/referrals';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import { scoped } from '../../http/context';
import { conflict, HttpError } from '../../http/errors';
import { loadReferralView, partyNames, presentListItem } from './present';
import { answerRoute, listRoute, readRoute, revokeRoute, shareUpdateRoute } from './routes';
import { REFERRAL_SEALED } from './sealed';
import { buildSnapshot, checkSharing, openSnapshot, partnerFor, sealSnapshot } from './snapshot';
import {
  addReferralEvent,
  echoToCases,
  getReferral,
  lockReferral,
  notify,
  overdueSql,
  REFERRAL_COLUMNS,
  type TReferralRow,
} from './store';
import { answerReferral } from './transitions';

/** An opaque keyset cursor: the last row's sent_at (as PostgreSQL prints it, microseconds kept) and id. */
export const encodeCursor = (sentAt: string, id: string): string => Buffer.from(JSON.stringify([sentAt, id])).toString('base64url');
export function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      !Number.isNaN(Date.parse(v[0])) &&
      typeof v[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v[1])
    ) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw new HttpError(400, 'error.validation', { details: 'cursor' });
}

/** 403 for a step the reader's side does not take (the receiver revoking, the sender opening a case). */
const wrongSide = (r: TReferralRow, attempted: string): HttpError =>
  new HttpError(403, 'error.forbidden', {}, {
    action: 'access.denied',
    outcome: 'denied',
    targetType: 'referral',
    targetId: r.id,
    details: { reason: 'wrongSide', attempted },
  });

const isFinal = (r: TReferralRow) => FINAL_REFERRAL_STATUSES.includes(r.status);
const finalError = (r: TReferralRow, action: 'referral.revoked' | 'referral.updateShared'): HttpError =>
  new HttpError(409, 'error.referralFinal', {}, {
    action,
    outcome: 'failure',
    targetType: 'referral',
    targetId: r.id,
    details: { reason: 'final', status: r.status },
  });

async function view(sdb: ScopedDb, sealer: Parameters<typeof loadReferralView>[2], id: string) {
  return loadReferralView(sdb, sdb.actor, sealer, await getReferral(sdb, id));
}

export function registerManage(app: TApp): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'referral.read');
      const params: unknown[] = [sdb.actor.orgId];
      const where = [q.box === 'inbox' ? 'r.to_org_id = $1' : 'r.from_org_id = $1'];
      if (q.status) {
        params.push(q.status);
        where.push(`r.status = $${params.length}`);
      }
      if (q.overdue === 'true') where.push(overdueSql('r'));
      if (q.overdue === 'false') where.push(`NOT ${overdueSql('r')}`);
      if (q.caseId) {
        params.push(q.caseId);
        where.push(`${q.box === 'inbox' ? 'r.to_case_id' : 'r.from_case_id'} = $${params.length}`);
      }
      if (q.cursor) {
        const [sentAt, id] = decodeCursor(q.cursor);
        params.push(sentAt, id);
        const s = `$${params.length - 1}::timestamptz`;
        where.push(`r.sent_at <= ${s} AND (r.sent_at < ${s} OR r.id > $${params.length}::uuid)`);
      }
      params.push(q.limit + 1);
      // One indexed query (referrals_inbox_idx / referrals_outbox_idx and their status variants).
      const { rows } = await sdb.query<TReferralRow & { sent_at_text: string }>(
        `SELECT ${REFERRAL_COLUMNS}, r.sent_at::text AS sent_at_text FROM referrals r
          WHERE ${where.join(' AND ')} ORDER BY r.sent_at DESC, r.id LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      const next = rows.length > q.limit && last ? encodeCursor(last.sent_at_text, last.id) : null;
      const names = await partyNames(sdb, sdb.actor, page);
      sdb.audit({
        action: 'referral.listed',
        outcome: 'success',
        details: { box: q.box, status: q.status ?? null, overdue: q.overdue ?? null, caseId: q.caseId ?? null, shown: page.length },
      });
      return c.json({ items: page.map((r) => presentListItem(sdb.actor, r, names)), nextCursor: next }, 200);
    });
  });

  app.openapi(readRoute, async (c) => {
    const { id } = c.req.valid('param');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const r = await getReferral(sdb, id);
      assertCan(sdb.actor, 'referral.read', { type: 'referral', id });
      const out = await loadReferralView(sdb, sdb.actor, sealer, r);
      sdb.audit({
        action: 'referral.read',
        outcome: 'success',
        targetType: 'referral',
        targetId: id,
        details: { side: out.side, sharedFields: r.shared_fields, status: r.status },
      });
      return c.json(out, 200);
    });
  });

  app.openapi(answerRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const r = await getReferral(sdb, id);
      const sender = r.from_org_id === sdb.actor.orgId;
      assertCan(sdb.actor, sender ? 'referral.create' : 'referral.respond', { type: 'referral', id });
      const res = await answerReferral(sdb, {
        referralId: id,
        answer: {
          status: body.status,
          ...('reason' in body ? { reason: body.reason } : {}),
          ...('outcome' in body ? { outcome: body.outcome } : {}),
          ...(body.note !== undefined ? { note: body.note } : {}),
        },
        via: sender ? 'sender' : 'receiver',
        actorOrgId: sdb.actor.orgId,
        actorUserId: sdb.actor.userId,
        sealer,
        version: body.version,
      });
      sdb.audit({
        action: sender ? 'referral.answerRecorded' : `referral.${res.status as 'accepted' | 'declined' | 'completed'}`,
        outcome: 'success',
        targetType: 'referral',
        targetId: id,
        details: { reference: res.reference, status: res.status, previousStatus: res.previousStatus, answerCode: res.answerCode },
      });
      return c.json(await view(sdb, sealer, id), 200);
    });
  });

  app.openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const found = await getReferral(sdb, id);
      if (found.from_org_id !== sdb.actor.orgId) throw wrongSide(found, 'referral.revoked');
      assertCan(sdb.actor, 'referral.create', { type: 'referral', id });
      const r = await lockReferral(sdb, id);
      if (r.status !== 'sent' && r.status !== 'accepted') throw finalError(r, 'referral.revoked');
      if (body.version !== r.version) throw conflict();
      await sdb.query(
        `UPDATE referrals SET status = 'revoked', closed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`,
        [id],
      );
      await addReferralEvent(sdb, sealer, {
        referralId: id,
        kind: 'revoked',
        actorOrgId: sdb.actor.orgId,
        actorUserId: sdb.actor.userId,
        payload: { previousStatus: r.status },
        content: body.note ? { message: body.note, addedFields: [] } : null,
      });
      await echoToCases(sdb, r, 'referralRevoked', { status: 'revoked' }, { orgId: sdb.actor.orgId, userId: sdb.actor.userId }, [
        'sender',
        'receiver',
      ]);
      await notify(sdb, id, 'revoked');
      sdb.audit({
        action: 'referral.revoked',
        outcome: 'success',
        targetType: 'referral',
        targetId: id,
        details: { reference: r.reference, previousStatus: r.status },
      });
      return c.json(await view(sdb, sealer, id), 200);
    });
  });

  app.openapi(shareUpdateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const found = await getReferral(sdb, id);
      if (found.from_org_id !== sdb.actor.orgId) throw wrongSide(found, 'referral.updateShared');
      assertCan(sdb.actor, 'referral.create', { type: 'referral', id });
      const r = await lockReferral(sdb, id);
      if (isFinal(r)) throw finalError(r, 'referral.updateShared');
      const partner = await partnerFor(sdb, r.to_org_id, sdb.actor.orgId, 'referral.updateShared');
      const added: TShareableField[] = [...new Set(body.addFields)].filter((f) => !r.shared_fields.includes(f));
      const decision = await checkSharing(sdb, r.from_case_id, partner, added, body.overrideReason, 'referral.updateShared');
      if (added.length > 0) {
        const { rows } = await sdb.query<{ snapshot_sealed: Uint8Array; override_reason_sealed: Uint8Array | null }>(
          `SELECT snapshot_sealed, override_reason_sealed FROM referrals WHERE id = $1`,
          [id],
        );
        const before = openSnapshot(sealer, rows[0]!.snapshot_sealed);
        const more = await buildSnapshot(sdb, sealer, r.from_case_id, added, null);
        const { caseNumber: _n, message: _m, ...values } = more;
        void _n;
        void _m;
        const reasons = [
          sealer.openNullable(rows[0]!.override_reason_sealed, REFERRAL_SEALED.overrideReason),
          decision.overridden ? body.overrideReason! : null,
        ].filter((x): x is string => x !== null);
        await sdb.query(
          `UPDATE referrals SET snapshot_sealed = $2, shared_fields = shared_fields || $3::text[],
                  consent_id = coalesce($4, consent_id), overridden = overridden OR $5, override_reason_sealed = $6,
                  updated_at = now(), version = version + 1
            WHERE id = $1`,
          [
            id,
            sealSnapshot(sealer, { ...before, ...values }),
            added,
            decision.consentId,
            decision.overridden,
            reasons.length ? sealer.seal(reasons.join('\n\n'), REFERRAL_SEALED.overrideReason) : null,
          ],
        );
      } else {
        await sdb.query(`UPDATE referrals SET updated_at = now(), version = version + 1 WHERE id = $1`, [id]);
      }
      await addReferralEvent(sdb, sealer, {
        referralId: id,
        kind: 'updateShared',
        actorOrgId: sdb.actor.orgId,
        actorUserId: sdb.actor.userId,
        payload: { addedFields: added, overridden: decision.overridden },
        content: { message: body.message ?? null, addedFields: added },
      });
      await echoToCases(
        sdb,
        r,
        'referralUpdateShared',
        { addedFields: added, message: body.message !== undefined },
        { orgId: sdb.actor.orgId, userId: sdb.actor.userId },
        ['sender', 'receiver'],
      );
      await notify(sdb, id, 'updateShared');
      sdb.audit({
        action: 'referral.updateShared',
        outcome: 'success',
        targetType: 'referral',
        targetId: id,
        details: { reference: r.reference, addedFields: added, message: body.message !== undefined, overridden: decision.overridden },
      });
      if (decision.overridden) {
        sdb.audit({
          action: 'referral.consentOverridden',
          outcome: 'success',
          targetType: 'referral',
          targetId: id,
          details: { caseId: r.from_case_id, toOrgId: r.to_org_id, scope: decision.scope, personalFields: decision.personal },
        });
      }
      return c.json(await view(sdb, sealer, id), 200);
    });
  });
}

export { wrongSide };
