import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { FieldError } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Translate } from '../web/i18n.ts';
import { canFacilitate } from './cooperation.access.ts';
import { sendMatchMail } from './cooperation.matches.mail.tsx';
import {
  type MatchSummary,
  findMatchOfPair,
  findMatchSummary,
  focalPointRecipients,
  lastMoveDate,
  lockItems,
  moveMatchRow,
  otherMatchStages,
  setItemStatus,
} from './cooperation.matches.repository.ts';
import {
  FINAL_STAGES,
  FORWARD_STAGES,
  MoveMatchInput,
  ProposeMatchInput,
} from './cooperation.matches.schemas.ts';
import { findItem, insertMatchRow } from './cooperation.repository.ts';
import type { ItemStatus, MatchStage } from './cooperation.tables.ts';
import { scoreItems } from './matching.ts';

/** What the facilitation commands need beyond the database: mail, links, and a clock for tests. */
export interface MatchDeps {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  now?: () => Date;
  /** A mail that could not be sent does not undo the move; the route logs it. */
  onMailError?: (error: unknown) => void;
}

/** A command's answer: the value, or field errors, or a refusal the route maps to 403/404/409. */
export type MatchOutcome<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      errors: FieldError[];
      problem?: 'forbidden' | 'not-found' | 'conflict';
      current?: MatchSummary;
    };

const validateProposal = inputValidator(ProposeMatchInput);
const validateMove = inputValidator(MoveMatchInput);

const refused = (problem: 'forbidden' | 'not-found'): MatchOutcome<never> => ({
  ok: false,
  errors: [],
  problem,
});

/** A match's "whose business is it" shape, for canFacilitate. */
export const accessShapeOf = (match: MatchSummary) => ({
  networkId: match.networkId,
  demandOrganisationId: match.demand.organisationId,
  offerOrganisationId: match.offer.organisationId,
});

/**
 * The latest calendar date anywhere on Earth (UTC+14): a move dated "today" by someone in Kiribati
 * or Samoa is not in the future, while tomorrow everywhere is.
 */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

const emptyToNull = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();

/**
 * The secretariat, or a focal point of either organisation, proposes to match a demand with an
 * offer of the same network. Both organisations' focal points are told by email.
 */
