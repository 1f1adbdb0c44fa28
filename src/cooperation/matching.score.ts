import { getEntry, m49AreasOf } from '../reference/index.ts';
import type { LocalizedText } from '../web/language.ts';
import type { ExplanationPart } from './cooperation.tables.ts';
import { termsByLanguage, textSimilarity } from './matching.text.ts';

/**
 * The matching score of a demand and an offer: a sum of named components, each a degree of
 * agreement from 0 to 1 times the weight the network's secretariat gives it. Pure: no database,
 * so that ranking a thousand offers is a loop. Each component that scores leaves an
 * `ExplanationPart` whose `values` are enough to say why in words, in any language, later
 * (`explainMatch`): codes rather than labels, the shared terms in the four languages.
 */

export const COMPONENTS = [
  'areas',
  'objectives',
  'geography',
  'language',
  'kind',
  'period',
  'text',
  'history',
] as const;
export type Component = (typeof COMPONENTS)[number];
export type MatchingWeights = Record<Component, number>;

/**
 * Measured on the labelled set (`matching.test.ts`, `npm run bench -- matching`): what the
 * demand is about (areas, text) counts most, then where and in which language the cooperation
 * can happen; the kind of cooperation and the period are often flexible.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchingWeights> = Object.freeze({
  areas: 3,
  objectives: 2,
  geography: 2,
  language: 2,
  kind: 1,
  period: 1,
  text: 4,
  history: 1,
});

export const MAX_WEIGHT = 10;

/** What scoring needs of an item (a `CooperationItem` has all of it). */
export interface MatchableItem {
  organisationId: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  regions: string[];
  workingLanguages: string[];
  startsOn: string | null;
  endsOn: string | null;
}

/** How two organisations cooperated before, by the pair's key (`pairKey`). */
export type EarlierCooperation = ReadonlyMap<string, 'record' | 'agreement'>;

export interface MatchContext {
  earlierCooperation: EarlierCooperation;
}

export const EMPTY_CONTEXT: MatchContext = { earlierCooperation: new Map() };

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface ScoredMatch {
  score: number;
  parts: ExplanationPart[];
}

/** Text similarity reaches its full weight at this cosine: two texts on one subject rarely share more. */
const FULL_TEXT_COSINE = 0.5;
const SHARED_TERMS_SHOWN = 4;

const round = (value: number) => Math.round(value * 100) / 100;

export function scoreMatch(
  demand: MatchableItem,
  offer: MatchableItem,
  context: MatchContext,
  weights: MatchingWeights = DEFAULT_WEIGHTS,
): ScoredMatch {
  const parts: ExplanationPart[] = [];
  const add = (component: Component, degree: number, values: ExplanationPart['values']) => {
    const points = round(weights[component] * degree);
    if (points > 0) parts.push({ component, points, values });
  };

  const areas = shared(demand.thematicAreas, offer.thematicAreas);
  if (areas.length > 0)
    add('areas', areas.length / demand.thematicAreas.length, { count: areas.length, codes: areas.join(',') });

  const objectives = shared(demand.gcmObjectives, offer.gcmObjectives);
  if (objectives.length > 0)
    add('objectives', objectives.length / demand.gcmObjectives.length, {
      count: objectives.length,
      codes: objectives.join(','),
    });

  const geography = coverage(demand, offer);
  if (geography.covered.length > 0)
    add('geography', geography.covered.length / geography.asked, {
      count: geography.covered.length,
      total: geography.asked,
      codes: geography.covered.join(','),
    });

  const languages = shared(demand.workingLanguages, offer.workingLanguages);
  if (languages.length > 0) add('language', 1, { count: languages.length, codes: languages.join(',') });

  if (demand.kind === offer.kind) add('kind', 1, { code: demand.kind });

  const overlap = periodOverlap(demand, offer);
  if (overlap) add('period', 1, overlap);

  if (weights.text > 0) {
    const similarity = textSimilarity(demand, offer);
    if (similarity.cosine > 0)
      add('text', Math.min(1, similarity.cosine / FULL_TEXT_COSINE), {
        percent: Math.round(similarity.cosine * 100),
        ...termsByLanguage(similarity.sharedConcepts, SHARED_TERMS_SHOWN),
      });
  }

  const earlier = context.earlierCooperation.get(pairKey(demand.organisationId, offer.organisationId));
  if (earlier) add('history', 1, { via: earlier });

  return { score: round(parts.reduce((sum, part) => sum + part.points, 0)), parts };
}

/** The highest score possible with these weights (every component in full). */
export function maxScore(weights: MatchingWeights): number {
  return round(COMPONENTS.reduce((sum, component) => sum + weights[component], 0));
}

function shared(asked: readonly string[], offered: readonly string[]): string[] {
  if (asked.length === 0 || offered.length === 0) return [];
  const set = new Set(offered);
  return [...new Set(asked.filter((code) => set.has(code)))];
}

/**
 * The places the demand names (countries and M49 regions) that the offer covers: a country named
 * by the offer, or inside a region it names (Guatemala is inside Central America, Latin America
 * and the Caribbean, the Americas); a region named by the offer or inside one it names.
 */
function coverage(demand: MatchableItem, offer: MatchableItem): { covered: string[]; asked: number } {
  const asked = [...new Set([...demand.countries, ...demand.regions])];
  if (asked.length === 0 || (offer.countries.length === 0 && offer.regions.length === 0))
    return { covered: [], asked: asked.length };
  const countries = new Set(offer.countries);
  const regions = new Set(offer.regions);
  const covered = asked.filter((code) => {
    if (countries.has(code) || regions.has(code)) return true;
    return enclosingAreas(code).some((area) => regions.has(area));
  });
  return { covered, asked: asked.length };
}

const enclosing = new Map<string, string[]>();

/** The M49 areas around a country or a region, nearest first. */
function enclosingAreas(code: string): string[] {
  let areas = enclosing.get(code);
  if (!areas) {
    areas = [];
    const country = m49AreasOf(code);
    if (country) {
      for (const area of [country.intermediateRegion, country.subRegion, country.region])
        if (area) areas.push(area);
    } else {
      let parent = getEntry('regions', code)?.parent;
      while (parent) {
        areas.push(parent);
        parent = getEntry('regions', parent)?.parent;
      }
    }
    enclosing.set(code, areas);
  }
  return areas;
}

/** The common part of two periods (an open end is open); null when they do not meet or neither has dates. */
function periodOverlap(a: MatchableItem, b: MatchableItem): { from: string; to: string } | null {
  const aDated = a.startsOn !== null || a.endsOn !== null;
  const bDated = b.startsOn !== null || b.endsOn !== null;
  if (!aDated || !bDated) return null;
  const starts = [a.startsOn, b.startsOn].filter((date): date is string => date !== null).sort();
  const ends = [a.endsOn, b.endsOn].filter((date): date is string => date !== null).sort();
  const from = starts.at(-1) ?? '';
  const to = ends[0] ?? '';
  if (from !== '' && to !== '' && to < from) return null;
  return { from, to };
}
