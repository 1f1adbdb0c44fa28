import type { Selectable } from 'kysely';
import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type {
  CooperationItemsTable,
  CooperationMatchesTable,
  CooperationRecordsTable,
  ExplanationPart,
  IndicatorScope,
  ItemSide,
  ItemStatus,
  MatchStage,
  PartyRole,
  RecordStatus,
  UnitType,
  Visibility,
} from './cooperation.tables.ts';

/** The rows of the cooperation exchange, as the domain reads them (camelCase, numbers as numbers). */
export interface CooperationItem {
  id: string;
  side: ItemSide;
  networkId: string;
  organisationId: string;
  originalLanguage: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  regions: string[];
  workingLanguages: string[];
  startsOn: string | null;
  endsOn: string | null;
  capacity: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  status: ItemStatus;
  visibility: Visibility;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type NewCooperationItem = Omit<CooperationItem, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export function toItem(row: Selectable<CooperationItemsTable>): CooperationItem {
  return {
    id: row.id,
    side: row.side,
    networkId: row.network_id,
    organisationId: row.organisation_id,
    originalLanguage: row.original_language,
    title: row.title,
    description: row.description,
    kind: row.kind,
    thematicAreas: row.thematic_areas,
    gcmObjectives: row.gcm_objectives,
    countries: row.countries,
    regions: row.regions,
    workingLanguages: row.working_languages,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    capacity: row.capacity,
    budgetAmount: row.budget_amount === null ? null : Number(row.budget_amount),
    budgetCurrency: row.budget_currency,
    status: row.status,
    visibility: row.visibility,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function itemColumns(item: Partial<NewCooperationItem>) {
  return {
    ...(item.side !== undefined && { side: item.side }),
    ...(item.networkId !== undefined && { network_id: item.networkId }),
    ...(item.organisationId !== undefined && { organisation_id: item.organisationId }),
    ...(item.originalLanguage !== undefined && { original_language: item.originalLanguage }),
    ...(item.title !== undefined && { title: JSON.stringify(item.title) }),
    ...(item.description !== undefined && { description: JSON.stringify(item.description) }),
    ...(item.kind !== undefined && { kind: item.kind }),
    ...(item.thematicAreas !== undefined && { thematic_areas: item.thematicAreas }),
    ...(item.gcmObjectives !== undefined && { gcm_objectives: item.gcmObjectives }),
    ...(item.countries !== undefined && { countries: item.countries }),
    ...(item.regions !== undefined && { regions: item.regions }),
    ...(item.workingLanguages !== undefined && { working_languages: item.workingLanguages }),
    ...(item.startsOn !== undefined && { starts_on: item.startsOn }),
    ...(item.endsOn !== undefined && { ends_on: item.endsOn }),
    ...(item.capacity !== undefined && { capacity: item.capacity }),
    ...(item.budgetAmount !== undefined && { budget_amount: item.budgetAmount }),
    ...(item.budgetCurrency !== undefined && { budget_currency: item.budgetCurrency }),
    ...(item.status !== undefined && { status: item.status }),
    ...(item.visibility !== undefined && { visibility: item.visibility }),
    ...(item.createdBy !== undefined && { created_by: item.createdBy }),
  };
}

export async function insertItemRow(db: Executor, item: NewCooperationItem): Promise<string> {
  const { id } = await db
    .insertInto('cooperation_items')
    .values(itemColumns(item) as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Updates an item if its version is still `version`; false when someone changed it meanwhile. */
export async function updateItemRow(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewCooperationItem>,
): Promise<boolean> {
  const result = await db
    .updateTable('cooperation_items')
    .set({ ...itemColumns(changes), updated_at: new Date(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findItem(db: Executor, id: string): Promise<CooperationItem | null> {
  const row = await db.selectFrom('cooperation_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : null;
}

export interface CooperationMatch {
  id: string;
  networkId: string;
  demandId: string;
  offerId: string;
  stage: MatchStage;
  score: number | null;
  explanation: ExplanationPart[];
  droppedReason: string | null;
  proposedBy: string | null;
  proposedAt: Date;
  lastMovedAt: Date;
  remindedAt: Date | null;
  version: number;
}

export function toMatch(row: Selectable<CooperationMatchesTable>): CooperationMatch {
  return {
    id: row.id,
    networkId: row.network_id,
    demandId: row.demand_id,
    offerId: row.offer_id,
    stage: row.stage,
    score: row.score,
    explanation: row.explanation,
    droppedReason: row.dropped_reason,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    lastMovedAt: row.last_moved_at,
    remindedAt: row.reminded_at,
    version: row.version,
  };
}

/** A new match at "proposed", with its first move written beside it. */
export async function insertMatchRow(
  db: Executor,
  match: {
    networkId: string;
    demandId: string;
    offerId: string;
    score: number | null;
    explanation: ExplanationPart[];
    proposedBy: string | null;
    occurredOn: string;
    note: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('cooperation_matches')
    .values({
      network_id: match.networkId,
      demand_id: match.demandId,
      offer_id: match.offerId,
      score: match.score,
      explanation: JSON.stringify(match.explanation),
      proposed_by: match.proposedBy,
      last_moved_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('cooperation_match_moves')
    .values({
      match_id: id,
      from_stage: null,
      to_stage: 'proposed',
      occurred_on: match.occurredOn,
      note: match.note,
      actor_id: match.proposedBy,
    })
    .execute();
  return id;
}

export async function findMatch(db: Executor, id: string): Promise<CooperationMatch | null> {
  const row = await db.selectFrom('cooperation_matches').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMatch(row) : null;
}

export interface CooperationRecord {
  id: string;
  networkId: string;
  matchId: string | null;
  originalLanguage: string;
  title: LocalizedText;
  summary: LocalizedText;
  activities: LocalizedText;
  results: LocalizedText;
  resources: LocalizedText;
  modality: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  startsOn: string | null;
  endsOn: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  status: RecordStatus;
  practiceId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function toRecord(row: Selectable<CooperationRecordsTable>): CooperationRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    matchId: row.match_id,
    originalLanguage: row.original_language,
    title: row.title,
    summary: row.summary,
    activities: row.activities,
    results: row.results,
    resources: row.resources,
    modality: row.modality,
    thematicAreas: row.thematic_areas,
    gcmObjectives: row.gcm_objectives,
    countries: row.countries,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    budgetAmount: row.budget_amount === null ? null : Number(row.budget_amount),
    budgetCurrency: row.budget_currency,
    status: row.status,
    practiceId: row.practice_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export type NewCooperationRecord = Omit<
  CooperationRecord,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'practiceId'
> & { parties: { organisationId: string; role: PartyRole }[]; practiceIds: string[] };

export async function insertRecordRow(db: Executor, record: NewCooperationRecord): Promise<string> {
  const { id } = await db
    .insertInto('cooperation_records')
    .values({
      network_id: record.networkId,
      match_id: record.matchId,
      original_language: record.originalLanguage,
      title: JSON.stringify(record.title),
      summary: JSON.stringify(record.summary),
      activities: JSON.stringify(record.activities),
      results: JSON.stringify(record.results),
      resources: JSON.stringify(record.resources),
      modality: record.modality,
      thematic_areas: record.thematicAreas,
      gcm_objectives: record.gcmObjectives,
      countries: record.countries,
      starts_on: record.startsOn,
      ends_on: record.endsOn,
      budget_amount: record.budgetAmount,
      budget_currency: record.budgetCurrency,
      status: record.status,
      created_by: record.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (record.parties.length > 0) {
    await db
      .insertInto('cooperation_record_parties')
      .values(record.parties.map((p) => ({ record_id: id, organisation_id: p.organisationId, role: p.role })))
      .execute();
  }
  if (record.practiceIds.length > 0) {
    await db
      .insertInto('cooperation_record_practices')
      .values(record.practiceIds.map((practiceId) => ({ record_id: id, practice_id: practiceId })))
      .execute();
  }
  return id;
}

export async function findRecord(db: Executor, id: string): Promise<CooperationRecord | null> {
  const row = await db.selectFrom('cooperation_records').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export interface NewIndicator {
  networkId: string;
  scope: IndicatorScope;
  recordId: string | null;
  gcmObjective: string | null;
  originalLanguage: string;
  name: LocalizedText;
  description: LocalizedText;
  unitType: UnitType;
  unit: LocalizedText;
  currency: string | null;
  baselineValue: number;
  baselineOn: string;
  targetValue: number;
  targetOn: string;
  createdBy: string | null;
}

export async function insertIndicatorRow(db: Executor, indicator: NewIndicator): Promise<string> {
  const { id } = await db
    .insertInto('indicators')
    .values({
      network_id: indicator.networkId,
      scope: indicator.scope,
      record_id: indicator.recordId,
      gcm_objective: indicator.gcmObjective,
      original_language: indicator.originalLanguage,
      name: JSON.stringify(indicator.name),
      description: JSON.stringify(indicator.description),
      unit_type: indicator.unitType,
      unit: JSON.stringify(indicator.unit),
      currency: indicator.currency,
      baseline_value: indicator.baselineValue,
      baseline_on: indicator.baselineOn,
      target_value: indicator.targetValue,
      target_on: indicator.targetOn,
      created_by: indicator.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertIndicatorValueRow(
  db: Executor,
  value: {
    indicatorId: string;
    value: number;
    measuredOn: string;
    source: string;
    note: string | null;
    authorId: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('indicator_values')
    .values({
      indicator_id: value.indicatorId,
      value: value.value,
      measured_on: value.measuredOn,
      source: value.source,
      note: value.note,
      author_id: value.authorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
