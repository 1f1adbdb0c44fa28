import type { Db } from '../db/schema.ts';
import { type Principal, isMember } from '../http/access.ts';
import { getVocabulary, m49AreasOf } from '../reference/index.ts';
import type { OrganisationFilters } from './directory.schemas.ts';
import * as organisations from './organisations.repository.ts';
import * as networks from './networks.repository.ts';

export type { FacetCounts } from './organisations.repository.ts';

let countriesByArea: Map<string, string[]> | undefined;

/** Every country of a UN M49 area (region, sub-region or intermediate region). */
export function countriesInArea(area: string): string[] {
  if (!countriesByArea) {
    countriesByArea = new Map();
    for (const country of getVocabulary('countries') ?? []) {
      const areas = m49AreasOf(country.code);
      for (const code of [areas?.region, areas?.subRegion, areas?.intermediateRegion]) {
        if (!code) continue;
        const list = countriesByArea.get(code) ?? [];
        list.push(country.code);
        countriesByArea.set(code, list);
      }
    }
  }
  return countriesByArea.get(area) ?? [];
}

function resolveFilters(filters: OrganisationFilters): organisations.ResolvedOrganisationFilters {
  return {
    q: filters.q,
    groups: filters.group,
    countries: filters.country,
    regionCountries: filters.region?.map(countriesInArea),
    areas: filters.area,
    networkSlugs: filters.network,
  };
}

/** The regions (M49 regions and sub-regions) with how many matching organisations serve each. */
function regionCounts(rows: { countries_served: string[] }[]): organisations.FacetCounts {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const areas = new Set<string>();
    for (const country of row.countries_served) {
      const of = m49AreasOf(country);
      if (of?.region) areas.add(of.region);
      if (of?.subRegion) areas.add(of.subRegion);
    }
    for (const area of areas) counts.set(area, (counts.get(area) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** One page of organisations matching the filters, with the total and the facets. Public data only. */
export async function searchOrganisations(db: Db, filters: OrganisationFilters) {
  const resolved = resolveFilters(filters);
  const pageSize = filters.pageSize ?? 20;
  const page = filters.page ?? 1;
  const [items, total, group, country, area, network, regionRows] = await Promise.all([
    organisations.listOrganisations(db, resolved, pageSize, (page - 1) * pageSize),
    organisations.countOrganisations(db, resolved),
    organisations.facetCounts(db, resolved, 'group'),
    organisations.facetCounts(db, resolved, 'country'),
    organisations.facetCounts(db, resolved, 'area'),
    organisations.facetCounts(db, resolved, 'network'),
    organisations.countriesOfMatching(db, resolved),
  ]);
  return {
    items,
    total,
    page,
    pageSize,
    facets: { group, country, region: regionCounts(regionRows), area, network },
  };
}

/**
 * One organisation with its accreditations, relationships and networks. Focal points' contact
 * details are personal data: members see them, the public sees only that there are some.
 */
export async function getOrganisation(db: Db, principal: Principal | null, id: string) {
  const organisation = await organisations.findOrganisation(db, id);
  if (!organisation) return null;
  const focalPoints = isMember(principal) ? await organisations.listFocalPoints(db, id) : null;
  return { ...organisation, focalPoints };
}

export function listNetworks(db: Db) {
  return networks.listNetworkRows(db);
}

/** One network with its members, and what each member does in other networks. */
export async function getNetwork(db: Db, slug: string) {
  const network = await networks.findNetworkBySlug(db, slug);
  if (!network) return null;
  const elsewhere = await networks.otherNetworksOfMembers(db, network.id);
  return { ...network, elsewhere };
}

export function findSimilarOrganisations(
  db: Db,
  names: string[],
  country: string | null,
  excludeId: string | null,
) {
  return organisations.findSimilarOrganisations(db, names, country, excludeId);
}
