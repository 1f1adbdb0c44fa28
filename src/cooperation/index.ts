import type { FastifyInstance } from 'fastify';
import { cooperationItemsRoutes } from './cooperation.items.routes.tsx';
import { cooperationMatchingRoutes } from './cooperation.matching.routes.tsx';
import { cooperationMatchesRoutes } from './cooperation.matches.routes.tsx';
import { cooperationRecordsRoutes } from './cooperation.records.routes.tsx';
import { cooperationIndicatorsRoutes } from './cooperation.indicators.routes.tsx';

export type { CooperationTables } from './cooperation.tables.ts';

/** The cooperation exchange: offers and demands, matching, facilitation, cooperation records, indicators. */
export async function cooperationPlugin(app: FastifyInstance): Promise<void> {
  await cooperationItemsRoutes(app);
  await cooperationMatchingRoutes(app);
  await cooperationMatchesRoutes(app);
  await cooperationRecordsRoutes(app);
  await cooperationIndicatorsRoutes(app);
}

// For the digests and the dashboard (subscriptions): new offers and demands the caller may see.
export { newItemsSince } from './cooperation.items.queries.ts';
export type { ItemFilters } from './cooperation.items.schemas.ts';
export { memberNetworkIds } from './cooperation.access.ts';
export { listVisibleItems, type ItemWithNames } from './cooperation.items.queries.ts';
export { listVisibleMatches } from './cooperation.matches.queries.ts';
export type { MatchSummary } from './cooperation.matches.repository.ts';
export { stageLabel } from './cooperation.matches.labels.ts';
