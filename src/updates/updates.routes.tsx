import type { FastifyInstance } from 'fastify';

/** The information-exchange feed: posts, filters, attachments, Atom. */
export async function updatesRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
