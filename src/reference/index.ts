import type { FastifyInstance } from 'fastify';
import { referenceRoutes } from './reference.routes.ts';

export {
  VOCABULARY_NAMES,
  getEntry,
  getVocabulary,
  isCode,
  isVocabularyName,
  labelOf,
  m49AreasOf,
  type Lang,
  type M49Areas,
  type M49Level,
  type ReferenceEntry,
  type VocabularyName,
} from './reference.queries.ts';

/** Reference data: GCM objectives and principles, stakeholder groups, IOM areas, countries… */
export async function referencePlugin(app: FastifyInstance): Promise<void> {
  await referenceRoutes(app);
}
