import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import {
  type CooperationRecord,
  type NewCooperationRecord,
  findRecord,
  toRecord,
} from './cooperation.repository.ts';
import type { PartyRole } from './cooperation.tables.ts';

/** The queries of cooperation records beyond the shared ones of cooperation.repository.ts. */

export interface RecordParty {
  organisationId: string;
  role: PartyRole;
  name: LocalizedText;
}

export interface LinkedPractice {
  id: string;
  title: Record<string, string>;
  originalLanguage: string;
}

export interface RecordDetail extends CooperationRecord {
  networkSlug: string;
  networkName: LocalizedText;
  parties: RecordParty[];
  practices: LinkedPractice[];
}

const ROLE_ORDER: Record<PartyRole, number> = {
  provider: 0,
  beneficiary: 1,
  funder: 2,
  facilitator: 3,
  partner: 4,
};

export async function findRecordForUpdate(db: Executor, id: string): Promise<CooperationRecord | null> {
  const row = await db
    .selectFrom('cooperation_records')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The parties of several records, with the organisations' names, providers first. */
export async function partiesOf(db: Executor, recordIds: readonly string[]) {
  const byRecord = new Map<string, RecordParty[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await db
    .selectFrom('cooperation_record_parties as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.record_id', 'p.organisation_id', 'p.role', 'o.name'])
    .where('p.record_id', 'in', recordIds)
    .execute();
  rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push({ organisationId: row.organisation_id, role: row.role, name: row.name });
    byRecord.set(row.record_id, list);
  }
  return byRecord;
}

