import crypto from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { LIMITS } from '../../shared/limits';
import { pickLocale, STAFF_LOCALES, type TStaffLocale } from '../../shared/locales';
import { buildActor } from '../access/actor';
import { lookupSession, SESSION_COOKIE } from '../auth/sessions';
import { auditOutsideRequest, type TDeps, type TEnv } from './context';
import { HttpError } from './errors';
import { translate } from '../i18n';
import type { TFieldError } from './validation';

export const baseContext = (deps: TDeps) =>
  createMiddleware<TEnv>(async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', crypto.randomUUID());
    let ip = 'unknown';
    try {
      ip = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // in-process test requests have no socket
      ip = '127.0.0.1';
    }
    if (deps.config.trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || ip;
    c.set('ip', ip);
    const explicit = c.req.query('lang');
    c.set(
      'locale',
      explicit && (STAFF_LOCALES as readonly string[]).includes(explicit)
        ? (explicit as TStaffLocale)
        : pickLocale(c.req.header('accept-language')),
    );
    c.set('session', null);
    c.set('actor', null);
    c.header('X-Request-Id', c.var.requestId);
    await next();
  });

const CSP_APP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
// The API reference page (swagger-ui) sets inline styles on its elements.
const CSP_DOCS = CSP_APP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

export const securityHeaders = createMiddleware<TEnv>(async (c, next) => {
  await next();
  const h = c.res.headers;
  // A route may set a stricter policy of its own (downloaded files: `default-src 'none'; sandbox`).
  if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', c.req.path.startsWith('/api/docs') ? CSP_DOCS : CSP_APP);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('X-Frame-Options', 'DENY');
  h.set('Referrer-Policy', 'no-referrer');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Cross-Origin-Resource-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (isSecureRequest(c.req.url, c.var.deps.config.publicUrl)) {
    h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  }
  // The public API (no session, public data) may allow caching: its route sets Cache-Control itself.
  const cacheable = c.req.path.startsWith('/api/public/') && c.res.ok && h.has('Cache-Control');
  if (c.req.path.startsWith('/api/') && !cacheable) h.set('Cache-Control', 'no-store');
});

export function isSecureRequest(url: string, publicUrl: string | undefined): boolean {
  const u = new URL(publicUrl ?? url);
  return u.protocol === 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Every request body is JSON, UTF-8, at most LIMITS.bodyBytes: checked before any handler runs, so a
 * bad body changes nothing. The parsed body stays cached for the route's validator.
 */
/**
 * Routes that take a file instead of JSON: the body is limited and its content type checked here;
 * the handler reads it with `c.req.arrayBuffer()` and checks the content itself.
 */
export const UPLOAD_ROUTES: readonly { method: string; path: RegExp; maxBytes: number; types: RegExp }[] = [
  {
    // a case's attachment: a scanned document or photo
    method: 'POST',
    path: /^\/api\/v1\/cases\/[^/]+\/attachments$/,
    maxBytes: LIMITS.attachmentMaxBytes,
    types: /^(application\/pdf|image\/jpeg|image\/png|image\/webp)\s*(;|$)/i,
  },
  {
    // an HTCDS file to import (administrators)
    method: 'POST',
    path: /^\/api\/v1\/htcds\/import$/,
    maxBytes: LIMITS.htcdsImportMaxBytes,
    types: /^text\/csv\s*(;|$)/i,
  },
];

const uploadRouteOf = (method: string, path: string) => UPLOAD_ROUTES.find((u) => u.method === method && u.path.test(path));

/** The body of an upload route: its type and size (runs after the session and CSRF checks). */
export const uploadGuard = createMiddleware<TEnv>(async (c, next) => {
  const upload = uploadRouteOf(c.req.method, c.req.path);
  if (!upload) return next();
  if (!upload.types.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'error.unsupportedFileType');
  const raw = await readLimited(c.req.raw, upload.maxBytes);
  if (raw === null) throw new HttpError(413, 'error.payloadTooLarge', { limit: upload.maxBytes });
  return next();
});

export const bodyGuard = createMiddleware<TEnv>(async (c, next) => {
  // A NUL character is never valid text here, and PostgreSQL cannot store it in a text column.
  const badParam = Object.entries(c.req.queries()).find(([k, vs]) => k.includes('\0') || vs.some((v) => v.includes('\0')));
  if (badParam) throw nulError(c.var.locale, badParam[0]);
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  // A file upload is checked after sign-in and CSRF (uploadGuard): here only its declared size.
  const upload = uploadRouteOf(c.req.method, c.req.path);
  if (upload) {
    const size = Number(c.req.header('content-length') ?? '0');
    if (size > upload.maxBytes) throw new HttpError(413, 'error.payloadTooLarge', { limit: upload.maxBytes });
    return next();
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > LIMITS.bodyBytes) throw new HttpError(413, 'error.payloadTooLarge', { limit: LIMITS.bodyBytes });
  const raw = await readLimited(c.req.raw, LIMITS.bodyBytes);
  if (raw === null) throw new HttpError(413, 'error.payloadTooLarge', { limit: LIMITS.bodyBytes });
  if (raw.byteLength > 0) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'error.unsupportedMediaType');
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      throw new HttpError(400, 'error.invalidUtf8');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'error.malformedJson');
    }
    const nulAt = text.includes('\\u0000') ? findNul(parsed, '') : null;
    if (nulAt !== null) throw nulError(c.var.locale, nulAt || '(body)');
  }
  await next();
});

