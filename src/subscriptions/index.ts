import type { FastifyInstance } from 'fastify';
import { subscriptionsRoutes } from './subscriptions.routes.tsx';

export type { SubscriptionsTables } from './subscriptions.tables.ts';
export { digestJobs, digestSchedules } from './subscriptions.jobs.ts';

/** Subscriptions and email digests. */
export async function subscriptionsPlugin(app: FastifyInstance): Promise<void> {
  await subscriptionsRoutes(app);
}
