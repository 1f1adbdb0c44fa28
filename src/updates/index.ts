import type { FastifyInstance } from 'fastify';
import { updatesRoutes } from './updates.routes.tsx';

export type { UpdatesTables } from './updates.tables.ts';
export { updatesForDigest, recentUpdatesFor, type DigestUpdate } from './updates.queries.ts';
export { UPDATE_CATEGORIES, categoryLabelKey } from './updates.categories.ts';

/** The information-exchange feed. */
export async function updatesPlugin(app: FastifyInstance): Promise<void> {
  await updatesRoutes(app);
}
