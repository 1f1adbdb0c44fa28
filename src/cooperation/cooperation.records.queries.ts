import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import { canFacilitate, canManageRecord, canViewRecord, memberNetworkIds } from './cooperation.access.ts';
import { type CooperationRecord, findItem, findMatch } from './cooperation.repository.ts';
import * as repo from './cooperation.records.repository.ts';
import type { RecordFilters } from './cooperation.records.schemas.ts';
import { RECORDABLE_STAGES } from './cooperation.records.commands.ts';
import type { MatchStage } from './cooperation.tables.ts';

/** Reads of cooperation records shared by pages, API and exports; each answers only what the caller may see. */

export async function visibilityOf(db: Executor, actor: Principal | null): Promise<repo.RecordVisibility> {
  if (actor?.isAdmin) return { all: true, networkIds: [], organisationId: null };
  return {
    all: false,
    networkIds: [...(await memberNetworkIds(db, actor))],
    organisationId: actor?.organisationId ?? null,
  };
}

export interface RecordSummary extends CooperationRecord {
  networkSlug: string;
  parties: repo.RecordParty[];
}

function queryOf(filters: RecordFilters): repo.RecordQuery {
  return {
    networkSlugs: filters.network,
    statuses: filters.status,
    modalities: filters.modality,
    countries: filters.country,
    areas: filters.area,
    objectives: filters.objective,
    organisationIds: filters.organisation,
  };
}

async function withParties(db: Executor, records: CooperationRecord[]): Promise<RecordSummary[]> {
  const ids = records.map((r) => r.id);
  const [parties, slugs] = await Promise.all([
    repo.partiesOf(db, ids),
    repo.networkSlugs(
      db,
      records.map((r) => r.networkId),
    ),
  ]);
  return records.map((record) => ({
    ...record,
    networkSlug: slugs.get(record.networkId) ?? '',
    parties: parties.get(record.id) ?? [],
  }));
}

export async function searchRecords(db: Executor, actor: Principal | null, filters: RecordFilters) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const visibility = await visibilityOf(db, actor);
  const { items, total } = await repo.listRecords(db, visibility, queryOf(filters), {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: await withParties(db, items), total, page, pageSize };
}

export const EXPORT_LIMIT = 10_000;

/** Every record matching the filters that the caller may see (up to EXPORT_LIMIT), with parties and practices. */
export async function exportRecords(db: Executor, actor: Principal | null, filters: RecordFilters) {
  const visibility = await visibilityOf(db, actor);
  const { items } = await repo.listRecords(db, visibility, queryOf(filters), {
    offset: 0,
    limit: EXPORT_LIMIT,
  });
  const summaries = await withParties(db, items);
  const practices = await repo.practicesOf(
    db,
    items.map((r) => r.id),
  );
  return summaries.map((record) => ({ ...record, practices: practices.get(record.id) ?? [] }));
}

export interface RecordPageData {
  record: repo.RecordDetail;
  canManage: boolean;
  /** The match it came from, when the caller may facilitate it. */
  match: { id: string; stage: MatchStage } | null;
}

/** One record for whoever may see it: completed ones for all, the rest for the network's members. */
export async function getRecord(db: Executor, actor: Principal | null, id: string): Promise<RecordPageData> {
  const record = await repo.findRecordDetail(db, id);
  if (!record) throw new HttpProblem('not-found');
  const access = {
    networkId: record.networkId,
    status: record.status,
    partyOrganisationIds: [...new Set(record.parties.map((p) => p.organisationId))],
  };
  if (!(await canViewRecord(db, actor, access)))
    throw new HttpProblem(actor === null ? 'unauthorized' : 'forbidden');
  let match: RecordPageData['match'] = null;
  if (record.matchId && actor !== null) {
    const found = await findMatch(db, record.matchId);
    const [demand, offer] = found
      ? await Promise.all([findItem(db, found.demandId), findItem(db, found.offerId)])
      : [null, null];
    if (
      found &&
      demand &&
      offer &&
      canFacilitate(actor, {
        networkId: found.networkId,
        demandOrganisationId: demand.organisationId,
        offerOrganisationId: offer.organisationId,
      })
    )
      match = { id: found.id, stage: found.stage };
  }
  return { record, canManage: canManageRecord(actor, access), match };
}

/** What a record made from a match starts with: the two items' organisations, title and tags. */
export interface MatchPrefill {
  matchId: string;
  networkSlug: string;
  title: Record<string, string>;
  originalLanguage: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  parties: { organisationId: string; role: 'provider' | 'beneficiary' }[];
}

/** The prefill of L/cooperation/new?match=ID, for those who may facilitate a match at agreement signed or later. */
export async function prefillFromMatch(
  db: Executor,
  actor: Principal,
  matchId: string,
): Promise<{ prefill: MatchPrefill } | { error: 'unknown' | 'not-agreed' | 'recorded'; recordId?: string }> {
  const match = await findMatch(db, matchId);
  if (!match) return { error: 'unknown' };
  const [demand, offer] = await Promise.all([findItem(db, match.demandId), findItem(db, match.offerId)]);
  if (
    !demand ||
    !offer ||
    !canFacilitate(actor, {
      networkId: match.networkId,
      demandOrganisationId: demand.organisationId,
      offerOrganisationId: offer.organisationId,
    })
  )
    return { error: 'unknown' };
  const recordId = await repo.recordIdOfMatch(db, matchId);
  if (recordId !== null) return { error: 'recorded', recordId };
  if (!RECORDABLE_STAGES.includes(match.stage)) return { error: 'not-agreed' };
  const network = (await repo.networksByIds(db, [match.networkId]))[0];
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    prefill: {
      matchId,
      networkSlug: network?.slug ?? '',
      title: demand.title as Record<string, string>,
      originalLanguage: demand.originalLanguage,
      thematicAreas: union(demand.thematicAreas, offer.thematicAreas),
      gcmObjectives: union(demand.gcmObjectives, offer.gcmObjectives),
      countries: union(demand.countries, offer.countries),
      parties: [
        { organisationId: offer.organisationId, role: 'provider' },
        { organisationId: demand.organisationId, role: 'beneficiary' },
      ],
    },
  };
}

/** The networks in which the caller may record cooperation: where they are secretariat, or their organisation a member. */
export async function networksForNewRecord(db: Executor, actor: Principal) {
  if (actor.isAdmin) return repo.allNetworks(db);
  const ids = new Set(actor.roles.filter((r) => r.role === 'secretariat').map((r) => r.networkId));
  if (actor.organisationId !== null)
    for (const id of await repo.networkIdsOfOrganisation(db, actor.organisationId)) ids.add(id);
  return repo.networksByIds(db, [...ids]);
}
