import { createRoute, z } from '@hono/zod-openapi';
import { LIMITS } from '../../../shared/limits';
import { ZChangePasswordRequest, ZConfirmTwoFactorRequest, ZUpdateMeRequest } from '../../../shared/schemas/auth';
import type { TApp } from '../../app';
import { hashPassword, isAcceptablePassword, verifyPassword } from '../../auth/passwords';
import { advanceSession, type TSessionRow } from '../../auth/sessions';
import { checkTotp, generateRecoveryCodes, hashRecoveryCode, newTotpSecret, totpEnrolment } from '../../auth/totp';
import { appendAudit } from '../../audit/audit';
import { auditOutsideRequest, originOf, type TCtx } from '../../http/context';
import { HttpError } from '../../http/errors';
import { errors, jsonBody } from '../../http/openapi';
import { getAuthUser, presentSession, ZSessionResponse } from '../session/present-session';

const setupRoute = createRoute({
  method: 'post', path: '/api/v1/me/two-factor/setup', tags: ['me'], summary: 'Start two-factor enrolment (QR code)',
  responses: {
    200: { description: 'a new secret, not active until confirmed', content: { 'application/json': { schema: z.object({ otpauthUrl: z.string(), secret: z.string(), qrSvg: z.string() }) } } },
    ...errors(401, 403, 409),
  },
});
const confirmRoute = createRoute({
  method: 'post', path: '/api/v1/me/two-factor/confirm', tags: ['me'], summary: 'Confirm enrolment with a first code',
  request: { body: jsonBody(ZConfirmTwoFactorRequest) },
  responses: {
    200: { description: 'enabled; recovery codes shown once', content: { 'application/json': { schema: z.object({ recoveryCodes: z.array(z.string()), session: ZSessionResponse }) } } },
    ...errors(400, 401, 403, 409),
  },
});
const passwordRoute = createRoute({
  method: 'post', path: '/api/v1/me/password', tags: ['me'], summary: 'Change my password',
  request: { body: jsonBody(ZChangePasswordRequest) },
  responses: { 204: { description: 'changed' }, ...errors(400, 401, 403) },
});
const updateMeRoute = createRoute({
  method: 'patch', path: '/api/v1/me', tags: ['me'], summary: 'My preferences (language)',
  request: { body: jsonBody(ZUpdateMeRequest) },
  responses: { 200: { description: 'the session', content: { 'application/json': { schema: ZSessionResponse } } }, ...errors(400, 401, 403) },
});

/** Two-factor enrolment is allowed while enrolling and, for users without it, when fully signed in. */
function requireEnrolling(c: TCtx): TSessionRow {
  const session = c.var.session;
  if (!session) throw new HttpError(401, 'error.unauthenticated');
  if (session.stage !== 'enrol' && session.stage !== 'full') throw new HttpError(403, 'error.forbidden');
  return session;
}

function requireFull(c: TCtx): TSessionRow {
  const session = c.var.session;
  if (!session) throw new HttpError(401, 'error.unauthenticated');
  if (session.stage !== 'full') throw new HttpError(403, 'error.forbidden');
  return session;
}

export function registerMe(app: TApp): void {
  app.openapi(setupRoute, async (c) => {
    const session = requireEnrolling(c);
    const deps = c.var.deps;
    const user = await getAuthUser(deps.systemDb, session.user_id);
    if (user.totp_enabled_at) throw new HttpError(409, 'error.twoFactorAlreadyEnabled');
    const secret = newTotpSecret();
    await deps.systemDb.query(
      'UPDATE users SET totp_secret_sealed = $2, totp_last_step = NULL WHERE id = $1 AND totp_enabled_at IS NULL',
      [user.id, deps.sealer.seal(secret, 'users.totp_secret')],
    );
    return c.json(await totpEnrolment(secret, user.email), 200);
  });

  app.openapi(confirmRoute, async (c) => {
    const session = requireEnrolling(c);
    const { code } = c.req.valid('json');
    const deps = c.var.deps;
    const user = await getAuthUser(deps.systemDb, session.user_id);
    if (user.totp_enabled_at) throw new HttpError(409, 'error.twoFactorAlreadyEnabled');
    if (!user.totp_secret_sealed) throw new HttpError(400, 'error.invalidTotp');
    const step = checkTotp(deps.sealer.open(user.totp_secret_sealed, 'users.totp_secret'), code, null);
    const target = { targetType: 'user', targetId: user.id };
    if (step === null) {
      await auditOutsideRequest(c, [{ action: 'twoFactor.failed', outcome: 'failure', ...target, details: { during: 'enrolment' } }]);
      throw new HttpError(400, 'error.invalidTotp');
    }
    const codes = generateRecoveryCodes(LIMITS.recoveryCodes);
    await deps.systemDb.transaction(async (tx) => {
      await tx.query(
        'UPDATE users SET totp_enabled_at = now(), totp_last_step = $2, updated_at = now(), version = version + 1 WHERE id = $1',
        [user.id, step],
      );
      await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [user.id]);
      for (const rc of codes) {
        await tx.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [user.id, hashRecoveryCode(rc)]);
      }
      await advanceSession(tx, session.id_hash, 'full');
      await appendAudit(tx, deps.keyring.auditKey, originOf(c), [{ action: 'twoFactor.enrolled', outcome: 'success', ...target }]);
    });
    const fresh = await getAuthUser(deps.systemDb, user.id);
    return c.json({ recoveryCodes: codes, session: presentSession(deps, fresh, 'full', session.csrf_token) }, 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const session = requireFull(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const deps = c.var.deps;
    const user = await getAuthUser(deps.systemDb, session.user_id);
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      await auditOutsideRequest(c, [{ action: 'password.changed', outcome: 'failure', targetType: 'user', targetId: user.id, details: { reason: 'currentPassword' } }]);
      throw new HttpError(403, 'error.invalidCredentials');
    }
    if (!isAcceptablePassword(newPassword, user.email) || newPassword === currentPassword) {
      throw new HttpError(400, 'error.passwordTooWeak', { min: LIMITS.passwordMin });
    }
    const hash = await hashPassword(newPassword);
    await deps.systemDb.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1', [user.id, hash]);
      // Other sessions of this user end; this one stays.
      await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2', [user.id, session.id_hash]);
      await appendAudit(tx, deps.keyring.auditKey, originOf(c), [{ action: 'password.changed', outcome: 'success', targetType: 'user', targetId: user.id }]);
    });
    return c.body(null, 204);
  });

  app.openapi(updateMeRoute, async (c) => {
    const session = requireFull(c);
    const { locale } = c.req.valid('json');
    const deps = c.var.deps;
    await deps.systemDb.transaction(async (tx) => {
      await tx.query('UPDATE users SET locale = $2, updated_at = now() WHERE id = $1', [session.user_id, locale]);
      await appendAudit(tx, deps.keyring.auditKey, originOf(c), [
        { action: 'user.updated', outcome: 'success', targetType: 'user', targetId: session.user_id, details: { fields: ['locale'] } },
      ]);
    });
    const user = await getAuthUser(deps.systemDb, session.user_id);
    return c.json(presentSession(deps, user, 'full', session.csrf_token), 200);
  });
}
