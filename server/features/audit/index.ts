import { createRoute, z } from '@hono/zod-openapi';
import { AUDIT_OUTCOMES, type TAuditOutcome } from '../../../shared/audit-events';
import { ZAuditQuery } from '../../../shared/schemas/organisations';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import { scoped } from '../../http/context';
import { errors } from '../../http/openapi';

export const ZAuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(AUDIT_OUTCOMES),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const ZAuditPage = z
  .object({ items: z.array(ZAuditEntry), nextBefore: z.number().int().nullable() })
  .openapi('AuditPage');

// An empty filter (`?action=&outcome=`) means "all"; `lang` picks the language of error messages.
const ZAuditListQuery = ZAuditQuery.extend({
  outcome: z.enum([...AUDIT_OUTCOMES, '']).optional(),
  lang: z.string().max(8).optional(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags: ['audit'],
  summary:
    'My organisation’s audit trail, newest first; page with `before` = the previous page’s nextBefore. ' +
    '`action` is one event name, or a prefix ending in a dot ("session.")',
  request: { query: ZAuditListQuery },
  responses: {
    200: { description: 'one page', content: { 'application/json': { schema: ZAuditPage } } },
    ...errors(400, 401, 403),
  },
});

type TAuditRow = {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  outcome: TAuditOutcome;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export function registerAudit(app: TApp): void {
  app.openapi(listRoute, async (c) => {
    const { before, limit, action, outcome } = c.req.valid('query');
    return scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'audit.read');
      // Row-level security shows only entries whose actor belongs to the actor's organisation, and
      // the e-mail of users of that organisation (LEFT JOIN: others stay null).
      const { rows } = await sdb.query<TAuditRow>(
        `SELECT a.seq, a.at, a.actor_user_id, u.email AS actor_email, a.action, a.outcome, a.target_type, a.target_id,
                a.ip, a.details
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
          WHERE a.actor_org_id = $1
            AND ($2::bigint IS NULL OR a.seq < $2)
            AND ($3::text IS NULL OR a.action = $3 OR (right($3, 1) = '.' AND starts_with(a.action, $3)))
            AND ($4::text IS NULL OR a.outcome = $4)
          ORDER BY a.seq DESC
          LIMIT $5`,
        [sdb.actor.orgId, before ?? null, action || null, outcome || null, limit + 1],
      );
      const page = rows.slice(0, limit);
      sdb.audit({
        action: 'audit.listed',
        outcome: 'success',
        details: {
          count: page.length,
          ...(before ? { before } : {}),
          ...(action ? { filterAction: /^[A-Za-z.]+$/.test(action) ? action : '(other)' } : {}),
          ...(outcome ? { filterOutcome: outcome } : {}),
        },
      });
      return c.json(
        {
          items: page.map((r) => ({
            seq: r.seq,
            at: r.at.toISOString(),
            actorUserId: r.actor_user_id,
            actorEmail: r.actor_email,
            action: r.action,
            outcome: r.outcome,
            targetType: r.target_type,
            targetId: r.target_id,
            ip: r.ip,
            details: r.details,
          })),
          nextBefore: rows.length > limit ? page[page.length - 1]!.seq : null,
        },
        200,
      );
    });
  });
}
