import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { CONTENT_LANGUAGES, searchConfigurationOf } from './practices.languages.ts';
import type { PracticeSearchParams } from './practices.schemas.ts';
import {
  countFacets,
  facetFilters,
  inSearchTransaction,
  readQueryForms,
  searchInTiers,
} from './practices.search.tiers.ts';
import { expandQuery, normaliseForMatching } from './practices.thesaurus.ts';

/**
 * Search over published practices. The query shape is deliberate (README, "Search"): candidates
 * are read in tiers of relevance — titles and summaries first (ranked), then the rest of the text
 * and the tags — up to CANDIDATE_LIMIT; the total is exact below it and "more than" above; the
 * page and the facet counts come from those candidates, so a one-word query that matches a quarter
 * of the corpus costs what a query matching a few hundred does. Nothing reads a whole document
 * (TOASTed, ~2.4 KB): titles and summaries (`head`) and the facets (`facet_keys`) are small
 * generated columns in the row, and the document is only searched through its index.
 */
export const CANDIDATE_LIMIT = 300;
export const MAX_QUERY_LENGTH = 200;

export const FACETS = [
  'objective',
  'principle',
  'area',
  'country',
  'region',
  'stage',
  'modality',
  'year',
  'language',
  'network',
  'organisation',
] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchHit {
  id: string;
  rank: number;
  publishedAt: Date;
}

export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  /** True when there are more matches than were counted ("more than 1,000"). */
  totalIsLowerBound: boolean;
  facets: Record<Facet, { value: string; count: number }[]>;
  /** The query as searched, after trimming; null when there was none. */
  query: string | null;
  /** The lexemes of the query (and of its equivalents) that the snippets highlight. */
  lexemes: string[];
  notice: 'truncated' | 'no-words' | null;
  didYouMean: string | null;
  page: number;
  pageSize: number;
}

/** The words of a query become a tsquery: each unit in every content language's configuration, OR its thesaurus equivalents; units ANDed. */
export function buildTsQuery(query: string): RawBuilder<string> | null {
  const units = expandQuery(query);
  if (units.length === 0) return null;
  const parts = units.map((unit) => {
    const alternatives = CONTENT_LANGUAGES.map(
      (lang) => sql`phraseto_tsquery(${searchConfigurationOf(lang)}::regconfig, ${unit.text})`,
    );
    for (const equivalent of unit.equivalents) {
      alternatives.push(
        sql`phraseto_tsquery(${searchConfigurationOf(equivalent.lang)}::regconfig, unaccent(${equivalent.phrase}))`,
      );
    }
    alternatives.push(sql`phraseto_tsquery('simple', ${unit.text})`);
    return sql`(${sql.join(alternatives, sql` || `)})`;
  });
  return sql<string>`(${sql.join(parts, sql` && `)})`;
}

export function filterConditions(
  params: PracticeSearchParams,
  networkIds: string[] | null,
): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  const overlap = (column: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0)
      conditions.push(sql<SqlBool>`${sql.ref(`s.${column}`)} && ${values}::text[]`);
  };
  overlap('gcm_objectives', params.objective);
  overlap('gcm_principles', params.principle);
  overlap('thematic_areas', params.area);
  overlap('countries', params.country);
  overlap('regions', params.region);
  overlap('stages', params.stage);
  overlap('languages', params.language);
  if (params.organisation?.length)
    conditions.push(sql<SqlBool>`s.organisations && ${params.organisation}::uuid[]`);
  if (params.modality?.length) conditions.push(sql<SqlBool>`s.modality = ANY(${params.modality}::text[])`);
  if (params.year?.length) conditions.push(sql<SqlBool>`s.year = ANY(${params.year}::smallint[])`);
  if (networkIds !== null) conditions.push(sql<SqlBool>`s.network_id = ANY(${networkIds}::uuid[])`);
  return conditions;
}

export async function networkIdsOf(
  db: Executor,
  slugs: readonly string[] | undefined,
): Promise<string[] | null> {
  if (!slugs || slugs.length === 0) return null;
  const rows = await db
    .selectFrom('networks')
    .select('id')
    .where('slug', 'in', [...slugs])
    .execute();
  return rows.map((row) => row.id);
}

