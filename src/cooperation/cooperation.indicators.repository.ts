import type { Selectable } from 'kysely';
import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type { IndicatorScope, IndicatorsTable, RecordStatus, UnitType } from './cooperation.tables.ts';
import type { NewIndicator } from './cooperation.repository.ts';

/** An indicator as the domain reads it (camelCase, numbers as numbers), with what access needs of its record. */
export interface Indicator {
  id: string;
  networkId: string;
  networkSlug: string;
  scope: IndicatorScope;
  recordId: string | null;
  /** The record's status, for the "completed records are public" rule (null: not a record's). */
  recordStatus: RecordStatus | null;
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
  version: number;
}

export interface IndicatorValue {
  id: string;
  indicatorId: string;
  value: number;
  measuredOn: string;
  source: string;
  note: string | null;
  authorName: string | null;
  authorOrganisation: LocalizedText | null;
}

type IndicatorRow = Selectable<IndicatorsTable> & {
  network_slug: string;
  record_status: RecordStatus | null;
};

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    scope: row.scope,
    recordId: row.record_id,
    recordStatus: row.record_status,
    gcmObjective: row.gcm_objective,
    originalLanguage: row.original_language,
    name: row.name,
    description: row.description,
    unitType: row.unit_type,
    unit: row.unit,
    currency: row.currency,
    baselineValue: Number(row.baseline_value),
    baselineOn: row.baseline_on,
    targetValue: Number(row.target_value),
    targetOn: row.target_on,
    version: row.version,
  };
}

function selectIndicators(db: Executor) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('networks as n', 'n.id', 'i.network_id')
    .leftJoin('cooperation_records as r', 'r.id', 'i.record_id')
    .selectAll('i')
    .select(['n.slug as network_slug', 'r.status as record_status']);
}

export async function findIndicator(db: Executor, id: string): Promise<Indicator | null> {
  const row = await selectIndicators(db).where('i.id', '=', id).executeTakeFirst();
  return row ? toIndicator(row as IndicatorRow) : null;
}

export interface IndicatorFilter {
  networkId?: string;
  recordId?: string;
  gcmObjective?: string;
  /** Indicators of any of these records (the IATI export). */
  recordIds?: readonly string[];
}

/** Indicators matching every given filter, networks first, then objectives, then records; newest last. */
export async function listIndicatorRows(db: Executor, filter: IndicatorFilter): Promise<Indicator[]> {
  let query = selectIndicators(db);
  if (filter.networkId) query = query.where('i.network_id', '=', filter.networkId);
  if (filter.recordId) query = query.where('i.record_id', '=', filter.recordId);
  if (filter.gcmObjective) query = query.where('i.gcm_objective', '=', filter.gcmObjective);
  if (filter.recordIds) {
    if (filter.recordIds.length === 0) return [];
    query = query.where('i.record_id', 'in', [...filter.recordIds]);
  }
  const rows = await query.orderBy('i.scope').orderBy('i.created_at').orderBy('i.id').limit(10_000).execute();
  return rows.map((row) => toIndicator(row as IndicatorRow));
}

/** The values of these indicators, oldest first, with their authors' names and organisations. */
export async function valuesOfIndicators(
  db: Executor,
  indicatorIds: readonly string[],
): Promise<Map<string, IndicatorValue[]>> {
  const byIndicator = new Map<string, IndicatorValue[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return byIndicator;
  const rows = await db
    .selectFrom('indicator_values as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'v.id',
      'v.indicator_id',
      'v.value',
      'v.measured_on',
      'v.source',
      'v.note',
      'u.name as author_name',
      'o.name as author_organisation',
    ])
    .where('v.indicator_id', 'in', [...indicatorIds])
    .orderBy('v.measured_on')
    .orderBy('v.created_at')
    .execute();
  for (const row of rows)
    byIndicator.get(row.indicator_id)?.push({
      id: row.id,
      indicatorId: row.indicator_id,
      value: Number(row.value),
      measuredOn: row.measured_on,
      source: row.source,
      note: row.note,
      authorName: row.author_name,
      authorOrganisation: (row.author_organisation as LocalizedText | null) ?? null,
    });
  return byIndicator;
}

