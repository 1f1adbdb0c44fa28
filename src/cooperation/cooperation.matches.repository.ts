import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { isLang, type Lang, type LocalizedText } from '../web/language.ts';
import { type CooperationMatch, toMatch } from './cooperation.repository.ts';
import type { ItemStatus, MatchStage } from './cooperation.tables.ts';

/** One side of a match, as the board and the match page show it. */
export interface MatchItem {
  id: string;
  title: LocalizedText;
  kind: string;
  status: ItemStatus;
  version: number;
  organisationId: string;
  organisationName: LocalizedText;
}

export interface MatchSummary extends CooperationMatch {
  networkSlug: string;
  networkName: LocalizedText;
  demand: MatchItem;
  offer: MatchItem;
}

export interface MatchMove {
  id: string;
  fromStage: MatchStage | null;
  toStage: MatchStage;
  occurredOn: string;
  note: string | null;
  reason: string | null;
  actorId: string | null;
  actorName: string | null;
  at: Date;
}

/** Who may see which matches: everything (admin), or the networks it runs and its organisation's. */
export type MatchScope = 'all' | { secretariatNetworkIds: string[]; organisationId: string | null };

export interface MatchQuery {
  scope: MatchScope;
  networkId?: string | undefined;
  organisationId?: string | undefined;
  itemId?: string | undefined;
  stage?: MatchStage | undefined;
  limit?: number;
}

