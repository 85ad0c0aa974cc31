/**
 * Letters for partners without Senim, their one-time answer links, notifications and the mail
 * outbox (issue 4).
 *
 * - POST /api/v1/referrals/{id}/letter issues a letter: a new one-time link token and reply code,
 *   shown once (only hashes are stored); reissuing voids the previous link.
 * - GET  /api/v1/referrals/{id}/letter.pdf?d=… the letter as a PDF; `d` is a short-lived download
 *   ticket sealed by the server that carries the link token and the code (never stored in clear).
 * - POST /api/public/referral-answers/view|answer: no session; the token travels in the body (the
 *   answer page reads it from the URL's fragment, which stays out of logs and Referer headers).
 * - Notifications (own only) and the organisation's mail outbox.
 */
import { createMiddleware } from 'hono/factory';
import { createRoute, z } from '@hono/zod-openapi';
import {
  DECLINE_REASONS,
  FINAL_REFERRAL_STATUSES,
  REFERRAL_OUTCOMES,
  ZLinkAnswerView,
  ZNotificationList,
  ZReferralLetterIssued,
  type TReferralStatus,
} from '../../../shared/schemas/referrals';
import { HTCDS_LABELS } from '../../../shared/htcds/labels';
import { LIMITS } from '../../../shared/limits';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { appendAudit } from '../../audit/audit';
import { RateLimiter } from '../../auth/rate-limit';
import type { Queryable } from '../../db/types';
import { originOf, scoped, type TCtx, type TEnv } from '../../http/context';
import { HttpError, notFound } from '../../http/errors';
import { errors, jsonBody, ZIdParam } from '../../http/openapi';
import { addReferralEvent, echoToCases } from '../referrals/store';
import { openSnapshot } from '../referrals/snapshot';
import { answerReferral } from '../referrals/transitions';
import {
  hashReplyCode,
  LINK_DAYS_AFTER_DEADLINE,
  MAX_CODE_FAILURES,
  newLinkToken,
  newReplyCode,
  renderLetterPdf,
  replyCodeMatches,
  tokenHash,
} from './letter';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const DOWNLOAD_CONTEXT = 'referral-letters.download';
/** How long the PDF of a just-issued letter can be downloaded. */
export const DOWNLOAD_MINUTES = 30;
/** Public answer requests per client address per minute. */
export const PUBLIC_RATE_PER_MINUTE = 20;

// ---------------------------------------------------------------------------------------------
// Routes

const ZNotificationListOut = ZNotificationList.extend({}).openapi('NotificationList');
const ZOutboxMail = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .openapi('OutboxMail');
const ZOutbox = z.object({ items: z.array(ZOutboxMail), smtpConfigured: z.boolean() }).openapi('MailOutbox');

