import { z } from '@hono/zod-openapi';
import { STAFF_LOCALES, type TStaffLocale } from '../../../shared/locales';
import { ACTIONS, ROLES, type TAction, type TRole } from '../../../shared/roles';
import type { TActor } from '../../access/actor';
import { permittedActions } from '../../access/policies';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';
import { notFound } from '../../http/errors';

export const ZUser = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    fullName: z.string(),
    roles: z.array(z.enum(ROLES)),
    locale: z.enum(STAFF_LOCALES),
    isActive: z.boolean(),
    twoFactorEnabled: z.boolean(),
    /** set while a lock-out after failed sign-ins is in force */
    lockedUntil: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
    actions: z.array(z.enum(ACTIONS)),
  })
  .openapi('User');
export type TUser = z.infer<typeof ZUser>;

/** The columns a presenter may read: never the password hash or the two-factor secret. */
export type TUserRow = {
  id: string;
  email: string;
  full_name_sealed: Uint8Array;
  roles: TRole[];
  locale: TStaffLocale;
  is_active: boolean;
  two_factor_enabled: boolean;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  version: number;
};

export const USER_COLUMNS = `id, email, full_name_sealed, roles, locale, is_active,
  totp_enabled_at IS NOT NULL AS two_factor_enabled, locked_until, last_login_at, created_at, version`;

/** What an administrator can do with a user record ('user.update' also covers unlocking). */
const RECORD_ACTIONS: readonly TAction[] = [
  'user.read',
  'user.update',
  'user.resetPassword',
  'user.resetTwoFactor',
];

export function presentUser(actor: TActor, sealer: Sealer, row: TUserRow, now = Date.now()): TUser {
  return {
    id: row.id,
    email: row.email,
    fullName: sealer.open(row.full_name_sealed, 'users.full_name'),
    roles: row.roles,
    locale: row.locale,
    isActive: row.is_active,
    twoFactorEnabled: row.two_factor_enabled,
    // A lock-out that has run out is kept until the next sign-in; it is no longer in force.
    lockedUntil: row.locked_until && row.locked_until.getTime() > now ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    actions: permittedActions(actor, RECORD_ACTIONS),
  };
}

/** Roles without repeats, in the order of the role table. */
export function normaliseRoles(roles: readonly TRole[]): TRole[] {
  return ROLES.filter((r) => roles.includes(r));
}

/**
 * One user of the actor's organisation, locked for the rest of the transaction when `forUpdate`.
 * Row-level security hides other organisations' users, so they are "not found" (audited).
 */
export async function getScopedUser(db: Queryable, id: string, forUpdate = false): Promise<TUserRow> {
  const { rows } = await db.query<TUserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('user', id);
  return rows[0];
}
