import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';

/** Filters already resolved to codes: a region is expanded to its countries by the caller. */
export interface ResolvedOrganisationFilters {
  q?: string | undefined;
  groups?: string[] | undefined;
  countries?: string[] | undefined;
  /** Each inner list is one chosen region's countries; an organisation must serve one of them. */
  regionCountries?: string[][] | undefined;
  areas?: string[] | undefined;
  networkSlugs?: string[] | undefined;
}

export type FacetDimension = 'group' | 'country' | 'region' | 'area' | 'network';

type OrganisationsQuery = SelectQueryBuilder<Database, 'organisations', object>;

/** The text an organisation is found by: every name, acronym and description, in every language. */
const searchableText = sql<string>`unaccent(lower(organisations.name::text || ' ' || organisations.acronym::text || ' ' || organisations.description::text))`;

/** Applies every filter but `except` (a facet counts what its own choice would add). */
function applyFilters(
  query: OrganisationsQuery,
  filters: ResolvedOrganisationFilters,
  except?: FacetDimension,
): OrganisationsQuery {
  let result = query;
  const q = filters.q?.trim();
  if (q) {
    for (const word of q.split(/\s+/).slice(0, 8)) {
      const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      result = result.where(searchableText, 'like', sql<string>`unaccent(${pattern})`);
    }
  }
  if (except !== 'group' && filters.groups?.length)
    result = result.where('organisations.stakeholder_group', 'in', filters.groups);
  if (except !== 'country' && filters.countries?.length) {
    result = result.where(
      sql<boolean>`organisations.countries_served && ${sql.val(filters.countries)}::text[]`,
    );
  }
  if (except !== 'region' && filters.regionCountries?.length) {
    const union = [...new Set(filters.regionCountries.flat())];
    result = result.where(sql<boolean>`organisations.countries_served && ${sql.val(union)}::text[]`);
  }
  if (except !== 'area' && filters.areas?.length) {
    result = result.where(sql<boolean>`organisations.thematic_areas && ${sql.val(filters.areas)}::text[]`);
  }
  if (except !== 'network' && filters.networkSlugs?.length) {
    const slugs = filters.networkSlugs;
    result = result.where((eb: ExpressionBuilder<Database, 'organisations'>) =>
      eb.exists(
        eb
          .selectFrom('network_memberships')
          .innerJoin('networks', 'networks.id', 'network_memberships.network_id')
          .select(sql`1`.as('one'))
          .whereRef('network_memberships.organisation_id', '=', 'organisations.id')
          .where('networks.slug', 'in', slugs),
      ),
    );
  }
  return result;
}