const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/notifications',
  tags: ['notifications'],
  summary: 'My notifications (newest first, at most 100) and how many are unread',
  responses: { 200: json(ZNotificationListOut, 'notifications'), ...errors(401, 403) },
});
const readNotificationRoute = createRoute({
  method: 'post',
  path: '/api/v1/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark one of my notifications read',
  request: { params: ZIdParam },
  responses: { 204: { description: 'read' }, ...errors(400, 401, 403, 404) },
});
const readAllRoute = createRoute({
  method: 'post',
  path: '/api/v1/notifications/read-all',
  tags: ['notifications'],
  summary: 'Mark all my notifications read',
  responses: { 200: json(z.object({ read: z.number().int() }), 'how many were marked'), ...errors(401, 403) },
});
const outboxRoute = createRoute({
  method: 'get',
  path: '/api/v1/mail-outbox',
  tags: ['notifications'],
  summary: 'The organisation’s outgoing mail (kept, not sent, while no SMTP server is configured)',
  responses: { 200: json(ZOutbox, 'the latest 100 mails'), ...errors(401, 403) },
});
const issueLetterRoute = createRoute({
  method: 'post',
  path: '/api/v1/referrals/{id}/letter',
  tags: ['referrals'],
  summary: 'Issue the letter of a referral to a partner without Senim: a one-time answer link and a reply code, shown once',
  request: { params: ZIdParam },
  responses: { 200: json(ZReferralLetterIssued.extend({}).openapi('ReferralLetterIssued'), 'issued'), ...errors(401, 403, 404, 409) },
});
const letterPdfRoute = createRoute({
  method: 'get',
  path: '/api/v1/referrals/{id}/letter.pdf',
  tags: ['referrals'],
  summary: 'The letter just issued, as a PDF in the partner’s language (the download ticket comes from issuing)',
  request: { params: ZIdParam, query: z.object({ d: z.string().min(20).max(2000) }) },
  responses: {
    200: { description: 'the letter', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errors(400, 401, 403, 404, 410),
  },
});

const ZToken = z.string().min(20).max(100);
const ZViewBody = z.strictObject({ token: ZToken }).openapi('LinkAnswerViewRequest');
// ZLinkAnswerRequest plus the token, flat (a strict object: an unknown field is named as such).
const ZAnswerBody = z
  .strictObject({
    token: ZToken,
    status: z.enum(['accepted', 'declined', 'completed']),
    code: z.string().trim().min(4).max(20),
    reason: z.enum(DECLINE_REASONS).optional(),
    outcome: z.enum(REFERRAL_OUTCOMES).optional(),
    note: z.string().trim().min(1).max(LIMITS.reasonMax).optional(),
  })
  .refine((b) => b.status !== 'declined' || b.reason !== undefined, { path: ['reason'], message: 'required' })
  .refine((b) => b.status !== 'completed' || b.outcome !== undefined, { path: ['outcome'], message: 'required' })
  .openapi('LinkAnswerBody');
const viewRoute = createRoute({
  method: 'post',
  path: '/api/public/referral-answers/view',
  tags: ['public'],
  summary: 'What a letter’s one-time link answers (no session; no personal data)',
  request: { body: jsonBody(ZViewBody) },
  responses: { 200: json(ZLinkAnswerView.extend({}).openapi('LinkAnswerView'), 'the referral'), ...errors(400, 410, 429) },
});
const answerRoute = createRoute({
  method: 'post',
  path: '/api/public/referral-answers/answer',
  tags: ['public'],
  summary: 'Answer a referral through a letter’s one-time link with its reply code (no session)',
  request: { body: jsonBody(ZAnswerBody) },
  responses: {
    200: json(z.object({ reference: z.string(), status: z.string() }).openapi('LinkAnswerResult'), 'recorded; the link is spent'),
    ...errors(400, 403, 409, 410, 429),
  },
});

// ---------------------------------------------------------------------------------------------

type TLetterRow = {
  id: string;
  reference: string;
  from_org_id: string;
  from_case_id: string;
  to_org_id: string;
  to_case_id: string | null;
  delivery: 'app' | 'letter';
  status: TReferralStatus;
  deadline: string;
  reason: string;
  services: string[];
  urgency: string;
  sent_at: Date;
  letter_token_hash: Uint8Array | null;
  letter_code_hash: Uint8Array | null;
  letter_expires_at: Date | null;
  letter_used_at: Date | null;
  letter_failures: number;
  from_org_name: string | null;
  to_org_name: string | null;
  from_names: Record<string, string> | null;
  to_names: Record<string, string> | null;
  letter_language: string | null;
};

const LETTER_SELECT = `SELECT r.id, r.reference, r.from_org_id, r.from_case_id, r.to_org_id, r.to_case_id, r.delivery, r.status,
    to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.reason, r.services, r.urgency, r.sent_at,
    r.letter_token_hash, r.letter_code_hash, r.letter_expires_at, r.letter_used_at, r.letter_failures,
    fo.name AS from_org_name, tor.name AS to_org_name, fp.names AS from_names, tp.names AS to_names, tp.letter_language
  FROM referrals r
  LEFT JOIN organisations fo ON fo.id = r.from_org_id -- row-level security: a scoped reader sees only its own
  LEFT JOIN organisations tor ON tor.id = r.to_org_id
  LEFT JOIN partner_profiles fp ON fp.org_id = r.from_org_id
  LEFT JOIN partner_profiles tp ON tp.org_id = r.to_org_id`;

const nameIn = (names: Record<string, string> | null, fallback: string | null, locale: string) =>
  names?.[locale] || names?.ru || names?.en || fallback || '—';

type TTicket = { r: string; u: string; t: string; c: string; e: number };

function publicBase(c: TCtx): string {
  const configured = c.var.deps.config.publicUrl;
  return (configured ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

function linkRefused(reason: string, targetId?: string, details: Record<string, unknown> = {}) {
  return {
    action: 'referral.linkRefused' as const,
    outcome: 'denied' as const,
    ...(targetId ? { targetType: 'referral', targetId } : {}),
    details: { reason, ...details },
  };
}

/** Public POSTs must not come from another site (there is no session, hence no CSRF token). */
const sameSite = createMiddleware<TEnv>(async (c, next) => {
  if (c.req.header('sec-fetch-site') === 'cross-site') throw new HttpError(403, 'error.csrf');
  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && new URL(origin).host !== new URL(c.req.url).host) throw new HttpError(403, 'error.csrf');
  await next();
});

export function registerReferralLetters(app: TApp): void {
  // ------------------------------------------------------------------ notifications
  app.openapi(listNotificationsRoute, async (c) => {
    const out = await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'notification.read');
      const { rows } = await sdb.query<{ id: string; kind: string; referral_id: string | null; payload: { reference?: string }; created_at: Date; read_at: Date | null }>(
        `SELECT id, kind, referral_id, payload, created_at, read_at FROM notifications
          WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT 100`,
        [sdb.actor.userId],
      );
      const { rows: u } = await sdb.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [sdb.actor.userId],
      );
      sdb.audit({ action: 'notification.listed', outcome: 'success', targetType: 'user', targetId: sdb.actor.userId, details: { count: rows.length } });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind as z.infer<typeof ZNotificationList>['items'][number]['kind'],
          referralId: r.referral_id,
          reference: r.payload.reference ?? null,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at ? r.read_at.toISOString() : null,
        })),
        unread: u[0]!.n,
      };
    });
    return c.json(out, 200);
  });

  app.openapi(readNotificationRoute, async (c) => {
    const { id } = c.req.valid('param');
    await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'notification.read');
      const { rowCount } = await sdb.query(
        `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
        [id, sdb.actor.userId],
      );
      if (rowCount === 0) throw notFound('notification', id);
    });
    return c.body(null, 204);
  });

  app.openapi(readAllRoute, async (c) => {
    const read = await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'notification.read');
      const { rowCount } = await sdb.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [sdb.actor.userId]);
      return rowCount;
    });
    return c.json({ read }, 200);
  });

  // ------------------------------------------------------------------ the mail outbox
  app.openapi(outboxRoute, async (c) => {
    const items = await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'mail.outbox');
      const { rows } = await sdb.query<{ id: string; to_address: string; subject: string; body_text: string; created_at: Date; sent_at: Date | null; attempts: number; last_error: string | null }>(
        `SELECT id, to_address, subject, body_text, created_at, sent_at, attempts, last_error FROM mail_outbox
          WHERE org_id = $1 ORDER BY created_at DESC, id LIMIT 100`,
        [sdb.actor.orgId],
      );
      sdb.audit({ action: 'mail.outboxRead', outcome: 'success', targetType: 'organisation', targetId: sdb.actor.orgId, details: { count: rows.length } });
      return rows.map((m) => ({
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        body: m.body_text,
        createdAt: m.created_at.toISOString(),
        sentAt: m.sent_at ? m.sent_at.toISOString() : null,
        attempts: m.attempts,
        lastError: m.last_error,
      }));
    });
    return c.json({ items, smtpConfigured: c.var.deps.config.smtpUrl !== null }, 200);
  });

  // ------------------------------------------------------------------ issuing a letter
  app.openapi(issueLetterRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { sealer } = c.var.deps;
    const out = await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'referral.create', { type: 'referral', id });
      const { rows } = await sdb.query<TLetterRow>(`${LETTER_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
      const r = rows[0];
      // The receiver (and everyone else) has no letter to issue: as if it were not there.
      if (!r || r.from_org_id !== sdb.actor.orgId) throw notFound('referral', id);
      if (r.delivery !== 'letter') {
        throw new HttpError(409, 'error.referralNotLetter', {}, {
          action: 'referral.letterIssued', outcome: 'failure', targetType: 'referral', targetId: id, details: { reason: 'partnerUsesSenim' },
        });
      }
      if (FINAL_REFERRAL_STATUSES.includes(r.status)) {
        throw new HttpError(409, 'error.referralNotAnswerable', {}, {
          action: 'referral.letterIssued', outcome: 'failure', targetType: 'referral', targetId: id, details: { reason: 'final', status: r.status },
        });
      }
      const token = newLinkToken();
      const code = newReplyCode();
      const { rows: upd } = await sdb.query<{ letter_expires_at: Date }>(
        `UPDATE referrals SET letter_token_hash = $2, letter_code_hash = $3, letter_used_at = NULL, letter_failures = 0,
                letter_expires_at = ((greatest(deadline, (now() AT TIME ZONE 'UTC')::date) + $4::int + 1)::timestamp - interval '5 hours') AT TIME ZONE 'UTC',
                updated_at = now(), version = version + 1
          WHERE id = $1 RETURNING letter_expires_at`,
        [id, tokenHash(token), hashReplyCode(code), LINK_DAYS_AFTER_DEADLINE],
      );
      const expiresAt = upd[0]!.letter_expires_at;
      const reissue = r.letter_token_hash !== null;
      await addReferralEvent(sdb, sealer, {
        referralId: id,
        kind: 'letterIssued',
        actorOrgId: sdb.actor.orgId,
        actorUserId: sdb.actor.userId,
        payload: { expiresAt: expiresAt.toISOString(), reissue },
      });
      await echoToCases(sdb, r, 'referralLetterIssued', { expiresAt: expiresAt.toISOString(), reissue }, { orgId: sdb.actor.orgId, userId: sdb.actor.userId }, ['sender']);
      sdb.audit({ action: 'referral.letterIssued', outcome: 'success', targetType: 'referral', targetId: id, details: { reissue, expiresAt: expiresAt.toISOString() } });
      const ticket: TTicket = { r: id, u: sdb.actor.userId, t: token, c: code, e: Date.now() + DOWNLOAD_MINUTES * 60_000 };
      const d = Buffer.from(sealer.seal(JSON.stringify(ticket), DOWNLOAD_CONTEXT)).toString('base64url');
      return {
        reference: r.reference,
        link: `${publicBase(c)}/answer#${token}`,
        replyCode: code,
        expiresAt: expiresAt.toISOString(),
        pdfUrl: `/api/v1/referrals/${id}/letter.pdf?d=${d}`,
      };
    });
    c.header('Cache-Control', 'no-store');
    return c.json(out, 200);
  });

  app.openapi(letterPdfRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { d } = c.req.valid('query');
    const { sealer } = c.var.deps;
    const { pdf, reference } = await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'referral.create', { type: 'referral', id });
      const { rows } = await sdb.query<TLetterRow & { snapshot_sealed: Uint8Array }>(
        `${LETTER_SELECT.replace('SELECT r.id,', 'SELECT r.snapshot_sealed, r.id,')} WHERE r.id = $1`,
        [id],
      );
      const r = rows[0];
      if (!r || r.from_org_id !== sdb.actor.orgId) throw notFound('referral', id);
      const expired = new HttpError(410, 'error.letterDownloadExpired', {}, {
        action: 'referral.letterRead', outcome: 'failure', targetType: 'referral', targetId: id, details: { reason: 'ticket' },
      });
      let ticket: TTicket;
      try {
        ticket = JSON.parse(sealer.open(Buffer.from(d, 'base64url'), DOWNLOAD_CONTEXT)) as TTicket;
      } catch {
        throw expired;
      }
      const current = r.letter_token_hash && Buffer.from(r.letter_token_hash).equals(tokenHash(ticket.t));
      if (ticket.r !== id || ticket.u !== sdb.actor.userId || ticket.e < Date.now() || !current) throw expired;
      const locale = r.letter_language === 'kk' ? 'kk' : 'ru';
      const reasonLabels = HTCDS_LABELS[locale].reasonForReferral as Record<string, string>;
      const pdfBuf = await renderLetterPdf({
        locale,
        reference: r.reference,
        fromName: nameIn(r.from_names, r.from_org_name, locale),
        toName: nameIn(r.to_names, r.to_org_name, locale),
        sentAt: r.sent_at,
        deadline: r.deadline,
        reason: reasonLabels[r.reason] ?? r.reason,
        services: r.services,
        urgency: r.urgency,
        snapshot: openSnapshot(sealer, r.snapshot_sealed),
        link: `${publicBase(c)}/answer#${ticket.t}`,
        code: ticket.c,
        expiresAt: r.letter_expires_at ?? new Date(),
      });
      sdb.audit({ action: 'referral.letterRead', outcome: 'success', targetType: 'referral', targetId: id, details: { format: 'pdf', locale } });
      return { pdf: pdfBuf, reference: r.reference };
    });
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': `attachment; filename="${reference.replace(/[^A-Za-z0-9-]/g, '_')}-letter.pdf"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
  });

  // ------------------------------------------------------------------ the public answer
  const limiter = new RateLimiter(PUBLIC_RATE_PER_MINUTE, 60_000);
  const limited = createMiddleware<TEnv>(async (c, next) => {
    if (!limiter.take(c.var.ip)) throw new HttpError(429, 'error.rateLimited');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    await next();
  });
  app.use('/api/public/referral-answers/*', sameSite, limited);

  /** The referral of a link, locked; or the reason the link cannot be used. */
  async function linkedReferral(q: Queryable, token: string): Promise<TLetterRow> {
    const { rows } = await q.query<TLetterRow>(`${LETTER_SELECT} WHERE r.letter_token_hash = $1 FOR UPDATE OF r`, [tokenHash(token)]);
    const r = rows[0];
    if (!r) throw new HttpError(410, 'error.linkExpired', {}, linkRefused('unknownLink'));
    if (r.letter_used_at) throw new HttpError(410, 'error.linkExpired', {}, linkRefused('spent', r.id));
    if (r.letter_expires_at && r.letter_expires_at.getTime() < Date.now()) throw new HttpError(410, 'error.linkExpired', {}, linkRefused('expired', r.id));
    if (r.letter_failures >= MAX_CODE_FAILURES) throw new HttpError(410, 'error.linkLocked', {}, linkRefused('locked', r.id));
    return r;
  }

  app.openapi(viewRoute, async (c) => {
    const { token } = c.req.valid('json');
    const locale = c.var.locale;
    // No session on the public answer: the owner's connection, like partners/public.ts.
    // eslint-disable-next-line no-restricted-syntax -- public route; the token is the only key
    const view = await c.var.deps.systemDb.transaction(async (tx) => {
      const r = await linkedReferral(tx, token);
      return {
        reference: r.reference,
        fromName: nameIn(r.from_names, r.from_org_name, locale),
        toName: nameIn(r.to_names, r.to_org_name, locale),
        deadline: r.deadline,
        status: r.status,
        answerable: r.status === 'sent' || r.status === 'accepted',
        expiresAt: (r.letter_expires_at ?? new Date()).toISOString(),
      };
    });
    return c.json(view, 200);
  });

  app.openapi(answerRoute, async (c) => {
    const body = c.req.valid('json');
    const { sealer, keyring } = c.var.deps;
    // eslint-disable-next-line no-restricted-syntax -- public route; the token is the only key
    const result = await c.var.deps.systemDb.transaction(async (tx) => {
      const r = await linkedReferral(tx, body.token);
      if (!r.letter_code_hash || !replyCodeMatches(body.code, r.letter_code_hash)) {
        // Counted (and committed) before the refusal is told.
        const { rows } = await tx.query<{ letter_failures: number }>(
          `UPDATE referrals SET letter_failures = letter_failures + 1 WHERE id = $1 RETURNING letter_failures`,
          [r.id],
        );
        const failures = rows[0]!.letter_failures;
        await appendAudit(tx, keyring.auditKey, originOf(c), [linkRefused('wrongCode', r.id, { failures })]);
        return { wrong: true as const, remaining: Math.max(0, MAX_CODE_FAILURES - failures) };
      }
      if (r.status === 'revoked') {
        throw new HttpError(409, 'error.referralRevokedBySender', {}, linkRefused('revoked', r.id));
      }
      const answer =
        body.status === 'declined'
          ? { status: body.status, reason: body.reason, note: body.note }
          : body.status === 'completed'
            ? { status: body.status, outcome: body.outcome, note: body.note }
            : { status: body.status, note: body.note };
      // (the same shape as ZLinkAnswerRequest of shared/schemas/referrals.ts, flattened)
      const res = await answerReferral(tx, { referralId: r.id, answer, via: 'link', actorOrgId: null, actorUserId: null, sealer });
      // One answer per link.
      await tx.query(`UPDATE referrals SET letter_used_at = now() WHERE id = $1`, [r.id]);
      await appendAudit(tx, keyring.auditKey, originOf(c), [
        { action: 'referral.linkAnswered', outcome: 'success', targetType: 'referral', targetId: r.id, details: { status: res.status, answerCode: res.answerCode } },
      ]);
      return { wrong: false as const, reference: res.reference, status: res.status };
    });
    if (result.wrong) throw new HttpError(403, 'error.wrongReplyCode', { remaining: result.remaining });
    return c.json({ reference: result.reference, status: result.status }, 200);
  });
}
