import { conceptTerm, conceptsOfText } from '../practices/practices.thesaurus.ts';
import { LANGUAGES, type Lang, type LocalizedText } from '../web/language.ts';

/**
 * Text similarity across languages for matching: each item's title and description, in every
 * language it has, become a bag of units — thesaurus concepts (the same unit for "trata de
 * personas", "human trafficking" and "traite des êtres humains") and the other content words —
 * and two items are compared by the cosine of their bags. Concepts weigh more than words (they
 * are what crosses languages and names the subject); the title weighs more than the description.
 */

const TITLE_WEIGHT = 2;
const CONCEPT_WEIGHT = 2;
const WORD_WEIGHT = 1;
/** The words of a description read at most: a long text costs no more than this. */
const MAX_CHARS = 4_000;

export interface TextProfile {
  weights: Map<string, number>;
  norm: number;
}

interface Texts {
  title: LocalizedText;
  description: LocalizedText;
}

// Reading a text into units costs ~50–100 µs; a ranking reads a thousand. Stored items are read
// fresh from the database for each ranking, so their profiles are kept by id and version (a
// changed item has a new version); other objects (the labelled set, the bench's items) by identity.
export const MAX_CACHED_TEXTS = 5_000;
const byVersion = new Map<string, TextProfile>();
const byObject = new WeakMap<Texts, TextProfile>();

export function textProfileOf(item: Texts & { id?: string; version?: number }): TextProfile {
  let profile = byObject.get(item);
  if (profile) return profile;
  const key = item.id !== undefined && item.version !== undefined ? `${item.id}:${item.version}` : null;
  profile = key === null ? undefined : byVersion.get(key);
  if (profile) return profile;
  profile = buildProfile(item);
  if (key === null) byObject.set(item, profile);
  else {
    if (byVersion.size >= MAX_CACHED_TEXTS) byVersion.delete(byVersion.keys().next().value as string);
    byVersion.set(key, profile);
  }
  return profile;
}

/** The profile of a stored item's version if its texts were read already (a ranking then need not load them). */
export function cachedTextProfile(id: string, version: number): TextProfile | null {
  const key = `${id}:${version}`;
  const profile = byVersion.get(key);
  if (!profile) return null;
  // Seen again: it moves to the end of the queue, so that the texts read next evict older ones.
  byVersion.delete(key);
  byVersion.set(key, profile);
  return profile;
}

/** Gives an object (an item loaded without its texts) the profile of its texts. */
export function attachTextProfile(item: Texts, profile: TextProfile): void {
  byObject.set(item, profile);
}

function buildProfile(item: Texts): TextProfile {
  const weights = new Map<string, number>();
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const unit of conceptsOfText(text.slice(0, MAX_CHARS))) {
      const unitWeight = weight * (unit.startsWith('c') ? CONCEPT_WEIGHT : WORD_WEIGHT);
      weights.set(unit, (weights.get(unit) ?? 0) + unitWeight);
    }
  };
  for (const lang of LANGUAGES) {
    add(item.title[lang], TITLE_WEIGHT);
    add(item.description[lang], 1);
  }
  // Repeating a word adds less and less: a description that says "trafficking" ten times is not
  // ten times about it.
  let sum = 0;
  for (const [unit, weight] of weights) {
    const damped = Math.sqrt(weight);
    weights.set(unit, damped);
    sum += damped * damped;
  }
  return { weights, norm: Math.sqrt(sum) };
}

export interface TextSimilarity {
  /** Cosine of the two bags, 0 to 1. */
  cosine: number;
  /** The shared concepts, the weightiest first (units of `conceptsOfText`). */
  sharedConcepts: string[];
}

export function textSimilarity(a: Texts, b: Texts): TextSimilarity {
  const pa = textProfileOf(a);
  const pb = textProfileOf(b);
  if (pa.norm === 0 || pb.norm === 0) return { cosine: 0, sharedConcepts: [] };
  const [small, large] = pa.weights.size <= pb.weights.size ? [pa, pb] : [pb, pa];
  let dot = 0;
  const shared: { unit: string; weight: number }[] = [];
  for (const [unit, weight] of small.weights) {
    const other = large.weights.get(unit);
    if (other === undefined) continue;
    dot += weight * other;
    if (unit.startsWith('c')) shared.push({ unit, weight: weight * other });
  }
  shared.sort((x, y) => y.weight - x.weight);
  return { cosine: dot / (pa.norm * pb.norm), sharedConcepts: shared.map((entry) => entry.unit) };
}

/** The shared concepts' terms in each language, for an explanation that outlives this process. */
export function termsByLanguage(units: readonly string[], max: number): Record<`terms_${Lang}`, string> {
  const result = {} as Record<`terms_${Lang}`, string>;
  for (const lang of LANGUAGES) {
    const terms: string[] = [];
    for (const unit of units) {
      const term = conceptTerm(unit, lang);
      if (term && !terms.some((known) => known.toLowerCase() === term.toLowerCase())) terms.push(term);
      if (terms.length >= max) break;
    }
    result[`terms_${lang}`] = terms.join(', ');
  }
  return result;
}
