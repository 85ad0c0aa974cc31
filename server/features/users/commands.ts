import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { generateTemporaryPassword, hashPassword } from '../../auth/passwords';
import { deleteUserSessions } from '../../auth/sessions';
import { scoped } from '../../http/context';
import { getScopedUser } from './present-user';
import { resetPasswordRoute, resetTwoFactorRoute, unlockUserRoute } from './routes';

// What an administrator does for a user who cannot sign in: forgotten password, lost phone, lock-out.
// Each is one transaction with its audit row; the first two also end the user's sessions.

export function registerUserCommands(app: TApp): void {
  app.openapi(resetPasswordRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      await getScopedUser(sdb, id, true);
      assertCan(sdb.actor, 'user.resetPassword', { type: 'user', id });
      const temporaryPassword = generateTemporaryPassword();
      await sdb.query(
        `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
                updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id, await hashPassword(temporaryPassword)],
      );
      await deleteUserSessions(sdb, id);
      sdb.audit({ action: 'password.reset', outcome: 'success', targetType: 'user', targetId: id });
      return c.json({ temporaryPassword }, 200);
    });
  });

  app.openapi(resetTwoFactorRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      await getScopedUser(sdb, id, true);
      assertCan(sdb.actor, 'user.resetTwoFactor', { type: 'user', id });
      await sdb.query(
        `UPDATE users SET totp_secret_sealed = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
                updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id],
      );
      await sdb.query('SELECT senim_clear_recovery_codes($1)', [id]);
      await deleteUserSessions(sdb, id);
      sdb.audit({ action: 'twoFactor.reset', outcome: 'success', targetType: 'user', targetId: id });
      return c.body(null, 204);
    });
  });

  app.openapi(unlockUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    return scoped(c, async (sdb) => {
      await getScopedUser(sdb, id, true);
      assertCan(sdb.actor, 'user.update', { type: 'user', id });
      await sdb.query(
        `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now(), version = version + 1 WHERE id = $1`,
        [id],
      );
      sdb.audit({
        action: 'user.updated',
        outcome: 'success',
        targetType: 'user',
        targetId: id,
        details: { fields: ['lockedUntil'], unlocked: true },
      });
      return c.body(null, 204);
    });
  });
}
