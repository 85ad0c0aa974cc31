import type { CONSENT_SCOPES, TConsent } from '../../../shared/schemas/case-file';
import type { TApp } from '../../app';
import type { Queryable } from '../../db/types';
import { scoped } from '../../http/context';
import { HttpError, notFound } from '../../http/errors';
import { loadCaseDetail, presentCase } from '../cases/present-case';
import { addToCaseFile, commitCaseWrite, openCaseForWrite } from './case-write';
import { CONSENT_COLUMNS, presentConsentCodes, SEALED, type TConsentRow } from './present-profile';
import { recordConsentRoute, withdrawConsentRoute } from './routes';

/** The timeline's name for the section: a 409 of a stale edit names it. */
const FIELD = 'consents';

/** A consent as sharing checks it: without its notes (sealed texts are not needed for the check). */
export type TStandingConsent = Omit<TConsent, 'notes'>;

/**
 * The case's current consent: the latest given (then recorded) that is not withdrawn, or null. What
 * sharing (referrals) checks, e.g. `consentAllows(await currentConsent(sdb, caseId), 'share_with_partners')`.
 * Read in the caller's scope (row-level security: another organisation's case has none).
 */
export async function currentConsent(sdb: Queryable, caseId: string): Promise<TStandingConsent | null> {
  const { rows } = await sdb.query<TConsentRow>(
    `SELECT ${CONSENT_COLUMNS.replace('notes_sealed', 'NULL::bytea AS notes_sealed')} FROM consents
      WHERE case_id = $1 AND withdrawn_at IS NULL ORDER BY given_on DESC, created_at DESC, id DESC LIMIT 1`,
    [caseId],
  );
  return rows[0] ? presentConsentCodes(rows[0]) : null;
}

/** Whether a consent (as currentConsent gives it) agrees to `scope`. */
export const consentAllows = (consent: TStandingConsent | null, scope: (typeof CONSENT_SCOPES)[number]): boolean =>
  consent !== null && consent.withdrawnAt === null && consent.agreed.includes(scope);

export function registerConsents(app: TApp): void {
  app.openapi(recordConsentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const opts = {
        audit: 'consent.recorded',
        // notes are a sensitive text: not written blind
        needs: body.notes !== undefined ? (['case.readSensitive'] as const) : [],
        key: c.req.valid('header')['idempotency-key'],
        request: body,
      } as const;
      const out = await addToCaseFile(c, sdb, id, opts, async () => {
        const { rows } = await sdb.query<{ id: string }>(
          `INSERT INTO consents (org_id, case_id, explained, agreed, given_on, given_by, language, notes_sealed, recorded_by)
           VALUES ($1, $2, $3::text[], $4::text[], $5::date, $6, $7, $8, $9) RETURNING id`,
          [
            sdb.actor.orgId,
            id,
            [...new Set(body.explained)],
            [...new Set(body.agreed)],
            body.givenOn,
            body.givenBy,
            body.language ?? null,
            sealer.sealNullable(body.notes, SEALED.consentNotes),
            sdb.actor.userId,
          ],
        );
        await commitCaseWrite(sdb, id, {
          kind: 'consentRecorded',
          audit: 'consent.recorded',
          fields: [FIELD],
          payload: { consentId: rows[0]!.id, agreed: [...new Set(body.agreed)], givenBy: body.givenBy },
        });
      });
      return c.json(out, 201);
    });
  });

  app.openapi(withdrawConsentRoute, async (c) => {
    const { id, consentId } = c.req.valid('param');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      // A person may withdraw consent at any time, also once the case is closed: sharing stops.
      await openCaseForWrite(sdb, c.var.locale, id, { audit: 'consent.withdrawn', allowClosed: true });
      const { rows } = await sdb.query<{ withdrawn_at: Date | null }>(
        'SELECT withdrawn_at FROM consents WHERE id = $1 AND case_id = $2 FOR UPDATE',
        [consentId, id],
      );
      if (!rows[0]) throw notFound('consent', consentId);
      if (rows[0].withdrawn_at !== null) {
        throw new HttpError(409, 'caseFile.error.consentWithdrawn', {}, {
          action: 'consent.withdrawn',
          outcome: 'failure',
          targetType: 'case',
          targetId: id,
          details: { reason: 'alreadyWithdrawn', consentId },
        });
      }
      await sdb.query('UPDATE consents SET withdrawn_at = now(), withdrawn_by = $2 WHERE id = $1', [
        consentId,
        sdb.actor.userId,
      ]);
      const saved = await commitCaseWrite(sdb, id, {
        kind: 'consentWithdrawn',
        audit: 'consent.withdrawn',
        fields: [FIELD],
        payload: { consentId },
      });
      return c.json(presentCase(sdb.actor, sealer, saved, await loadCaseDetail(sdb, saved)), 200);
    });
  });
}
