import { z } from '@hono/zod-openapi';
import { ACTIONS, actionsForRoles, ROLES, type TRole } from '../../../shared/roles';
import { SESSION_STAGES, type TSessionStage } from '../../../shared/schemas/auth';
import { STAFF_LOCALES, type TStaffLocale } from '../../../shared/locales';
import type { Queryable } from '../../db/types';
import type { TDeps } from '../../http/context';

export const ZSessionResponse = z
  .object({
    stage: z.enum(SESSION_STAGES),
    csrfToken: z.string(),
    user: z.object({
      id: z.string().uuid(),
      email: z.string(),
      fullName: z.string(),
      roles: z.array(z.enum(ROLES)),
      locale: z.enum(STAFF_LOCALES),
      orgId: z.string().uuid(),
      orgName: z.string(),
      twoFactorEnabled: z.boolean(),
    }),
    actions: z.array(z.enum(ACTIONS)),
    demo: z.boolean(),
  })
  .openapi('Session');
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export type TAuthUserRow = {
  id: string;
  org_id: string;
  email: string;
  full_name_sealed: Uint8Array;
  password_hash: string;
  roles: TRole[];
  locale: TStaffLocale;
  is_active: boolean;
  must_change_password: boolean;
  totp_secret_sealed: Uint8Array | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: Date | null;
  org_name: string;
  org_active: boolean;
  require_two_factor: boolean;
  is_network_coordinator: boolean;
};

const SELECT_AUTH_USER = `SELECT u.*, o.name AS org_name, o.is_active AS org_active, o.require_two_factor,
       o.is_network_coordinator
  FROM users u JOIN organisations o ON o.id = u.org_id`;

export async function tryGetAuthUserByEmail(db: Queryable, email: string): Promise<TAuthUserRow | undefined> {
  const { rows } = await db.query<TAuthUserRow>(`${SELECT_AUTH_USER} WHERE lower(u.email) = lower($1)`, [email]);
  return rows[0];
}

export async function getAuthUser(db: Queryable, userId: string): Promise<TAuthUserRow> {
  const { rows } = await db.query<TAuthUserRow>(`${SELECT_AUTH_USER} WHERE u.id = $1`, [userId]);
  if (!rows[0]) throw new Error('session user vanished');
  return rows[0];
}

/** Whether this user must have a second factor: organisation policy, and always for administrators outside demo mode. */
export function needsTwoFactor(user: TAuthUserRow, isDemo: boolean): boolean {
  return user.require_two_factor || (user.roles.includes('admin') && !isDemo);
}

/** The stage that follows a completed step; the order is: code → new password → enrolment → full. */
export function nextStage(user: TAuthUserRow, after: 'password' | 'totp' | 'newPassword' | 'enrolled', isDemo: boolean): TSessionStage {
  if (after === 'password' && user.totp_enabled_at) return 'totp';
  if ((after === 'password' || after === 'totp') && user.must_change_password) return 'password';
  if (after !== 'enrolled' && !user.totp_enabled_at && needsTwoFactor(user, isDemo)) return 'enrol';
  return 'full';
}

export function presentSession(deps: TDeps, user: TAuthUserRow, stage: TSessionStage, csrfToken: string): TSessionResponse {
  const isNetworkAdmin = user.is_network_coordinator && user.roles.includes('admin');
  return {
    stage,
    csrfToken,
    user: {
      id: user.id,
      email: user.email,
      fullName: deps.sealer.open(user.full_name_sealed, 'users.full_name'),
      roles: user.roles,
      locale: user.locale,
      orgId: user.org_id,
      orgName: user.org_name,
      twoFactorEnabled: user.totp_enabled_at !== null,
    },
    actions: stage === 'full' ? actionsForRoles(user.roles, isNetworkAdmin) : [],
    demo: deps.isDemo(),
  };
}
