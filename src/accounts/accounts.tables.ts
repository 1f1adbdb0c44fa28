import type { ColumnType, Generated } from 'kysely';
import type { Lang } from '../web/language.ts';

export type NetworkRole = 'secretariat' | 'member';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<Lang>;
  is_admin: Generated<boolean>;
  organisation_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  disabled_at: Date | null;
  /** The languages this member translates practices into (the translator role). */
  translator_languages: ColumnType<string[], string[] | undefined, string[]>;
  /** The IANA time zone meetings are shown in (null: the organiser's, and UTC). */
  time_zone: string | null;
}

export interface NetworkRolesTable {
  user_id: string;
  network_id: string;
  role: NetworkRole;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  key_hash: string;
  failed_at: Generated<Date>;
}

export interface AccountsTables {
  users: UsersTable;
  network_roles: NetworkRolesTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
}
