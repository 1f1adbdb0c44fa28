import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../web/language.ts';

/** A jsonb column: read as the object, written as the object or its JSON text. */
type Json<T> = ColumnType<T, T | string, T | string>;
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
/** A text[] column: written as an array, defaulting to empty. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** A date column (no time): read and written as 'YYYY-MM-DD' (see the type parsers in src/db/database.ts). */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export type NetworkKind = 'network' | 'coalition' | 'working-group' | 'platform';
export type FundingStatus = 'funded' | 'partly-funded' | 'unfunded';
export type MembershipRole = 'coordinator' | 'member' | 'observer';

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: Json<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  kind: ColumnType<NetworkKind, NetworkKind | undefined, NetworkKind>;
  region: string | null;
  year_founded: number | null;
  objectives: JsonWithDefault<LocalizedText>;
  coordinating_organisation_id: string | null;
  meeting_cadence: JsonWithDefault<LocalizedText>;
  funding_status: FundingStatus | null;
  funding_note: JsonWithDefault<LocalizedText>;
  funding_year: number | null;
  countries: TextArray;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: Json<LocalizedText>;
  acronym: JsonWithDefault<LocalizedText>;
  stakeholder_group: ColumnType<string, string | undefined, string>;
  headquarters_country: string | null;
  countries_served: TextArray;
  thematic_areas: TextArray;
  website: string | null;
  description: JsonWithDefault<LocalizedText>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface OrganisationAccreditationsTable {
  id: Generated<string>;
  organisation_id: string;
  accrediting_organisation_id: string | null;
  accrediting_body: string | null;
  kind: string;
  granted_on: DateColumn;
  note: string | null;
}

export interface FocalPointsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string | null;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  languages: TextArray;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface OrganisationRelationshipsTable {
  id: Generated<string>;
  organisation_id: string;
  related_organisation_id: string;
  kind: string;
  since: DateColumn;
  note: string | null;
}

export interface NetworkMembershipsTable {
  network_id: string;
  organisation_id: string;
  role: ColumnType<MembershipRole, MembershipRole | undefined, MembershipRole>;
  since: DateColumn;
}

export interface InvitationsTable {
  token_hash: string;
  organisation_id: string;
  network_id: string | null;
  email: string;
  name: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface DirectoryTables {
  networks: NetworksTable;
  organisations: OrganisationsTable;
  organisation_accreditations: OrganisationAccreditationsTable;
  focal_points: FocalPointsTable;
  organisation_relationships: OrganisationRelationshipsTable;
  network_memberships: NetworkMembershipsTable;
  invitations: InvitationsTable;
}
