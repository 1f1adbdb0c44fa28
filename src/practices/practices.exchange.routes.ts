import type { FastifyInstance } from 'fastify';

export async function practicesExchangeRoutes(_app: FastifyInstance): Promise<void> {}