export async function proposeMatch(
  deps: MatchDeps,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<MatchOutcome<{ id: string }>> {
  const data = plainCopy(input) as ProposeMatchInput;
  const invalidInput = validateProposal(data, t);
  if (invalidInput.length > 0) return { ok: false, errors: invalidInput };
  const [demand, offer] = await Promise.all([
    findItem(deps.db, data.demandId),
    findItem(deps.db, data.offerId),
  ]);
  const errors: FieldError[] = [];
  if (!demand || demand.side !== 'demand')
    errors.push({ field: 'demandId', message: t('cooperationMatches.error.unknownDemand') });
  if (!offer || offer.side !== 'offer')
    errors.push({ field: 'offerId', message: t('cooperationMatches.error.unknownOffer') });
  if (!demand || !offer || errors.length > 0) return { ok: false, errors };
  const shape = {
    networkId: demand.networkId,
    demandOrganisationId: demand.organisationId,
    offerOrganisationId: offer.organisationId,
  };
  if (!canFacilitate(actor, shape)) return refused('forbidden');
  if (offer.networkId !== demand.networkId)
    errors.push({ field: 'offerId', message: t('cooperationMatches.error.otherNetwork') });
  else if (offer.organisationId === demand.organisationId)
    errors.push({ field: 'offerId', message: t('cooperationMatches.error.sameOrganisation') });
  if (demand.status === 'closed')
    errors.push({ field: 'demandId', message: t('cooperationMatches.error.closedDemand') });
  if (offer.status === 'closed')
    errors.push({ field: 'offerId', message: t('cooperationMatches.error.closedOffer') });
  const alreadyMatched = () => ({ field: 'offerId', message: t('cooperationMatches.error.alreadyMatched') });
  if (errors.length === 0 && (await findMatchOfPair(deps.db, demand.id, offer.id)))
    errors.push(alreadyMatched());
  if (errors.length > 0) return { ok: false, errors };

  const now = deps.now?.() ?? new Date();
  // The score and its reasons as they are now, kept with the match (weights may change later).
  const { score, parts: explanation } = await scoreItems(deps.db, demand, offer);
  let id: string;
  try {
    id = await deps.db.transaction().execute(async (tx) => {
      const matchId = await insertMatchRow(tx, {
        networkId: demand.networkId,
        demandId: demand.id,
        offerId: offer.id,
        score,
        explanation,
        proposedBy: actor.userId,
        occurredOn: now.toISOString().slice(0, 10),
        note: emptyToNull(data.note),
      });
      await applyItemEffects(tx, { id: matchId, demandId: demand.id, offerId: offer.id }, null, 'proposed');
      return matchId;
    });
  } catch (error) {
    // Two proposals of the same pair at once: the unique constraint lets one through.
    if ((error as { code?: string }).code === '23505') return { ok: false, errors: [alreadyMatched()] };
    throw error;
  }
  const match = (await findMatchSummary(deps.db, id))!;
  const recipients = await focalPointRecipients(deps.db, [demand.organisationId, offer.organisationId]);
  await sendMatchMail(deps, withoutActor(recipients, actor), {
    kind: 'proposed',
    match,
    actorName: actor.name,
  });
  return { ok: true, value: { id } };
}

const withoutActor = <R extends { email: string }>(recipients: R[], actor: Principal) =>
  recipients.filter((r) => r.email.toLowerCase() !== actor.email.toLowerCase());

const indexOf = (stage: MatchStage) => (FORWARD_STAGES as readonly MatchStage[]).indexOf(stage);
const SIGNED = indexOf('agreement-signed');

/**
 * What a move does to the two items, in the move's transaction: a live match puts an open item
 * "in discussion", an agreement signed makes it "matched"; dropping the match (or moving it back
 * before the agreement) lets it fall back to what its other matches say — "open" when none is
 * live. A closed item stays closed.
 */
async function applyItemEffects(
  tx: Executor,
  match: { id: string; demandId: string; offerId: string },
  from: MatchStage | null,
  to: MatchStage,
) {
  const rank: Record<Exclude<ItemStatus, 'closed'>, number> = { open: 0, 'in-discussion': 1, matched: 2 };
  const downward = to === 'dropped' || (from !== null && from !== 'dropped' && indexOf(to) < indexOf(from));
  for (const item of await lockItems(tx, [match.demandId, match.offerId])) {
    if (item.status === 'closed') continue;
    const live = (await otherMatchStages(tx, item.id, match.id)).filter((stage) => stage !== 'dropped');
    if (to !== 'dropped') live.push(to);
    const computed: ItemStatus = live.some((stage) => indexOf(stage) >= SIGNED)
      ? 'matched'
      : live.length > 0
        ? 'in-discussion'
        : 'open';
    const next = downward || rank[computed] > rank[item.status] ? computed : item.status;
    if (next !== item.status) await setItemStatus(tx, item.id, next);
  }
}

/** Why a move is refused, field by field; none when it may go ahead. */
export function moveErrors(
  from: MatchStage,
  input: { stage: MatchStage; occurredOn: string; reason: string | null },
  previousDate: string | null,
  now: Date,
  t: Translate,
): FieldError[] {
  const errors: FieldError[] = [];
  const { stage: to, reason } = input;
  if (to === from) errors.push({ field: 'stage', message: t('cooperationMatches.error.sameStage') });
  else if (!reason) {
    if (FINAL_STAGES.includes(from))
      errors.push({ field: 'reason', message: t('cooperationMatches.error.reopenNeedsReason') });
    else if (to === 'dropped')
      errors.push({ field: 'reason', message: t('cooperationMatches.error.dropNeedsReason') });
    else if (indexOf(to) < indexOf(from))
      errors.push({ field: 'reason', message: t('cooperationMatches.error.backwardNeedsReason') });
  }
  if (input.occurredOn > latestToday(now))
    errors.push({ field: 'occurredOn', message: t('cooperationMatches.error.futureDate') });
  else if (previousDate !== null && input.occurredOn < previousDate)
    errors.push({
      field: 'occurredOn',
      message: t('cooperationMatches.error.beforePrevious', { date: previousDate }),
    });
  return errors;
}

/**
 * Moves a match to another stage (forward, skipping stages if need be; backward, dropped or
 * reopened with a reason), from the version the person read. The other party's focal points are
 * told by email (both parties' when the secretariat moves it).
 */
export async function moveMatch(
  deps: MatchDeps,
  actor: Principal,
  matchId: string,
  input: unknown,
  t: Translate,
): Promise<MatchOutcome<MatchSummary>> {
  const match = await findMatchSummary(deps.db, matchId);
  if (!match) return refused('not-found');
  if (!canFacilitate(actor, accessShapeOf(match))) return refused('forbidden');
  const data = plainCopy(input) as MoveMatchInput;
  const invalidInput = validateMove(data, t);
  if (invalidInput.length > 0) return { ok: false, errors: invalidInput };
  const conflictErrors = [{ field: 'version', message: t('cooperationMatches.error.conflict') }];
  const conflict = (): MatchOutcome<never> => ({
    ok: false,
    problem: 'conflict',
    errors: conflictErrors,
    current: match,
  });
  if (data.version !== match.version) return conflict();
  const now = deps.now?.() ?? new Date();
  const move = { stage: data.stage, occurredOn: data.occurredOn, reason: emptyToNull(data.reason) };
  const errors = moveErrors(match.stage, move, await lastMoveDate(deps.db, match.id), now, t);
  if (errors.length > 0) return { ok: false, errors };

  const moved = await deps.db.transaction().execute(async (tx) => {
    const done = await moveMatchRow(tx, {
      matchId: match.id,
      version: data.version,
      fromStage: match.stage,
      toStage: move.stage,
      occurredOn: move.occurredOn,
      note: emptyToNull(data.note),
      reason: move.reason,
      actorId: actor.userId,
      at: now,
    });
    if (done) await applyItemEffects(tx, match, match.stage, move.stage);
    return done;
  });
  if (!moved)
    return {
      ok: false,
      problem: 'conflict',
      errors: conflictErrors,
      current: (await findMatchSummary(deps.db, match.id)) ?? match,
    };
  const after = (await findMatchSummary(deps.db, match.id))!;
  const parties = [match.demand.organisationId, match.offer.organisationId];
  const others = parties.filter((organisationId) => organisationId !== actor.organisationId);
  const recipients = await focalPointRecipients(deps.db, others);
  await sendMatchMail(deps, withoutActor(recipients, actor), {
    kind: 'moved',
    match: after,
    actorName: actor.name,
    from: match.stage,
    occurredOn: move.occurredOn,
    note: emptyToNull(data.note),
    reason: move.reason,
  });
  return { ok: true, value: after };
}
