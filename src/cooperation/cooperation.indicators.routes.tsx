import type { FastifyInstance } from 'fastify';

/** The indicators of the cooperation exchange: pages and API (being built). */
export async function cooperationIndicatorsRoutes(_app: FastifyInstance): Promise<void> {}
