import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManageItem, canViewItem, isNetworkMember } from './cooperation.access.ts';
import { type CooperationItem, findItem, toItem } from './cooperation.repository.ts';
import type { ExplanationPart, ItemSide, MatchStage } from './cooperation.tables.ts';
import {
  type EarlierCooperation,
  type MatchableItem,
  type MatchContext,
  type MatchingWeights,
  maxScore,
  pairKey,
  scoreMatch,
} from './matching.score.ts';
import { type TextProfile, attachTextProfile, cachedTextProfile } from './matching.text.ts';
import { loadWeights } from './matching.weights.ts';

/** Ids per query when loading the texts not read yet. */
const TEXT_BATCH = 500;

/**
 * Ranked candidates for one item: the offers that could meet a demand, or the demands an offer
 * could meet. Authorization first: the caller must see the item and may facilitate for it (the
 * network's secretariat, or a focal point of the item's organisation). Candidates are the other
 * side's items of the same network, open or in discussion, of another organisation, that the
 * caller may see; those already matched with this item are kept, marked with their match. A few
 * queries whatever the number of candidates (texts are read once per version of an item); the
 * scoring is `scoreMatch`, in memory.
 */

export interface Candidate {
  item: CooperationItem;
  organisationName: LocalizedText;
  score: number;
  parts: ExplanationPart[];
  /** The existing match between the two items, if any: it is linked, not proposed again. */
  match: { id: string; stage: MatchStage } | null;
}

export interface Ranking {
  subject: CooperationItem;
  subjectOrganisationName: LocalizedText;
  network: { id: string; slug: string; name: LocalizedText };
  weights: MatchingWeights;
  customWeights: boolean;
  maxScore: number;
  /** Whether the subject can be matched at all (it is open or in discussion). */
  subjectOpen: boolean;
  /** How many candidates were scored; `candidates` holds the best `limit`. */
  total: number;
  candidates: Candidate[];
}

export interface RankOptions {
  /** How many candidates to return, the best first (default 20). */
  limit?: number;
}

export const DEFAULT_LIMIT = 20;
const LIVE: CooperationItem['status'][] = ['open', 'in-discussion'];
/** A match that got this far means the two organisations reached an agreement once. */
const AGREED: MatchStage[] = ['agreement-signed', 'under-way', 'completed'];

export function rankOffersForDemand(
  db: Executor,
  actor: Principal | null,
  demandId: string,
  options?: RankOptions,
) {
  return rankCandidates(db, actor, 'demand', demandId, options);
}

export function rankDemandsForOffer(
  db: Executor,
  actor: Principal | null,
  offerId: string,
  options?: RankOptions,
) {
  return rankCandidates(db, actor, 'offer', offerId, options);
}

