/**
 * The organisation's cases as HTCDS case data, one page at a time, in the order they were opened
 * (imported cases in file order: by case number within one import). Per case: its
 * person, the earliest historic trafficking event (by date, undated last, then as recorded), the
 * latest support plan, and the current consent.
 *
 * What the reader may see decides what is opened: identity values (names, birth date, phone,
 * document, the person's sealed extra, event streets) only with case.readIdentity, sensitive texts
 * (narratives, referral details, event descriptions, plan objectives and actions) only with
 * case.readSensitive. Everything else is in clear anyway.
 */
import type { TCaseStatus } from '../../../shared/htcds/code-lists';
import type { TOrganisationType } from '../../../shared/roles';
import type {
  TCaseSensitive,
  TPersonExtra,
  TPersonProfile,
  TVictimContext,
} from '../../../shared/schemas/case-file';
import type { TPersonInput } from '../../../shared/schemas/cases';
import type { ScopedDb } from '../../access/scoped-db';
import type { Sealer } from '../../crypto/seal';
import { SEALED, type TVisibility } from '../case-profile/present-profile';
import type { THtcdsCaseData, THtcdsExtra, THtcdsPlan } from '../htcds/case-data';
import { PERSON_SEALED } from '../persons/insert-person';
import { PLAN_SEALED } from './write-cases';

type TRow = {
  id: string;
  case_number: string;
  status: TCaseStatus;
  closure_reason: string | null;
  victim: TVictimContext;
  trafficking_status: string | null;
  htcds_extra: THtcdsExtra;
  sensitive_sealed: Uint8Array | null;
  person_id: string | null;
  sex: string | null;
  citizenship: string | null;
  languages: string[] | null;
  profile: TPersonProfile | null;
  extra_sealed: Uint8Array | null;
  owner_name_sealed: Uint8Array | null;
  ev_type: string | null;
  ev_date: string | null;
  ev_country: string | null;
  ev_state: string | null;
  ev_city: string | null;
  ev_street: Uint8Array | null;
  ev_postal: string | null;
  ev_lat: number | null;
  ev_lon: number | null;
  ev_description: Uint8Array | null;
  pl_types: string[] | null;
  pl_objectives: Uint8Array | null;
  pl_action: Uint8Array | null;
  pl_planned: string | null;
  pl_actual: string | null;
  cn_agreed: string[] | null;
  cn_withdrawn: boolean | null;
} & Record<(typeof PERSON_SEALED)[keyof typeof PERSON_SEALED][0], Uint8Array | null>;

export type TReadCase = { id: string; caseNumber: string; data: THtcdsCaseData };

/** HTCDS org_Type of the exporting organisation, for cases it opened itself (blank when none fits). */
const HTCDS_ORG_TYPE: Partial<Record<TOrganisationType, NonNullable<THtcdsExtra['organisation']>['type']>> = {
  crisis_centre: 'NGO',
  ngo: 'NGO',
  police: 'LawEnforcement',
  prosecutor: 'LawEnforcement',
  state_body: 'CentralGovernmentOrganisation',
};

