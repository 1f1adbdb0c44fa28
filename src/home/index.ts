import type { FastifyInstance } from 'fastify';
import { homeRoutes } from './home.routes.tsx';

/** The front door: `/` chooses a language; `/{lang}` presents the networks hosted here. */
export async function homePlugin(app: FastifyInstance): Promise<void> {
  await homeRoutes(app);
}
