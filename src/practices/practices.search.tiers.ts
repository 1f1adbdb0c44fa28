import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Executor } from '../db/schema.ts';
import { CONTENT_LANGUAGES, searchConfigurationOf } from './practices.languages.ts';
import type { PracticeSearchParams } from './practices.schemas.ts';
import { lexemesOfTsQuery } from './practices.search.snippet.ts';
import type { Expansion } from './practices.thesaurus.ts';

/**
 * The query shape of the practices search (README, "Search"), measured with `npm run bench --
 * search` on 100,000 practices in the embedded engine, where reading a row costs more, relative to
 * an index, than PostgreSQL's defaults assume and where a TOASTed document costs ~20 µs to read:
 *
 * - candidates come in tiers of relevance, each read only while they are fewer than the limit:
 *   titles and summaries in the query's own words, then through the thesaurus (both ranked); then
 *   the rest of the text and the tags in the query's own words; through the thesaurus too only
 *   when nothing matched otherwise;
 * - titles and summaries are `head`, a small vector kept in the row: matching and ranking never
 *   read the whole document, which is only searched through its index (so a phrase's words
 *   suffice in the rest of the text);
 * - the facets of the candidates are counted from `facet_keys` ('country:MX'), one small column,
 *   in JS; filters are overlaps on the same column, served by one GIN index.
 */

export type Units = Expansion[];

export interface TierOptions<F extends string> {
  facets: readonly F[];
  /** Candidates read at most (the total is exact up to it). */
  limit: number;
  byRelevance: boolean;
  page: number;
  pageSize: number;
}

export interface TiersOutcome<F extends string> {
  hits: { id: string; rank: number; publishedAt: Date }[];
  /** Candidates found, at most `limit + 1`. */
  found: number;
  facets: Record<F, { value: string; count: number }[]>;
  /** The query held only words too common to search for ("the", "de"). */
  onlyCommonWords: boolean;
}

/**
 * The search's statements in one read-only transaction whose planner settings fit the embedded engine:
 * with PostgreSQL's default `cpu_tuple_cost`, a scan that reads thousands of rows to find a few
 * hundred matches wins over the index (measured 30–70 ms against 3–17 ms); at 0.1 the scan is
 * chosen only for a word in a large share of the rows, where it is the faster. The settings are
 * made by the statements themselves (`set_config(…, true)` in the first statement's select list,
 * see PLANNER_SETTINGS): each statement costs PGlite ~0.4 ms of protocol round trips before any
 * work, and a `SET` of its own was two of the nine statements of a search.
 */
export async function inSearchTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return (db as Db).transaction().setAccessMode('read only').execute(work);
  try {
    return await work(db);
  } finally {
    await sql`SET LOCAL cpu_tuple_cost TO DEFAULT`.execute(db);
    await sql`SET LOCAL enable_seqscan TO DEFAULT`.execute(db);
  }
}

/** The first statement of a search transaction sets the planner's row cost for the ones after it. */
const PLANNER_SETTINGS = sql`set_config('cpu_tuple_cost', '0.1', true) AS planner_settings`;

/**
 * A sequential scan would read every document it passes (the planner does not count TOAST reads),
 * so the statements that search the document are planned with it off: the statement before them
 * (the titles' tier) turns it off for the rest of the transaction.
 */
const INDEXES_ONLY_AFTER = sql`set_config('enable_seqscan', 'off', true) AS indexes_only_after`;

/** A query's alternatives per unit, as tsquery texts made by PostgreSQL's parsers. */
export interface QueryForms {
  /** The query's own words in every configuration, phrases as phrases. */
  ownExact: string[][];
  /** The same with the thesaurus equivalents. */
  allExact: string[][];
  /** The query's own words, a phrase's words anywhere. */
  ownRelaxed: string[][];
  /** The equivalents, a phrase's words anywhere (those not already in `ownRelaxed`). */
  equivalentRelaxed: string[][];
  /**
   * The lexemes the snippets highlight: those of every language's configuration and of the
   * equivalents, not the 'simple' configuration's (it keeps stop words: "la", "the").
   */
  lexemes: string[];
}

