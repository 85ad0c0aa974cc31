import type {
  TCaseProfileSections,
  TCaseSensitive,
  TConsent,
  TPersonExtra,
  TPersonProfile,
  TTraffickingEvent,
  TVictimContext,
} from '../../../shared/schemas/case-file';
import type { TActor } from '../../access/actor';
import { can } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import { PERSON_EXTRA_CONTEXT } from '../persons/insert-person';

/** The contexts the case file's sealed values are sealed under (server/crypto/sealed-columns.ts). */
export const SEALED = {
  sensitive: 'cases.sensitive',
  street: 'trafficking_events.street',
  description: 'trafficking_events.description',
  consentNotes: 'consents.notes',
  personExtra: PERSON_EXTRA_CONTEXT,
} as const;

/** What a reader may see of the case file: identity values, sensitive texts. */
export type TVisibility = { identity: boolean; sensitive: boolean };
export const visibilityOf = (actor: TActor): TVisibility => ({
  identity: can(actor, 'case.readIdentity'),
  sensitive: can(actor, 'case.readSensitive'),
});

/** The person's fields beyond identity, read with the person (extra only when it will be opened). */
export type TPersonProfileRow = {
  extra_sealed: Uint8Array | null;
  profile: TPersonProfile;
  age_years: number | null;
  age_stated_on: string | null;
};
/** Person columns of the profile; `p.` is the persons alias of the query. */
export const personProfileColumns = (v: TVisibility) =>
  `${v.identity ? 'p.extra_sealed' : 'NULL::bytea AS extra_sealed'}, p.profile, p.age_years, p.age_stated_on::text AS age_stated_on`;

export type TCaseProfileRow = { victim: TVictimContext; sensitive_sealed: Uint8Array | null };
/** Case columns of the profile; `c.` is the cases alias. Sealed texts are not even read for others. */
export const caseProfileColumns = (v: TVisibility) =>
  `c.victim, ${v.sensitive ? 'c.sensitive_sealed' : 'NULL::bytea AS sensitive_sealed'}`;

export type TTraffickingEventRow = {
  id: string;
  event_type: TTraffickingEvent['type'];
  event_date: string | null;
  country: string | null;
  region: string | null;
  state: string | null;
  city: string | null;
  street_sealed: Uint8Array | null;
  postal_code: string | null;
  latitude: number | null;
  longitude: number | null;
  description_sealed: Uint8Array | null;
  created_by: string | null;
  created_at: Date;
};
export const TRAFFICKING_EVENT_COLUMNS = `id, event_type, event_date::text AS event_date, country, region, state, city,
  street_sealed, postal_code, latitude, longitude, description_sealed, created_by, created_at`;

export type TConsentRow = {
  id: string;
  explained: TConsent['explained'];
  agreed: TConsent['agreed'];
  given_on: string;
  given_by: TConsent['givenBy'];
  language: string | null;
  notes_sealed: Uint8Array | null;
  recorded_by: string | null;
  created_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
};
export const CONSENT_COLUMNS = `id, explained, agreed, given_on::text AS given_on, given_by, language, notes_sealed,
  recorded_by, created_at, withdrawn_at, withdrawn_by`;

export type TProfileDetail = {
  caseProfile: TCaseProfileRow;
  personProfile: TPersonProfileRow | null;
  traffickingEvents: TTraffickingEventRow[];
  consents: TConsentRow[];
};

/** A JSON array of a case's child rows, in order: one correlated sub-select (index on case_id). */
const jsonRows = (select: string, order: string) =>
  `(SELECT coalesce(json_agg(r ORDER BY ${order}), '[]'::json) FROM (${select}) r)`;

/**
 * The sub-selects of the trafficking events and consents of the case `c` (a JSON array each, read
 * with the case in one statement). Events are the route on a timeline: by date (undated last), then
 * as recorded; consents as given, oldest first. Sealed values the reader may not see are not read.
 */
export function profileListColumns(v: TVisibility): string {
  const street = v.identity ? 'street_sealed' : 'NULL::bytea AS street_sealed';
  const description = v.sensitive ? 'description_sealed' : 'NULL::bytea AS description_sealed';
  const notes = v.sensitive ? 'notes_sealed' : 'NULL::bytea AS notes_sealed';
  const events = TRAFFICKING_EVENT_COLUMNS.replace('street_sealed', street).replace('description_sealed', description);
  return `${jsonRows(
    `SELECT ${events}, event_date AS event_day FROM trafficking_events WHERE case_id = c.id`,
    'r.event_day ASC NULLS LAST, r.created_at ASC, r.id ASC',
  )} AS trafficking_events_json,
  ${jsonRows(
    `SELECT ${CONSENT_COLUMNS.replace('notes_sealed', notes)}, given_on AS given_day FROM consents WHERE case_id = c.id`,
    'r.given_day ASC, r.created_at ASC, r.id ASC',
  )} AS consents_json`;
}