function summaries(db: Executor) {
  return db
    .selectFrom('cooperation_matches as m')
    .innerJoin('networks as n', 'n.id', 'm.network_id')
    .innerJoin('cooperation_items as d', 'd.id', 'm.demand_id')
    .innerJoin('cooperation_items as o', 'o.id', 'm.offer_id')
    .innerJoin('organisations as dorg', 'dorg.id', 'd.organisation_id')
    .innerJoin('organisations as oorg', 'oorg.id', 'o.organisation_id')
    .selectAll('m')
    .select([
      'n.slug as network_slug',
      'n.name as network_name',
      'd.title as d_title',
      'd.kind as d_kind',
      'd.status as d_status',
      'd.version as d_version',
      'd.organisation_id as d_org',
      'dorg.name as d_org_name',
      'o.title as o_title',
      'o.kind as o_kind',
      'o.status as o_status',
      'o.version as o_version',
      'o.organisation_id as o_org',
      'oorg.name as o_org_name',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow): MatchSummary {
  return {
    ...toMatch(row),
    networkSlug: row.network_slug,
    networkName: row.network_name,
    demand: {
      id: row.demand_id,
      title: row.d_title,
      kind: row.d_kind,
      status: row.d_status,
      version: row.d_version,
      organisationId: row.d_org,
      organisationName: row.d_org_name,
    },
    offer: {
      id: row.offer_id,
      title: row.o_title,
      kind: row.o_kind,
      status: row.o_status,
      version: row.o_version,
      organisationId: row.o_org,
      organisationName: row.o_org_name,
    },
  };
}

export async function findMatchSummary(db: Executor, id: string): Promise<MatchSummary | null> {
  const row = await summaries(db).where('m.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** The matches in the scope and filters, the most recently moved first. */
export async function listMatchSummaries(db: Executor, query: MatchQuery): Promise<MatchSummary[]> {
  let q = summaries(db);
  const { scope } = query;
  if (scope !== 'all') {
    const organisationId = scope.organisationId;
    q = q.where((eb) =>
      eb.or([
        ...(scope.secretariatNetworkIds.length > 0
          ? [eb('m.network_id', 'in', scope.secretariatNetworkIds)]
          : []),
        ...(organisationId !== null
          ? [eb('d.organisation_id', '=', organisationId), eb('o.organisation_id', '=', organisationId)]
          : []),
        eb.val(false),
      ]),
    );
  }
  if (query.networkId) q = q.where('m.network_id', '=', query.networkId);
  if (query.organisationId) {
    const organisationId = query.organisationId;
    q = q.where((eb) =>
      eb.or([eb('d.organisation_id', '=', organisationId), eb('o.organisation_id', '=', organisationId)]),
    );
  }
  if (query.itemId) {
    const itemId = query.itemId;
    q = q.where((eb) => eb.or([eb('m.demand_id', '=', itemId), eb('m.offer_id', '=', itemId)]));
  }
  if (query.stage) q = q.where('m.stage', '=', query.stage);
  const rows = await q
    .orderBy('m.last_moved_at', 'desc')
    .orderBy('m.id')
    .limit(query.limit ?? 1000)
    .execute();
  return rows.map(toSummary);
}

export async function listMoves(db: Executor, matchId: string): Promise<MatchMove[]> {
  const rows = await db
    .selectFrom('cooperation_match_moves as mv')
    .leftJoin('users as u', 'u.id', 'mv.actor_id')
    .select([
      'mv.id',
      'mv.from_stage',
      'mv.to_stage',
      'mv.occurred_on',
      'mv.note',
      'mv.reason',
      'mv.actor_id',
      'u.name as actor_name',
      'mv.at',
    ])
    .where('mv.match_id', '=', matchId)
    .orderBy('mv.at')
    .orderBy('mv.occurred_on')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    occurredOn: row.occurred_on,
    note: row.note,
    reason: row.reason,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
  }));
}

export async function findMatchOfPair(db: Executor, demandId: string, offerId: string) {
  return db
    .selectFrom('cooperation_matches')
    .select('id')
    .where('demand_id', '=', demandId)
    .where('offer_id', '=', offerId)
    .executeTakeFirst();
}

/** Locks the rows of items whose status a move may change, for the rest of the transaction. */
export async function lockItems(db: Executor, ids: string[]) {
  return db
    .selectFrom('cooperation_items')
    .select(['id', 'status', 'version'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

/** The stages of the other matches of an item (not `exceptMatchId`). */
export async function otherMatchStages(db: Executor, itemId: string, exceptMatchId: string) {
  const rows = await db
    .selectFrom('cooperation_matches')
    .select('stage')
    .where((eb) => eb.or([eb('demand_id', '=', itemId), eb('offer_id', '=', itemId)]))
    .where('id', '<>', exceptMatchId)
    .execute();
  return rows.map((row) => row.stage);
}

export async function setItemStatus(db: Executor, id: string, status: ItemStatus) {
  await db
    .updateTable('cooperation_items')
    .set({ status, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function lastMoveDate(db: Executor, matchId: string): Promise<string | null> {
  const row = await db
    .selectFrom('cooperation_match_moves')
    .select((eb) => eb.fn.max('occurred_on').as('last'))
    .where('match_id', '=', matchId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** Moves a match if its version is still `version`; false when someone moved it meanwhile. */
export async function moveMatchRow(
  db: Executor,
  move: {
    matchId: string;
    version: number;
    fromStage: MatchStage;
    toStage: MatchStage;
    occurredOn: string;
    note: string | null;
    reason: string | null;
    actorId: string | null;
    at: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('cooperation_matches')
    .set({
      stage: move.toStage,
      dropped_reason: move.toStage === 'dropped' ? move.reason : null,
      last_moved_at: move.at,
      version: move.version + 1,
    })
    .where('id', '=', move.matchId)
    .where('version', '=', move.version)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await db
    .insertInto('cooperation_match_moves')
    .values({
      match_id: move.matchId,
      from_stage: move.fromStage,
      to_stage: move.toStage,
      occurred_on: move.occurredOn,
      note: move.note,
      reason: move.reason,
      actor_id: move.actorId,
      at: move.at,
    })
    .execute();
  return true;
}

export interface Recipient {
  email: string;
  lang: Lang;
}

/** The interface language of mail to someone without an account (or with a language we lack). */
export const INSTANCE_DEFAULT_LANG: Lang = 'en';

/** Every focal point with an email of these organisations, in their account's language. */
export async function focalPointRecipients(db: Executor, organisationIds: string[]): Promise<Recipient[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('focal_points as f')
    .leftJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.email', 'u.locale', 'u.disabled_at'])
    .where('f.organisation_id', 'in', organisationIds)
    .where('f.email', 'is not', null)
    .orderBy('f.email')
    .execute();
  return rows
    .filter((row) => row.email && row.disabled_at === null)
    .map((row) => ({ email: row.email!, lang: isLang(row.locale) ? row.locale : INSTANCE_DEFAULT_LANG }));
}

/** The accounts that run a network's secretariat. */
export async function secretariatRecipients(db: Executor, networkId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('network_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.email', 'u.locale'])
    .where('r.network_id', '=', networkId)
    .where('r.role', '=', 'secretariat')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
  return rows.map((row) => ({
    email: row.email,
    lang: isLang(row.locale) ? row.locale : INSTANCE_DEFAULT_LANG,
  }));
}

/**
 * Claims the live matches without a move (nor a reminder) since `cutoff`: one UPDATE … RETURNING,
 * so that of two instances sweeping at once, each match goes to one of them only.
 */
export async function claimStaleMatches(db: Executor, now: Date, cutoff: Date): Promise<string[]> {
  const rows = await db
    .updateTable('cooperation_matches')
    .set({ reminded_at: now })
    .where('stage', 'not in', ['completed', 'dropped'])
    .where('last_moved_at', '<=', cutoff)
    .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', cutoff)]))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
