import type { FastifyInstance } from 'fastify';

/** The matching of the cooperation exchange: pages and API (being built). */
export async function cooperationMatchingRoutes(_app: FastifyInstance): Promise<void> {}
