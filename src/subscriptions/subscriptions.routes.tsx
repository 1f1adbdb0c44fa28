import type { FastifyInstance } from 'fastify';

/** Subscriptions, digest settings and one-click unsubscribe. */
export async function subscriptionsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
