import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../web/language.ts';

type Json<T> = ColumnType<T, T | string, T | string>;
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type DateColumn = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `numeric` comes back from both drivers as a string, to keep its precision; written as a number or a string. */
type Numeric = ColumnType<string, number | string, number | string>;

export type ItemSide = 'offer' | 'demand';
export type ItemStatus = 'open' | 'in-discussion' | 'matched' | 'closed';
export type Visibility = 'public' | 'network';
export type MatchStage =
  | 'proposed'
  | 'contacted'
  | 'meeting-held'
  | 'agreement-drafted'
  | 'agreement-signed'
  | 'under-way'
  | 'completed'
  | 'dropped';
export type RecordStatus = 'planned' | 'under-way' | 'completed';
export type PartyRole = 'provider' | 'beneficiary' | 'funder' | 'facilitator' | 'partner';
export type IndicatorScope = 'network' | 'record' | 'objective';
export type UnitType = 'count' | 'percentage' | 'amount' | 'score';

export interface CooperationItemsTable {
  id: Generated<string>;
  side: ItemSide;
  network_id: string;
  organisation_id: string;
  original_language: string;
  title: Json<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  kind: string;
  thematic_areas: TextArray;
  gcm_objectives: TextArray;
  countries: TextArray;
  regions: TextArray;
  working_languages: TextArray;
  starts_on: DateColumn | null;
  ends_on: DateColumn | null;
  capacity: string | null;
  budget_amount: Numeric | null;
  budget_currency: string | null;
  status: ColumnType<ItemStatus, ItemStatus | undefined, ItemStatus>;
  visibility: ColumnType<Visibility, Visibility | undefined, Visibility>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MatchingWeightsTable {
  network_id: string;
  weights: Json<Record<string, number>>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** One reason of a match's score, as it was when proposed: a component, its points, and the words' arguments. */
export interface ExplanationPart {
  component: string;
  points: number;
  values: Record<string, string | number>;
}

export interface CooperationMatchesTable {
  id: Generated<string>;
  network_id: string;
  demand_id: string;
  offer_id: string;
  stage: ColumnType<MatchStage, MatchStage | undefined, MatchStage>;
  score: number | null;
  explanation: JsonWithDefault<ExplanationPart[]>;
  dropped_reason: string | null;
  proposed_by: string | null;
  proposed_at: Generated<Date>;
  last_moved_at: Timestamp;
  reminded_at: Timestamp | null;
  version: Generated<number>;
}

export interface CooperationMatchMovesTable {
  id: Generated<string>;
  match_id: string;
  from_stage: MatchStage | null;
  to_stage: MatchStage;
  occurred_on: DateColumn;
  note: string | null;
  reason: string | null;
  actor_id: string | null;
  at: Generated<Date>;
}

export interface CooperationRecordsTable {
  id: Generated<string>;
  network_id: string;
  match_id: string | null;
  original_language: string;
  title: Json<LocalizedText>;
  summary: JsonWithDefault<LocalizedText>;
  activities: JsonWithDefault<LocalizedText>;
  results: JsonWithDefault<LocalizedText>;
  resources: JsonWithDefault<LocalizedText>;
  modality: string;
  thematic_areas: TextArray;
  gcm_objectives: TextArray;
  countries: TextArray;
  starts_on: DateColumn | null;
  ends_on: DateColumn | null;
  budget_amount: Numeric | null;
  budget_currency: string | null;
  status: ColumnType<RecordStatus, RecordStatus | undefined, RecordStatus>;
  practice_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface CooperationRecordPartiesTable {
  record_id: string;
  organisation_id: string;
  role: PartyRole;
}

export interface CooperationRecordPracticesTable {
  record_id: string;
  practice_id: string;
}

export interface IndicatorsTable {
  id: Generated<string>;
  network_id: string;
  scope: IndicatorScope;
  record_id: string | null;
  gcm_objective: string | null;
  original_language: string;
  name: Json<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  unit_type: UnitType;
  unit: JsonWithDefault<LocalizedText>;
  currency: string | null;
  baseline_value: Numeric;
  baseline_on: DateColumn;
  target_value: Numeric;
  target_on: DateColumn;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface IndicatorValuesTable {
  id: Generated<string>;
  indicator_id: string;
  value: Numeric;
  measured_on: DateColumn;
  source: string;
  note: string | null;
  author_id: string | null;
  created_at: Generated<Date>;
}

export interface CooperationTables {
  cooperation_items: CooperationItemsTable;
  matching_weights: MatchingWeightsTable;
  cooperation_matches: CooperationMatchesTable;
  cooperation_match_moves: CooperationMatchMovesTable;
  cooperation_records: CooperationRecordsTable;
  cooperation_record_parties: CooperationRecordPartiesTable;
  cooperation_record_practices: CooperationRecordPracticesTable;
  indicators: IndicatorsTable;
  indicator_values: IndicatorValuesTable;
}
