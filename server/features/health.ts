import { createRoute, z } from '@hono/zod-openapi';
import type { TApp } from '../app';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: {
    200: {
      description: 'healthy',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.literal('ok') }) } },
    },
    503: {
      description: 'database unreachable',
      content: { 'application/json': { schema: z.object({ status: z.literal('error'), database: z.literal('unreachable') }) } },
    },
  },
});

export function registerHealth(app: TApp): void {
  app.openapi(route, async (c) => {
    try {
      await c.var.deps.systemDb.query('SELECT 1');
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    } catch {
      return c.json({ status: 'error' as const, database: 'unreachable' as const }, 503);
    }
  });
}
