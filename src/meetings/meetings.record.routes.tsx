import type { FastifyInstance } from 'fastify';

/** What a meeting leaves: minutes per language, decisions, action items. */
export async function meetingsRecordRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
