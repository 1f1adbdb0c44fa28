import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../web/language.ts';

type Json<T> = ColumnType<T, T | string, T | string>;

export interface NetworksTable {
  id: Generated<string>;
  slug: string;
  name: Json<LocalizedText>;
  description: ColumnType<LocalizedText, LocalizedText | string | undefined, LocalizedText | string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: Json<LocalizedText>;
  acronym: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface DirectoryTables {
  networks: NetworksTable;
  organisations: OrganisationsTable;
}
