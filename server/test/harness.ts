import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, inject } from 'vitest';
import { createApp, type TApp } from '../app';
import { boot } from '../boot';
import { loadConfig } from '../config';
import { parseEnvKey, toKeyring } from '../crypto/keyring';
import { createPgliteDb } from '../db/pglite';
import { createPostgresDb } from '../db/postgres';
import type { Db } from '../db/types';
import type { TDeps } from '../http/context';
import { currentTotp, newTotpSecret } from '../auth/totp';
import type { TRole, TOrganisationType } from '../../shared/roles';
import { insertUser } from '../features/users/insert-user';

export type TTestContext = { deps: TDeps; app: TApp; db: Db };

/** One database per test file: PGlite from the migrated template, or the shared PostgreSQL test database. */
export async function setupTestContext(): Promise<TTestContext> {
  const pgUrl = inject('postgresUrl');
  const db = pgUrl
    ? createPostgresDb(pgUrl, 4)
    : await createPgliteDb({ memory: true, loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
  const keyringFile = parseEnvKey(inject('testKeyring'));
  // Every in-process request comes from one address, so the per-address sign-in limit is lifted;
  // the session tests build an app with a low limit to test it.
  const config = {
    ...loadConfig({ SENIM_DATA_DIR: '/nonexistent', SENIM_LOG_LEVEL: 'silent', SENIM_LOGIN_RATE_PER_MINUTE: '100000' }),
    demo: false,
  };
  const deps = await boot({ config, db, keyring: toKeyring(keyringFile, 'env'), quiet: true });
  const app = createApp(deps);
  afterAll(async () => {
    await db.close();
  });
  return { deps, app, db };
}

export const TEST_PASSWORD = 'correct horse battery staple';
const uniq = () => crypto.randomBytes(5).toString('hex');

export async function buildOrg(
  ctx: TTestContext,
  o: Partial<{ name: string; type: TOrganisationType; requireTwoFactor: boolean; isNetworkCoordinator: boolean }> = {},
) {
  const { rows } = await ctx.db.query<{ id: string; name: string }>(
    `INSERT INTO organisations (name, type, require_two_factor, is_network_coordinator) VALUES ($1, $2, $3, $4) RETURNING id, name`,
    [o.name ?? `Org ${uniq()}`, o.type ?? 'ngo', o.requireTwoFactor ?? false, o.isNetworkCoordinator ?? false],
  );
  return rows[0]!;
}

export type TTestUser = { id: string; orgId: string; email: string; password: string; roles: TRole[]; totpSecret: string | null };

/** A user (and, unless given, an organisation for it). */
export async function buildUser(
  ctx: TTestContext,
  u: Partial<{ orgId: string; roles: TRole[]; email: string; mustChangePassword: boolean; totp: boolean }> = {},
): Promise<TTestUser> {
  const orgId = u.orgId ?? (await buildOrg(ctx)).id;
  const email = u.email ?? `user-${uniq()}@test.senim`;
  const roles = u.roles ?? ['case_worker'];
  const { id } = await insertUser(ctx.db, ctx.deps.sealer, {
    orgId,
    email,
    fullName: 'Test User',
    roles,
    locale: 'en',
    password: TEST_PASSWORD,
    mustChangePassword: u.mustChangePassword ?? false,
  });
  // Administrators must have a second factor outside demo mode: give them one unless told otherwise.
  let totpSecret: string | null = null;
  if (u.totp ?? roles.includes('admin')) {
    totpSecret = newTotpSecret();
    await ctx.db.query(
      `UPDATE users SET totp_secret_sealed = $2, totp_enabled_at = now(), totp_last_step = NULL WHERE id = $1`,
      [id, ctx.deps.sealer.seal(totpSecret, 'users.totp_secret')],
    );
  }
  return { id, orgId, email, password: TEST_PASSWORD, roles, totpSecret };
}

export type TAgent = {
  cookie: string | null;
  csrf: string | null;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
};

/** A client that keeps the session cookie and sends the CSRF token, like the web app does. */
export function agent(app: TApp, locale = 'en'): TAgent {
  const a: TAgent = {
    cookie: null,
    csrf: null,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { 'accept-language': locale, ...headers };
      if (a.cookie) h.cookie = a.cookie;
      if (a.csrf && method !== 'GET') h['x-csrf-token'] = a.csrf;
      if (body !== undefined) h['content-type'] ??= 'application/json';
      const res = await app.request(path, {
        method,
        headers: h,
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const set = res.headers.get('set-cookie');
      if (set) {
        const m = /senim_session=([^;]*)/.exec(set);
        if (m) a.cookie = m[1] ? `senim_session=${m[1]}` : null;
      }
      if (res.headers.get('content-type')?.includes('json')) {
        const clone = res.clone();
        const json = (await clone.json()) as { csrfToken?: string; session?: { csrfToken?: string } };
        const token = json.csrfToken ?? json.session?.csrfToken;
        if (token) a.csrf = token;
      }
      return res;
    },
  };
  return a;
}

/** Signs in (password, then a TOTP code when the user has one) and returns the agent. */
export async function signIn(ctx: TTestContext, user: TTestUser, opts: { locale?: string } = {}) {
  const a = agent(ctx.app, opts.locale);
  const res = await a.request('POST', '/api/v1/session', { email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  if (user.totpSecret) {
    // A fresh user has no used step yet, so the current code is accepted once.
    const r2 = await a.request('POST', '/api/v1/session/totp', { code: currentTotp(user.totpSecret) });
    if (r2.status !== 200) throw new Error(`totp failed: ${r2.status} ${await r2.text()}`);
  }
  return a;
}

export async function auditRows(ctx: TTestContext, where: { action?: string; targetId?: string; actorUserId?: string }) {
  const { rows } = await ctx.db.query<{ action: string; outcome: string; target_id: string | null; details: Record<string, unknown> }>(
    `SELECT action, outcome, target_id, details FROM audit_log
      WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR target_id = $2) AND ($3::uuid IS NULL OR actor_user_id = $3)
      ORDER BY seq`,
    [where.action ?? null, where.targetId ?? null, where.actorUserId ?? null],
  );
  return rows;
}
