import type {
  TContactPoint,
  TLocalisedName,
  TLocalisedText,
  TMembershipState,
  TPartner,
  TPartnerService,
  TPartnerType,
  TPublishableField,
} from '../../../shared/schemas/partners';
import type { PARTNER_LANGUAGES } from '../../../shared/schemas/partners';
import type { TRegionCode } from '../../../shared/regions';
import type { TActor } from '../../access/actor';
import { can } from '../../access/policies';
import type { Queryable } from '../../db/types';

/** One directory entry as stored (partner_profiles, alias p). */
export type TPartnerRow = {
  org_id: string;
  partner_type: TPartnerType;
  names: TLocalisedName;
  descriptions: TLocalisedText;
  regions: TRegionCode[];
  services: TPartnerService[];
  languages: (typeof PARTNER_LANGUAGES)[number][];
  contact_points: TContactPoint[];
  hours: string | null;
  website: string | null;
  uses_senim: boolean;
  letter_language: 'ru' | 'kk';
  notify_email: string | null;
  published: boolean;
  published_fields: TPublishableField[];
  membership: TMembershipState;
  updated_at: Date;
  version: number;
};

export const PARTNER_COLUMNS = `p.org_id, p.partner_type, p.names, p.descriptions, p.regions, p.services, p.languages,
  p.contact_points, p.hours, p.website, p.uses_senim, p.letter_language, p.notify_email, p.published,
  p.published_fields, p.membership, p.updated_at, p.version`;

export type TMemorandumBrief = TPartner['memoranda'][number];

/** Whether the actor is a network administrator (the action only they hold). */
export const isNetworkAdmin = (actor: TActor): boolean => can(actor, 'partner.approve');

/** The entry's own organisation (any user of it) or a network administrator. */
export const isOwnOrAdmin = (actor: TActor, orgId: string): boolean => actor.orgId === orgId || isNetworkAdmin(actor);

/** Whether the actor may write the entry: its own administrators, or a network administrator. */
export const canEditPartner = (actor: TActor, orgId: string): boolean =>
  isNetworkAdmin(actor) || (actor.orgId === orgId && can(actor, 'partner.update'));

/** Pending, rejected and departed entries exist only for their own organisation and network administrators. */
export const canSeeEntry = (actor: TActor, row: Pick<TPartnerRow, 'org_id' | 'membership'>): boolean =>
  row.membership === 'approved' || isOwnOrAdmin(actor, row.org_id);

/** The memoranda each of the given organisations signed, newest first. */
export async function memorandaOf(db: Queryable, orgIds: readonly string[]): Promise<Map<string, TMemorandumBrief[]>> {
  const out = new Map<string, TMemorandumBrief[]>();
  if (orgIds.length === 0) return out;
  const { rows } = await db.query<{ org_id: string; id: string; titles: TLocalisedName; signed_on: string }>(
    `SELECT mm.org_id, m.id, m.titles, m.signed_on::text AS signed_on
       FROM memorandum_members mm JOIN memoranda m ON m.id = mm.memorandum_id
      WHERE mm.org_id = ANY($1::uuid[])
      ORDER BY m.signed_on DESC, m.id`,
    [orgIds],
  );
  for (const r of rows) {
    const list = out.get(r.org_id) ?? [];
    list.push({ id: r.id, titles: r.titles, signedOn: r.signed_on });
    out.set(r.org_id, list);
  }
  return out;
}

/** The allow-listed entry for one reader: the notification address only for its own organisation and network administrators. */
export function presentPartner(actor: TActor, row: TPartnerRow, memoranda: readonly TMemorandumBrief[]): TPartner {
  return {
    orgId: row.org_id,
    partnerType: row.partner_type,
    names: row.names,
    descriptions: row.descriptions,
    regions: row.regions,
    services: row.services,
    languages: row.languages,
    contactPoints: row.contact_points,
    hours: row.hours,
    website: row.website,
    usesSenim: row.uses_senim,
    letterLanguage: row.letter_language,
    notifyEmail: isOwnOrAdmin(actor, row.org_id) ? row.notify_email : null,
    published: row.published,
    publishedFields: row.published_fields,
    membership: row.membership,
    memoranda: [...memoranda],
    canEdit: canEditPartner(actor, row.org_id),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** One entry (in the caller's scope), or undefined. `forUpdate` locks it for a write. */
export async function tryGetPartnerRow(db: Queryable, orgId: string, forUpdate = false): Promise<TPartnerRow | undefined> {
  const { rows } = await db.query<TPartnerRow>(
    `SELECT ${PARTNER_COLUMNS} FROM partner_profiles p WHERE p.org_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [orgId],
  );
  return rows[0];
}