/**
 * One statement, the first of a search: every unit's alternatives (empty ones — stop words —
 * dropped, duplicates merged), the facet keys of the networks named by slug, and the planner's
 * settings for the statements after it. `forms` is null when no unit has a word left.
 */
export async function readQueryForms(
  db: Executor,
  units: Units,
  networks: readonly string[] | undefined,
): Promise<{ forms: QueryForms | null; networkKeys: string[] }> {
  const columns: RawBuilder<unknown>[] = [PLANNER_SETTINGS];
  units.forEach((unit, index) => {
    for (const parser of ['phraseto_tsquery', 'plainto_tsquery'] as const) {
      const fn = sql.raw(parser);
      const own = [
        ...CONTENT_LANGUAGES.map(
          (lang) => sql`${fn}(${searchConfigurationOf(lang)}::regconfig, ${unit.text})::text`,
        ),
        sql`${fn}('simple', ${unit.text})::text`,
      ];
      const equivalents = unit.equivalents.map(
        (equivalent) =>
          sql`${fn}(${searchConfigurationOf(equivalent.lang)}::regconfig, unaccent(${equivalent.phrase}))::text`,
      );
      columns.push(sql`ARRAY[${sql.join(own)}] AS ${sql.id(`${parser}_own_${index}`)}`);
      columns.push(
        sql`${equivalents.length > 0 ? sql`ARRAY[${sql.join(equivalents)}]` : sql`'{}'::text[]`} AS ${sql.id(`${parser}_eq_${index}`)}`,
      );
    }
  });
  columns.push(
    networks?.length
      ? sql`ARRAY(SELECT 'network:' || n.id FROM networks n WHERE n.slug = ANY(${networks}::text[])) AS networks`
      : sql`NULL::text[] AS networks`,
  );
  const row = (await sql<Record<string, string[] | null>>`SELECT ${sql.join(columns)}`.execute(db)).rows[0]!;
  const distinct = (texts: string[], without: readonly string[] = []) => [
    ...new Set(texts.filter((text) => text !== '' && !without.includes(text))),
  ];
  const forms: QueryForms = {
    ownExact: [],
    allExact: [],
    ownRelaxed: [],
    equivalentRelaxed: [],
    lexemes: [],
  };
  const lexemes = new Set<string>();
  units.forEach((_, index) => {
    const column = (name: string) => row[`${name}_${index}`] ?? [];
    const own = distinct(column('phraseto_tsquery_own'));
    if (own.length === 0) return; // stop words only: "de la"
    // The 'simple' configuration's alternative is the last of `own`'s column.
    for (const text of [...column('phraseto_tsquery_own').slice(0, -1), ...column('phraseto_tsquery_eq')])
      for (const lexeme of lexemesOfTsQuery(text)) lexemes.add(lexeme);
    forms.ownExact.push(own);
    forms.allExact.push(distinct([...own, ...column('phraseto_tsquery_eq')]));
    const ownRelaxed = distinct(column('plainto_tsquery_own'));
    forms.ownRelaxed.push(ownRelaxed);
    forms.equivalentRelaxed.push(distinct(column('plainto_tsquery_eq'), ownRelaxed));
  });
  forms.lexemes = [...lexemes];
  return { forms: forms.ownExact.length > 0 ? forms : null, networkKeys: row.networks ?? [] };
}

/** (a | b) & (c | d), as tsquery text. */
export function tsQueryText(groups: string[][]): string {
  return groups.map((alternatives) => `(${alternatives.map((text) => `(${text})`).join(' | ')})`).join(' & ');
}

/**
 * `column @@ (a | b) & (c | d)` written as (column @@ a OR column @@ b) AND (…): a bitmap index scan
 * per alternative, each able to skip through a common word's posting list guided by the rarer
 * word of its phrase, instead of one scan that reads every list whole (measured 2–4 times faster
 * on the thesaurus' phrases).
 */
