import type { FastifyInstance } from 'fastify';

export async function practicesPageRoutes(_app: FastifyInstance): Promise<void> {}
