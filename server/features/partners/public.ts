/**
 * The public "Our partners" API (no sign-in). There is no actor, so row-level security (which lets
 * only signed-in users read the directory) cannot scope this read: it runs on the system database in
 * a READ ONLY transaction, and the SQL and the presenter below are the whole of what leaves: approved
 * members that chose to be published, only the fields each chose, never the notification address,
 * the membership decisions or anything about users and cases.
 */
import type { TLocalisedName, TLocalisedText, TPartnerType, TPublicPartner, TPublishableField } from '../../../shared/schemas/partners';
import type { TApp } from '../../app';
import type { Queryable } from '../../db/types';
import type { TPartnerRow } from './present-partner';
import { publicPartnersRoute } from './routes';

type TLang = 'ru' | 'kk' | 'en';

/** How long browsers and proxies may keep the list (it changes when a partner edits its entry). */
export const PUBLIC_PARTNERS_MAX_AGE_SECONDS = 300;

type TPublicRow = Pick<
  TPartnerRow,
  'org_id' | 'partner_type' | 'names' | 'descriptions' | 'regions' | 'services' | 'languages' | 'contact_points' | 'hours' | 'website' | 'published_fields'
>;

const inLang = (text: TLocalisedName | TLocalisedText, lang: TLang): string | null => text[lang] ?? text.ru ?? null;

/** One published partner: its name, and of the rest only what it chose to publish. */
export function presentPublicPartner(row: TPublicRow, lang: TLang, memoranda: readonly TLocalisedName[]): TPublicPartner {
  const shown = new Set<TPublishableField>(row.published_fields);
  const pick = <T>(field: TPublishableField, value: T): T | null => (shown.has(field) ? value : null);
  return {
    id: row.org_id,
    name: inLang(row.names, lang)!,
    type: pick<TPartnerType>('type', row.partner_type),
    description: pick('description', inLang(row.descriptions, lang)),
    regions: pick('regions', row.regions),
    services: pick('services', row.services),
    languages: pick('languages', row.languages),
    contactPoints: pick('contactPoints', row.contact_points),
    hours: pick('hours', row.hours),
    website: pick('website', row.website),
    memoranda: memoranda.map((t) => inLang(t, lang)!),
  };
}

export async function findPublicPartners(db: Queryable, lang: TLang): Promise<TPublicPartner[]> {
  const { rows } = await db.query<TPublicRow>(
    `SELECT p.org_id, p.partner_type, p.names, p.descriptions, p.regions, p.services, p.languages, p.contact_points,
            p.hours, p.website, p.published_fields
       FROM partner_profiles p
      WHERE p.membership = 'approved' AND p.published
      ORDER BY lower(coalesce(p.names->>$1, p.names->>'ru')), p.org_id`,
    [lang],
  );
  if (rows.length === 0) return [];
  const { rows: memos } = await db.query<{ org_id: string; titles: TLocalisedName }>(
    `SELECT mm.org_id, m.titles FROM memorandum_members mm JOIN memoranda m ON m.id = mm.memorandum_id
      WHERE mm.org_id = ANY($1::uuid[]) ORDER BY m.signed_on DESC, m.id`,
    [rows.map((r) => r.org_id)],
  );
  const byOrg = new Map<string, TLocalisedName[]>();
  for (const m of memos) byOrg.set(m.org_id, [...(byOrg.get(m.org_id) ?? []), m.titles]);
  return rows.map((r) => presentPublicPartner(r, lang, byOrg.get(r.org_id) ?? []));
}

export function registerPublicPartners(app: TApp): void {
  app.openapi(publicPartnersRoute, async (c) => {
    const { lang } = c.req.valid('query');
    const items = await c.var.deps.systemDb.transaction((tx) => findPublicPartners(tx, lang), { preamble: 'SET TRANSACTION READ ONLY' });
    c.header('Cache-Control', `public, max-age=${PUBLIC_PARTNERS_MAX_AGE_SECONDS}`);
    return c.json({ lang, items }, 200);
  });
}
