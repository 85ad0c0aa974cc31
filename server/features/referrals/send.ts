/** Sending a referral from a case: the dialog's options, and the send itself. */
import { SERVICE_TYPES } from '../../../shared/schemas/case-file';
import { PARTNER_SERVICES, type TPartnerType } from '../../../shared/schemas/partners';
import { fieldsPartnerMayReceive } from '../../../shared/schemas/referrals';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import { scoped } from '../../http/context';
import { HttpError } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import { consentAllows, currentConsent } from '../case-profile/consent';
import { isClosedCase } from '../case-profile/case-write';
import { caseYear } from '../cases/case-number';
import { addCaseEvent, getScopedCase } from '../cases/present-case';
import { loadReferralView } from './present';
import { optionsRoute, createReferralRoute } from './routes';
import { REFERRAL_SEALED } from './sealed';
import { buildSnapshot, checkSharing, partnerFor, sealSnapshot } from './snapshot';
import { addReferralEvent, getReferral, notify } from './store';

/** A need of the case's assessment as the partner service that meets it (same names; livelihood is employment). */
export function serviceForNeed(need: string): string | null {
  if (need === 'livelihood') return 'employment';
  return (PARTNER_SERVICES as readonly string[]).includes(need) && (SERVICE_TYPES as readonly string[]).includes(need) ? need : null;
}

/** ISO 639-2 codes of the languages partners list (PARTNER_LANGUAGES), as ISO 639-1. */
const ISO_639_1: Record<string, string> = {
  kaz: 'kk',
  rus: 'ru',
  uzb: 'uz',
  kir: 'ky',
  tgk: 'tg',
  eng: 'en',
  zho: 'zh',
  chi: 'zh',
  tur: 'tr',
  fas: 'fa',
  per: 'fa',
  aze: 'az',
  tuk: 'tk',
};