export function listOrganisations(
  db: Executor,
  filters: ResolvedOrganisationFilters,
  limit: number,
  offset: number,
) {
  return applyFilters(db.selectFrom('organisations'), filters)
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.acronym',
      'organisations.stakeholder_group',
      'organisations.headquarters_country',
      'organisations.countries_served',
      'organisations.thematic_areas',
    ])
    .orderBy(
      sql`lower(coalesce(organisations.name->>'en', organisations.name->>'fr', organisations.name->>'es', organisations.name->>'pt'))`,
    )
    .orderBy('organisations.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countOrganisations(
  db: Executor,
  filters: ResolvedOrganisationFilters,
): Promise<number> {
  const row = await applyFilters(db.selectFrom('organisations'), filters)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type FacetCounts = { value: string; count: number }[];

/** Counts by one dimension over the organisations matching every other filter. */
export async function facetCounts(
  db: Executor,
  filters: ResolvedOrganisationFilters,
  dimension: Exclude<FacetDimension, 'region'>,
): Promise<FacetCounts> {
  const base = applyFilters(db.selectFrom('organisations'), filters, dimension);
  let rows: { value: string; count: string }[];
  switch (dimension) {
    case 'group':
      rows = await base
        .select(['organisations.stakeholder_group as value', (eb) => eb.fn.countAll<string>().as('count')])
        .groupBy('organisations.stakeholder_group')
        .execute();
      break;
    case 'country':
      rows = await db
        .selectFrom(base.select(sql<string>`unnest(organisations.countries_served)`.as('value')).as('served'))
        .select(['served.value', (eb) => eb.fn.countAll<string>().as('count')])
        .groupBy('served.value')
        .execute();
      break;
    case 'area':
      rows = await db
        .selectFrom(base.select(sql<string>`unnest(organisations.thematic_areas)`.as('value')).as('areas'))
        .select(['areas.value', (eb) => eb.fn.countAll<string>().as('count')])
        .groupBy('areas.value')
        .execute();
      break;
    case 'network':
      rows = await base
        .innerJoin('network_memberships', 'network_memberships.organisation_id', 'organisations.id')
        .innerJoin('networks', 'networks.id', 'network_memberships.network_id')
        .select(['networks.slug as value', (eb) => eb.fn.countAll<string>().as('count')])
        .groupBy('networks.slug')
        .execute();
      break;
  }
  return rows
    .map((row) => ({ value: row.value, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The countries served by each matching organisation (every filter but the region's): regions are counted from them. */
export function countriesOfMatching(db: Executor, filters: ResolvedOrganisationFilters) {
  return applyFilters(db.selectFrom('organisations'), filters, 'region')
    .select(['organisations.countries_served'])
    .execute();
}

export function findOrganisation(db: Executor, id: string) {
  return db
    .selectFrom('organisations')
    .selectAll('organisations')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('organisation_accreditations')
          .leftJoin(
            'organisations as body',
            'body.id',
            'organisation_accreditations.accrediting_organisation_id',
          )
          .select([
            'organisation_accreditations.id',
            'organisation_accreditations.kind',
            'organisation_accreditations.accrediting_organisation_id as accreditingOrganisationId',
            'organisation_accreditations.accrediting_body as accreditingBody',
            'body.name as accreditingName',
            sql<string | null>`to_char(organisation_accreditations.granted_on, 'YYYY-MM-DD')`.as('grantedOn'),
            'organisation_accreditations.note',
          ])
          .whereRef('organisation_accreditations.organisation_id', '=', 'organisations.id')
          .orderBy('organisation_accreditations.granted_on'),
      ).as('accreditations'),
      jsonArrayFrom(
        eb
          .selectFrom('organisation_relationships')
          .innerJoin(
            'organisations as other',
            'other.id',
            'organisation_relationships.related_organisation_id',
          )
          .select([
            'organisation_relationships.id',
            'organisation_relationships.kind',
            sql<'outgoing'>`'outgoing'`.as('direction'),
            'other.id as otherId',
            'other.name as otherName',
            sql<string | null>`to_char(organisation_relationships.since, 'YYYY-MM-DD')`.as('since'),
            'organisation_relationships.note',
          ])
          .whereRef('organisation_relationships.organisation_id', '=', 'organisations.id')
          .unionAll(
            eb
              .selectFrom('organisation_relationships')
              .innerJoin('organisations as other', 'other.id', 'organisation_relationships.organisation_id')
              .select([
                'organisation_relationships.id',
                'organisation_relationships.kind',
                sql<'outgoing'>`'incoming'`.as('direction'),
                'other.id as otherId',
                'other.name as otherName',
                sql<string | null>`to_char(organisation_relationships.since, 'YYYY-MM-DD')`.as('since'),
                'organisation_relationships.note',
              ])
              .whereRef('organisation_relationships.related_organisation_id', '=', 'organisations.id'),
          ),
      ).as('relationships'),
      jsonArrayFrom(
        eb
          .selectFrom('network_memberships')
          .innerJoin('networks', 'networks.id', 'network_memberships.network_id')
          .select([
            'networks.id',
            'networks.slug',
            'networks.name',
            'network_memberships.role',
            sql<string | null>`to_char(network_memberships.since, 'YYYY-MM-DD')`.as('since'),
          ])
          .whereRef('network_memberships.organisation_id', '=', 'organisations.id')
          .orderBy('networks.slug'),
      ).as('memberships'),
    ])
    .where('organisations.id', '=', id)
    .executeTakeFirst();
}

export function listFocalPoints(db: Executor, organisationId: string) {
  return db
    .selectFrom('focal_points')
    .select(['id', 'name', 'title', 'email', 'phone', 'languages', 'version'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

export interface OrganisationRow {
  name: LocalizedText;
  acronym: LocalizedText;
  stakeholderGroup: string;
  headquartersCountry: string | null;
  countriesServed: string[];
  thematicAreas: string[];
  website: string | null;
  description: LocalizedText;
}

function columns(row: OrganisationRow) {
  return {
    name: JSON.stringify(row.name),
    acronym: JSON.stringify(row.acronym),
    stakeholder_group: row.stakeholderGroup,
    headquarters_country: row.headquartersCountry,
    countries_served: row.countriesServed,
    thematic_areas: row.thematicAreas,
    website: row.website,
    description: JSON.stringify(row.description),
  };
}

export function insertOrganisationRow(db: Executor, row: OrganisationRow) {
  return db
    .insertInto('organisations')
    .values(columns(row))
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** Updates only if the row is still at `version`; returns undefined when someone else saved first. */
export function updateOrganisationRow(db: Executor, id: string, version: number, row: OrganisationRow) {
  return db
    .updateTable('organisations')
    .set({ ...columns(row), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export function deleteOrganisationRow(db: Executor, id: string) {
  return db.deleteFrom('organisations').where('id', '=', id).returning('id').executeTakeFirst();
}

/**
 * Organisations whose name or acronym, in any language, resembles one of the given texts (trigram
 * similarity), for duplicate warnings. With a country, organisations with no headquarters
 * country are kept too: an unknown country may well be the same one.
 */
export function findSimilarOrganisations(
  db: Executor,
  texts: string[],
  country: string | null,
  excludeId: string | null,
) {
  const probe = texts.filter((text) => text.trim().length >= 2);
  if (probe.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('organisations')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.acronym',
      'organisations.headquarters_country',
    ])
    .select(
      // The best similarity between any probe and any single name or acronym, language by language.
      sql<number>`(SELECT max(similarity(unaccent(lower(texts.value)), unaccent(lower(probes.text))))
        FROM (SELECT value FROM jsonb_each_text(organisations.name)
              UNION ALL SELECT value FROM jsonb_each_text(organisations.acronym)) AS texts,
             unnest(${sql.val(probe)}::text[]) AS probes(text))`.as('score'),
    )
    .orderBy('score', 'desc')
    .limit(5);
  if (country)
    query = query.where((eb) =>
      eb.or([
        eb('organisations.headquarters_country', '=', country),
        eb('organisations.headquarters_country', 'is', null),
      ]),
    );
  if (excludeId) query = query.where('organisations.id', '<>', excludeId);
  return db.selectFrom(query.as('candidates')).selectAll().where('candidates.score', '>=', 0.45).execute();
}
