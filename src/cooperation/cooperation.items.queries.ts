import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { countriesInArea } from '../directory/index.ts';
import { getEntry, getVocabulary, m49AreasOf } from '../reference/index.ts';
import type { LocalizedText } from '../web/language.ts';
import { canViewItem, memberNetworkIds } from './cooperation.access.ts';
import { type CooperationItem, findItem, toItem } from './cooperation.repository.ts';
import type { ItemFilters } from './cooperation.items.schemas.ts';
import type { ItemSide } from './cooperation.tables.ts';

/** An item with the names a page or an export shows beside it. */
export interface ItemWithNames extends CooperationItem {
  networkSlug: string;
  networkName: LocalizedText;
  organisationName: LocalizedText;
}

type ItemsQuery = SelectQueryBuilder<Database, 'cooperation_items' | 'networks' | 'organisations', object>;

/** The regions an item is about: those it names, the regions containing them, and the M49 areas of its countries. */
export function regionsOfItem(item: Pick<CooperationItem, 'regions' | 'countries'>): string[] {
  const result = new Set<string>();
  for (const code of item.regions) {
    let current: string | null | undefined = code;
    while (current && !result.has(current)) {
      const entry = getEntry('regions', current);
      if (!entry || entry.level === 'world') break;
      result.add(current);
      current = entry.parent;
    }
  }
  for (const country of item.countries) {
    const areas = m49AreasOf(country);
    for (const code of [areas?.region, areas?.subRegion, areas?.intermediateRegion])
      if (code) result.add(code);
  }
  return [...result];
}

/** A region and the regions inside it (an item naming Central America is also about the Americas). */
function regionAndDescendants(code: string): string[] {
  const all = getVocabulary('regions') ?? [];
  const result = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of all)
      if (entry.parent && result.has(entry.parent) && !result.has(entry.code)) {
        result.add(entry.code);
        grew = true;
      }
  }
  return [...result];
}

/** Only what the caller may see: public items, their networks' items, their organisation's. */
export async function visibleTo<Q extends ItemsQuery>(db: Executor, actor: Principal | null, query: Q) {
  if (actor?.isAdmin) return query;
  const networks = [...(await memberNetworkIds(db, actor))];
  return query.where((eb: ExpressionBuilder<Database, 'cooperation_items'>) =>
    eb.or([
      eb('cooperation_items.visibility', '=', 'public'),
      ...(networks.length > 0 ? [eb('cooperation_items.network_id', 'in', networks)] : []),
      ...(actor?.organisationId ? [eb('cooperation_items.organisation_id', '=', actor.organisationId)] : []),
    ]),
  ) as Q;
}

const overlaps = (column: string, values: string[]) =>
  sql<boolean>`${sql.ref(column)} && ${sql.val(values)}::text[]`;

/** PostgreSQL text cannot hold U+0000: a filter value carrying one is read without it. */
function withoutNul(filters: ItemFilters): ItemFilters {
  const strip = (value: string) => value.split(String.fromCharCode(0)).join('');
  return Object.fromEntries(
    Object.entries(filters).map(([name, value]) => [
      name,
      typeof value === 'string' ? strip(value) : Array.isArray(value) ? value.map(strip) : value,
    ]),
  ) as ItemFilters;
}

