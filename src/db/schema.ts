import type { Kysely, Transaction } from 'kysely';
import type { AccountsTables } from '../accounts/accounts.tables.ts';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { CooperationTables } from '../cooperation/cooperation.tables.ts';
import type { DirectoryTables } from '../directory/directory.tables.ts';
import type { PracticesTables } from '../practices/practices.tables.ts';
import type { JobsTables } from '../jobs/jobs.tables.ts';
import type { MeetingsTables } from '../meetings/meetings.tables.ts';
import type { UpdatesTables } from '../updates/updates.tables.ts';
import type { QuestionsTables } from '../questions/questions.tables.ts';
import type { SubscriptionsTables } from '../subscriptions/subscriptions.tables.ts';

export interface SettingsTable {
  key: string;
  value: string;
}

/** The whole schema, assembled from each domain's own table types. */
export interface Database
  extends
    AccountsTables,
    AuditTables,
    DirectoryTables,
    PracticesTables,
    CooperationTables,
    JobsTables,
    MeetingsTables,
    UpdatesTables,
    QuestionsTables,
    SubscriptionsTables {
  settings: SettingsTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories take either the database or a transaction as their first argument. */
export type Executor = Db | Tx;
