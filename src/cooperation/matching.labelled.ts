import type { LocalizedText } from '../web/language.ts';
import labelled from './matching.labelled.json' with { type: 'json' };
import {
  DEFAULT_WEIGHTS,
  EMPTY_CONTEXT,
  type MatchableItem,
  type MatchingWeights,
  scoreMatch,
} from './matching.score.ts';

/**
 * The labelled set of matching (`matching.labelled.json`): demands of the migration cooperation
 * world, each with candidate offers labelled by hand as relevant or not, and precision@3 over it —
 * for each demand, the share of relevant offers among the three its candidates rank first, as a
 * mean over demands. The test holds a floor under it; `npm run bench -- matching` reports it.
 */

interface LabelledItem {
  id?: string;
  organisation: string;
  language: string;
  title: string;
  description: string;
  kind: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  regions: string[];
  workingLanguages: string[];
  startsOn: string | null;
  endsOn: string | null;
}

interface LabelledDemand extends LabelledItem {
  id: string;
  relevant: string[];
  notRelevant: string[];
}

export interface LabelledSet {
  offers: (MatchableItem & { id: string })[];
  demands: (MatchableItem & { id: string; relevant: string[]; notRelevant: string[] })[];
}

function toMatchable(item: LabelledItem): MatchableItem {
  const text = (value: string): LocalizedText => ({ [item.language]: value });
  return {
    organisationId: item.organisation,
    title: text(item.title),
    description: text(item.description),
    kind: item.kind,
    thematicAreas: item.thematicAreas,
    gcmObjectives: item.gcmObjectives,
    countries: item.countries,
    regions: item.regions,
    workingLanguages: item.workingLanguages,
    startsOn: item.startsOn,
    endsOn: item.endsOn,
  };
}

export function loadLabelledSet(): LabelledSet {
  return {
    offers: (labelled.offers as (LabelledItem & { id: string })[]).map((offer) => ({
      id: offer.id,
      ...toMatchable(offer),
    })),
    demands: (labelled.demands as LabelledDemand[]).map((demand) => ({
      id: demand.id,
      relevant: demand.relevant,
      notRelevant: demand.notRelevant,
      ...toMatchable(demand),
    })),
  };
}

export interface Evaluation {
  pairs: number;
  demands: number;
  precisionAt3: number;
  /** The precision@3 of a perfect ranking of these candidates. */
  ceiling: number;
  /** Per demand: the offers ranked first, and how many of the top three are relevant. */
  perDemand: { demand: string; top: string[]; relevantInTop3: number }[];
}

export function evaluate(set: LabelledSet, weights: MatchingWeights = DEFAULT_WEIGHTS): Evaluation {
  const offers = new Map(set.offers.map((offer) => [offer.id, offer]));
  const perDemand = set.demands.map((demand) => {
    const ranked = [...demand.relevant, ...demand.notRelevant]
      .map((id) => ({ id, score: scoreMatch(demand, offers.get(id)!, EMPTY_CONTEXT, weights).score }))
      // Ties are broken against the labels (not-relevant first), so that a tie never flatters.
      .sort(
        (a, b) =>
          b.score - a.score ||
          Number(demand.relevant.includes(a.id)) - Number(demand.relevant.includes(b.id)),
      );
    const top = ranked.slice(0, 3).map((entry) => entry.id);
    return {
      demand: demand.id,
      top,
      relevantInTop3: top.filter((id) => demand.relevant.includes(id)).length,
    };
  });
  // Each demand has fewer than three relevant offers, so even a perfect ranking scores less than 1:
  // `ceiling` says how much.
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    pairs: set.demands.reduce((sum, d) => sum + d.relevant.length + d.notRelevant.length, 0),
    demands: set.demands.length,
    precisionAt3: mean(perDemand.map((entry) => entry.relevantInTop3 / 3)),
    ceiling: mean(set.demands.map((demand) => Math.min(3, demand.relevant.length) / 3)),
    perDemand,
  };
}
