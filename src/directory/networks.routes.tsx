import type { FastifyInstance } from 'fastify';

export async function networksRoutes(_app: FastifyInstance): Promise<void> {}