export function applyItemFilters<Q extends ItemsQuery>(query: Q, rawFilters: ItemFilters): Q {
  const filters = withoutNul(rawFilters);
  let result = query as ItemsQuery;
  const q = filters.q?.trim();
  if (q) {
    for (const word of q.split(/\s+/).slice(0, 8)) {
      const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      result = result.where(
        sql<boolean>`exists (select 1 from jsonb_each_text(cooperation_items.title) as t(lang, value)
          where unaccent(lower(t.value)) like unaccent(${pattern}))`,
      );
    }
  }
  if (filters.area?.length) result = result.where(overlaps('cooperation_items.thematic_areas', filters.area));
  if (filters.objective?.length)
    result = result.where(overlaps('cooperation_items.gcm_objectives', filters.objective));
  if (filters.country?.length)
    result = result.where(overlaps('cooperation_items.countries', filters.country));
  if (filters.region?.length) {
    const regions = [...new Set(filters.region.flatMap(regionAndDescendants))];
    const countries = [...new Set(filters.region.flatMap(countriesInArea))];
    result = result.where((eb) =>
      eb.or([
        overlaps('cooperation_items.regions', regions),
        overlaps('cooperation_items.countries', countries),
      ]),
    );
  }
  if (filters.kind?.length) result = result.where('cooperation_items.kind', 'in', filters.kind);
  if (filters.status?.length)
    result = result.where('cooperation_items.status', 'in', filters.status as CooperationItem['status'][]);
  if (filters.network?.length) result = result.where('networks.slug', 'in', filters.network);
  if (filters.organisation)
    result = result.where('cooperation_items.organisation_id', '=', filters.organisation);
  return result as Q;
}

function baseQuery(db: Executor, side: ItemSide | null) {
  const query = db
    .selectFrom('cooperation_items')
    .innerJoin('networks', 'networks.id', 'cooperation_items.network_id')
    .innerJoin('organisations', 'organisations.id', 'cooperation_items.organisation_id');
  return side ? query.where('cooperation_items.side', '=', side) : query;
}

const withNames = (row: Record<string, unknown>): ItemWithNames => ({
  ...toItem(row as never),
  networkSlug: row.network_slug as string,
  networkName: row.network_name as LocalizedText,
  organisationName: row.organisation_name as LocalizedText,
});

export type FacetName = 'area' | 'objective' | 'country' | 'region' | 'kind' | 'status' | 'network';
export type Facets = Record<FacetName, { value: string; count: number }[]>;

