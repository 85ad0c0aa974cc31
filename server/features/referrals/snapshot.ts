/**
 * What a referral shares: the need-to-know checks of the chosen fields (the partner may receive
 * them, the sender may read them, the person consented or a supervisor overrides with a reason),
 * and the snapshot built from the case with only those fields, sealed at rest.
 */
import type { TCaseSensitive, TVictimContext } from '../../../shared/schemas/case-file';
import type { TPartnerType } from '../../../shared/schemas/partners';
import {
  fieldsPartnerMayReceive,
  LAW_ENFORCEMENT_TYPES,
  PERSONAL_FIELDS,
  SENSITIVE_FIELDS,
  type TReferralSnapshot,
  type TShareableField,
} from '../../../shared/schemas/referrals';
import type { TAuditEvent } from '../../../shared/audit-events';
import { assertCan, can } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { HttpError } from '../../http/errors';
import { consentAllows, currentConsent } from '../case-profile/consent';
import { SEALED } from '../case-profile/present-profile';
import { PERSON_SEALED } from '../persons/insert-person';
import { REFERRAL_SEALED } from './sealed';

/** Fields that open sealed identity values of the person: the sender needs case.readIdentity. */
export const IDENTITY_FIELDS: readonly TShareableField[] = [
  'personName',
  'personBirthDate',
  'personPhone',
  'personDocument',
  'personAddress',
];

export type TPartnerRow = {
  org_id: string;
  partner_type: TPartnerType;
  names: { ru: string; kk?: string; en?: string };
  regions: string[];
  services: string[];
  languages: string[];
  uses_senim: boolean;
  membership: string;
};

/** The partner a referral goes to: an approved member of the network other than the sender. */
export async function partnerFor(q: Queryable, orgId: string, actorOrgId: string, audit: TAuditEvent): Promise<TPartnerRow> {
  if (orgId === actorOrgId) {
    throw new HttpError(422, 'error.referralToSelf', {}, { action: audit, outcome: 'failure', details: { reason: 'toSelf' } });
  }
  const { rows } = await q.query<TPartnerRow>(
    `SELECT org_id, partner_type, names, regions, services, languages, uses_senim, membership FROM partner_profiles WHERE org_id = $1`,
    [orgId],
  );
  const p = rows[0];
  if (!p || p.membership !== 'approved') {
    throw new HttpError(422, 'error.partnerNotMember', {}, {
      action: audit,
      outcome: 'failure',
      targetType: 'organisation',
      targetId: orgId,
      details: { reason: 'partnerNotMember', membership: p?.membership ?? null },
    });
  }
  return p;
}

export type TSharingDecision = {
  /** the consent the sharing relies on (null: none needed, or overridden) */
  consentId: string | null;
  overridden: boolean;
  scope: 'share_with_partners' | 'share_with_police';
  personal: TShareableField[];
};

/**
 * The checks of fields to share, in order: each may reach this partner (422 'error.fieldNotAllowed'
 * naming it), the actor may read it (403), an override reason needs referral.override (403), and
 * personal fields need the consent of the partner's kind — share_with_police for law enforcement,
 * share_with_partners otherwise — or an override with a written reason (422 'error.consentRequired').
 */
export async function checkSharing(
  sdb: ScopedDb,
  caseId: string,
  partner: TPartnerRow,
  fields: readonly TShareableField[],
  overrideReason: string | undefined,
  audit: TAuditEvent,
): Promise<TSharingDecision> {
  const target = { type: 'case', id: caseId };
  const allowed = fieldsPartnerMayReceive(partner.partner_type, partner.uses_senim);
  for (const f of fields) {
    if (!allowed.includes(f)) {
      throw new HttpError(422, 'error.fieldNotAllowed', { field: f }, {
        action: audit,
        outcome: 'failure',
        targetType: 'case',
        targetId: caseId,
        details: { reason: 'fieldNotAllowed', field: f, toOrgId: partner.org_id, partnerType: partner.partner_type },
      });
    }
  }
  if (fields.some((f) => IDENTITY_FIELDS.includes(f))) assertCan(sdb.actor, 'case.readIdentity', target);
  if (fields.some((f) => SENSITIVE_FIELDS.includes(f))) assertCan(sdb.actor, 'case.readSensitive', target);
  if (overrideReason !== undefined) assertCan(sdb.actor, 'referral.override', target);

  const scope = LAW_ENFORCEMENT_TYPES.includes(partner.partner_type) ? 'share_with_police' : 'share_with_partners';
  const personal = fields.filter((f) => PERSONAL_FIELDS.includes(f));
  if (personal.length === 0) return { consentId: null, overridden: false, scope, personal };
  const consent = await currentConsent(sdb, caseId);
  if (consentAllows(consent, scope)) return { consentId: consent!.id, overridden: false, scope, personal };
  if (overrideReason !== undefined && can(sdb.actor, 'referral.override')) {
    return { consentId: null, overridden: true, scope, personal };
  }
  throw new HttpError(422, 'error.consentRequired', { scope }, {
    action: audit,
    outcome: 'failure',
    targetType: 'case',
    targetId: caseId,
    details: { reason: 'consentRequired', scope, personalFields: personal, toOrgId: partner.org_id },
  });
}

/** An age band, never the age itself: under 14, 14–17, 18–24, 25–34, 35–49, 50 and over. */
export function ageBand(age: number | null): string | null {
  if (age === null || age < 0) return null;
  if (age < 14) return '0-13';
  if (age < 18) return '14-17';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 50) return '35-49';
  return '50+';
}

