import type { FastifyInstance } from 'fastify';

export async function practicesFormRoutes(_app: FastifyInstance): Promise<void> {}
