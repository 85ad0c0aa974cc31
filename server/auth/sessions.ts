import crypto from 'node:crypto';
import { LIMITS } from '../../shared/limits';
import type { TRole } from '../../shared/roles';
import type { TSessionStage } from '../../shared/schemas/auth';
import type { TStaffLocale } from '../../shared/locales';
import type { Queryable } from '../db/types';

// Server-side sessions. The cookie carries 32 random bytes; the table keeps their SHA-256 only, so a
// stolen database copy cannot be replayed as cookies.

export const SESSION_COOKIE = 'senim_session';
const PENDING_MINUTES = 10; // a session waiting for a second factor or a new password

export type TSessionRow = {
  id_hash: Uint8Array;
  user_id: string;
  org_id: string;
  stage: TSessionStage;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  roles: TRole[];
  locale: TStaffLocale;
  email: string;
  is_active: boolean;
  is_network_coordinator: boolean;
};

export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

export async function createSession(
  db: Queryable,
  userId: string,
  stage: TSessionStage,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(
    Date.now() + (stage === 'full' ? LIMITS.sessionAbsoluteHours * 3600_000 : PENDING_MINUTES * 60_000),
  );
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, stage, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [hashToken(token), userId, stage, csrfToken, expiresAt, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
  );
  return { token, csrfToken, expiresAt };
}

export type TSessionLookup =
  | { kind: 'none' }
  | { kind: 'expired'; row: TSessionRow }
  | { kind: 'valid'; row: TSessionRow };

/** Finds the session of a cookie token; expired ones (idle or absolute) are deleted. */
export async function lookupSession(db: Queryable, token: string): Promise<TSessionLookup> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'none' };
  const idHash = hashToken(token);
  const { rows } = await db.query<TSessionRow>(
    `SELECT s.id_hash, s.user_id, u.org_id, s.stage, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
            u.roles, u.locale, u.email, u.is_active AND o.is_active AS is_active, o.is_network_coordinator
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.org_id
      WHERE s.id_hash = $1`,
    [idHash],
  );
  const row = rows[0];
  if (!row) return { kind: 'none' };
  const now = Date.now();
  const idleLimit = now - LIMITS.sessionIdleMinutes * 60_000;
  if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() <= idleLimit || !row.is_active) {
    await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    return { kind: 'expired', row };
  }
  // Touch at most once a minute: the idle timeout needs no more precision, and reads stay reads.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
  }
  return { kind: 'valid', row };
}

/** Moves a session to its next stage; a session that becomes full gets the full absolute lifetime. */
export async function advanceSession(db: Queryable, idHash: Uint8Array, stage: TSessionStage): Promise<void> {
  await db.query(
    `UPDATE sessions SET stage = $2,
            expires_at = CASE WHEN $2 = 'full' THEN now() + make_interval(hours => $3) ELSE expires_at END
      WHERE id_hash = $1`,
    [idHash, stage, LIMITS.sessionAbsoluteHours],
  );
}

export async function deleteSession(db: Queryable, idHash: Uint8Array): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1)`,
    [LIMITS.sessionIdleMinutes],
  );
  return rowCount;
}
