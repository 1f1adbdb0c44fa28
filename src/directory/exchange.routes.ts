import type { FastifyInstance } from 'fastify';

export async function exchangeRoutes(_app: FastifyInstance): Promise<void> {}
