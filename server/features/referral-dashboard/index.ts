/**
 * The referral SLA dashboard of the network's coordinators (issue 4): how many referrals were sent
 * and received, how many are open and overdue, and per receiving organisation its answers,
 * acceptance rate and time to first answer.
 *
 * Supervisors and analysts see their own organisation: the partners it referred to (how they answer
 * it) and itself as a receiver (how it answers others), under row-level security. A network
 * administrator sees the whole network: after the permission check the figures are read with the
 * system connection (row-level security would show only its own organisation's referrals) and hold
 * aggregates only — organisation names, counts, rates, hours; never a case, a person or a note.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ZReferralDashboard } from '../../../shared/schemas/referrals';
import type { TApp } from '../../app';
import { assertCan } from '../../access/policies';
import type { Queryable } from '../../db/types';
import { scoped } from '../../http/context';
import { errors } from '../../http/openapi';
import { dashboardFigures, defaultSince, isValidDay, kzToday } from './figures';

const ZSinceQuery = z.strictObject({
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .refine(isValidDay, 'invalidDate')
    .refine((s) => s >= '2000-01-01', 'tooEarly')
    .optional()
    .openapi({ param: { name: 'since', in: 'query' }, example: '2026-01-01' }),
});

const dashboardRoute = createRoute({
  method: 'get',
  path: '/api/v1/referral-dashboard',
  tags: ['referrals'],
  summary:
    'The SLA view: referrals sent and received, open, overdue, and per partner its answers, acceptance rate and hours to first answer (own organisation; the whole network for network administrators)',
  request: { query: ZSinceQuery },
  responses: {
    200: {
      description: 'aggregates since the given day (default: 12 months ago)',
      content: { 'application/json': { schema: ZReferralDashboard.extend({}).openapi('ReferralDashboard') } },
    },
    ...errors(400, 401, 403),
  },
});

export function registerReferralDashboard(app: TApp): void {
  app.openapi(dashboardRoute, async (c) => {
    const today = kzToday();
    const q = c.req.valid('query');
    // A day after today is no error: it simply finds nothing; the answer names the day used.
    const since = q.since ?? defaultSince(today);
    const organisation = await scoped(c, async (sdb) => {
      assertCan(sdb.actor, 'referral.dashboard');
      const network = sdb.actor.isNetworkAdmin;
      sdb.audit({
        action: 'referral.dashboardRead',
        outcome: 'success',
        targetType: 'organisation',
        targetId: sdb.actor.orgId,
        details: { scope: network ? 'network' : 'organisation', since },
      });
      if (network) return null;
      return dashboardFigures(sdb, { since, today, orgId: sdb.actor.orgId });
    });
    if (organisation) return c.json(organisation, 200);
    // The network's view: aggregates over every organisation's referrals, read after the scoped
    // transaction has committed its audit row (the embedded database runs one at a time).
    // The one unscoped read of this feature: the permission was checked (and audited) above, and
    // dashboardFigures returns aggregates per organisation only (names, counts, rates, hours).
    // eslint-disable-next-line no-restricted-syntax -- the network's view spans every organisation's referrals
    const db: Queryable = c.var.deps.systemDb;
    return c.json(await dashboardFigures(db, { since, today, orgId: null }), 200);
  });
}