/** bytea in JSON is "\\x" and hex. */
export const bytesOfJson = (v: unknown): Uint8Array | null =>
  typeof v === 'string' && v.startsWith('\\x') ? Buffer.from(v.slice(2), 'hex') : null;
type TJsonRow = Record<string, unknown>;
const dateOf = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);

/** The rows of profileListColumns' JSON arrays, typed as when read directly. */
export function profileListsOfJson(r: {
  trafficking_events_json: TJsonRow[];
  consents_json: TJsonRow[];
}): Pick<TProfileDetail, 'traffickingEvents' | 'consents'> {
  return {
    traffickingEvents: r.trafficking_events_json.map((e) => ({
      ...(e as unknown as TTraffickingEventRow),
      street_sealed: bytesOfJson(e.street_sealed),
      description_sealed: bytesOfJson(e.description_sealed),
      created_at: dateOf(e.created_at)!,
    })),
    consents: r.consents_json.map((k) => ({
      ...(k as unknown as TConsentRow),
      notes_sealed: bytesOfJson(k.notes_sealed),
      created_at: dateOf(k.created_at)!,
      withdrawn_at: dateOf(k.withdrawn_at),
    })),
  };
}

/** A sealed JSON value, opened and parsed (null when there is none). */
function parseJson<T>(sealer: Sealer, sealed: Uint8Array | null, context: string): T | null {
  const text = sealer.openNullable(sealed, context);
  return text === null ? null : (JSON.parse(text) as T);
}

export function presentTraffickingEvent(sealer: Sealer, v: TVisibility, r: TTraffickingEventRow): TTraffickingEvent {
  return {
    id: r.id,
    type: r.event_type,
    date: r.event_date,
    country: r.country,
    region: r.region,
    state: r.state,
    city: r.city,
    street: v.identity ? sealer.openNullable(r.street_sealed, SEALED.street) : null,
    postalCode: r.postal_code,
    latitude: r.latitude,
    longitude: r.longitude,
    description: v.sensitive ? sealer.openNullable(r.description_sealed, SEALED.description) : null,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
  };
}

/** A consent without its notes (the sealed text): what sharing checks. */
export function presentConsentCodes(r: TConsentRow): Omit<TConsent, 'notes'> {
  return {
    id: r.id,
    explained: r.explained,
    agreed: r.agreed,
    givenOn: r.given_on,
    givenBy: r.given_by,
    language: r.language,
    recordedBy: r.recorded_by,
    createdAt: r.created_at.toISOString(),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawnBy: r.withdrawn_by,
  };
}

export function presentConsent(sealer: Sealer, v: TVisibility, r: TConsentRow): TConsent {
  return {
    ...presentConsentCodes(r),
    notes: v.sensitive ? sealer.openNullable(r.notes_sealed, SEALED.consentNotes) : null,
  };
}

/** The latest consent given (then recorded) that is not withdrawn, of consents oldest first. */
export function latestStanding<T extends { withdrawnAt: string | null }>(ordered: readonly T[]): T | null {
  for (let i = ordered.length - 1; i >= 0; i--) if (ordered[i]!.withdrawnAt === null) return ordered[i]!;
  return null;
}

/**
 * The profile sections of the Case response. Identity (person extra, event streets) only with
 * case.readIdentity, sensitive texts only with case.readSensitive; what the reader may not see is
 * not opened (and not even read: see the column lists above).
 */
export function presentProfile(actor: TActor, sealer: Sealer, d: TProfileDetail): TCaseProfileSections {
  const v = visibilityOf(actor);
  const p = d.personProfile;
  const consents = d.consents.map((r) => presentConsent(sealer, v, r));
  return {
    personExtra: p && v.identity ? (parseJson<TPersonExtra>(sealer, p.extra_sealed, SEALED.personExtra) ?? {}) : null,
    personProfile: p ? p.profile : null,
    ageYears: p?.age_years ?? null,
    ageStatedOn: p?.age_stated_on ?? null,
    victim: d.caseProfile.victim,
    sensitive: v.sensitive
      ? (parseJson<TCaseSensitive>(sealer, d.caseProfile.sensitive_sealed, SEALED.sensitive) ?? {})
      : null,
    sensitiveRedacted: !v.sensitive,
    traffickingEvents: d.traffickingEvents.map((r) => presentTraffickingEvent(sealer, v, r)),
    consents,
    currentConsent: latestStanding(consents),
  };
}
