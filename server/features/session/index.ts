import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LIMITS } from '../../../shared/limits';
import { ZLoginRequest, ZNewPasswordRequest, ZTotpRequest } from '../../../shared/schemas/auth';
import type { TApp } from '../../app';
import { hashPassword, isAcceptablePassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords';
import { advanceSession, createSession, deleteSession, SESSION_COOKIE } from '../../auth/sessions';
import { checkTotp, hashRecoveryCode } from '../../auth/totp';
import { appendAudit } from '../../audit/audit';
import { auditOutsideRequest, originOf, type TCtx } from '../../http/context';
import { HttpError } from '../../http/errors';
import { isSecureRequest } from '../../http/middleware';
import { errors, jsonBody } from '../../http/openapi';
import { getAuthUser, nextStage, presentSession, tryGetAuthUserByEmail, ZSessionResponse } from './present-session';

const ok = { 200: { description: 'the session', content: { 'application/json': { schema: ZSessionResponse } } } };

const getSessionRoute = createRoute({
  method: 'get', path: '/api/v1/session', tags: ['session'], summary: 'The current session',
  responses: { ...ok, ...errors(401) },
});
const loginRoute = createRoute({
  method: 'post', path: '/api/v1/session', tags: ['session'], summary: 'Sign in with e-mail and password',
  request: { body: jsonBody(ZLoginRequest) },
  responses: { ...ok, ...errors(400, 401, 403, 423, 429) },
});
const totpRoute = createRoute({
  method: 'post', path: '/api/v1/session/totp', tags: ['session'], summary: 'Second factor: a TOTP or recovery code',
  request: { body: jsonBody(ZTotpRequest) },
  responses: { ...ok, ...errors(400, 401, 403) },
});
const newPasswordRoute = createRoute({
  method: 'post', path: '/api/v1/session/password', tags: ['session'], summary: 'Choose a new password after a reset',
  request: { body: jsonBody(ZNewPasswordRequest) },
  responses: { ...ok, ...errors(400, 401, 403) },
});
const logoutRoute = createRoute({
  method: 'delete', path: '/api/v1/session', tags: ['session'], summary: 'Sign out',
  responses: { 204: { description: 'signed out' }, ...errors(401, 403) },
});

function setSessionCookie(c: TCtx, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: isSecureRequest(c.req.url, c.var.deps.config.publicUrl),
    sameSite: 'Strict',
    path: '/',
    expires: expiresAt,
  });
}

function requireStage(c: TCtx, stage: 'totp' | 'password') {
  const session = c.var.session;
  if (!session) throw new HttpError(401, 'error.unauthenticated');
  if (session.stage !== stage) throw new HttpError(403, 'error.forbidden');
  return session;
}

