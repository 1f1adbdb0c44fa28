import type { FastifyInstance } from 'fastify';

/** Admin pages of the background jobs: failed jobs, and retrying them. */
export async function jobsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