/** Changes an indicator if its version is still `version`; false when someone saved it meanwhile. */
export async function updateIndicatorRow(
  db: Executor,
  id: string,
  version: number,
  changes: Omit<NewIndicator, 'networkId' | 'scope' | 'recordId' | 'createdBy'>,
): Promise<boolean> {
  const result = await db
    .updateTable('indicators')
    .set({
      gcm_objective: changes.gcmObjective,
      original_language: changes.originalLanguage,
      name: JSON.stringify(changes.name),
      description: JSON.stringify(changes.description),
      unit_type: changes.unitType,
      unit: JSON.stringify(changes.unit),
      currency: changes.currency,
      baseline_value: changes.baselineValue,
      baseline_on: changes.baselineOn,
      target_value: changes.targetValue,
      target_on: changes.targetOn,
      updated_at: new Date(),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The network of a slug, for the pages and filters that name it. */
export async function findNetworkBySlug(
  db: Executor,
  slug: string,
): Promise<{ id: string; slug: string; name: LocalizedText } | null> {
  const row = await db
    .selectFrom('networks')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, name: row.name as LocalizedText } : null;
}

/** What the access rules need of a record, and its title for the pages. */
export async function findRecordForIndicators(db: Executor, recordId: string) {
  const row = await db
    .selectFrom('cooperation_records as r')
    .innerJoin('networks as n', 'n.id', 'r.network_id')
    .select(['r.id', 'r.network_id', 'n.slug as network_slug', 'r.status', 'r.title'])
    .where('r.id', '=', recordId)
    .executeTakeFirst();
  if (!row) return null;
  const parties = await db
    .selectFrom('cooperation_record_parties')
    .select('organisation_id')
    .where('record_id', '=', recordId)
    .execute();
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    status: row.status,
    title: row.title,
    partyOrganisationIds: [...new Set(parties.map((p) => p.organisation_id))],
  };
}

/** The parties of several records at once (for the lists' access checks). */
export async function partiesOfRecords(db: Executor, recordIds: readonly string[]) {
  const byRecord = new Map<string, string[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return byRecord;
  const rows = await db
    .selectFrom('cooperation_record_parties')
    .select(['record_id', 'organisation_id'])
    .where('record_id', 'in', [...recordIds])
    .execute();
  for (const row of rows) byRecord.get(row.record_id)?.push(row.organisation_id);
  return byRecord;
}

/** The titles of records, for labelling their indicators. */
export async function titlesOfRecords(db: Executor, recordIds: readonly string[]) {
  const titles = new Map<string, LocalizedText>();
  if (recordIds.length === 0) return titles;
  const rows = await db
    .selectFrom('cooperation_records')
    .select(['id', 'title'])
    .where('id', 'in', [...recordIds])
    .execute();
  for (const row of rows) titles.set(row.id, row.title);
  return titles;
}

/** Networks by id (all of them when `ids` is null), for the "define an indicator for…" choice. */
export async function networksForChoice(db: Executor, ids: readonly string[] | null) {
  if (ids !== null && ids.length === 0) return [];
  let query = db.selectFrom('networks').select(['slug', 'name']).orderBy('slug');
  if (ids !== null) query = query.where('id', 'in', [...ids]);
  const rows = await query.limit(200).execute();
  return rows.map((row) => ({ slug: row.slug, name: row.name as LocalizedText }));
}

/** The cooperation records an organisation is a party to, newest first. */
export async function recordsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('cooperation_records as r')
    .innerJoin('cooperation_record_parties as p', 'p.record_id', 'r.id')
    .select(['r.id', 'r.title'])
    .where('p.organisation_id', '=', organisationId)
    .groupBy(['r.id', 'r.title', 'r.created_at'])
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
}
