import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { CONTENT_LANGUAGES, searchConfigurationOf } from './practices.languages.ts';
import type { PracticeSearchParams } from './practices.schemas.ts';
import { expandQuery, normaliseForMatching } from './practices.thesaurus.ts';

/**
 * Search over published practices. The query shape is deliberate (README, "Search"): matches are
 * read up to CANDIDATE_LIMIT; the total is exact below it and "more than" above; ranking and facet
 * counts work on those candidates, so a one-word query that matches a quarter of the corpus costs
 * what a query matching a thousand does.
 */
export const CANDIDATE_LIMIT = 1000;
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

const FACET_COLUMNS: Record<Facet, { column: string; array: boolean }> = {
  objective: { column: 'gcm_objectives', array: true },
  principle: { column: 'gcm_principles', array: true },
  area: { column: 'thematic_areas', array: true },
  country: { column: 'countries', array: true },
  region: { column: 'regions', array: true },
  stage: { column: 'stages', array: true },
  modality: { column: 'modality', array: false },
  year: { column: 'year', array: false },
  language: { column: 'languages', array: true },
  network: { column: 'network_id', array: false },
  organisation: { column: 'organisations', array: true },
};

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

function filterConditions(params: PracticeSearchParams, networkIds: string[] | null): RawBuilder<SqlBool>[] {
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

async function networkIdsOf(db: Executor, slugs: readonly string[] | undefined): Promise<string[] | null> {
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
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return { text: null, truncated: false };
  if (text.length <= MAX_QUERY_LENGTH) return { text, truncated: false };
  return { text: text.slice(0, MAX_QUERY_LENGTH), truncated: true };
}

export async function searchPractices(db: Executor, params: PracticeSearchParams): Promise<SearchOutcome> {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? 20;
  const { text, truncated } = cleanQuery(params.q);
  const networkIds = await networkIdsOf(db, params.network);
  const tsQuery = text ? buildTsQuery(text) : null;
  const conditions = filterConditions(params, networkIds);
  const byRelevance = tsQuery !== null && params.sort !== 'date';
  const { onlyCommonWords, ...outcome } = await runSearch(
    db,
    tsQuery,
    conditions,
    byRelevance,
    page,
    pageSize,
  );
  let didYouMean: string | null = null;
  if (text && outcome.total === 0) didYouMean = await suggestCorrection(db, text, conditions);
  return {
    ...outcome,
    query: text,
    notice: truncated ? 'truncated' : text && (!tsQuery || onlyCommonWords) ? 'no-words' : null,
    didYouMean,
    page,
    pageSize,
  };
}

async function runSearch(
  db: Executor,
  tsQuery: RawBuilder<string> | null,
  conditions: RawBuilder<SqlBool>[],
  byRelevance: boolean,
  page: number,
  pageSize: number,
): Promise<
  Pick<SearchOutcome, 'hits' | 'total' | 'totalIsLowerBound' | 'facets'> & { onlyCommonWords: boolean }
> {
  const where: Expression<SqlBool>[] = [...conditions];
  if (tsQuery) where.push(sql<SqlBool>`s.document @@ q.query`);
  const whereSql = where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const rank = tsQuery ? sql`ts_rank(s.document, q.query)` : sql`0`;
  const facetSelects = FACETS.map((facet) => {
    const { column, array } = FACET_COLUMNS[facet];
    const value = array ? sql`unnest(m.${sql.ref(column)})::text` : sql`m.${sql.ref(column)}::text`;
    return sql`SELECT ${facet}::text AS facet, v.value, count(*)::int AS n FROM m, LATERAL (SELECT ${value} AS value) v WHERE v.value IS NOT NULL GROUP BY v.value`;
  });
  const order = byRelevance
    ? sql`rank DESC, published_at DESC, practice_id`
    : sql`published_at DESC, practice_id`;
  // Without a query the newest come first, so the candidates are the newest ones; with one, the
  // candidates are the first matches the index yields, ranked among themselves.
  const candidates = tsQuery
    ? sql`SELECT s.*, ${rank} AS rank FROM practice_search s, q ${whereSql} LIMIT ${CANDIDATE_LIMIT + 1}`
    : sql`SELECT s.*, 0 AS rank FROM practice_search s ${whereSql} ORDER BY s.published_at DESC LIMIT ${CANDIDATE_LIMIT + 1}`;
  const result = await sql<{
    nodes: number;
    total: number;
    hits: { practice_id: string; rank: number; published_at: string }[] | null;
    facets: { facet: Facet; value: string; n: number }[] | null;
  }>`
    WITH q AS (SELECT ${tsQuery ?? sql`NULL::tsquery`} AS query),
    m AS MATERIALIZED (${candidates})
    SELECT
      (SELECT coalesce(numnode(query), -1) FROM q) AS nodes,
      (SELECT count(*)::int FROM m) AS total,
      (SELECT json_agg(h) FROM (
        SELECT practice_id, rank, published_at FROM m ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
      ) h) AS hits,
      (SELECT json_agg(f) FROM (${sql.join(facetSelects, sql` UNION ALL `)}) f) AS facets
  `.execute(db);
  const row = result.rows[0]!;
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, []])) as unknown as SearchOutcome['facets'];
  for (const entry of row.facets ?? []) facets[entry.facet].push({ value: entry.value, count: entry.n });
  for (const facet of FACETS)
    facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const total = Math.min(row.total, CANDIDATE_LIMIT);
  return {
    hits: (row.hits ?? []).map((hit) => ({
      id: hit.practice_id,
      rank: Number(hit.rank),
      publishedAt: new Date(hit.published_at),
    })),
    total,
    totalIsLowerBound: row.total > CANDIDATE_LIMIT,
    facets,
    // A query of stop words only ("the", "de") becomes an empty tsquery, which matches nothing.
    onlyCommonWords: row.nodes === 0,
  };
}

