import type { FastifyInstance } from 'fastify';
import { subscriptionsRoutes } from './subscriptions.routes.tsx';

export type { SubscriptionsTables } from './subscriptions.tables.ts';
export { digestJobs, digestSchedules } from './subscriptions.jobs.ts';
/** For the dashboard: the newest items matching a user's subscriptions. */
export { subscriptionNewsFor, type SubscriptionNews } from './subscriptions.news.ts';
/** For list pages (practices, offers, demands, the feed): "Subscribe to this search". */
export { SubscribeForm } from './subscriptions.components.tsx';

/** Subscriptions and email digests. */
export async function subscriptionsPlugin(app: FastifyInstance): Promise<void> {
  await subscriptionsRoutes(app);
}