/** The path of the first string (or key) holding a NUL character, or null. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (k.includes('\0')) return p;
    const found = findNul(v, p);
    if (found !== null) return found;
  }
  return null;
}

function nulError(locale: TStaffLocale, path: string): HttpError {
  const fields: TFieldError[] = [{ path, message: translate(locale, 'validation.invalid') }];
  const err = new HttpError(400, 'error.validation', { details: `${path}: ${fields[0]!.message}` });
  (err as HttpError & { fields?: TFieldError[] }).fields = fields;
  return err;
}

async function readLimited(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.clone().body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a clone()d (tee'd) body settles only when the other
      // branch is cancelled too, which never happens here, and the request would hang.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const ch of chunks) {
    out.set(ch, off);
    off += ch.byteLength;
  }
  return out;
}

/** Resolves the session cookie into c.var.session and, for a fully signed-in session, c.var.actor. */
export const sessionResolver = createMiddleware<TEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const cache = c.var.deps.sessionCache;
  const isRead = c.req.method === 'GET' || c.req.method === 'HEAD';
  // Any state-changing request may end or change sessions: the cache starts afresh.
  if (!isRead) cache.clear();
  if (token) {
    const cached = isRead ? cache.get(token) : undefined;
    const found = cached ? ({ kind: 'valid', row: cached } as const) : await lookupSession(c.var.deps.systemDb, token);
    if (found.kind === 'valid' && !cached && isRead) cache.set(token, found.row);
    if (found.kind === 'expired') {
      c.set('session', null);
      await auditOutsideRequest(c, [
        { action: 'session.expired', outcome: 'success', targetType: 'user', targetId: found.row.user_id },
      ]);
      throw new HttpError(401, 'error.sessionExpired');
    }
    if (found.kind === 'valid') {
      const row = found.row;
      c.set('session', row);
      if (!c.req.query('lang') && !c.req.header('accept-language')) c.set('locale', row.locale);
      if (row.stage === 'full') {
        c.set(
          'actor',
          buildActor({
            userId: row.user_id,
            orgId: row.org_id,
            roles: row.roles,
            isNetworkAdmin: row.is_network_coordinator && row.roles.includes('admin'),
            locale: row.locale,
            sessionIdHash: row.id_hash,
          }),
        );
      }
    }
  }
  await next();
  if (!isRead) cache.clear();
});

/** The only /api/v1 routes that answer without a session. */
const PUBLIC_ROUTES = new Set(['POST /api/v1/session', 'GET /api/v1/openapi.json']);

/**
 * Fails closed: every other /api/v1 route needs a session (of any stage; routes check the stage), and
 * one without is 401 before its input is even validated. A route added later cannot be public by
 * accident.
 */
export const sessionRequired = createMiddleware<TEnv>(async (c, next) => {
  if (!c.var.session && !PUBLIC_ROUTES.has(`${c.req.method} ${c.req.path}`)) {
    throw new HttpError(401, 'error.unauthenticated');
  }
  await next();
});

/**
 * CSRF: the session cookie is SameSite=Strict, and every state-changing request of a session must
 * also carry the session's token in X-CSRF-Token. Requests without a session (sign-in) must not come
 * from another site.
 */
export const csrfGuard = createMiddleware<TEnv>(async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
  if (c.req.header('sec-fetch-site') === 'cross-site') throw new HttpError(403, 'error.csrf');
  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && new URL(origin).host !== new URL(c.req.url).host) {
    throw new HttpError(403, 'error.csrf');
  }
  const session = c.var.session;
  if (session) {
    const sent = c.req.header('x-csrf-token') ?? '';
    const a = Buffer.from(sent);
    const b = Buffer.from(session.csrf_token);
    if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) throw new HttpError(403, 'error.csrf');
  }
  await next();
});