/** Cleans what a person typed: bounded length, no control characters. */
export function cleanQuery(raw: string | undefined): { text: string | null; truncated: boolean } {
  const text = (raw ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { text: null, truncated: false };
  if (text.length <= MAX_QUERY_LENGTH) return { text, truncated: false };
  return { text: text.slice(0, MAX_QUERY_LENGTH), truncated: true };
}

/** Bounds beyond the list page's filters: a digest asks for what was published in its window. */
export interface SearchBounds {
  publishedAfter?: Date;
  publishedBefore?: Date;
}

export async function searchPractices(
  db: Executor,
  params: PracticeSearchParams,
  bounds: SearchBounds = {},
): Promise<SearchOutcome> {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? 20;
  const { text, truncated } = cleanQuery(params.q);
  const units = text ? expandQuery(text) : [];
  const byRelevance = units.length > 0 && params.sort !== 'date';
  const outcome = await inSearchTransaction(db, async (tx) => {
    // Always the first statement: it also sets the planner's settings for the transaction.
    const { forms, networkKeys } = await readQueryForms(tx, units, params.network);
    const filters = facetFilters(params, networkKeys);
    if (bounds.publishedAfter)
      filters.push(sql<SqlBool>`s.published_at > ${bounds.publishedAfter.toISOString()}::timestamptz`);
    if (bounds.publishedBefore)
      filters.push(sql<SqlBool>`s.published_at <= ${bounds.publishedBefore.toISOString()}::timestamptz`);
    if (units.length > 0 && !forms) {
      // Only words too common to search for ("the", "de"): nothing matches them.
      return {
        hits: [],
        found: 0,
        facets: countFacets(FACETS, []),
        onlyCommonWords: true,
        didYouMean: null,
        lexemes: [],
      };
    }
    const found = await searchInTiers(tx, forms, filters, {
      facets: FACETS,
      limit: CANDIDATE_LIMIT,
      byRelevance,
      page,
      pageSize,
    });
    const didYouMean = text && found.found === 0 ? await suggestCorrection(tx, text, filters) : null;
    return { ...found, didYouMean, lexemes: forms?.lexemes ?? [] };
  });
  return {
    hits: outcome.hits,
    total: Math.min(outcome.found, CANDIDATE_LIMIT),
    totalIsLowerBound: outcome.found > CANDIDATE_LIMIT,
    facets: outcome.facets,
    query: text,
    lexemes: outcome.lexemes,
    notice: truncated
      ? 'truncated'
      : text && (units.length === 0 || outcome.onlyCommonWords)
        ? 'no-words'
        : null,
    didYouMean: outcome.didYouMean,
    page,
    pageSize,
  };
}

/**
 * "Did you mean": each word of a query that found nothing is replaced by the closest word of the
 * published titles and summaries (trigram similarity), if that query finds something.
 */
async function suggestCorrection(
  db: Executor,
  text: string,
  filters: RawBuilder<SqlBool>[],
): Promise<string | null> {
  const words = normaliseForMatching(text).split(' ').filter(Boolean).slice(0, 6);
  if (words.length === 0) return null;
  let changed = false;
  const corrected: string[] = [];
  for (const word of words) {
    if (word.length < 4) {
      corrected.push(word);
      continue;
    }
    const known = await db
      .selectFrom('practice_lexicon')
      .select('word')
      .where('word', '=', word)
      .executeTakeFirst();
    if (known) {
      corrected.push(word);
      continue;
    }
    const closest = await sql<{ word: string }>`
      SELECT word FROM practice_lexicon WHERE word % ${word}
      ORDER BY similarity(word, ${word}) DESC, word LIMIT 1`.execute(db);
    const replacement = closest.rows[0]?.word;
    if (replacement) {
      corrected.push(replacement);
      changed = true;
    } else corrected.push(word);
  }
  if (!changed) return null;
  const suggestion = corrected.join(' ');
  // Found as the search would find it, the candidates limited to one.
  const { forms } = await readQueryForms(db, expandQuery(suggestion), undefined);
  if (!forms) return null;
  const found = await searchInTiers(db, forms, filters, {
    facets: [],
    limit: 0,
    byRelevance: false,
    page: 1,
    pageSize: 1,
  });
  return found.found > 0 ? suggestion : null;
}
