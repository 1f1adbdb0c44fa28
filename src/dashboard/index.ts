import type { FastifyInstance } from 'fastify';
import { dashboardRoutes } from './dashboard.routes.tsx';

/** My dashboard. */
export async function dashboardPlugin(app: FastifyInstance): Promise<void> {
  await dashboardRoutes(app);
}
