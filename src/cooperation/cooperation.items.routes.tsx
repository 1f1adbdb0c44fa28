import type { FastifyInstance } from 'fastify';

/** The items of the cooperation exchange: pages and API (being built). */
export async function cooperationItemsRoutes(_app: FastifyInstance): Promise<void> {}
