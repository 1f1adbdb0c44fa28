import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { getEntry, m49AreasOf } from '../reference/index.ts';
import { CONTENT_LANGUAGES, searchConfigurationOf } from './practices.languages.ts';
import type { PracticeContent, TextField } from './practices.schemas.ts';
import type { PracticeStatus, VersionKind, VersionState } from './practices.tables.ts';
import { normaliseForMatching } from './practices.thesaurus.ts';

export interface PracticeRow {
  id: string;
  networkId: string;
  organisationId: string | null;
  callId: string | null;
  status: PracticeStatus;
  publishedVersionId: string | null;
  workingVersionId: string | null;
  firstPublishedAt: Date | null;
  createdBy: string | null;
  version: number;
  updatedAt: Date;
}

export interface VersionRow {
  id: string;
  practiceId: string;
  number: number;
  state: VersionState;
  kind: VersionKind;
  originalLanguage: string;
  content: PracticeContent;
  completeness: number;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
}

export async function findPractice(db: Executor, id: string, forUpdate = false): Promise<PracticeRow | null> {
  let query = db
    .selectFrom('practices')
    .select([
      'id',
      'network_id as networkId',
      'organisation_id as organisationId',
      'call_id as callId',
      'status',
      'published_version_id as publishedVersionId',
      'working_version_id as workingVersionId',
      'first_published_at as firstPublishedAt',
      'created_by as createdBy',
      'version',
      'updated_at as updatedAt',
    ])
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

const VERSION_COLUMNS = [
  'id',
  'practice_id as practiceId',
  'number',
  'state',
  'kind',
  'original_language as originalLanguage',
  'content',
  'completeness',
  'note',
  'created_by as createdBy',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'submitted_at as submittedAt',
  'published_at as publishedAt',
] as const;

export async function findVersion(db: Executor, id: string): Promise<VersionRow | null> {
  return (
    ((await db
      .selectFrom('practice_versions')
      .select(VERSION_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst()) as VersionRow | undefined) ?? null
  );
}

export async function findVersionByNumber(
  db: Executor,
  practiceId: string,
  number: number,
): Promise<VersionRow | null> {
  return (
    ((await db
      .selectFrom('practice_versions')
      .select(VERSION_COLUMNS)
      .where('practice_id', '=', practiceId)
      .where('number', '=', number)
      .executeTakeFirst()) as VersionRow | undefined) ?? null
  );
}

/** Every version of a practice, newest first, without their content. */
export async function listVersions(db: Executor, practiceId: string) {
  return db
    .selectFrom('practice_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.number',
      'v.state',
      'v.kind',
      'v.completeness',
      'v.note',
      'v.created_at as createdAt',
      'v.published_at as publishedAt',
      'u.name as authorName',
    ])
    .where('v.practice_id', '=', practiceId)
    .orderBy('v.number', 'desc')
    .execute();
}

export async function insertPracticeRow(
  db: Executor,
  row: { networkId: string; organisationId: string; callId: string | null; createdBy: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto('practices')
    .values({
      network_id: row.networkId,
      organisation_id: row.organisationId,
      call_id: row.callId,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertVersionRow(
  db: Executor,
  row: {
    practiceId: string;
    number: number;
    state: VersionState;
    kind?: VersionKind;
    content: PracticeContent;
    completeness: number;
    note?: string | null;
    createdBy: string | null;
    publishedAt?: Date | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('practice_versions')
    .values({
      practice_id: row.practiceId,
      number: row.number,
      state: row.state,
      kind: row.kind ?? 'revision',
      original_language: row.content.originalLanguage,
      content: JSON.stringify(row.content),
      completeness: row.completeness,
      note: row.note ?? null,
      created_by: row.createdBy,
      published_at: row.publishedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function nextVersionNumber(db: Executor, practiceId: string): Promise<number> {
  const row = await db
    .selectFrom('practice_versions')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('next'))
    .where('practice_id', '=', practiceId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function updateVersionContent(
  db: Executor,
  versionId: string,
  content: PracticeContent,
  completeness: number,
): Promise<void> {
  await db
    .updateTable('practice_versions')
    .set({
      content: JSON.stringify(content),
      original_language: content.originalLanguage,
      completeness,
      updated_at: sql`now()`,
    })
    .where('id', '=', versionId)
    .execute();
}

export async function setVersionState(
  db: Executor,
  versionId: string,
  state: VersionState,
  stamp?: 'submitted_at' | 'published_at',
): Promise<void> {
  await db
    .updateTable('practice_versions')
    .set({ state, updated_at: sql`now()`, ...(stamp ? { [stamp]: sql`now()` } : {}) })
    .where('id', '=', versionId)
    .execute();
}

/** Moves the practice on, bumping its version so that a concurrent edit from before is a conflict. */
export async function updatePracticeRow(
  db: Executor,
  id: string,
  changes: Partial<{
    status: PracticeStatus;
    publishedVersionId: string | null;
    workingVersionId: string | null;
    firstPublishedAt: Date;
  }>,
): Promise<void> {
  await db
    .updateTable('practices')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.publishedVersionId !== undefined
        ? { published_version_id: changes.publishedVersionId }
        : {}),
      ...(changes.workingVersionId !== undefined ? { working_version_id: changes.workingVersionId } : {}),
      ...(changes.firstPublishedAt !== undefined ? { first_published_at: changes.firstPublishedAt } : {}),
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(
  db: Executor,
  event: {
    practiceId: string;
    versionId: string | null;
    kind: string;
    comment?: string | null;
    actorId: string | null;
    /** When it happened, if not now (an imported or demo publication keeps its date). */
    at?: Date;
  },
): Promise<void> {
  await db
    .insertInto('practice_events')
    .values({
      practice_id: event.practiceId,
      version_id: event.versionId,
      kind: event.kind,
      comment: event.comment ?? null,
      actor_id: event.actorId,
      ...(event.at ? { at: event.at } : {}),
    })
    .execute();
}

export async function listEvents(db: Executor, practiceId: string) {
  return db
    .selectFrom('practice_events as e')
    .leftJoin('practice_versions as v', 'v.id', 'e.version_id')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.kind', 'e.comment', 'e.at', 'v.number as versionNumber', 'u.name as actorName'])
    .where('e.practice_id', '=', practiceId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id')
    .execute();
}

const BODY_FIELDS: readonly TextField[] = [
  'description',
  'context',
  'resources',
  'results',
  'evaluation',
  'challenges',
  'lessonsLearned',
  'replicability',
];

const LABELLED_TAGS = [
  ['countries', 'countries'],
  ['thematicAreas', 'iom-areas'],
  ['migrationStages', 'migration-stages'],
  ['targetGroups', 'target-groups'],
] as const;

/** The four-language labels of a practice's tags: "Mexique" finds a practice tagged MX. */
function tagLabels(content: PracticeContent): string {
  const labels: string[] = [];
  for (const [field, vocabulary] of LABELLED_TAGS) {
    for (const code of content[field]) {
      const entry = getEntry(vocabulary, code);
      if (entry) labels.push(...Object.values(entry.labels));
    }
  }
  if (content.modality) {
    const entry = getEntry('cooperation-modalities', content.modality);
    if (entry) labels.push(...Object.values(entry.labels));
  }
  return labels.join(' ; ');
}

/** The year a practice is listed under: when it began, else when it was first published. */
function yearOf(content: PracticeContent, publishedAt: Date): number {
  return content.periodStart ? Number(content.periodStart.slice(0, 4)) : publishedAt.getUTCFullYear();
}

/**
 * Writes the search row of a published practice: each language's texts with that language's
 * configuration (title A, summary B, the rest C), its tags' labels in all languages (D), and its
 * facets as arrays beside them.
 */
export async function writeSearchRow(
  db: Executor,
  practice: { id: string; networkId: string; organisationId: string | null; firstPublishedAt: Date },
  content: PracticeContent,
): Promise<void> {
  const parts = [];
  const languages: string[] = [];
  for (const lang of CONTENT_LANGUAGES) {
    const title = content.title[lang] ?? '';
    const summary = content.summary[lang] ?? '';
    const body = BODY_FIELDS.map((field) => content[field][lang] ?? '').join('\n');
    if (!title && !summary && !body.trim()) continue;
    if (title) languages.push(lang);
    const config = searchConfigurationOf(lang);
    parts.push(
      sql`setweight(to_tsvector(${config}::regconfig, unaccent(${title})), 'A')`,
      sql`setweight(to_tsvector(${config}::regconfig, unaccent(${summary})), 'B')`,
      sql`setweight(to_tsvector(${config}::regconfig, unaccent(${body})), 'C')`,
    );
  }
  parts.push(sql`setweight(to_tsvector('simple', unaccent(${tagLabels(content)})), 'D')`);
  const document = sql.join(parts, sql` || `);
  const regions = new Set<string>();
  for (const country of content.countries) {
    const areas = m49AreasOf(country);
    if (!areas) continue;
    for (const code of [areas.region, areas.subRegion, areas.intermediateRegion]) if (code) regions.add(code);
  }
  const organisations = new Set(content.actors.map((actor) => actor.organisationId));
  if (practice.organisationId) organisations.add(practice.organisationId);
  const values = {
    network_id: practice.networkId,
    published_at: practice.firstPublishedAt,
    year: yearOf(content, practice.firstPublishedAt),
    modality: content.modality,
    languages,
    gcm_objectives: content.gcmObjectives,
    gcm_principles: content.gcmPrinciples,
    thematic_areas: content.thematicAreas,
    countries: content.countries,
    regions: [...regions],
    stages: content.migrationStages,
    organisations: [...organisations],
  };
  await sql`
    INSERT INTO practice_search (${SEARCH_ROW_COLUMNS})
    VALUES (${practice.id}, ${values.network_id}, ${values.published_at}, ${values.year}, ${values.modality},
      ${values.languages}, ${values.gcm_objectives}, ${values.gcm_principles}, ${values.thematic_areas},
      ${values.countries}, ${values.regions}, ${values.stages}, ${values.organisations}::uuid[], ${document},
      practice_card(${JSON.stringify(content)}::jsonb))
    ${SEARCH_ROW_UPSERT}
  `.execute(db);
  await addToLexicon(db, content);
}

/** Words of titles and summaries, for "did you mean": long enough to be worth correcting. */
export function lexiconWords(content: PracticeContent): string[] {
  const words = new Set<string>();
  for (const field of ['title', 'summary'] as const) {
    for (const text of Object.values(content[field])) {
      for (const word of normaliseForMatching(text).split(' ')) {
        if (word.length >= 4 && word.length <= 40 && !/\d/.test(word)) words.add(word);
      }
    }
  }
  return [...words];
}

async function addToLexicon(db: Executor, content: PracticeContent): Promise<void> {
  const words = lexiconWords(content);
  if (words.length === 0) return;
  await sql`INSERT INTO practice_lexicon (word) SELECT unnest(${words}::text[]) ON CONFLICT DO NOTHING`.execute(
    db,
  );
}

export async function deleteSearchRow(db: Executor, practiceId: string): Promise<void> {
  await db.deleteFrom('practice_search').where('practice_id', '=', practiceId).execute();
}

export async function principlesOfNetwork(db: Executor, networkId: string) {
  return db
    .selectFrom('smart_principles')
    .select(['code', 'stage', 'label', 'position'])
    .where('network_id', '=', networkId)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Batches (the import): many practices per statement, so that 100,000 practices load in a minute.

/** The facets of a practice's search row, as `writeSearchRow` computes them. */
function searchFacetsOf(
  practice: { networkId: string; organisationId: string | null; firstPublishedAt: Date },
  content: PracticeContent,
) {
  const regions = new Set<string>();
  for (const country of content.countries) {
    const areas = m49AreasOf(country);
    if (!areas) continue;
    for (const code of [areas.region, areas.subRegion, areas.intermediateRegion]) if (code) regions.add(code);
  }
  const organisations = new Set(content.actors.map((actor) => actor.organisationId));
  if (practice.organisationId) organisations.add(practice.organisationId);
  return {
    year: yearOf(content, practice.firstPublishedAt),
    languages: CONTENT_LANGUAGES.filter((lang) => Boolean(content.title[lang])),
    gcm_objectives: content.gcmObjectives,
    gcm_principles: content.gcmPrinciples,
    thematic_areas: content.thematicAreas,
    countries: content.countries,
    regions: [...regions],
    stages: content.migrationStages,
    organisations: [...organisations],
    tags: tagLabels(content),
  };
}

/**
 * The search document of `writeSearchRow`, computed by PostgreSQL from a jsonb content: each
 * language's title (A), summary (B) and other texts (C) with its configuration, the tags' labels
 * (D). An empty text gives an empty vector, so languages without text add nothing, as there.
 */
function searchDocumentOf(content: RawBuilder<unknown>, tags: RawBuilder<unknown>): RawBuilder<string> {
  const text = (field: TextField, lang: string) =>
    sql`coalesce(${content}->${sql.lit(field)}->>${sql.lit(lang)}, '')`;
  const parts = CONTENT_LANGUAGES.flatMap((lang) => {
    const config = sql.lit(searchConfigurationOf(lang));
    const body = sql`concat_ws(E'\\n', ${sql.join(BODY_FIELDS.map((field) => text(field, lang)))})`;
    return [
      sql`setweight(to_tsvector(${config}::regconfig, unaccent(${text('title', lang)})), 'A')`,
      sql`setweight(to_tsvector(${config}::regconfig, unaccent(${text('summary', lang)})), 'B')`,
      sql`setweight(to_tsvector(${config}::regconfig, unaccent(${body})), 'C')`,
    ];
  });
  parts.push(sql`setweight(to_tsvector('simple', unaccent(${tags})), 'D')`);
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

const SEARCH_ROW_COLUMNS = sql`practice_id, network_id, published_at, year, modality, languages, gcm_objectives,
  gcm_principles, thematic_areas, countries, regions, stages, organisations, document, card`;

/** The columns of a search row, read from a record of `r` (its content, facets and tags). */
function searchRowSelect(r: string): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${r}.${name}`);
  return sql`${column('id')}, ${column('network_id')}, ${column('published_at')}, ${column('year')},
    ${column('content')}->>'modality', ${column('languages')}, ${column('gcm_objectives')},
    ${column('gcm_principles')}, ${column('thematic_areas')}, ${column('countries')}, ${column('regions')},
    ${column('stages')}, ${column('organisations')}, ${searchDocumentOf(column('content'), column('tags'))},
    practice_card(${column('content')})`;
}

/** The record columns `searchRowSelect` reads, as jsonb_to_recordset declares them. */
const SEARCH_RECORD_COLUMNS = sql`year smallint, languages text[], gcm_objectives text[], gcm_principles text[],
  thematic_areas text[], countries text[], regions text[], stages text[], organisations uuid[], tags text`;

const SEARCH_ROW_UPSERT = sql`ON CONFLICT (practice_id) DO UPDATE SET
  network_id = excluded.network_id, published_at = excluded.published_at, year = excluded.year,
  modality = excluded.modality, languages = excluded.languages,
  gcm_objectives = excluded.gcm_objectives, gcm_principles = excluded.gcm_principles,
  thematic_areas = excluded.thematic_areas, countries = excluded.countries,
  regions = excluded.regions, stages = excluded.stages, organisations = excluded.organisations,
  document = excluded.document, card = excluded.card`;

async function addWordsToLexicon(db: Executor, contents: PracticeContent[]): Promise<void> {
  const words = new Set<string>();
  for (const content of contents) for (const word of lexiconWords(content)) words.add(word);
  if (words.size === 0) return;
  await sql`INSERT INTO practice_lexicon (word) SELECT unnest(${[...words]}::text[]) ON CONFLICT DO NOTHING`.execute(
    db,
  );
}

/** The search rows of many published practices in one statement: the rows `writeSearchRow` writes one at a time. */
export async function writeSearchRows(
  db: Executor,
  items: {
    practice: { id: string; networkId: string; organisationId: string | null; firstPublishedAt: Date };
    content: PracticeContent;
  }[],
): Promise<void> {
  if (items.length === 0) return;
  const records = items.map(({ practice, content }) => ({
    id: practice.id,
    network_id: practice.networkId,
    published_at: practice.firstPublishedAt.toISOString(),
    content,
    ...searchFacetsOf(practice, content),
  }));
  await sql`
    INSERT INTO practice_search (${SEARCH_ROW_COLUMNS})
    SELECT ${searchRowSelect('r')}
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(id uuid, network_id uuid, published_at timestamptz,
      content jsonb, ${SEARCH_RECORD_COLUMNS})
    ${SEARCH_ROW_UPSERT}
  `.execute(db);
  await addWordsToLexicon(
    db,
    items.map((item) => item.content),
  );
}

/** An imported practice: its first version is published (with its search row) or a draft. */
export interface ImportedPracticeRow {
  id: string;
  versionId: string;
  networkId: string;
  organisationId: string;
  /** The publication date, or null for a draft. */
  publishedAt: Date | null;
  content: PracticeContent;
  completeness: number;
  createdBy: string | null;
}

/**
 * Imported practices in one statement: each practice, its first version (kind "import"), the
 * events "created" (now) and "published" (at its publication date), and the search rows of the published ones; then the
 * lexicon. The content is sent once, as one JSON parameter, and read by every insert; the
 * versions' foreign keys are checked at the end of the statement, when the practices exist.
 */
export async function insertImportedPractices(db: Executor, rows: ImportedPracticeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((row) => {
    const published = row.publishedAt !== null;
    return {
      id: row.id,
      version_id: row.versionId,
      network_id: row.networkId,
      organisation_id: row.organisationId,
      published_at: row.publishedAt?.toISOString() ?? null,
      created_by: row.createdBy,
      completeness: row.completeness,
      content: row.content,
      ...(published ? searchFacetsOf({ ...row, firstPublishedAt: row.publishedAt! }, row.content) : {}),
    };
  });
  await sql`
    WITH r AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(id uuid, version_id uuid,
        network_id uuid, organisation_id uuid, published_at timestamptz, created_by uuid, completeness smallint,
        content jsonb, ${SEARCH_RECORD_COLUMNS})
    ),
    practice AS (
      INSERT INTO practices (id, network_id, organisation_id, status, published_version_id, working_version_id,
        first_published_at, created_by)
      SELECT id, network_id, organisation_id,
        CASE WHEN published_at IS NULL THEN 'draft' ELSE 'published' END,
        CASE WHEN published_at IS NULL THEN NULL ELSE version_id END,
        CASE WHEN published_at IS NULL THEN version_id END,
        published_at, created_by
      FROM r
    ),
    version AS (
      INSERT INTO practice_versions (id, practice_id, number, state, kind, original_language, content,
        completeness, created_by, published_at)
      SELECT version_id, id, 1, CASE WHEN published_at IS NULL THEN 'draft' ELSE 'published' END, 'import',
        content->>'originalLanguage', content, completeness, created_by, published_at
      FROM r
    ),
    event AS (
      -- Created now; published when the file says it was, as makePublic dates its event.
      INSERT INTO practice_events (practice_id, version_id, kind, actor_id, at)
      SELECT r.id, r.version_id, 'created', r.created_by, now() FROM r
      UNION ALL
      SELECT r.id, r.version_id, 'published', r.created_by, r.published_at FROM r WHERE r.published_at IS NOT NULL
    )
    INSERT INTO practice_search (${SEARCH_ROW_COLUMNS})
    SELECT ${searchRowSelect('r')} FROM r WHERE r.published_at IS NOT NULL
  `.execute(db);
  await addWordsToLexicon(
    db,
    rows.filter((row) => row.publishedAt !== null).map((row) => row.content),
  );
}