export function registerSend(app: TApp): void {
  app.openapi(optionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const kase = await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'referral.create', { type: 'case', id });
      const consent = await currentConsent(sdb, id);
      const { rows: a } = await sdb.query<{ needs: string[] }>(
        `SELECT needs FROM assessments WHERE case_id = $1 ORDER BY assessed_on DESC, created_at DESC LIMIT 1`,
        [id],
      );
      const wanted = new Set((a[0]?.needs ?? []).map(serviceForNeed).filter((s): s is string => s !== null));
      const { rows: p } = kase.person_id
        ? await sdb.query<{ languages: string[] }>(`SELECT languages FROM persons WHERE id = $1`, [kase.person_id])
        : { rows: [] };
      // persons.languages are ISO 639-2 (kaz, rus), the directory's ISO 639-1 (kk, ru)
      const languages = new Set((p[0]?.languages ?? []).map((l) => ISO_639_1[l] ?? l));
      const { rows: partners } = await sdb.query<{
        org_id: string;
        partner_type: TPartnerType;
        names: { ru: string; kk?: string; en?: string };
        regions: string[];
        services: string[];
        languages: string[];
        uses_senim: boolean;
      }>(
        `SELECT org_id, partner_type, names, regions, services, languages, uses_senim FROM partner_profiles
          WHERE membership = 'approved' AND org_id <> $1`,
        [sdb.actor.orgId],
      );
      const suggestions = partners
        .map((x) => {
          const services = x.services.filter((s) => wanted.has(s)).length;
          const region = kase.region !== null && x.regions.includes(kase.region) ? 1 : 0;
          const language = x.languages.some((l) => languages.has(l)) ? 1 : 0;
          return {
            orgId: x.org_id,
            names: x.names,
            partnerType: x.partner_type,
            usesSenim: x.uses_senim,
            services: x.services as (typeof PARTNER_SERVICES)[number][],
            regions: x.regions,
            languages: x.languages,
            score: services * 2 + region + language,
            mayReceive: [...fieldsPartnerMayReceive(x.partner_type, x.uses_senim)],
          };
        })
        .sort((m, n) => n.score - m.score || m.names.ru.localeCompare(n.names.ru, 'ru'));
      sdb.audit({
        action: 'referral.optionsRead',
        outcome: 'success',
        targetType: 'case',
        targetId: id,
        details: { suggestions: suggestions.length },
      });
      return c.json(
        {
          consent: {
            partners: consentAllows(consent, 'share_with_partners'),
            police: consentAllows(consent, 'share_with_police'),
            consentId: consent?.id ?? null,
          },
          canOverride: can(sdb.actor, 'referral.override'),
          suggestions,
        },
        200,
      );
    });
  });

  app.openapi(createReferralRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const sealer = c.var.deps.sealer;
    return scoped(c, async (sdb) => {
      const kase = await getScopedCase(sdb, id);
      assertCan(sdb.actor, 'referral.create', { type: 'case', id });
      // A double click or a retry with the same Idempotency-Key sends one referral, and answers with it.
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: body,
        replayAudit: { action: 'referral.created', outcome: 'success', targetType: 'case', targetId: id },
        perform: async () => {
          if (isClosedCase(kase)) {
            throw new HttpError(409, 'error.referralCaseClosed', {}, {
              action: 'referral.created',
              outcome: 'failure',
              targetType: 'case',
              targetId: id,
              details: { reason: 'caseClosed' },
            });
          }
          const partner = await partnerFor(sdb, body.toOrgId, sdb.actor.orgId, 'referral.created');
          const decision = await checkSharing(sdb, id, partner, body.sharedFields, body.overrideReason, 'referral.created');
          const snapshot = await buildSnapshot(sdb, sealer, id, body.sharedFields, body.message ?? null);
          const { rows: seq } = await sdb.query<{ n: string }>(`SELECT nextval('referral_reference_seq')::text AS n`);
          const reference = `R-${caseYear()}-${seq[0]!.n.padStart(6, '0')}`;
          const delivery = partner.uses_senim ? 'app' : 'letter';
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO referrals (reference, from_org_id, from_case_id, to_org_id, delivery, reason, services, urgency, deadline,
                                    shared_fields, snapshot_sealed, consent_id, override_reason_sealed, overridden, sent_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9::date, $10::text[], $11, $12, $13, $14, $15) RETURNING id`,
            [
              reference,
              sdb.actor.orgId,
              id,
              partner.org_id,
              delivery,
              body.reason,
              [...new Set(body.services)],
              body.urgency,
              body.deadline,
              body.sharedFields,
              sealSnapshot(sealer, snapshot),
              decision.consentId,
              decision.overridden ? sealer.seal(body.overrideReason!, REFERRAL_SEALED.overrideReason) : null,
              decision.overridden,
              sdb.actor.userId,
            ],
          );
          const referralId = rows[0]!.id;
          const { rows: own } = await sdb.query<{ name: string }>(`SELECT name FROM organisations WHERE id = $1`, [sdb.actor.orgId]);
          await addReferralEvent(sdb, sealer, {
            referralId,
            kind: 'sent',
            actorOrgId: sdb.actor.orgId,
            actorUserId: sdb.actor.userId,
            payload: {
              toOrgId: partner.org_id,
              delivery,
              sharedFields: body.sharedFields,
              overridden: decision.overridden,
              // the sender's organisation name (not personal data): shown to the receiver if it has no directory entry
              fromOrgName: own[0]?.name ?? null,
            },
          });
          // On the sender's case timeline (ids and codes only; not a new version of the case).
          await addCaseEvent(sdb, id, 'referralSent', {
            referralId,
            reference,
            toOrgId: partner.org_id,
            delivery,
            sharedFields: body.sharedFields,
            overridden: decision.overridden,
          });
          await notify(sdb, referralId, 'sent');
          const details = {
            referralId,
            reference,
            toOrgId: partner.org_id,
            partnerType: partner.partner_type,
            delivery,
            sharedFields: body.sharedFields,
            consentId: decision.consentId,
            overridden: decision.overridden,
          };
          sdb.audit({ action: 'referral.created', outcome: 'success', targetType: 'case', targetId: id, details });
          if (decision.overridden) {
            sdb.audit({
              action: 'referral.consentOverridden',
              outcome: 'success',
              targetType: 'referral',
              targetId: referralId,
              details: { caseId: id, toOrgId: partner.org_id, scope: decision.scope, personalFields: decision.personal },
            });
          }
          return { referralId };
        },
        present: async (kept) => loadReferralView(sdb, sdb.actor, sealer, await getReferral(sdb, kept.referralId)),
      });
      return c.json(out, 201);
    });
  });
}
