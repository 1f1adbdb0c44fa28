import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../web/language.ts';
import type { PracticeContent } from './practices.schemas.ts';

type Json<T> = ColumnType<T, T | string, T | string>;
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type DateColumn = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type PracticeStatus =
  'draft' | 'submitted' | 'in-review' | 'returned' | 'published' | 'withdrawn' | 'archived';
export type VersionState = 'draft' | 'submitted' | 'in-review' | 'returned' | 'published' | 'superseded';
export type VersionKind = 'revision' | 'translation' | 'import';
export type ReviewSeat = 'secretariat' | 'member';
export type Recommendation = 'publish' | 'revise' | 'reject';

export interface SmartPrinciplesTable {
  network_id: string;
  code: string;
  stage: 'design' | 'implementation';
  label: Json<LocalizedText>;
  position: ColumnType<number, number | undefined, number>;
}

export interface PracticeCallsTable {
  id: Generated<string>;
  network_id: string;
  title: Json<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  opens_on: DateColumn;
  closes_on: DateColumn;
  gcm_objectives: TextArray;
  thematic_areas: TextArray;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PracticesTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string | null;
  call_id: string | null;
  status: ColumnType<PracticeStatus, PracticeStatus | undefined, PracticeStatus>;
  published_version_id: string | null;
  working_version_id: string | null;
  first_published_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface PracticeVersionsTable {
  id: Generated<string>;
  practice_id: string;
  number: number;
  state: VersionState;
  kind: ColumnType<VersionKind, VersionKind | undefined, VersionKind>;
  original_language: string;
  content: Json<PracticeContent>;
  completeness: number;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Timestamp | null;
  published_at: Timestamp | null;
}

export interface PracticeEventsTable {
  id: Generated<string>;
  practice_id: string;
  version_id: string | null;
  kind: string;
  comment: string | null;
  actor_id: string | null;
  at: Generated<Date>;
}

export interface PracticeReviewsTable {
  id: Generated<string>;
  version_id: string;
  reviewer_id: string;
  seat: ReviewSeat;
  assigned_by: string | null;
  assigned_at: Generated<Date>;
  relevance: number | null;
  effectiveness: number | null;
  replicability: number | null;
  sustainability: number | null;
  recommendation: Recommendation | null;
  comments: string | null;
  submitted_at: Timestamp | null;
}

export interface PracticeAttachmentsTable {
  id: Generated<string>;
  practice_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  data: Uint8Array;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface PracticeSearchTable {
  practice_id: string;
  network_id: string;
  published_at: Timestamp;
  year: number | null;
  modality: string | null;
  languages: TextArray;
  gcm_objectives: TextArray;
  gcm_principles: TextArray;
  thematic_areas: TextArray;
  countries: TextArray;
  regions: TextArray;
  stages: TextArray;
  organisations: TextArray;
  /** Written with SQL (to_tsvector); never read whole. */
  document: ColumnType<string, never, never>;
  /** Written with SQL (`practice_card`): what a list of results shows (practices.search.page.ts). */
  card: ColumnType<unknown, never, never>;
}

export interface PracticeLexiconTable {
  word: string;
}

export interface PracticesTables {
  smart_principles: SmartPrinciplesTable;
  practice_calls: PracticeCallsTable;
  practices: PracticesTable;
  practice_versions: PracticeVersionsTable;
  practice_events: PracticeEventsTable;
  practice_reviews: PracticeReviewsTable;
  practice_attachments: PracticeAttachmentsTable;
  practice_search: PracticeSearchTable;
  practice_lexicon: PracticeLexiconTable;
}
