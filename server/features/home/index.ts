import { createRoute, z } from '@hono/zod-openapi';
import { ORGANISATION_TYPES, ROLES, type TOrganisationType } from '../../../shared/roles';
import type { TApp } from '../../app';
import { can } from '../../access/policies';
import { scoped } from '../../http/context';
import { errors } from '../../http/openapi';

const ZHome = z
  .object({
    organisation: z.object({ id: z.string().uuid(), name: z.string(), type: z.enum(ORGANISATION_TYPES) }),
    roles: z.array(z.enum(ROLES)),
    /** only the counts the roles may see: users for user.list, the rest for administrators */
    counts: z.object({
      users: z.number().int().optional(),
      lockedUsers: z.number().int().optional(),
      usersWithoutTwoFactor: z.number().int().optional(),
      deniedLast24h: z.number().int().optional(),
    }),
    /** the sign-in before the current one (null on a first sign-in) */
    lastLoginAt: z.string().nullable(),
  })
  .openapi('Home');
type THome = z.infer<typeof ZHome>;

const homeRoute = createRoute({
  method: 'get',
  path: '/api/v1/home',
  tags: ['home'],
  summary: 'What the home screen shows for my roles',
  responses: {
    200: { description: 'the home screen', content: { 'application/json': { schema: ZHome } } },
    ...errors(401),
  },
});

type TCountsRow = { users: number; locked_users: number; without_two_factor: number };

export function registerHome(app: TApp): void {
  app.openapi(homeRoute, async (c) =>
    scoped(c, async (sdb) => {
      const actor = sdb.actor;
      const { rows: orgs } = await sdb.query<{ id: string; name: string; type: TOrganisationType }>(
        'SELECT id, name, type FROM organisations WHERE id = $1',
        [actor.orgId],
      );
      const org = orgs[0]!; // the session resolver only lets in users of an existing, active organisation
      const counts: THome['counts'] = {};
      if (can(actor, 'user.list')) {
        // Row-level security: the actor's organisation only.
        const { rows } = await sdb.query<TCountsRow>(
          `SELECT count(*)::int AS users,
                  count(*) FILTER (WHERE locked_until > now())::int AS locked_users,
                  count(*) FILTER (WHERE is_active AND totp_enabled_at IS NULL)::int AS without_two_factor
             FROM users`,
        );
        const r = rows[0]!;
        counts.users = r.users;
        if (can(actor, 'user.update')) {
          counts.lockedUsers = r.locked_users;
          counts.usersWithoutTwoFactor = r.without_two_factor;
        }
      }
      if (can(actor, 'audit.read')) {
        const { rows } = await sdb.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log
            WHERE actor_org_id = $1 AND outcome = 'denied' AND at > now() - interval '24 hours'`,
          [actor.orgId],
        );
        counts.deniedLast24h = rows[0]!.n;
      }
      // The previous sign-in, from the user's own audit trail: last_login_at is already this one.
      const { rows: logins } = await sdb.query<{ at: Date }>(
        `SELECT at FROM audit_log
          WHERE target_type = 'user' AND target_id = $1 AND actor_user_id = $2 AND action = 'session.created'
          ORDER BY seq DESC OFFSET 1 LIMIT 1`,
        [actor.userId, actor.userId],
      );
      return c.json(
        {
          organisation: { id: org.id, name: org.name, type: org.type },
          roles: [...actor.roles],
          counts,
          lastLoginAt: logins[0]?.at.toISOString() ?? null,
        },
        200,
      );
    }),
  );
}