/**
 * "Did you mean": each word of a query that found nothing is replaced by the closest word of the
 * published titles and summaries (trigram similarity), if that query finds something.
 */
async function suggestCorrection(
  db: Executor,
  text: string,
  conditions: RawBuilder<SqlBool>[],
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
  const tsQuery = buildTsQuery(suggestion);
  if (!tsQuery) return null;
  const where = [...conditions, sql<SqlBool>`s.document @@ ${tsQuery}`];
  const found = await sql<{
    one: number;
  }>`SELECT 1 AS one FROM practice_search s WHERE ${sql.join(where, sql` AND `)} LIMIT 1`.execute(db);
  return found.rows.length > 0 ? suggestion : null;
}

/** Highlighted snippets of the page's hits: marks are U+0002/U+0003, turned into <mark> by the view (never raw HTML). */
export async function snippetsOf(
  db: Executor,
  query: string | null,
  texts: { id: string; lang: string; text: string }[],
): Promise<Map<string, string>> {
  const snippets = new Map<string, string>();
  if (texts.length === 0) return snippets;
  const tsQuery = query ? buildTsQuery(query) : null;
  if (!tsQuery) {
    for (const item of texts)
      snippets.set(item.id, item.text.length > 300 ? `${item.text.slice(0, 300)}…` : item.text);
    return snippets;
  }
  const rows = await sql<{ id: string; snippet: string }>`
    WITH q AS (SELECT ${tsQuery} AS query)
    SELECT t.id, ts_headline(t.config::regconfig, t.text, q.query,
      'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM q, jsonb_to_recordset(${JSON.stringify(
      texts.map((item) => ({ id: item.id, text: item.text, config: searchConfigurationOf(item.lang) })),
    )}::jsonb) AS t(id text, text text, config text)`.execute(db);
  for (const row of rows.rows) snippets.set(row.id, row.snippet);
  return snippets;
}
