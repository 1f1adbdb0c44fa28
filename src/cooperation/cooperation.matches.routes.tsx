import type { FastifyInstance } from 'fastify';

/** The matches of the cooperation exchange: pages and API (being built). */
export async function cooperationMatchesRoutes(_app: FastifyInstance): Promise<void> {}
