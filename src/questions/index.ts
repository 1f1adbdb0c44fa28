import type { FastifyInstance } from 'fastify';
import { questionsApiRoutes } from './questions.api.routes.ts';
import { questionsRoutes } from './questions.routes.tsx';

export type { QuestionsTables } from './questions.tables.ts';
export { questionJobs, questionSchedules } from './questions.jobs.ts';
export { questionsAwaitingAnswer, type QuestionSummary } from './questions.queries.ts';

/** Questions to the network and their comparison tables. */
export async function questionsPlugin(app: FastifyInstance): Promise<void> {
  await questionsRoutes(app);
  await questionsApiRoutes(app);
}
