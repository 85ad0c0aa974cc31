import type { TStaffLocale } from '../../../shared/locales';
import type { TRole } from '../../../shared/roles';
import { hashPassword } from '../../auth/passwords';
import type { Sealer } from '../../crypto/seal';
import type { Queryable } from '../../db/types';

export type TNewUser = {
  orgId: string;
  email: string;
  fullName: string;
  roles: readonly TRole[];
  locale: TStaffLocale;
  password: string;
  mustChangePassword: boolean;
  isDemo?: boolean;
};

/** The one place a user row is written: the API, the CLI, the demo seed and test factories call it. */
export async function insertUser(db: Queryable, sealer: Sealer, u: TNewUser): Promise<{ id: string }> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (org_id, email, full_name_sealed, password_hash, roles, locale, must_change_password, is_demo)
     VALUES ($1, lower($2), $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      u.orgId,
      u.email,
      sealer.seal(u.fullName, 'users.full_name'),
      await hashPassword(u.password),
      u.roles,
      u.locale,
      u.mustChangePassword,
      u.isDemo ?? false,
    ],
  );
  return rows[0]!;
}
