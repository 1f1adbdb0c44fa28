import type { FastifyInstance } from 'fastify';
import { practicesApiRoutes } from './practices.api.routes.ts';
import { practicesPageRoutes } from './practices.pages.routes.tsx';
import { practicesFormRoutes } from './practices.form.routes.tsx';
import { practicesWorkflowRoutes } from './practices.workflow.routes.tsx';
import { practicesExchangeRoutes } from './practices.exchange.routes.ts';

export type { PracticesTables } from './practices.tables.ts';

/** Practices: the form, peer review and versions, four languages of content, search, comparison, open data. */
export async function practicesPlugin(app: FastifyInstance): Promise<void> {
  await practicesApiRoutes(app);
  await practicesPageRoutes(app);
  await practicesFormRoutes(app);
  await practicesWorkflowRoutes(app);
  await practicesExchangeRoutes(app);
}

// For the demo loader and the other domains: the practices' public API.
export { checkContent, completenessOf, toContent } from './practices.content.ts';
export { canSubmitFor } from './practices.access.ts';
export type { ActorRole, PracticeContentInput } from './practices.schemas.ts';
export { makePublic } from './practices.commands.ts';
export { reviewerCandidates } from './practices.reviews.ts';
export {
  findPractice,
  findVersion,
  insertEvent as insertPracticeEvent,
  insertPracticeRow,
  insertVersionRow,
  updatePracticeRow,
} from './practices.repository.ts';
// For the digests and the dashboard (subscriptions): a saved search, bounded by publication time.
export { searchPracticeList } from './practices.queries.ts';
export type { PracticeSearchParams } from './practices.schemas.ts';
/** Attachments checked by their content (file-type), used by the other domains' uploads too. */
export {
  checkAttachment,
  contentDisposition,
  formatSize,
  refusalMessage,
  sanitizeFileName,
  uploadBodyLimit,
} from './practices.attachments.ts';
