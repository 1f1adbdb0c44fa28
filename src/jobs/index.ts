import type { FastifyInstance } from 'fastify';
import { jobsRoutes } from './jobs.routes.tsx';

export type { JobsTables } from './jobs.tables.ts';
export { createQueuedMailer, enqueueMail, enqueueUpkeep, MAIL_JOB } from './jobs.mail.ts';
export {
  announceJob,
  defineJob,
  enqueueJob,
  runDueJobs,
  type EnqueueOptions,
  type JobContext,
  type JobDefinition,
  type JobSchedule,
} from './jobs.ts';

/** The background jobs' admin pages. */
export async function jobsPlugin(app: FastifyInstance): Promise<void> {
  await jobsRoutes(app);
}
