import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type { FundingStatus, MembershipRole, NetworkKind } from './directory.tables.ts';

export function listNetworkRows(db: Executor) {
  return db
    .selectFrom('networks')
    .select((eb) => [
      'networks.id',
      'networks.slug',
      'networks.name',
      'networks.description',
      'networks.kind',
      'networks.region',
      'networks.year_founded',
      'networks.funding_status',
      'networks.countries',
      eb
        .selectFrom('network_memberships')
        .select((inner) => inner.fn.countAll<string>().as('count'))
        .whereRef('network_memberships.network_id', '=', 'networks.id')
        .as('members'),
      eb
        .selectFrom('network_roles')
        .select((inner) => inner.fn.countAll<string>().as('count'))
        .whereRef('network_roles.network_id', '=', 'networks.id')
        .as('people'),
    ])
    .orderBy('networks.slug')
    .execute();
}

export function findNetworkBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('networks')
    .leftJoin('organisations as coordinator', 'coordinator.id', 'networks.coordinating_organisation_id')
    .selectAll('networks')
    .select(['coordinator.name as coordinator_name'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('network_memberships')
          .innerJoin('organisations', 'organisations.id', 'network_memberships.organisation_id')
          .select([
            'organisations.id',
            'organisations.name',
            'organisations.acronym',
            'organisations.stakeholder_group as stakeholderGroup',
            'organisations.headquarters_country as headquartersCountry',
            'organisations.countries_served as countriesServed',
            'network_memberships.role',
            sql<string | null>`to_char(network_memberships.since, 'YYYY-MM-DD')`.as('since'),
          ])
          .whereRef('network_memberships.network_id', '=', 'networks.id')
          .orderBy('network_memberships.role')
          .orderBy(sql`organisations.name::text`),
      ).as('members'),
    ])
    .where('networks.slug', '=', slug)
    .executeTakeFirst();
}

/** For each member of a network, the other networks it belongs to (learning across networks). */
export function otherNetworksOfMembers(db: Executor, networkId: string) {
  return db
    .selectFrom('network_memberships as mine')
    .innerJoin('network_memberships as elsewhere', 'elsewhere.organisation_id', 'mine.organisation_id')
    .innerJoin('networks', 'networks.id', 'elsewhere.network_id')
    .select(['mine.organisation_id as organisationId', 'networks.slug', 'networks.name', 'elsewhere.role'])
    .where('mine.network_id', '=', networkId)
    .where('elsewhere.network_id', '<>', networkId)
    .orderBy('networks.slug')
    .execute();
}

export interface NetworkRow {
  slug: string;
  name: LocalizedText;
  kind: NetworkKind;
  description: LocalizedText;
  region: string | null;
  yearFounded: number | null;
  objectives: LocalizedText;
  coordinatingOrganisationId: string | null;
  meetingCadence: LocalizedText;
  fundingStatus: FundingStatus | null;
  fundingNote: LocalizedText;
  fundingYear: number | null;
  countries: string[];
}

function columns(row: NetworkRow) {
  return {
    slug: row.slug,
    name: JSON.stringify(row.name),
    kind: row.kind,
    description: JSON.stringify(row.description),
    region: row.region,
    year_founded: row.yearFounded,
    objectives: JSON.stringify(row.objectives),
    coordinating_organisation_id: row.coordinatingOrganisationId,
    meeting_cadence: JSON.stringify(row.meetingCadence),
    funding_status: row.fundingStatus,
    funding_note: JSON.stringify(row.fundingNote),
    funding_year: row.fundingYear,
    countries: row.countries,
  };
}

export function insertNetworkRow(db: Executor, row: NetworkRow) {
  return db
    .insertInto('networks')
    .values(columns(row))
    .returning(['id', 'slug', 'version'])
    .executeTakeFirstOrThrow();
}

export function updateNetworkRow(db: Executor, id: string, version: number, row: NetworkRow) {
  return db
    .updateTable('networks')
    .set({ ...columns(row), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'slug', 'version'])
    .executeTakeFirst();
}

export function upsertMembership(
  db: Executor,
  networkId: string,
  organisationId: string,
  role: MembershipRole,
  since: string | null,
) {
  return db
    .insertInto('network_memberships')
    .values({ network_id: networkId, organisation_id: organisationId, role, since })
    .onConflict((oc) => oc.columns(['network_id', 'organisation_id']).doUpdateSet({ role, since }))
    .execute();
}

export function findMembership(db: Executor, networkId: string, organisationId: string) {
  return db
    .selectFrom('network_memberships')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export function deleteMembership(db: Executor, networkId: string, organisationId: string) {
  return db
    .deleteFrom('network_memberships')
    .where('network_id', '=', networkId)
    .where('organisation_id', '=', organisationId)
    .returning('organisation_id')
    .executeTakeFirst();
}

/** The networks an organisation belongs to, as ids (for authorization). */
export function networkIdsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('network_memberships')
    .select('network_id')
    .where('organisation_id', '=', organisationId)
    .execute();
}
