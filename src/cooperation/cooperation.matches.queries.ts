import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { LocalizedText } from '../web/language.ts';
import { canFacilitate } from './cooperation.access.ts';
import { accessShapeOf } from './cooperation.matches.commands.ts';
import {
  type MatchMove,
  type MatchQuery,
  type MatchScope,
  type MatchSummary,
  findMatchSummary,
  listMatchSummaries,
  listMoves,
} from './cooperation.matches.repository.ts';
import { type MatchFilters, isStage } from './cooperation.matches.schemas.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => value !== undefined && UUID.test(value);

/** The matches a person may see: an admin all; the secretariat its networks'; a focal point its organisation's. */
export function scopeOf(actor: Principal): MatchScope {
  if (actor.isAdmin) return 'all';
  return {
    secretariatNetworkIds: actor.roles.filter((r) => r.role === 'secretariat').map((r) => r.networkId),
    organisationId: actor.organisationId,
  };
}

/** The filters as query options; null when a filter names nothing that exists (an empty answer). */
async function queryOf(db: Executor, filters: MatchFilters): Promise<Omit<MatchQuery, 'scope'> | null> {
  const query: Omit<MatchQuery, 'scope'> = {};
  if (filters.network) {
    const network = await db
      .selectFrom('networks')
      .select('id')
      .where(isUuid(filters.network) ? 'id' : 'slug', '=', filters.network)
      .executeTakeFirst();
    if (!network) return null;
    query.networkId = network.id;
  }
  if (filters.organisation) {
    if (!isUuid(filters.organisation)) return null;
    query.organisationId = filters.organisation;
  }
  if (filters.item) {
    if (!isUuid(filters.item)) return null;
    query.itemId = filters.item;
  }
  if (filters.stage) {
    if (!isStage(filters.stage)) return null;
    query.stage = filters.stage;
  }
  return query;
}

/** The matches the person may see, filtered; authorization is the scope, applied in the query. */
export async function listVisibleMatches(
  db: Executor,
  actor: Principal,
  filters: MatchFilters,
): Promise<MatchSummary[]> {
  const query = await queryOf(db, filters);
  if (query === null) return [];
  return listMatchSummaries(db, { ...query, scope: scopeOf(actor) });
}

/** The networks and organisations of these matches: the board's filter choices. */
export function choicesOf(matches: MatchSummary[]) {
  const networks = new Map<string, { slug: string; name: LocalizedText }>();
  const organisations = new Map<string, LocalizedText>();
  for (const match of matches) {
    networks.set(match.networkSlug, { slug: match.networkSlug, name: match.networkName });
    organisations.set(match.demand.organisationId, match.demand.organisationName);
    organisations.set(match.offer.organisationId, match.offer.organisationName);
  }
  return {
    networks: [...networks.values()],
    organisations: [...organisations].map(([id, name]) => ({ id, name })),
  };
}

/** The board: the matches in the filters, and the choices of the filters from all the person may see. */
export async function matchBoard(db: Executor, actor: Principal, filters: MatchFilters) {
  const matches = await listVisibleMatches(db, actor, filters);
  const filtered = Boolean(filters.network || filters.organisation || filters.item || filters.stage);
  const all = filtered ? await listMatchSummaries(db, { scope: scopeOf(actor) }) : matches;
  return { matches, choices: choicesOf(all) };
}

export type MatchDetail = { match: MatchSummary; moves: MatchMove[] };

/** One match with its moves, for the secretariat and the two parties only. */
export async function matchDetail(
  db: Executor,
  actor: Principal | null,
  id: string,
): Promise<MatchDetail | 'not-found' | 'forbidden'> {
  if (!isUuid(id)) return 'not-found';
  const match = await findMatchSummary(db, id);
  if (!match) return 'not-found';
  if (!canFacilitate(actor, accessShapeOf(match))) return 'forbidden';
  return { match, moves: await listMoves(db, id) };
}

/** Whole days between the last move and `now`. */
export const daysSince = (date: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - date.getTime()) / 86_400_000));

/** A match as the API and the JSON export answer it. */
export function matchToApi(match: MatchSummary, baseUrl: string) {
  const item = (side: MatchSummary['demand']) => ({
    id: side.id,
    title: side.title as Record<string, string>,
    organisationId: side.organisationId,
    organisationName: side.organisationName as Record<string, string>,
    status: side.status,
  });
  return {
    id: match.id,
    url: `${baseUrl}/en/matches/${match.id}`,
    network: match.networkSlug,
    demand: item(match.demand),
    offer: item(match.offer),
    stage: match.stage,
    score: match.score,
    explanation: match.explanation,
    droppedReason: match.droppedReason,
    proposedAt: match.proposedAt.toISOString(),
    lastMovedAt: match.lastMovedAt.toISOString(),
    version: match.version,
  };
}

export function detailToApi(detail: MatchDetail, baseUrl: string) {
  return {
    ...matchToApi(detail.match, baseUrl),
    moves: detail.moves.map((move) => ({
      fromStage: move.fromStage,
      toStage: move.toStage,
      occurredOn: move.occurredOn,
      note: move.note,
      reason: move.reason,
      author: move.actorId ? { id: move.actorId, name: move.actorName ?? '' } : null,
      at: move.at.toISOString(),
    })),
  };
}