function countFacets(rows: Record<string, unknown>[]): Facets {
  const counters: Record<FacetName, Map<string, number>> = {
    area: new Map(),
    objective: new Map(),
    country: new Map(),
    region: new Map(),
    kind: new Map(),
    status: new Map(),
    network: new Map(),
  };
  const add = (facet: FacetName, values: Iterable<string>) => {
    for (const value of new Set(values)) counters[facet].set(value, (counters[facet].get(value) ?? 0) + 1);
  };
  for (const row of rows) {
    add('area', row.thematic_areas as string[]);
    add('objective', row.gcm_objectives as string[]);
    add('country', row.countries as string[]);
    add('region', regionsOfItem({ regions: row.regions as string[], countries: row.countries as string[] }));
    add('kind', [row.kind as string]);
    add('status', [row.status as string]);
    add('network', [row.network_slug as string]);
  }
  const sorted = (map: Map<string, number>) =>
    [...map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return Object.fromEntries(Object.entries(counters).map(([name, map]) => [name, sorted(map)])) as Facets;
}

/** A page of the offers (or demands) the caller may see, with the filters' counts. */
export async function searchItems(
  db: Executor,
  actor: Principal | null,
  side: ItemSide,
  filters: ItemFilters,
  pageSize = 20,
) {
  const page = filters.page ?? 1;
  const filtered = applyItemFilters(await visibleTo(db, actor, baseQuery(db, side)), filters);
  const [rows, facetRows] = await Promise.all([
    filtered
      .selectAll('cooperation_items')
      .select([
        'networks.slug as network_slug',
        'networks.name as network_name',
        'organisations.name as organisation_name',
      ])
      .orderBy('cooperation_items.updated_at', 'desc')
      .orderBy('cooperation_items.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered
      .select([
        'cooperation_items.thematic_areas',
        'cooperation_items.gcm_objectives',
        'cooperation_items.countries',
        'cooperation_items.regions',
        'cooperation_items.kind',
        'cooperation_items.status',
        'networks.slug as network_slug',
      ])
      .limit(10_000)
      .execute(),
  ]);
  return {
    items: rows.map((row) => withNames(row as Record<string, unknown>)),
    total: facetRows.length,
    page,
    pageSize,
    facets: countFacets(facetRows as Record<string, unknown>[]),
  };
}

/** Every item of a side the caller may see, matching the filters (exports, the consolidation table). */
export async function listVisibleItems(
  db: Executor,
  actor: Principal | null,
  side: ItemSide | null,
  filters: ItemFilters = {},
): Promise<ItemWithNames[]> {
  const rows = await applyItemFilters(await visibleTo(db, actor, baseQuery(db, side)), filters)
    .selectAll('cooperation_items')
    .select([
      'networks.slug as network_slug',
      'networks.name as network_name',
      'organisations.name as organisation_name',
    ])
    .orderBy('cooperation_items.created_at')
    .orderBy('cooperation_items.id')
    .execute();
  return rows.map((row) => withNames(row as Record<string, unknown>));
}

/** One item of `side` with its names, or null when it does not exist or the caller may not see it. */
export async function getItem(
  db: Executor,
  actor: Principal | null,
  side: ItemSide,
  id: string,
): Promise<ItemWithNames | null> {
  const item = await findItem(db, id);
  if (!item || item.side !== side || !(await canViewItem(db, actor, item))) return null;
  const names = await db
    .selectFrom('networks')
    .innerJoin('organisations', (join) => join.on('organisations.id', '=', item.organisationId))
    .select(['networks.slug', 'networks.name as network_name', 'organisations.name as organisation_name'])
    .where('networks.id', '=', item.networkId)
    .executeTakeFirstOrThrow();
  return {
    ...item,
    networkSlug: names.slug,
    networkName: names.network_name,
    organisationName: names.organisation_name,
  };
}

/** The networks and organisations the actor may offer or ask for, for the form's choices. */
export async function formChoices(db: Executor, actor: Principal) {
  let query = db
    .selectFrom('network_memberships')
    .innerJoin('networks', 'networks.id', 'network_memberships.network_id')
    .innerJoin('organisations', 'organisations.id', 'network_memberships.organisation_id')
    .select([
      'networks.id as network_id',
      'networks.name as network_name',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
    ]);
  if (!actor.isAdmin) {
    const secretariatOf = actor.roles.filter((r) => r.role === 'secretariat').map((r) => r.networkId);
    query = query.where((eb) =>
      eb.or([
        ...(secretariatOf.length > 0 ? [eb('network_memberships.network_id', 'in', secretariatOf)] : []),
        ...(actor.organisationId
          ? [eb('network_memberships.organisation_id', '=', actor.organisationId)]
          : []),
        ...(secretariatOf.length === 0 && !actor.organisationId ? [sql<boolean>`false`] : []),
      ]),
    );
  }
  const rows = await query.execute();
  const networks = new Map<string, LocalizedText>();
  const organisations = new Map<string, LocalizedText>();
  for (const row of rows) {
    networks.set(row.network_id, row.network_name);
    organisations.set(row.organisation_id, row.organisation_name);
  }
  return {
    networks: [...networks].map(([id, name]) => ({ id, name })),
    organisations: [...organisations].map(([id, name]) => ({ id, name })),
  };
}

/** The newest items of a side created in (after, until] that the caller may see and the filters match (digests). */
export async function newItemsSince(
  db: Executor,
  actor: Principal | null,
  side: ItemSide,
  filters: ItemFilters,
  window: { after: Date; until: Date },
  limit: number,
): Promise<ItemWithNames[]> {
  const rows = await applyItemFilters(await visibleTo(db, actor, baseQuery(db, side)), filters)
    .where('cooperation_items.created_at', '>', window.after)
    .where('cooperation_items.created_at', '<=', window.until)
    .selectAll('cooperation_items')
    .select([
      'networks.slug as network_slug',
      'networks.name as network_name',
      'organisations.name as organisation_name',
    ])
    .orderBy('cooperation_items.created_at', 'desc')
    .orderBy('cooperation_items.id')
    .limit(limit)
    .execute();
  return rows.map((row) => withNames(row as Record<string, unknown>));
}