async function rankCandidates(
  db: Executor,
  actor: Principal | null,
  side: ItemSide,
  id: string,
  options: RankOptions = {},
): Promise<Ranking> {
  const subject = await findItem(db, id);
  if (!subject || subject.side !== side || !(await canViewItem(db, actor, subject)))
    throw new HttpProblem('not-found');
  if (!canManageItem(actor, subject)) throw new HttpProblem('forbidden');

  const [member, { weights, custom }, network, subjectOrganisation] = await Promise.all([
    isNetworkMember(db, actor, subject.networkId),
    loadWeights(db, subject.networkId),
    db
      .selectFrom('networks')
      .select(['id', 'slug', 'name'])
      .where('id', '=', subject.networkId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('organisations').select('name').where('id', '=', subject.organisationId).executeTakeFirst(),
  ]);
  const subjectOpen = LIVE.includes(subject.status);
  const base = {
    subject,
    subjectOrganisationName: subjectOrganisation?.name ?? {},
    network,
    weights,
    customWeights: custom,
    maxScore: maxScore(weights),
    subjectOpen,
  };
  if (!subjectOpen) return { ...base, total: 0, candidates: [] };

  const otherSide: ItemSide = side === 'demand' ? 'offer' : 'demand';
  // The candidates without their texts (the bulk of a row): the texts of a version already read
  // are cached (matching.text.ts), the others are loaded next, and whole rows only for those shown.
  let query = db
    .selectFrom('cooperation_items as item')
    .select([
      'item.id',
      'item.version',
      'item.updated_at',
      'item.organisation_id',
      'item.kind',
      'item.thematic_areas',
      'item.gcm_objectives',
      'item.countries',
      'item.regions',
      'item.working_languages',
      'item.starts_on',
      'item.ends_on',
    ])
    .where('item.network_id', '=', subject.networkId)
    .where('item.side', '=', otherSide)
    .where('item.status', 'in', LIVE)
    .where('item.organisation_id', '<>', subject.organisationId);
  // The same rule as canViewItem, for every candidate at once.
  if (!member)
    query = query.where((eb) =>
      eb.or([
        eb('item.visibility', '=', 'public'),
        ...(actor?.organisationId ? [eb('item.organisation_id', '=', actor.organisationId)] : []),
      ]),
    );
  const [rows, matches, earlierCooperation] = await Promise.all([
    query.execute(),
    db
      .selectFrom('cooperation_matches')
      .select(['id', 'stage', 'demand_id', 'offer_id'])
      .where(side === 'demand' ? 'demand_id' : 'offer_id', '=', subject.id)
      .execute(),
    earlierCooperationOf(db, subject.organisationId),
  ]);
  // Profiles taken now: a concurrent ranking may evict them from the cache before scoring.
  const cached = new Map<string, TextProfile>();
  for (const row of rows) {
    const profile = cachedTextProfile(row.id, row.version);
    if (profile) cached.set(row.id, profile);
  }
  const unread = rows.filter((row) => !cached.has(row.id)).map((row) => row.id);
  const texts = new Map<string, { title: LocalizedText; description: LocalizedText }>();
  for (let at = 0; at < unread.length; at += TEXT_BATCH) {
    const batch = await db
      .selectFrom('cooperation_items')
      .select(['id', 'title', 'description'])
      .where('id', 'in', unread.slice(at, at + TEXT_BATCH))
      .execute();
    for (const row of batch) texts.set(row.id, { title: row.title, description: row.description });
  }
  const matchOf = new Map(
    matches.map((m) => [side === 'demand' ? m.offer_id : m.demand_id, { id: m.id, stage: m.stage }]),
  );
  const context: MatchContext = { earlierCooperation };
  const scored = rows.map((row) => {
    const candidate: MatchableItem & { id: string; version: number } = {
      id: row.id,
      version: row.version,
      organisationId: row.organisation_id,
      // Empty for a version whose texts were read before: its profile is attached below.
      title: texts.get(row.id)?.title ?? {},
      description: texts.get(row.id)?.description ?? {},
      kind: row.kind,
      thematicAreas: row.thematic_areas,
      gcmObjectives: row.gcm_objectives,
      countries: row.countries,
      regions: row.regions,
      workingLanguages: row.working_languages,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    };
    const profile = cached.get(row.id);
    if (profile) attachTextProfile(candidate, profile);
    const [demand, offer] = side === 'demand' ? [subject, candidate] : [candidate, subject];
    return {
      id: row.id,
      updatedAt: row.updated_at.getTime(),
      ...scoreMatch(demand, offer, context, weights),
    };
  });
  scored.sort((a, b) => b.score - a.score || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_LIMIT, 200));
  const shown = scored.slice(0, limit);
  const full =
    shown.length === 0
      ? []
      : await db
          .selectFrom('cooperation_items as item')
          .innerJoin('organisations as org', 'org.id', 'item.organisation_id')
          .selectAll('item')
          .select('org.name as organisation_name')
          .where(
            'item.id',
            'in',
            shown.map((entry) => entry.id),
          )
          .execute();
  const byId = new Map(full.map((row) => [row.id, row]));
  const candidates: Candidate[] = [];
  for (const entry of shown) {
    const row = byId.get(entry.id);
    if (!row) continue; // deleted meanwhile
    const { organisation_name: organisationName, ...itemRow } = row;
    candidates.push({
      item: toItem(itemRow),
      organisationName,
      score: entry.score,
      parts: entry.parts,
      match: matchOf.get(entry.id) ?? null,
    });
  }
  return { ...base, total: scored.length, candidates };
}

/**
 * The organisations that cooperated with `organisationId` before, in any network: both parties
 * to a cooperation record, or the two sides of a match that reached an agreement.
 */
export async function earlierCooperationOf(
  db: Executor,
  organisationId: string,
): Promise<EarlierCooperation> {
  const [records, agreements] = await Promise.all([
    db
      .selectFrom('cooperation_record_parties as mine')
      .innerJoin('cooperation_record_parties as theirs', 'theirs.record_id', 'mine.record_id')
      .select('theirs.organisation_id as other')
      .distinct()
      .where('mine.organisation_id', '=', organisationId)
      .where('theirs.organisation_id', '<>', organisationId)
      .execute(),
    db
      .selectFrom('cooperation_matches as m')
      .innerJoin('cooperation_items as d', 'd.id', 'm.demand_id')
      .innerJoin('cooperation_items as o', 'o.id', 'm.offer_id')
      .select(['d.organisation_id as demander', 'o.organisation_id as offerer'])
      .where('m.stage', 'in', AGREED)
      .where((eb) =>
        eb.or([eb('d.organisation_id', '=', organisationId), eb('o.organisation_id', '=', organisationId)]),
      )
      .execute(),
  ]);
  const pairs = new Map<string, 'record' | 'agreement'>();
  for (const { demander, offerer } of agreements)
    if (demander !== offerer) pairs.set(pairKey(demander, offerer), 'agreement');
  // A record says more than an agreement: it wins.
  for (const { other } of records) pairs.set(pairKey(organisationId, other), 'record');
  return pairs;
}
