/**
 * Duplicate persons (issue 5): the check before a person is saved, the review list of the nightly
 * scan, the side-by-side comparison, merge and undo. Everything works on keyed encodings and blind
 * indexes; identity values are opened only to show them to readers allowed to see them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  ZDuplicateCheckRequest,
  ZDuplicateCheckResponse,
  ZDuplicatePair,
  ZDuplicatePairs,
  ZMerge,
  ZMergeRequest,
} from '../../../shared/schemas/persons';
import { ZUuid } from '../../../shared/schemas/common';
import type { TApp } from '../../app';
import { assertCan, can } from '../../access/policies';
import { scoped } from '../../http/context';
import { notFound } from '../../http/errors';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import type { TStoredLink } from './encoding';
import { judge } from './encoding';
import { findDuplicates, personBriefs } from './find';
import { mergePersons, undoMerge } from './merge';
import { scanOrganisation } from './scan';

const tags = ['persons'];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const checkRoute = createRoute({
  method: 'post',
  path: '/api/v1/persons/duplicate-check',
  tags,
  summary: 'Likely duplicates of a person about to be saved, with the reasons (keyed encodings only; nothing stored)',
  request: { body: jsonBody(ZDuplicateCheckRequest) },
  responses: { 200: json(ZDuplicateCheckResponse, 'candidates, best first'), ...errors(400, 401, 403) },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/persons/duplicates',
  tags,
  summary: 'Likely duplicate pairs found by the nightly scan, for review',
  request: {
    query: z.strictObject({
      page: z.coerce.number().int().min(1).max(10_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: { 200: json(ZDuplicatePairs, 'one page'), ...errors(400, 401, 403) },
});
const compareRoute = createRoute({
  method: 'get',
  path: '/api/v1/persons/compare',
  tags,
  summary: 'Two persons side by side, with how alike they are (before a merge)',
  request: { query: z.strictObject({ a: ZUuid, b: ZUuid }) },
  responses: { 200: json(ZDuplicatePair, 'the pair'), ...errors(400, 401, 403, 404) },
});
const dismissRoute = createRoute({
  method: 'post',
  path: '/api/v1/persons/duplicates/dismiss',
  tags,
  summary: 'Mark a pair as not the same person (the scan will not list it again)',
  request: { body: jsonBody(z.strictObject({ a: ZUuid, b: ZUuid })) },
  responses: { 204: { description: 'dismissed' }, ...errors(400, 401, 403, 404) },
});
const scanRoute = createRoute({
  method: 'post',
  path: '/api/v1/persons/duplicates/scan',
  tags,
  summary: 'Run the duplicate scan of my organisation now (it also runs every night)',
  responses: { 200: json(z.object({ pairs: z.number().int(), compared: z.number().int() }), 'scanned'), ...errors(401, 403) },
});
const mergeRoute = createRoute({
  method: 'post',
  path: '/api/v1/persons/merge',
  tags,
  summary: 'Merge two records of one person, choosing field by field; cases and contacts follow; can be undone',
  request: { body: jsonBody(ZMergeRequest) },
  responses: { 201: json(ZMerge, 'merged'), ...errors(400, 401, 403, 404, 409) },
});
const mergesRoute = createRoute({
  method: 'get',
  path: '/api/v1/persons/{id}/merges',
  tags,
  summary: 'Merges into this person (latest first), to undo one',
  request: { params: ZIdParam },
  responses: { 200: json(z.object({ items: z.array(ZMerge) }), 'merges'), ...errors(400, 401, 403, 404) },
});
const undoRoute = createRoute({
  method: 'post',
  path: '/api/v1/persons/merges/{id}/undo',
  tags,
  summary: 'Undo a merge: both records, their cases and contacts as they were',
  request: { params: ZIdParam },
  responses: { 200: json(ZMerge, 'undone'), ...errors(400, 401, 403, 404, 409) },
});

const LINK_COLS = 'id, link_name, link_given, link_family, link_dob, phone_bidx, document_bidx';

export function registerDuplicates(app: TApp): void {
  app.openapi(checkRoute, async (c) => {
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      if (!can(sdb.actor, 'case.update')) assertCan(sdb.actor, 'case.create');
      const found = await findDuplicates(sdb, c.var.deps.sealer, sdb.actor.orgId, body.person, body.excludePersonId ?? null);
      const briefs = await personBriefs(sdb, sdb.actor, c.var.deps.sealer, found.map((f) => f.id));
      sdb.audit({
        action: 'person.duplicateChecked',
        outcome: 'success',
        details: { candidates: found.length, identity: can(sdb.actor, 'case.readIdentity'), personIds: found.map((f) => f.id) },
      });
      return c.json(
        { candidates: found.filter((f) => briefs.has(f.id)).map((f) => ({ person: briefs.get(f.id)!, score: f.score, reasons: f.reasons })) },
        200,
      );
    });
  });

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'person.merge');
      const { rows } = await sdb.query<{ person_a: string; person_b: string; score: number; reasons: never[]; found_at: Date }>(
        `SELECT person_a, person_b, score, reasons, found_at FROM duplicate_candidates
          WHERE org_id = $1 AND state = 'open' ORDER BY score DESC, person_a, person_b LIMIT $2 OFFSET $3`,
        [sdb.actor.orgId, q.pageSize, (q.page - 1) * q.pageSize],
      );
      const { rows: count } = await sdb.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM duplicate_candidates WHERE org_id = $1 AND state = 'open'`,
        [sdb.actor.orgId],
      );
      const briefs = await personBriefs(sdb, sdb.actor, c.var.deps.sealer, rows.flatMap((r) => [r.person_a, r.person_b]));
      sdb.audit({ action: 'person.duplicatesListed', outcome: 'success', details: { page: q.page, shown: rows.length } });
      return c.json(
        {
          items: rows
            .filter((r) => briefs.has(r.person_a) && briefs.has(r.person_b))
            .map((r) => ({
              a: briefs.get(r.person_a)!,
              b: briefs.get(r.person_b)!,
              score: Math.round(r.score * 1000) / 1000,
              reasons: r.reasons,
              foundAt: r.found_at.toISOString(),
            })),
          total: count[0]!.n,
        },
        200,
      );
    });
  });

  app.openapi(compareRoute, async (c) => {
    const { a, b } = c.req.valid('query');
    return scoped(c, async (sdb) => {
      const { rows } = await sdb.query<TStoredLink & { id: string }>(`SELECT ${LINK_COLS} FROM persons WHERE id = ANY($1::uuid[])`, [[a, b]]);
      const la = rows.find((r) => r.id === a);
      const lb = rows.find((r) => r.id === b);
      if (!la) throw notFound('person', a);
      if (!lb) throw notFound('person', b);
      assertCan(sdb.actor, 'person.merge', { type: 'person', id: a });
      const briefs = await personBriefs(sdb, sdb.actor, c.var.deps.sealer, [a, b]);
      const j = judge(la, lb);
      sdb.audit({ action: 'person.duplicatesListed', outcome: 'success', targetType: 'person', targetId: a, details: { compare: b } });
      return c.json({ a: briefs.get(a)!, b: briefs.get(b)!, score: j.score, reasons: j.reasons, foundAt: new Date().toISOString() }, 200);
    });
  });

  app.openapi(dismissRoute, async (c) => {
    const { a, b } = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'person.merge');
      const [pa, pb] = a < b ? [a, b] : [b, a];
      const { rows } = await sdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE id = ANY($1::uuid[])`, [[pa, pb]]);
      if (rows[0]!.n !== 2) throw notFound('person', pa);
      await sdb.query(
        `INSERT INTO duplicate_candidates (org_id, person_a, person_b, score, state, decided_by, decided_at)
         VALUES ($1, $2, $3, 0, 'dismissed', $4, now())
         ON CONFLICT (org_id, person_a, person_b) DO UPDATE SET state = 'dismissed', decided_by = $4, decided_at = now()`,
        [sdb.actor.orgId, pa, pb, sdb.actor.userId],
      );
      sdb.audit({ action: 'person.duplicateDismissed', outcome: 'success', targetType: 'person', targetId: pa, details: { other: pb } });
      return c.body(null, 204);
    });
  });

  app.openapi(scanRoute, async (c) =>
    scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'person.merge');
      const res = await scanOrganisation(sdb, sdb.actor.orgId);
      sdb.audit({ action: 'person.duplicatesScanned', outcome: 'success', targetType: 'organisation', targetId: sdb.actor.orgId, details: res });
      return c.json(res, 200);
    }),
  );

  app.openapi(mergeRoute, async (c) => {
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const { rows } = await sdb.query<{ id: string }>(`SELECT id FROM persons WHERE id = ANY($1::uuid[])`, [[body.keepId, body.mergeId]]);
      for (const id of [body.keepId, body.mergeId]) {
        if (!rows.some((r) => r.id === id)) {
          throw notFound('person', id);
        }
      }
      assertCan(sdb.actor, 'person.merge', { type: 'person', id: body.keepId });
      assertCan(sdb.actor, 'case.readIdentity', { type: 'person', id: body.keepId });
      return c.json(await mergePersons(sdb, c.var.deps.sealer, body.keepId, body.mergeId, body.take), 201);
    });
  });

  app.openapi(mergesRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const { rows: p } = await sdb.query('SELECT 1 FROM persons WHERE id = $1', [id]);
      if (!p[0]) throw notFound('person', id);
      assertCan(sdb.actor, 'person.merge', { type: 'person', id });
      const { rows } = await sdb.query<{
        id: string; kept_person_id: string; merged_person_id: string; fields: string[]; merged_at: Date; undone_at: Date | null;
      }>(
        `SELECT id, kept_person_id, merged_person_id, fields, merged_at, undone_at FROM person_merges
          WHERE kept_person_id = $1 OR merged_person_id = $1 ORDER BY merged_at DESC LIMIT 50`,
        [id],
      );
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            keptPersonId: r.kept_person_id,
            mergedPersonId: r.merged_person_id,
            fields: r.fields,
            movedCases: 0,
            movedContacts: 0,
            mergedAt: r.merged_at.toISOString(),
            undoneAt: r.undone_at?.toISOString() ?? null,
          })),
        },
        200,
      );
    });
  });

  app.openapi(undoRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const { rows } = await sdb.query('SELECT 1 FROM person_merges WHERE id = $1', [id]);
      if (!rows[0]) throw notFound('merge', id);
      assertCan(sdb.actor, 'person.merge', { type: 'merge', id });
      return c.json(await undoMerge(sdb, c.var.deps.sealer, id), 200);
    });
  });
}
