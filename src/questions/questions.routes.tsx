import type { FastifyInstance } from 'fastify';

/** Questions to the network: asking, answering once, the comparison table. */
export async function questionsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