function matchesEach(column: RawBuilder<unknown>, groups: string[][]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    groups.map((alternatives) => {
      // Single words gain nothing apart (their lists are read whole either way) and each scan
      // costs planning time: they share one.
      const words = alternatives.filter((text) => !text.includes(' '));
      const phrases = alternatives.filter((text) => text.includes(' '));
      const scans = [...(words.length > 0 ? [words.join(' | ')] : []), ...phrases];
      return sql`(${sql.join(
        scans.map((text) => sql`${column} @@ ${text}::tsquery`),
        sql` OR `,
      )})`;
    }),
    sql` AND `,
  )})`;
}

/** Filters as facet keys: values of one facet widen (overlap), facets narrow (AND). */
export function facetFilters(
  params: PracticeSearchParams,
  networkKeys: readonly string[],
): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  const keys = (facet: string, values: readonly (string | number)[] | undefined) => {
    if (values && values.length > 0)
      conditions.push(sql<SqlBool>`s.facet_keys && ${values.map((value) => `${facet}:${value}`)}::text[]`);
  };
  keys('objective', params.objective);
  keys('principle', params.principle);
  keys('area', params.area);
  keys('country', params.country);
  keys('region', params.region);
  keys('stage', params.stage);
  keys('modality', params.modality);
  keys('year', params.year);
  keys('language', params.language);
  // uuid's text is lower case; the schema accepts either.
  keys(
    'organisation',
    params.organisation?.map((id) => id.toLowerCase()),
  );
  if (params.network?.length) conditions.push(sql<SqlBool>`s.facet_keys && ${[...networkKeys]}::text[]`);
  return conditions;
}

interface TierAnswer {
  total: number;
  rows: { practice_id: string; rank: number; published_at: string; tier: number }[] | null;
  keys: string | null;
}

const CANDIDATE = sql`s.practice_id, s.published_at, s.facet_keys`;

/**
 * Over the candidates `m`: how many, the first `first` in the page's order (the page is cut from
 * the tiers' rows in JS), and every candidate's facet keys in one string (U+001F between keys),
 * counted in JS: cheaper here than a GROUP BY, and no document is read.
 */
function answerOver(order: RawBuilder<unknown>, first: number) {
  return sql`
    (SELECT count(*)::int FROM m) AS total,
    (SELECT json_agg(h) FROM (SELECT practice_id, rank, published_at, tier FROM m ORDER BY ${order} LIMIT ${first}) h) AS rows,
    (SELECT string_agg(array_to_string(facet_keys, chr(31)), chr(31)) FROM m) AS keys`;
}

export async function searchInTiers<F extends string>(
  db: Executor,
  forms: QueryForms | null,
  filters: RawBuilder<SqlBool>[],
  options: TierOptions<F>,
): Promise<TiersOutcome<F>> {
  const limit = options.limit + 1;
  const first = Math.min(limit, options.page * options.pageSize);
  const order = options.byRelevance
    ? sql`tier, rank DESC, published_at DESC, practice_id`
    : sql`published_at DESC, practice_id`;
  const where = filters.length > 0 ? sql` AND ${sql.join(filters, sql` AND `)}` : sql``;
  const tiers: TierAnswer[] = [];
  const answer = async (ctes: RawBuilder<unknown>, settings?: RawBuilder<unknown>) =>
    (
      await sql<TierAnswer>`WITH ${ctes} SELECT ${answerOver(order, first)}${settings ? sql`, ${settings}` : sql``}`.execute(
        db,
      )
    ).rows[0]!;

  if (!forms) {
    // No words: the newest practices that pass the filters.
    tiers.push(
      await answer(sql`m AS MATERIALIZED (
        SELECT ${CANDIDATE}, 0::real AS rank, 1 AS tier FROM practice_search s
        WHERE true${where} ORDER BY s.published_at DESC LIMIT ${limit})`),
    );
  } else {
    const exact = sql`${tsQueryText(forms.allExact)}::tsquery`;
    const own = sql`${tsQueryText(forms.ownExact)}::tsquery`;
    const thesaurus = forms.allExact.some((group, index) => group.length > forms.ownExact[index]!.length);
    // 1. Titles and summaries, ranked: the query's own words, then through the thesaurus. The
    //    planner may scan for a common word rather than read its posting list: `head` is small.
    const titleMatches = sql`SELECT ${CANDIDATE}, ts_rank(s.head, ${exact}) AS rank, 1 AS tier FROM practice_search s`;
    const inOwnTitles = matchesEach(sql`s.head`, forms.ownExact);
    const inTitles = await answer(
      thesaurus
        ? sql`t1 AS MATERIALIZED (${titleMatches} WHERE ${inOwnTitles}${where} LIMIT ${limit}),
            t2 AS MATERIALIZED (${titleMatches}
              WHERE ${matchesEach(sql`s.head`, forms.allExact)} AND NOT (s.head @@ ${own})${where}
              LIMIT ${limit} - (SELECT count(*) FROM t1)),
            m AS (SELECT * FROM t1 UNION ALL SELECT * FROM t2)`
        : sql`m AS MATERIALIZED (${titleMatches} WHERE ${inOwnTitles}${where} LIMIT ${limit})`,
      INDEXES_ONLY_AFTER,
    );
    tiers.push(inTitles);
    if (inTitles.total < limit) {
      // 2. The rest of the text and the tags (whose labels are in every language), in the
      //    query's own words; through the thesaurus too only when nothing matched otherwise.
      const rest = limit - inTitles.total;
      const bodyMatches = (tier: number) =>
        sql`SELECT ${CANDIDATE}, 0::real AS rank, ${sql.lit(tier)} AS tier FROM practice_search s`;
      const notInTitles = sql`NOT (s.head @@ ${exact})`;
      const inOwnWords = sql`${bodyMatches(2)} WHERE ${matchesEach(sql`s.document`, forms.ownRelaxed)} AND ${notInTitles}${where}`;
      tiers.push(
        await answer(
          thesaurus
            ? sql`b1 AS MATERIALIZED (${inOwnWords} LIMIT ${rest}),
                b2 AS MATERIALIZED (${bodyMatches(3)}
                  WHERE ${matchesEach(
                    sql`s.document`,
                    forms.ownRelaxed.map((group, index) => [...group, ...forms.equivalentRelaxed[index]!]),
                  )} AND ${notInTitles}${where}
                  LIMIT CASE WHEN ${inTitles.total} = 0 AND NOT EXISTS (SELECT 1 FROM b1) THEN ${rest} ELSE 0 END),
                m AS (SELECT * FROM b1 UNION ALL SELECT * FROM b2)`
            : sql`m AS MATERIALIZED (${inOwnWords} LIMIT ${rest})`,
        ),
      );
    }
  }

  const rows = tiers.flatMap((tier) => tier.rows ?? []);
  rows.sort(
    options.byRelevance ? (a, b) => a.tier - b.tier || b.rank - a.rank || newestFirst(a, b) : newestFirst,
  );
  const start = (options.page - 1) * options.pageSize;
  return {
    hits: rows.slice(start, start + options.pageSize).map((row) => ({
      id: row.practice_id,
      rank: Number(row.rank),
      publishedAt: new Date(row.published_at),
    })),
    found: tiers.reduce((sum, tier) => sum + tier.total, 0),
    facets: countFacets(
      options.facets,
      tiers.map((tier) => tier.keys),
    ),
    onlyCommonWords: false,
  };
}

/** The order of `published_at DESC, practice_id`. */
function newestFirst(
  a: { published_at: string; practice_id: string },
  b: { published_at: string; practice_id: string },
) {
  return (
    Date.parse(b.published_at) - Date.parse(a.published_at) ||
    (a.practice_id < b.practice_id ? -1 : a.practice_id > b.practice_id ? 1 : 0)
  );
}

/** Facet counts from the candidates' keys, most frequent first. */
export function countFacets<F extends string>(
  facets: readonly F[],
  keyLists: (string | null)[],
): Record<F, { value: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const keys of keyLists)
    if (keys) for (const key of keys.split('\u001f')) counts.set(key, (counts.get(key) ?? 0) + 1);
  const result = Object.fromEntries(facets.map((facet) => [facet, []])) as unknown as Record<
    F,
    { value: string; count: number }[]
  >;
  for (const [key, count] of counts) {
    const colon = key.indexOf(':');
    const list = result[key.slice(0, colon) as F] as { value: string; count: number }[] | undefined;
    if (list) list.push({ value: key.slice(colon + 1), count });
  }
  for (const facet of facets)
    result[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return result;
}