function query(v: TVisibility): string {
  const identity = (col: string, as = col) => (v.identity ? `${col} AS ${as}` : `NULL::bytea AS ${as}`);
  const sensitive = (col: string, as: string) => (v.sensitive ? `${col} AS ${as}` : `NULL::bytea AS ${as}`);
  const personSealed = Object.values(PERSON_SEALED).map(([col]) => identity(`p.${col}`, col));
  return `SELECT c.id, c.case_number, c.status, c.closure_reason, c.victim,
      c.trafficking_status, c.htcds_extra, ${sensitive('c.sensitive_sealed', 'sensitive_sealed')},
      c.person_id, p.sex, p.citizenship, p.languages, p.profile, ${identity('p.extra_sealed', 'extra_sealed')},
      ${personSealed.join(', ')}, u.full_name_sealed AS owner_name_sealed,
      ev.event_type AS ev_type, ev.event_date::text AS ev_date, ev.country AS ev_country, ev.state AS ev_state,
      ev.city AS ev_city, ${identity('ev.street_sealed', 'ev_street')}, ev.postal_code AS ev_postal,
      ev.latitude AS ev_lat, ev.longitude AS ev_lon, ${sensitive('ev.description_sealed', 'ev_description')},
      pl.plan_types AS pl_types, ${sensitive('pl.objectives_sealed', 'pl_objectives')},
      ${sensitive('pl.action_plan_sealed', 'pl_action')}, pl.planned_end::text AS pl_planned,
      pl.actual_end::text AS pl_actual, cn.agreed AS cn_agreed, cn.withdrawn_at IS NOT NULL AS cn_withdrawn
    FROM unnest($1::uuid[]) WITH ORDINALITY AS page (id, n)
    JOIN cases c ON c.id = page.id
    LEFT JOIN persons p ON p.id = c.person_id
    LEFT JOIN users u ON u.id = c.assigned_user_id
    LEFT JOIN LATERAL (SELECT * FROM trafficking_events t WHERE t.case_id = c.id
                       ORDER BY t.event_date ASC NULLS LAST, t.created_at ASC, t.id ASC LIMIT 1) ev ON true
    LEFT JOIN LATERAL (SELECT * FROM support_plans s WHERE s.case_id = c.id
                       ORDER BY s.created_at DESC, s.id DESC LIMIT 1) pl ON true
    LEFT JOIN LATERAL (SELECT k.agreed, k.withdrawn_at FROM consents k WHERE k.case_id = c.id
                       ORDER BY k.withdrawn_at IS NULL DESC, k.given_on DESC, k.created_at DESC, k.id DESC
                       LIMIT 1) cn ON true
    ORDER BY page.n`;
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export interface TCaseReader {
  /** the next page, or [] at the end */
  next(): Promise<TReadCase[]>;
}

/** Pages through the organisation's cases as HTCDS case data (one query per page). */
export async function caseReader(
  sdb: ScopedDb,
  sealer: Sealer,
  v: TVisibility,
  pageSize = 500,
): Promise<TCaseReader> {
  const { rows: orgRows } = await sdb.query<{ name: string; type: TOrganisationType }>(
    'SELECT name, type FROM organisations WHERE id = $1',
    [sdb.actor.orgId],
  );
  const ownOrganisation = compact({
    name: orgRows[0]?.name,
    type: orgRows[0] ? HTCDS_ORG_TYPE[orgRows[0].type] : undefined,
  });
  const sql = query(v);
  // The order first (ids only: 16 bytes a case), then each page by primary key in that order.
  const { rows: order } = await sdb.query<{ id: string }>(
    'SELECT id FROM cases ORDER BY opened_at, case_number, id',
  );
  const ids = order.map((r) => r.id);
  let at = 0;
  const open = (b: Uint8Array | null, context: string) => sealer.openNullable(b, context) ?? undefined;
  const openJson = <T>(b: Uint8Array | null, context: string): T | undefined => {
    const text = sealer.openNullable(b, context);
    return text === null ? undefined : (JSON.parse(text) as T);
  };

  function toData(r: TRow): THtcdsCaseData {
    const s = (k: keyof typeof PERSON_SEALED) => open(r[PERSON_SEALED[k][0]], PERSON_SEALED[k][1]);
    const person: TPersonInput = r.person_id
      ? compact({
          givenName: s('givenName'),
          familyName: s('familyName'),
          middleName: s('middleName'),
          birthDate: s('birthDate'),
          phone: s('phone'),
          documentNumber: s('documentNumber'),
          address: s('address'),
          sex: (r.sex ?? undefined) as TPersonInput['sex'],
          citizenship: r.citizenship ?? undefined,
          languages: r.languages && r.languages.length > 0 ? r.languages : undefined,
        })
      : {};
    const extra = openJson<TPersonExtra>(r.extra_sealed, SEALED.personExtra) ?? {};
    // A person entered on screen has one address line; HTCDS has its parts: the line is the street.
    if (extra.mailingStreet === undefined && person.address !== undefined)
      extra.mailingStreet = person.address;
    const htcdsExtra: THtcdsExtra = { ...r.htcds_extra };
    // Cases opened here: the case owner is the assignee, the source organisation is this one.
    if (htcdsExtra.caseOwner === undefined) {
      const owner = open(r.owner_name_sealed, 'users.full_name');
      if (owner) htcdsExtra.caseOwner = owner;
    }
    if (htcdsExtra.organisation === undefined && Object.keys(ownOrganisation).length > 0) {
      htcdsExtra.organisation = ownOrganisation;
    }
    const victim: TVictimContext = { ...r.victim };
    if (victim.traffickingStatus === undefined && r.trafficking_status) {
      victim.traffickingStatus = r.trafficking_status as TVictimContext['traffickingStatus'];
    }
    const plan: THtcdsPlan | null =
      r.pl_types === null
        ? null
        : compact({
            types: r.pl_types as THtcdsPlan['types'],
            objectives: open(r.pl_objectives, PLAN_SEALED.objectives),
            actionPlan: open(r.pl_action, PLAN_SEALED.actionPlan),
            plannedEnd: r.pl_planned ?? undefined,
            actualEnd: r.pl_actual ?? undefined,
          });
    return {
      person,
      extra,
      profile: r.profile ?? {},
      status: r.status,
      closureReason: r.closure_reason,
      victim,
      sensitive: openJson<TCaseSensitive>(r.sensitive_sealed, SEALED.sensitive) ?? {},
      htcdsExtra,
      event:
        r.ev_type === null
          ? null
          : compact({
              type: r.ev_type as 'Recruitment',
              date: r.ev_date ?? undefined,
              country: r.ev_country ?? undefined,
              state: r.ev_state ?? undefined,
              city: r.ev_city ?? undefined,
              street: open(r.ev_street, SEALED.street),
              postalCode: r.ev_postal ?? undefined,
              latitude: r.ev_lat ?? undefined,
              longitude: r.ev_lon ?? undefined,
              description: open(r.ev_description, SEALED.description),
            }),
      plan,
      // The current consent (the latest not withdrawn, else the latest): true only when it is not
      // withdrawn and agrees to keeping the case file; blank when none was ever recorded.
      consent: r.cn_agreed === null ? null : !r.cn_withdrawn && r.cn_agreed.includes('store_data'),
    };
  }

  return {
    async next() {
      const page = ids.slice(at, at + pageSize);
      at += page.length;
      if (page.length === 0) return [];
      const { rows } = await sdb.query<TRow>(sql, [page]);
      return rows.map((r) => ({ id: r.id, caseNumber: r.case_number, data: toData(r) }));
    },
  };
}
