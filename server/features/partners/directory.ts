/** The partner directory for signed-in users: search, one entry, an organisation's own entry, membership. */
import { REGION_CODES } from '../../../shared/regions';
import type { TPartner, TPartnerProfileInput, TPartnerQuery } from '../../../shared/schemas/partners';
import type { TApp } from '../../app';
import type { TActor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import { scoped } from '../../http/context';
import { conflict, HttpError, notFound } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import { organisationTypeOf } from './organisation-type';
import {
  canSeeEntry,
  isNetworkAdmin,
  memorandaOf,
  PARTNER_COLUMNS,
  presentPartner,
  tryGetPartnerRow,
  type TPartnerRow,
} from './present-partner';
import {
  createOfflinePartnerRoute,
  decideMembershipRoute,
  getPartnerRoute,
  listPartnersRoute,
  updatePartnerRoute,
} from './routes';

/** WHERE clauses of a directory search; `$n` numbered after the given parameters. */
function searchClauses(q: TPartnerQuery, params: unknown[], opts: { region: boolean }): string[] {
  const where: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  // Every word of the search appears in one of the entry's names (any language, any case).
  for (const word of (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
    add((n) => `EXISTS (SELECT 1 FROM jsonb_each_text(p.names) AS nm WHERE position(${n} IN lower(nm.value)) > 0)`, word);
  }
  if (q.service) add((n) => `p.services @> ARRAY[${n}]::text[]`, q.service);
  if (q.region && opts.region) add((n) => `p.regions @> ARRAY[${n}]::text[]`, q.region);
  if (q.language) add((n) => `p.languages @> ARRAY[${n}]::text[]`, q.language);
  if (q.type) add((n) => `p.partner_type = ${n}`, q.type);
  if (q.usesSenim) add((n) => `p.uses_senim = ${n}`, q.usesSenim === 'true');
  return where;
}

/** Rows in the reader's language order (Russian where the entry has no name in it). */
const ORDER_BY = (n: string) => `ORDER BY lower(coalesce(p.names->>${n}, p.names->>'ru')), p.org_id`;

async function presentOne(sdb: ScopedDb, row: TPartnerRow): Promise<TPartner> {
  const memoranda = await memorandaOf(sdb, [row.org_id]);
  return presentPartner(sdb.actor, row, memoranda.get(row.org_id) ?? []);
}

const INPUT_FIELDS = [
  'partnerType',
  'names',
  'descriptions',
  'regions',
  'services',
  'languages',
  'contactPoints',
  'hours',
  'website',
  'letterLanguage',
  'notifyEmail',
  'published',
  'publishedFields',
] as const satisfies readonly (keyof TPartner & keyof TPartnerProfileInput)[];

/** The names of the fields a write changed (for the audit trail: names only, never values). */
function changedFields(before: TPartner | null, after: TPartner): string[] {
  return INPUT_FIELDS.filter((f) => before === null || JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The parameters $2…$14 of an entry's editable columns, in the order of PROFILE_COLUMNS. */
function profileParams(b: TPartnerProfileInput): unknown[] {
  return [
    b.partnerType,
    JSON.stringify(b.names),
    JSON.stringify(b.descriptions),
    uniq(b.regions),
    uniq(b.services),
    uniq(b.languages),
    JSON.stringify(b.contactPoints),
    b.hours ?? null,
    b.website ?? null,
    b.letterLanguage,
    b.notifyEmail ?? null,
    b.published,
    uniq(b.publishedFields),
  ];
}
const PROFILE_COLUMNS =
  'partner_type, names, descriptions, regions, services, languages, contact_points, hours, website, letter_language, notify_email, published, published_fields';
const PROFILE_VALUES = '$2, $3::jsonb, $4::jsonb, $5::text[], $6::text[], $7::text[], $8::jsonb, $9, $10, $11, $12, $13, $14::text[]';

const nameTaken = () =>
  new HttpError(409, 'error.partnerNameTaken', {}, { action: 'partner.created', outcome: 'failure', details: { reason: 'nameTaken' } });

/** Another organisation's entry does not exist for a reader who may not write it (404, audited). */
function assertMayWrite(actor: TActor, orgId: string): void {
  if (actor.orgId !== orgId && !isNetworkAdmin(actor)) throw notFound('partner', orgId);
  assertCan(actor, 'partner.update', { type: 'partner', id: orgId });
}

export function registerDirectory(app: TApp): void {
  app.openapi(listPartnersRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'partner.read');
      const membership = q.membership ?? 'approved';
      if (membership !== 'approved') assertCan(sdb.actor, 'partner.approve');

      const params: unknown[] = [membership, c.var.locale];
      const where = ['p.membership = $1', ...searchClauses(q, params, { region: true })];
      const { rows } = await sdb.query<TPartnerRow>(
        `SELECT ${PARTNER_COLUMNS} FROM partner_profiles p WHERE ${where.join(' AND ')} ${ORDER_BY('$2')}`,
        params,
      );

      // The map: approved partners matching the same search, per region (every region, zeros included).
      const mapParams: unknown[] = [];
      const mapWhere = ["p.membership = 'approved'", ...searchClauses(q, mapParams, { region: false })];
      const { rows: counts } = await sdb.query<{ region: string; count: number }>(
        `SELECT r.code AS region, count(*)::int AS count
           FROM partner_profiles p CROSS JOIN LATERAL unnest(p.regions) AS r(code)
          WHERE ${mapWhere.join(' AND ')} GROUP BY r.code`,
        mapParams,
      );
      const byCode = new Map(counts.map((r) => [r.region, r.count]));

      const memoranda = await memorandaOf(sdb, rows.map((r) => r.org_id));
      sdb.audit({
        action: 'partner.listed',
        outcome: 'success',
        details: { count: rows.length, membership, filters: Object.keys(q).filter((k) => k !== 'membership') },
      });
      return c.json(
        {
          items: rows.map((r) => presentPartner(sdb.actor, r, memoranda.get(r.org_id) ?? [])),
          byRegion: REGION_CODES.map((region) => ({ region, count: byCode.get(region) ?? 0 })),
        },
        200,
      );
    });
  });

  app.openapi(getPartnerRoute, async (c) => {
    const { orgId } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'partner.read', { type: 'partner', id: orgId });
      const row = await tryGetPartnerRow(sdb, orgId);
      if (!row || !canSeeEntry(sdb.actor, row)) throw notFound('partner', orgId);
      sdb.audit({ action: 'partner.read', outcome: 'success', targetType: 'partner', targetId: orgId });
      return c.json(await presentOne(sdb, row), 200);
    });
  });

  app.openapi(updatePartnerRoute, async (c) => {
    const { orgId } = c.req.valid('param');
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertMayWrite(sdb.actor, orgId);
      const current = await tryGetPartnerRow(sdb, orgId, true);
      if (!current) {
        // A first entry: the organisation applies to join (pending until a network administrator decides).
        const { rows: org } = await sdb.query('SELECT 1 FROM organisations WHERE id = $1', [orgId]);
        if (!org[0]) throw notFound('partner', orgId);
        if (body.version !== 1) throw conflict();
        const { rows } = await sdb.query<TPartnerRow>(
          `INSERT INTO partner_profiles AS p (org_id, ${PROFILE_COLUMNS}, membership)
           VALUES ($1, ${PROFILE_VALUES}, 'pending')
           ON CONFLICT (org_id) DO NOTHING RETURNING ${PARTNER_COLUMNS}`,
          [orgId, ...profileParams(body)],
        );
        if (!rows[0]) throw conflict(); // created by a concurrent request a moment ago
        const out = await presentOne(sdb, rows[0]);
        sdb.audit({
          action: 'partner.created',
          outcome: 'success',
          targetType: 'partner',
          targetId: orgId,
          details: { fields: changedFields(null, out), membership: 'pending' },
        });
        return c.json(out, 201);
      }
      if (current.version !== body.version) throw conflict();
      const before = presentPartner(sdb.actor, current, []);
      const { rows } = await sdb.query<TPartnerRow>(
        `UPDATE partner_profiles AS p SET (${PROFILE_COLUMNS}) = (${PROFILE_VALUES}), updated_at = now(), version = p.version + 1
          WHERE p.org_id = $1 RETURNING ${PARTNER_COLUMNS}`,
        [orgId, ...profileParams(body)],
      );
      // Row-level security is the last word: an entry the actor may not write is not updated.
      if (!rows[0]) throw notFound('partner', orgId);
      const out = await presentOne(sdb, rows[0]);
      sdb.audit({
        action: 'partner.updated',
        outcome: 'success',
        targetType: 'partner',
        targetId: orgId,
        details: { fields: changedFields(before, out) },
      });
      return c.json(out, 200);
    });
  });

  app.openapi(createOfflinePartnerRoute, async (c) => {
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'partner.approve');
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: body,
        replayAudit: { action: 'partner.read', outcome: 'success', targetType: 'partner' },
        perform: async () => {
          const { rows: clash } = await sdb.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1)', [body.organisationName]);
          if (clash[0]) throw nameTaken();
          const org = await sdb
            .query<{ id: string }>(`INSERT INTO organisations (name, type, region) VALUES ($1, $2, $3) RETURNING id`, [
              body.organisationName,
              organisationTypeOf(body.partnerType),
              body.regions[0] ?? null,
            ])
            .then((r) => r.rows)
            .catch((err: unknown) => {
              // added by someone else in the meantime (the unique index on lower(name))
              if ((err as { code?: unknown } | null)?.code === '23505') throw nameTaken();
              throw err;
            });
          const orgId = org[0]!.id;
          await sdb.query(
            `INSERT INTO partner_profiles (org_id, ${PROFILE_COLUMNS}, uses_senim, membership, membership_decided_by, membership_decided_at)
             VALUES ($1, ${PROFILE_VALUES}, false, 'approved', $15, now())`,
            [orgId, ...profileParams(body), sdb.actor.userId],
          );
          sdb.audit({
            action: 'partner.created',
            outcome: 'success',
            targetType: 'partner',
            targetId: orgId,
            details: { usesSenim: false, membership: 'approved', partnerType: body.partnerType },
          });
          return { orgId };
        },
        present: async ({ orgId }) => presentOne(sdb, (await tryGetPartnerRow(sdb, orgId))!),
      });
      return c.json(out, 201);
    });
  });

  app.openapi(decideMembershipRoute, async (c) => {
    const { orgId } = c.req.valid('param');
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'partner.approve', { type: 'partner', id: orgId });
      const current = await tryGetPartnerRow(sdb, orgId, true);
      if (!current) throw notFound('partner', orgId);
      if (current.version !== body.version) throw conflict();
      const { rows } = await sdb.query<TPartnerRow>(
        `UPDATE partner_profiles AS p SET membership = $2, membership_decided_by = $3, membership_decided_at = now(),
                left_at = CASE WHEN $2 = 'left' THEN now() ELSE NULL END, updated_at = now(), version = p.version + 1
          WHERE p.org_id = $1 RETURNING ${PARTNER_COLUMNS}`,
        [orgId, body.decision, sdb.actor.userId],
      );
      sdb.audit({
        action: 'partner.membershipDecided',
        outcome: 'success',
        targetType: 'partner',
        targetId: orgId,
        details: { from: current.membership, to: body.decision },
      });
      return c.json(await presentOne(sdb, rows[0]!), 200);
    });
  });
}
