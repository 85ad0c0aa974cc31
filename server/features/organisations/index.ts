import { createRoute, z } from '@hono/zod-openapi';
import { ZCreateOrganisationRequest, ZUpdateOrganisationRequest } from '../../../shared/schemas/organisations';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { conflict, HttpError, notFound } from '../../http/errors';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import {
  ORGANISATION_COLUMNS,
  presentOrganisation,
  type TOrganisationRow,
  ZOrganisation,
} from './present-organisation';

const one = { content: { 'application/json': { schema: ZOrganisation } } };

const listRoute = createRoute({
  method: 'get', path: '/api/v1/organisations', tags: ['organisations'],
  summary: 'Organisations I can see: my own, or all of them for a network administrator',
  responses: { 200: { description: 'list', content: { 'application/json': { schema: z.object({ items: z.array(ZOrganisation) }) } } }, ...errors(401, 403) },
});
const getRoute = createRoute({
  method: 'get', path: '/api/v1/organisations/{id}', tags: ['organisations'], summary: 'One organisation',
  request: { params: ZIdParam },
  responses: { 200: { description: 'the organisation', ...one }, ...errors(400, 401, 403, 404) },
});
const createOrgRoute = createRoute({
  method: 'post', path: '/api/v1/organisations', tags: ['organisations'], summary: 'Add an organisation to the network',
  request: { body: jsonBody(ZCreateOrganisationRequest) },
  responses: { 201: { description: 'created', ...one }, ...errors(400, 401, 403, 409) },
});
const updateRoute = createRoute({
  method: 'patch', path: '/api/v1/organisations/{id}', tags: ['organisations'], summary: 'Change an organisation’s settings',
  request: { params: ZIdParam, body: jsonBody(ZUpdateOrganisationRequest) },
  responses: { 200: { description: 'updated', ...one }, ...errors(400, 401, 403, 404, 409) },
});

export function registerOrganisations(app: TApp): void {
  app.openapi(listRoute, async (c) =>
    scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'organisation.read');
      // Row-level security limits this to the actor's organisation, or all for a network administrator.
      const { rows } = await sdb.query<TOrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations ORDER BY name`);
      sdb.audit({ action: 'organisation.listed', outcome: 'success', details: { count: rows.length } });
      return c.json({ items: rows.map((r) => presentOrganisation(sdb.actor, r)) }, 200);
    }),
  );

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const { rows } = await sdb.query<TOrganisationRow>(`SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = $1`, [id]);
      if (!rows[0]) throw notFound('organisation', id);
      assertCan(sdb.actor, 'organisation.read', { type: 'organisation', id });
      return c.json(presentOrganisation(sdb.actor, rows[0]), 200);
    });
  });

  app.openapi(createOrgRoute, async (c) => {
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'organisation.create');
      const { rows: clash } = await sdb.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1)', [body.name]);
      if (clash[0]) throw conflict();
      const { rows } = await sdb.query<TOrganisationRow>(
        `INSERT INTO organisations (name, type, region, require_two_factor) VALUES ($1, $2, $3, $4) RETURNING ${ORGANISATION_COLUMNS}`,
        [body.name, body.type, body.region ?? null, body.requireTwoFactor],
      );
      const row = rows[0]!;
      sdb.audit({ action: 'organisation.created', outcome: 'success', targetType: 'organisation', targetId: row.id });
      return c.json(presentOrganisation(sdb.actor, row), 201);
    });
  });

  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const { rows: found } = await sdb.query<TOrganisationRow>(
        `SELECT ${ORGANISATION_COLUMNS} FROM organisations WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const current = found[0];
      if (!current) throw notFound('organisation', id);
      if (id !== sdb.actor.orgId && !sdb.actor.isNetworkAdmin) throw notFound('organisation', id);
      assertCan(sdb.actor, 'organisation.update', { type: 'organisation', id });
      if (current.version !== body.version) throw conflict();
      if (body.name && body.name.toLowerCase() !== current.name.toLowerCase()) {
        const { rows: clash } = await sdb.query('SELECT 1 FROM organisations WHERE lower(name) = lower($1)', [body.name]);
        if (clash[0]) throw new HttpError(409, 'error.conflict');
      }
      const { rows } = await sdb.query<TOrganisationRow>(
        `UPDATE organisations SET name = coalesce($2, name),
                region = CASE WHEN $3 THEN $4 ELSE region END,
                require_two_factor = coalesce($5, require_two_factor),
                updated_at = now(), version = version + 1
          WHERE id = $1 RETURNING ${ORGANISATION_COLUMNS}`,
        [id, body.name ?? null, body.region !== undefined, body.region ?? null, body.requireTwoFactor ?? null],
      );
      const fields = Object.keys(body).filter((k) => k !== 'version');
      sdb.audit({ action: 'organisation.updated', outcome: 'success', targetType: 'organisation', targetId: id, details: { fields } });
      return c.json(presentOrganisation(sdb.actor, rows[0]!), 200);
    });
  });
}
