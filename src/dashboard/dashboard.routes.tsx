import type { FastifyInstance } from 'fastify';

/** My dashboard: next meetings, action items, my organisation's cooperation, news from subscriptions. */
export async function dashboardRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
