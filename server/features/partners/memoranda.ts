/** Memoranda of cooperation: read by the whole network, recorded by network administrators. */
import type { TLocalisedName, TLocalisedText, TMemorandum, TPartnerType } from '../../../shared/schemas/partners';
import type { z } from 'zod';
import type { ZMemorandumInput } from '../../../shared/schemas/partners';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { ScopedDb } from '../../access/scoped-db';
import { scoped } from '../../http/context';
import { conflict, HttpError, notFound } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import { createMemorandumRoute, listMemorandaRoute, updateMemorandumRoute } from './routes';

type TMemorandumInput = z.infer<typeof ZMemorandumInput>;

type TMemorandumRow = {
  id: string;
  titles: TLocalisedName;
  scopes: TLocalisedText;
  signed_on: string;
  valid_until: string | null;
  version: number;
};
const MEMORANDUM_COLUMNS = 'm.id, m.titles, m.scopes, m.signed_on::text AS signed_on, m.valid_until::text AS valid_until, m.version';

/** Memoranda (all, or the given ones) with their members as the directory names them, newest first. */
async function findMemoranda(sdb: ScopedDb, ids?: readonly string[]): Promise<TMemorandum[]> {
  const { rows } = await sdb.query<TMemorandumRow>(
    `SELECT ${MEMORANDUM_COLUMNS} FROM memoranda m
      WHERE ($1::uuid[] IS NULL OR m.id = ANY($1::uuid[])) ORDER BY m.signed_on DESC, m.id`,
    [ids ?? null],
  );
  if (rows.length === 0) return [];
  const { rows: members } = await sdb.query<{ memorandum_id: string; org_id: string; names: TLocalisedName | null; partner_type: TPartnerType | null }>(
    `SELECT mm.memorandum_id, mm.org_id, p.names, p.partner_type
       FROM memorandum_members mm LEFT JOIN partner_profiles p ON p.org_id = mm.org_id
      WHERE mm.memorandum_id = ANY($1::uuid[])
      ORDER BY mm.memorandum_id, lower(p.names->>'ru'), mm.org_id`,
    [rows.map((r) => r.id)],
  );
  const byMemo = new Map<string, TMemorandum['members']>();
  for (const m of members) {
    const list = byMemo.get(m.memorandum_id) ?? [];
    // Members are directory entries (checked when recorded); the entry is never deleted.
    list.push({ orgId: m.org_id, names: m.names ?? { ru: '—' }, partnerType: m.partner_type });
    byMemo.set(m.memorandum_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    titles: r.titles,
    scopes: r.scopes,
    signedOn: r.signed_on,
    validUntil: r.valid_until,
    members: byMemo.get(r.id) ?? [],
    version: r.version,
  }));
}

/** The distinct members, each a directory entry; 400 otherwise (nothing written). */
async function checkInput(sdb: ScopedDb, body: TMemorandumInput): Promise<string[]> {
  const ids = [...new Set(body.memberOrgIds.map((id) => id.toLowerCase()))];
  if (ids.length < 2) throw new HttpError(400, 'error.memorandumTooFewMembers');
  if (body.validUntil && body.validUntil < body.signedOn) throw new HttpError(400, 'error.memorandumDates');
  const { rows } = await sdb.query<{ org_id: string }>('SELECT org_id FROM partner_profiles WHERE org_id = ANY($1::uuid[])', [ids]);
  const known = new Set(rows.map((r) => r.org_id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new HttpError(400, 'error.memorandumUnknownMembers', { count: unknown.length });
  return ids;
}

/** Replaces the members; those who stay keep the day they joined, newcomers join on `joinedOn`. */
async function replaceMembers(sdb: ScopedDb, memorandumId: string, orgIds: readonly string[], joinedOn: string): Promise<void> {
  await sdb.query('DELETE FROM memorandum_members WHERE memorandum_id = $1 AND NOT (org_id = ANY($2::uuid[]))', [memorandumId, orgIds]);
  await sdb.query(
    `INSERT INTO memorandum_members (memorandum_id, org_id, joined_on)
     SELECT $1, o, $3::date FROM unnest($2::uuid[]) AS o ON CONFLICT (memorandum_id, org_id) DO NOTHING`,
    [memorandumId, orgIds, joinedOn],
  );
}

export function registerMemoranda(app: TApp): void {
  app.openapi(listMemorandaRoute, async (c) =>
    scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'partner.read');
      return c.json({ items: await findMemoranda(sdb) }, 200);
    }),
  );

  app.openapi(createMemorandumRoute, async (c) => {
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'memorandum.manage');
      const out = await idempotent(c, sdb, {
        key: c.req.valid('header')['idempotency-key'],
        request: body,
        replayAudit: { action: 'memorandum.created', outcome: 'success', targetType: 'memorandum' },
        perform: async () => {
          const members = await checkInput(sdb, body);
          const { rows } = await sdb.query<{ id: string }>(
            `INSERT INTO memoranda (titles, scopes, signed_on, valid_until, created_by)
             VALUES ($1::jsonb, $2::jsonb, $3::date, $4::date, $5) RETURNING id`,
            [JSON.stringify(body.titles), JSON.stringify(body.scopes), body.signedOn, body.validUntil ?? null, sdb.actor.userId],
          );
          const id = rows[0]!.id;
          await replaceMembers(sdb, id, members, body.signedOn);
          sdb.audit({ action: 'memorandum.created', outcome: 'success', targetType: 'memorandum', targetId: id, details: { members } });
          return { id };
        },
        present: async ({ id }) => (await findMemoranda(sdb, [id]))[0]!,
      });
      return c.json(out, 201);
    });
  });

  app.openapi(updateMemorandumRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'memorandum.manage', { type: 'memorandum', id });
      const { rows: found } = await sdb.query<{ version: number }>('SELECT version FROM memoranda WHERE id = $1 FOR UPDATE', [id]);
      if (!found[0]) throw notFound('memorandum', id);
      if (found[0].version !== body.version) throw conflict();
      const members = await checkInput(sdb, body);
      await sdb.query(
        `UPDATE memoranda SET titles = $2::jsonb, scopes = $3::jsonb, signed_on = $4::date, valid_until = $5::date,
                updated_at = now(), version = version + 1 WHERE id = $1`,
        [id, JSON.stringify(body.titles), JSON.stringify(body.scopes), body.signedOn, body.validUntil ?? null],
      );
      const { rows: today } = await sdb.query<{ d: string }>('SELECT current_date::text AS d');
      await replaceMembers(sdb, id, members, today[0]!.d);
      sdb.audit({ action: 'memorandum.updated', outcome: 'success', targetType: 'memorandum', targetId: id, details: { members } });
      return c.json((await findMemoranda(sdb, [id]))[0]!, 200);
    });
  });
}
