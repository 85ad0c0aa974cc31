import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { generateTemporaryPassword } from '../../auth/passwords';
import { deleteUserSessions } from '../../auth/sessions';
import { scoped } from '../../http/context';
import { conflict, HttpError } from '../../http/errors';
import { registerUserCommands } from './commands';
import { insertUser } from './insert-user';
import { getScopedUser, normaliseRoles, presentUser, USER_COLUMNS, type TUserRow } from './present-user';
import { createUserRoute, getUserRoute, listUsersRoute, updateUserRoute } from './routes';

const emailTaken = (): HttpError =>
  new HttpError(
    409,
    'error.emailTaken',
    {},
    { action: 'user.created', outcome: 'failure', details: { reason: 'emailTaken' } },
  );

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

export function registerUsers(app: TApp): void {
  app.openapi(listUsersRoute, async (c) => {
    const { page, pageSize, q } = c.req.valid('query');
    const needle = q ? q.toLowerCase() : null;
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'user.list');
      // Row-level security limits both queries to the actor's organisation. strpos, not LIKE: the
      // search text is matched literally, so % and _ are not wildcards. Names are sealed: not searched.
      const where = '$1::text IS NULL OR strpos(email, $1) > 0';
      const { rows: counted } = await sdb.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM users WHERE ${where}`,
        [needle],
      );
      const { rows } = await sdb.query<TUserRow>(
        `SELECT ${USER_COLUMNS} FROM users WHERE ${where} ORDER BY email LIMIT $2 OFFSET $3`,
        [needle, pageSize, (page - 1) * pageSize],
      );
      sdb.audit({
        action: 'user.listed',
        outcome: 'success',
        details: { count: rows.length, page, search: needle !== null },
      });
      const sealer = c.var.deps.sealer;
      return c.json(
        { items: rows.map((r) => presentUser(sdb.actor, sealer, r)), total: counted[0]?.total ?? 0 },
        200,
      );
    });
  });

  app.openapi(getUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      const row = await getScopedUser(sdb, id);
      assertCan(sdb.actor, 'user.read', { type: 'user', id });
      sdb.audit({ action: 'user.read', outcome: 'success', targetType: 'user', targetId: id });
      return c.json(presentUser(sdb.actor, c.var.deps.sealer, row), 200);
    });
  });

  app.openapi(createUserRoute, async (c) => {
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'user.create');
      // E-mail addresses are unique across organisations, which this scoped handle cannot see.
      const { rows: taken } = await sdb.query<{ taken: boolean }>('SELECT senim_email_taken($1) AS taken', [
        body.email,
      ]);
      if (taken[0]?.taken) throw emailTaken();
      const temporaryPassword = generateTemporaryPassword();
      const roles = normaliseRoles(body.roles);
      let id: string;
      try {
        ({ id } = await insertUser(sdb, c.var.deps.sealer, {
          orgId: sdb.actor.orgId,
          email: body.email,
          fullName: body.fullName,
          roles,
          locale: body.locale,
          password: temporaryPassword,
          mustChangePassword: true,
        }));
      } catch (err) {
        if (isUniqueViolation(err)) throw emailTaken(); // added by someone else in the meantime
        throw err;
      }
      sdb.audit({
        action: 'user.created',
        outcome: 'success',
        targetType: 'user',
        targetId: id,
        details: { roles },
      });
      const row = await getScopedUser(sdb, id);
      return c.json({ user: presentUser(sdb.actor, c.var.deps.sealer, row), temporaryPassword }, 201);
    });
  });

  app.openapi(updateUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return scoped(c, async (sdb) => {
      const current = await getScopedUser(sdb, id, true);
      assertCan(sdb.actor, 'user.update', { type: 'user', id });
      const roles = body.roles ? normaliseRoles(body.roles) : undefined;
      // An administrator cannot lock themselves out of administration.
      if (id === sdb.actor.userId && ((roles && !roles.includes('admin')) || body.isActive === false)) {
        throw new HttpError(400, 'error.cannotChangeSelf');
      }
      if (current.version !== body.version) throw conflict();
      const sealer = c.var.deps.sealer;
      const { rows } = await sdb.query<TUserRow>(
        `UPDATE users SET full_name_sealed = coalesce($2, full_name_sealed),
                roles = coalesce($3::text[], roles),
                locale = coalesce($4, locale),
                is_active = coalesce($5, is_active),
                updated_at = now(), version = version + 1
          WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [
          id,
          body.fullName === undefined ? null : sealer.seal(body.fullName, 'users.full_name'),
          roles ?? null,
          body.locale ?? null,
          body.isActive ?? null,
        ],
      );
      if (body.isActive === false) await deleteUserSessions(sdb, id);
      const fields = Object.keys(body).filter((k) => k !== 'version');
      sdb.audit({
        action: 'user.updated',
        outcome: 'success',
        targetType: 'user',
        targetId: id,
        details: {
          fields,
          ...(roles ? { roles } : {}),
          ...(body.isActive !== undefined ? { isActive: body.isActive } : {}),
        },
      });
      return c.json(presentUser(sdb.actor, sealer, rows[0]!), 200);
    });
  });

  registerUserCommands(app);
}
