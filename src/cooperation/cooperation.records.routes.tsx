import type { FastifyInstance } from 'fastify';

/** The records of the cooperation exchange: pages and API (being built). */
export async function cooperationRecordsRoutes(_app: FastifyInstance): Promise<void> {}