/** The linked practices of several records (their published title); unpublished ones are left out. */
export async function practicesOf(db: Executor, recordIds: readonly string[]) {
  const byRecord = new Map<string, LinkedPractice[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await db
    .selectFrom('cooperation_record_practices as rp')
    .innerJoin('practices as p', 'p.id', 'rp.practice_id')
    .innerJoin('practice_versions as v', 'v.id', 'p.published_version_id')
    .select(['rp.record_id', 'p.id', 'v.content', 'v.original_language'])
    .where('rp.record_id', 'in', recordIds)
    .where('p.status', 'in', ['published', 'archived'])
    .execute();
  for (const row of rows) {
    const list = byRecord.get(row.record_id) ?? [];
    list.push({ id: row.id, title: row.content.title, originalLanguage: row.original_language });
    byRecord.set(row.record_id, list);
  }
  return byRecord;
}

/** The ids of all linked practices, whatever their state now (what the edit form starts from). */
export async function linkedPracticeIds(db: Executor, recordId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cooperation_record_practices')
    .select('practice_id')
    .where('record_id', '=', recordId)
    .execute();
  return rows.map((row) => row.practice_id);
}

export async function findRecordDetail(db: Executor, id: string): Promise<RecordDetail | null> {
  const record = await findRecord(db, id);
  if (!record) return null;
  const [network, parties, practices] = await Promise.all([
    db.selectFrom('networks').select(['slug', 'name']).where('id', '=', record.networkId).executeTakeFirst(),
    partiesOf(db, [id]),
    practicesOf(db, [id]),
  ]);
  return {
    ...record,
    networkSlug: network?.slug ?? '',
    networkName: network?.name ?? {},
    parties: parties.get(id) ?? [],
    practices: practices.get(id) ?? [],
  };
}

/** Replaces a record's content if its version is still `version`; false when someone saved meanwhile. */
export async function updateRecordRow(
  db: Executor,
  id: string,
  version: number,
  record: Omit<NewCooperationRecord, 'networkId' | 'matchId' | 'createdBy'>,
): Promise<boolean> {
  const result = await db
    .updateTable('cooperation_records')
    .set({
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
      updated_at: new Date(),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await db.deleteFrom('cooperation_record_parties').where('record_id', '=', id).execute();
  if (record.parties.length > 0)
    await db
      .insertInto('cooperation_record_parties')
      .values(record.parties.map((p) => ({ record_id: id, organisation_id: p.organisationId, role: p.role })))
      .execute();
  await db.deleteFrom('cooperation_record_practices').where('record_id', '=', id).execute();
  if (record.practiceIds.length > 0)
    await db
      .insertInto('cooperation_record_practices')
      .values(record.practiceIds.map((practiceId) => ({ record_id: id, practice_id: practiceId })))
      .execute();
  return true;
}

export async function setRecordPractice(db: Executor, id: string, practiceId: string): Promise<void> {
  await db
    .updateTable('cooperation_records')
    .set({ practice_id: practiceId, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function practiceExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('practices').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Which of these organisations are members of the network. */
export async function membersAmong(db: Executor, networkId: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('network_memberships')
    .select('organisation_id')
    .where('network_id', '=', networkId)
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return new Set(rows.map((row) => row.organisation_id));
}

/** Which of these practices are published (or archived after publication), so linkable. */
export async function publishedAmong(db: Executor, practiceIds: readonly string[]) {
  if (practiceIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('practices')
    .select('id')
    .where('id', 'in', practiceIds)
    .where('status', 'in', ['published', 'archived'])
    .where('published_version_id', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export async function networkBySlug(db: Executor, slug: string) {
  return db.selectFrom('networks').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function networksByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('networks')
    .select(['id', 'slug', 'name'])
    .where('id', 'in', ids)
    .orderBy('slug')
    .execute();
}

export async function allNetworks(db: Executor) {
  return db.selectFrom('networks').select(['id', 'slug', 'name']).orderBy('slug').execute();
}

/** The member organisations of a network, for the parties' choices. */
export async function membersOfNetwork(db: Executor, networkId: string) {
  return db
    .selectFrom('network_memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.network_id', '=', networkId)
    .execute();
}

export async function recordIdOfMatch(db: Executor, matchId: string): Promise<string | null> {
  const row = await db
    .selectFrom('cooperation_records')
    .select('id')
    .where('match_id', '=', matchId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Who may see which records: everything (admin), or completed ones plus those of some networks or parties. */
export interface RecordVisibility {
  all: boolean;
  networkIds: readonly string[];
  organisationId: string | null;
}

export interface RecordQuery {
  networkSlugs?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
  modalities?: readonly string[] | undefined;
  countries?: readonly string[] | undefined;
  areas?: readonly string[] | undefined;
  objectives?: readonly string[] | undefined;
  organisationIds?: readonly string[] | undefined;
}

function visibleTo(visibility: RecordVisibility) {
  return (eb: ExpressionBuilder<Database, 'cooperation_records'>) => {
    const alternatives = [eb('cooperation_records.status', '=', 'completed')];
    if (visibility.networkIds.length > 0)
      alternatives.push(eb('cooperation_records.network_id', 'in', visibility.networkIds));
    if (visibility.organisationId !== null)
      alternatives.push(
        eb.exists(
          eb
            .selectFrom('cooperation_record_parties as vp')
            .select('vp.record_id')
            .whereRef('vp.record_id', '=', 'cooperation_records.id')
            .where('vp.organisation_id', '=', visibility.organisationId),
        ),
      );
    return eb.or(alternatives);
  };
}

function filtered(db: Executor, visibility: RecordVisibility, query: RecordQuery) {
  let q = db.selectFrom('cooperation_records');
  if (!visibility.all) q = q.where(visibleTo(visibility));
  const nonEmpty = (list: readonly string[] | undefined): list is readonly string[] =>
    list !== undefined && list.length > 0;
  if (nonEmpty(query.networkSlugs))
    q = q.where(
      'cooperation_records.network_id',
      'in',
      db.selectFrom('networks').select('id').where('slug', 'in', query.networkSlugs),
    );
  if (nonEmpty(query.statuses)) q = q.where('cooperation_records.status', 'in', query.statuses as never);
  if (nonEmpty(query.modalities)) q = q.where('cooperation_records.modality', 'in', query.modalities);
  // Within a filter any value matches; filters combine with AND.
  if (nonEmpty(query.countries))
    q = q.where(sql<boolean>`cooperation_records.countries && ${sql.val([...query.countries])}::text[]`);
  if (nonEmpty(query.areas))
    q = q.where(sql<boolean>`cooperation_records.thematic_areas && ${sql.val([...query.areas])}::text[]`);
  if (nonEmpty(query.objectives))
    q = q.where(
      sql<boolean>`cooperation_records.gcm_objectives && ${sql.val([...query.objectives])}::text[]`,
    );
  if (nonEmpty(query.organisationIds)) {
    const ids = query.organisationIds;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cooperation_record_parties as fp')
          .select('fp.record_id')
          .whereRef('fp.record_id', '=', 'cooperation_records.id')
          .where('fp.organisation_id', 'in', ids),
      ),
    );
  }
  return q;
}

/** A page of the records the caller may see, newest first, with the total. */
export async function listRecords(
  db: Executor,
  visibility: RecordVisibility,
  query: RecordQuery,
  page: { offset: number; limit: number },
): Promise<{ items: CooperationRecord[]; total: number }> {
  const base = filtered(db, visibility, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('cooperation_records')
      .orderBy('cooperation_records.updated_at', 'desc')
      .orderBy('cooperation_records.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(count.total) };
}

export async function networkSlugs(db: Executor, ids: readonly string[]) {
  const rows = await networksByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.slug]));
}

/** The organisations that are a party to some record (the choices of the list's organisation filter). */
export async function organisationsWithRecords(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cooperation_record_parties as p')
          .select('p.record_id')
          .whereRef('p.organisation_id', '=', 'o.id'),
      ),
    )
    .execute();
}

export async function networkIdsOfOrganisation(db: Executor, organisationId: string) {
  const rows = await db
    .selectFrom('network_memberships')
    .select('network_id')
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map((row) => row.network_id);
}
