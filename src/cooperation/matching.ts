/**
 * Matching of the cooperation exchange, its public face: the pure score (`scoreMatch`), its
 * explanation in words (`explainMatch`), the ranked candidates of an item (`rankOffersForDemand`,
 * `rankDemandsForOffer`) and each network's weights. The facilitation side stores `scoreMatch`'s
 * result with a match when it is proposed and renders it with `explainMatch`.
 */
export {
  COMPONENTS,
  type Component,
  DEFAULT_WEIGHTS,
  EMPTY_CONTEXT,
  MAX_WEIGHT,
  type MatchableItem,
  type MatchContext,
  type MatchingWeights,
  type ScoredMatch,
  maxScore,
  pairKey,
  scoreMatch,
} from './matching.score.ts';
export { componentName, explainMatch, explainParts, type ExplainedPart } from './matching.explain.ts';
export {
  type Candidate,
  type Ranking,
  earlierCooperationOf,
  rankDemandsForOffer,
  rankOffersForDemand,
} from './matching.rank.ts';
export {
  loadWeights,
  resetMatchingWeights,
  setMatchingWeights,
  validateWeights,
} from './matching.weights.ts';

import type { Executor } from '../db/schema.ts';
import type { CooperationItem } from './cooperation.repository.ts';
import { earlierCooperationOf } from './matching.rank.ts';
import { type ScoredMatch, scoreMatch } from './matching.score.ts';
import { loadWeights } from './matching.weights.ts';

/**
 * The score of one demand and one offer with their network's weights and the organisations'
 * earlier cooperation, as the facilitation side stores it when a match is proposed.
 */
export async function scoreItems(
  db: Executor,
  demand: CooperationItem,
  offer: CooperationItem,
): Promise<ScoredMatch> {
  const [{ weights }, earlierCooperation] = await Promise.all([
    loadWeights(db, demand.networkId),
    earlierCooperationOf(db, demand.organisationId),
  ]);
  return scoreMatch(demand, offer, { earlierCooperation }, weights);
}
