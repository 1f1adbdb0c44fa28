import type { FastifyInstance } from 'fastify';

export async function practicesWorkflowRoutes(_app: FastifyInstance): Promise<void> {}