type TSourceRow = {
  case_number: string;
  region: string | null;
  victim: TVictimContext;
  trafficking_status: string | null;
  sensitive_sealed: Uint8Array | null;
  person_id: string | null;
  sex: string | null;
  citizenship: string | null;
  birth_year: number | null;
  age_years: number | null;
  age_stated_on: string | null;
  languages: string[] | null;
} & Partial<Record<(typeof PERSON_SEALED)[keyof typeof PERSON_SEALED][0], Uint8Array | null>>;

/**
 * The snapshot of the chosen fields, read from the case now: only those fields (and the case
 * number and message) are present. Sealed values are opened only for the fields chosen.
 */
export async function buildSnapshot(
  sdb: ScopedDb,
  sealer: Sealer,
  caseId: string,
  fields: readonly TShareableField[],
  message: string | null,
): Promise<TReferralSnapshot> {
  const has = (f: TShareableField) => fields.includes(f);
  const sealedCols = {
    personName: ['given_name_sealed', 'family_name_sealed', 'middle_name_sealed'],
    personBirthDate: ['birth_date_sealed'],
    personPhone: ['phone_sealed'],
    personDocument: ['document_number_sealed'],
    personAddress: ['address_sealed'],
  } as const;
  const cols = (Object.keys(sealedCols) as (keyof typeof sealedCols)[]).flatMap((f) => (has(f) ? sealedCols[f].map((c) => `p.${c}`) : []));
  const wantsSensitive = has('narrative') || has('health');
  const { rows } = await sdb.query<TSourceRow>(
    `SELECT c.case_number, c.region, c.victim, c.trafficking_status,
            ${wantsSensitive ? 'c.sensitive_sealed' : 'NULL::bytea AS sensitive_sealed'},
            c.person_id, p.sex, p.citizenship, p.birth_year, p.age_years, p.age_stated_on::text AS age_stated_on, p.languages
            ${cols.length ? `, ${cols.join(', ')}` : ''}
       FROM cases c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
    [caseId],
  );
  const r = rows[0]!;
  const open = (k: keyof typeof PERSON_SEALED) => sealer.openNullable(r[PERSON_SEALED[k][0]] ?? null, PERSON_SEALED[k][1]);
  const s: TReferralSnapshot = { caseNumber: r.case_number, message };
  if (has('caseRegion')) s.caseRegion = r.region;
  if (has('needs')) {
    const { rows: a } = await sdb.query<{ needs: string[] }>(
      `SELECT needs FROM assessments WHERE case_id = $1 ORDER BY assessed_on DESC, created_at DESC LIMIT 1`,
      [caseId],
    );
    s.needs = a[0]?.needs ?? [];
  }
  const v = r.victim ?? {};
  if (has('exploitation')) {
    s.exploitation = {
      types: v.typesOfExploitation ?? [],
      industry: v.forcedLabourIndustry ?? null,
      sexExploitation: v.sexExploitationTypes ?? [],
    };
  }
  if (has('traffickingStatus')) {
    s.traffickingStatus = { status: r.trafficking_status ?? v.traffickingStatus ?? null, decidedBy: v.statusDecisionMaker ?? null };
  }
  if (has('personSexAge')) {
    const year = new Date().getUTCFullYear();
    const age =
      r.birth_year !== null
        ? year - r.birth_year
        : r.age_years !== null
          ? r.age_years + (r.age_stated_on ? year - Number(r.age_stated_on.slice(0, 4)) : 0)
          : null;
    s.personSexAge = { sex: r.sex, ageBand: ageBand(age) };
  }
  if (has('personName')) s.personName = { given: open('givenName'), family: open('familyName'), middle: open('middleName') };
  if (has('personBirthDate')) s.personBirthDate = open('birthDate');
  if (has('personCitizenship')) s.personCitizenship = r.citizenship;
  if (has('personLanguages')) s.personLanguages = r.languages ?? [];
  if (has('personPhone')) s.personPhone = open('phone');
  if (has('personDocument')) s.personDocument = open('documentNumber');
  if (has('personAddress')) s.personAddress = open('address');
  if (has('route')) {
    // Places and dates only: never the street or the description.
    const { rows: ev } = await sdb.query<{ event_type: string; country: string | null; place: string | null; date: string | null }>(
      `SELECT event_type, country, nullif(concat_ws(', ', city, state, region), '') AS place, event_date::text AS date
         FROM trafficking_events WHERE case_id = $1 ORDER BY event_date NULLS LAST, created_at, id`,
      [caseId],
    );
    s.route = ev.map((e) => ({ type: e.event_type, country: e.country, place: e.place, from: e.date, to: null }));
  }
  if (wantsSensitive) {
    const texts: TCaseSensitive = r.sensitive_sealed
      ? (JSON.parse(sealer.open(r.sensitive_sealed, SEALED.sensitive)) as TCaseSensitive)
      : {};
    if (has('narrative')) s.narrative = texts.narrative ?? null;
    if (has('health')) s.health = texts.health ?? null;
  }
  return s;
}

export const sealSnapshot = (sealer: Sealer, s: TReferralSnapshot): Uint8Array =>
  sealer.seal(JSON.stringify(s), REFERRAL_SEALED.snapshot);
export const openSnapshot = (sealer: Sealer, sealed: Uint8Array): TReferralSnapshot =>
  JSON.parse(sealer.open(sealed, REFERRAL_SEALED.snapshot)) as TReferralSnapshot;