export function registerSession(app: TApp): void {
  app.openapi(getSessionRoute, async (c) => {
    const session = c.var.session;
    if (!session) throw new HttpError(401, 'error.unauthenticated');
    const user = await getAuthUser(c.var.deps.systemDb, session.user_id);
    return c.json(presentSession(c.var.deps, user, session.stage, session.csrf_token), 200);
  });

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const deps = c.var.deps;
    const db = deps.systemDb;
    if (!deps.loginLimiter.take(c.var.ip)) {
      await auditOutsideRequest(c, [{ action: 'session.loginFailed', outcome: 'denied', details: { reason: 'rateLimited' } }]);
      throw new HttpError(429, 'error.rateLimited');
    }
    const user = await tryGetAuthUserByEmail(db, email);
    if (!user) {
      await verifyAgainstDummy(password);
      await auditOutsideRequest(c, [{ action: 'session.loginFailed', outcome: 'failure', details: { reason: 'unknownUser' } }]);
      throw new HttpError(401, 'error.invalidCredentials');
    }
    const target = { targetType: 'user', targetId: user.id };
    const origin = { ...originOf(c), actorUserId: user.id, actorOrgId: user.org_id };
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
      await db.transaction((tx) =>
        appendAudit(tx, deps.keyring.auditKey, origin, [{ action: 'session.loginFailed', outcome: 'denied', ...target, details: { reason: 'locked' } }]),
      );
      throw new HttpError(423, 'error.lockedOut', { minutes });
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      const locked = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ failed_logins: number; locked_until: Date | null }>(
          // A lock-out that has run out starts a fresh count: one more mistake does not lock again.
          `UPDATE users SET
                  failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
                  locked_until = CASE
                    WHEN locked_until <= now() THEN NULL
                    WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3)
                    ELSE locked_until END
            WHERE id = $1 RETURNING failed_logins, locked_until`,
          [user.id, LIMITS.loginMaxFailures, LIMITS.lockoutMinutes],
        );
        const isLocked = (rows[0]?.failed_logins ?? 0) >= LIMITS.loginMaxFailures;
        await appendAudit(tx, deps.keyring.auditKey, origin, [
          { action: 'session.loginFailed', outcome: 'failure', ...target, details: { reason: 'password', failures: rows[0]?.failed_logins } },
          ...(isLocked ? [{ action: 'session.lockedOut' as const, outcome: 'success' as const, ...target }] : []),
        ]);
        return isLocked;
      });
      if (locked) throw new HttpError(423, 'error.lockedOut', { minutes: LIMITS.lockoutMinutes });
      throw new HttpError(401, 'error.invalidCredentials');
    }
    if (!user.is_active || !user.org_active) {
      await db.transaction((tx) =>
        appendAudit(tx, deps.keyring.auditKey, origin, [{ action: 'session.loginFailed', outcome: 'denied', ...target, details: { reason: 'disabled' } }]),
      );
      throw new HttpError(403, 'error.accountDisabled');
    }
    const stage = nextStage(user, 'password', deps.isDemo());
    const created = await db.transaction(async (tx) => {
      // Rotation: any session this browser had is replaced by a new one.
      if (c.var.session) await deleteSession(tx, c.var.session.id_hash);
      await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1', [user.id]);
      const s = await createSession(tx, user.id, stage, { ip: c.var.ip, userAgent: c.req.header('user-agent') ?? null });
      await appendAudit(tx, deps.keyring.auditKey, origin, [{ action: 'session.created', outcome: 'success', ...target, details: { stage } }]);
      return s;
    });
    setSessionCookie(c, created.token, created.expiresAt);
    return c.json(presentSession(deps, user, stage, created.csrfToken), 200);
  });

  app.openapi(totpRoute, async (c) => {
    const session = requireStage(c, 'totp');
    const { code } = c.req.valid('json');
    const deps = c.var.deps;
    const user = await getAuthUser(deps.systemDb, session.user_id);
    const target = { targetType: 'user', targetId: user.id };
    const isRecovery = code.includes('-');
    const accepted = await deps.systemDb.transaction(async (tx) => {
      if (isRecovery) {
        const { rowCount } = await tx.query(
          `UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
          [user.id, hashRecoveryCode(code)],
        );
        return rowCount === 1;
      }
      const secret = deps.sealer.open(user.totp_secret_sealed!, 'users.totp_secret');
      // Row lock: two requests with the same code cannot both pass the replay check.
      const { rows } = await tx.query<{ totp_last_step: number | null }>(
        'SELECT totp_last_step FROM users WHERE id = $1 FOR UPDATE',
        [user.id],
      );
      const step = checkTotp(secret, code, rows[0]?.totp_last_step ?? null);
      if (step === null) return false;
      await tx.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [user.id, step]);
      return true;
    });
    if (!accepted) {
      await auditOutsideRequest(c, [{ action: 'twoFactor.failed', outcome: 'failure', ...target }]);
      throw new HttpError(403, 'error.invalidTotp');
    }
    const stage = nextStage(user, 'totp', deps.isDemo());
    await deps.systemDb.transaction(async (tx) => {
      await advanceSession(tx, session.id_hash, stage);
      await appendAudit(tx, deps.keyring.auditKey, originOf(c), [
        { action: isRecovery ? 'twoFactor.recoveryUsed' : 'twoFactor.verified', outcome: 'success', ...target },
      ]);
    });
    return c.json(presentSession(deps, user, stage, session.csrf_token), 200);
  });

  app.openapi(newPasswordRoute, async (c) => {
    const session = requireStage(c, 'password');
    const { newPassword } = c.req.valid('json');
    const deps = c.var.deps;
    const user = await getAuthUser(deps.systemDb, session.user_id);
    if (!isAcceptablePassword(newPassword, user.email) || (await verifyPassword(user.password_hash, newPassword))) {
      throw new HttpError(400, 'error.passwordTooWeak', { min: LIMITS.passwordMin });
    }
    const hash = await hashPassword(newPassword);
    const updated = { ...user, must_change_password: false };
    const stage = nextStage(updated, 'newPassword', deps.isDemo());
    await deps.systemDb.transaction(async (tx) => {
      await tx.query(
        'UPDATE users SET password_hash = $2, must_change_password = false, updated_at = now(), version = version + 1 WHERE id = $1',
        [user.id, hash],
      );
      await advanceSession(tx, session.id_hash, stage);
      await appendAudit(tx, deps.keyring.auditKey, originOf(c), [
        { action: 'password.changed', outcome: 'success', targetType: 'user', targetId: user.id },
      ]);
    });
    return c.json(presentSession(deps, updated, stage, session.csrf_token), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const session = c.var.session;
    if (!session) throw new HttpError(401, 'error.unauthenticated');
    const deps = c.var.deps;
    await deps.systemDb.transaction(async (tx) => {
      await deleteSession(tx, session.id_hash);
      await appendAudit(tx, deps.keyring.auditKey, originOf(c), [
        { action: 'session.ended', outcome: 'success', targetType: 'user', targetId: session.user_id },
      ]);
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
}
