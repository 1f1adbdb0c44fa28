import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import type { Translate } from '../web/i18n.ts';
import * as repo from './practices.repository.ts';
import {
  CallInput,
  ReviewInput,
  type CallInput as CallInputType,
  type ReviewInput as ReviewInputType,
} from './practices.schemas.ts';
import { isCode } from '../reference/index.ts';

const validateReview = inputValidator(ReviewInput);
const validateCall = inputValidator(CallInput);

/** The people who may review for a network: its secretariat, and members of its member institutions. */
export async function reviewerCandidates(
  db: Executor,
  networkId: string,
  excludeOrganisationId: string | null,
) {
  const secretariat = await db
    .selectFrom('network_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name'])
    .where('r.network_id', '=', networkId)
    .where('r.role', '=', 'secretariat')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .execute();
  let members = db
    .selectFrom('users as u')
    .innerJoin('network_memberships as m', 'm.organisation_id', 'u.organisation_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'o.name as organisationName', 'u.organisation_id as organisationId'])
    .where('m.network_id', '=', networkId)
    .where('u.disabled_at', 'is', null);
  if (excludeOrganisationId) members = members.where('u.organisation_id', '<>', excludeOrganisationId);
  return { secretariat, members: await members.orderBy('u.name').execute() };
}

/**
 * The secretariat routes a submitted version to three reviewers: one of its own, two from member
 * institutions other than the submitting one (peer review, as DESIGN.md asks).
 */
export async function assignReviewers(
  db: Db,
  actor: Principal,
  practiceId: string,
  input: { secretariatReviewer?: unknown; memberReviewers?: unknown },
  t: Translate,
): Promise<Result<{ assigned: number }>> {
  return db.transaction().execute(async (tx) => {
    const practice = await repo.findPractice(tx, practiceId, true);
    if (!practice) throw new HttpProblem('not-found');
    if (!isSecretariat(actor, practice.networkId)) throw new HttpProblem('forbidden');
    const working = practice.workingVersionId ? await repo.findVersion(tx, practice.workingVersionId) : null;
    if (!working || (working.state !== 'submitted' && working.state !== 'in-review'))
      return invalid([{ field: 'body', message: t('practices.error.notSubmitted') }]);
    const candidates = await reviewerCandidates(tx, practice.networkId, practice.organisationId);
    const errors: FieldError[] = [];
    const own = typeof input.secretariatReviewer === 'string' ? input.secretariatReviewer : '';
    if (!candidates.secretariat.some((c) => c.id === own))
      errors.push({ field: 'secretariatReviewer', message: t('practices.error.reviewerNotEligible') });
    const rawMembers = Array.isArray(input.memberReviewers)
      ? input.memberReviewers
      : typeof input.memberReviewers === 'string'
        ? [input.memberReviewers]
        : [];
    const memberIds = [
      ...new Set(rawMembers.filter((id): id is string => typeof id === 'string' && id !== '')),
    ];
    const eligible = new Map(candidates.members.map((c) => [c.id, c.organisationId]));
    if (memberIds.length !== 2)
      errors.push({ field: 'memberReviewers', message: t('practices.error.twoMemberReviewers') });
    else if (memberIds.some((id) => !eligible.has(id) || id === own))
      errors.push({ field: 'memberReviewers', message: t('practices.error.reviewerNotEligible') });
    else if (eligible.get(memberIds[0]!) === eligible.get(memberIds[1]!))
      errors.push({ field: 'memberReviewers', message: t('practices.error.twoInstitutions') });
    // Reassigning replaces the reviewers who have not answered yet; an answered review stays, so
    // its reviewer must stay in their seat (else the version would have four reviewers).
    const answered = await tx
      .selectFrom('practice_reviews')
      .select(['reviewer_id', 'seat'])
      .where('version_id', '=', working.id)
      .where('submitted_at', 'is not', null)
      .execute();
    for (const review of answered) {
      const kept =
        review.seat === 'secretariat' ? own === review.reviewer_id : memberIds.includes(review.reviewer_id);
      const field = review.seat === 'secretariat' ? 'secretariatReviewer' : 'memberReviewers';
      if (!kept && !errors.some((error) => error.field === field))
        errors.push({ field, message: t('practices.error.answeredReviewerStays') });
    }
    if (errors.length > 0) return invalid(errors);
    await tx
      .deleteFrom('practice_reviews')
      .where('version_id', '=', working.id)
      .where('submitted_at', 'is', null)
      .execute();
    const seats = [
      { reviewer_id: own, seat: 'secretariat' as const },
      ...memberIds.map((id) => ({ reviewer_id: id, seat: 'member' as const })),
    ];
    for (const seat of seats) {
      await tx
        .insertInto('practice_reviews')
        .values({ version_id: working.id, ...seat, assigned_by: actor.userId })
        .onConflict((oc) => oc.columns(['version_id', 'reviewer_id']).doNothing())
        .execute();
    }
    await repo.setVersionState(tx, working.id, 'in-review');
    await repo.updatePracticeRow(
      tx,
      practiceId,
      practice.status === 'published' ? {} : { status: 'in-review' },
    );
    await repo.insertEvent(tx, {
      practiceId,
      versionId: working.id,
      kind: 'reviewers-assigned',
      actorId: actor.userId,
    });
    return ok({ assigned: seats.length });
  });
}

/** An assigned reviewer answers the review form once for the version under review. */
export async function submitReview(
  db: Db,
  actor: Principal,
  practiceId: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string }>> {
  const data = plainCopy(input) as ReviewInputType;
  const errors = validateReview(data, t);
  if (errors.length > 0) return invalid(errors);
  return db.transaction().execute(async (tx) => {
    const practice = await repo.findPractice(tx, practiceId, true);
    if (!practice) throw new HttpProblem('not-found');
    const review = practice.workingVersionId
      ? await tx
          .selectFrom('practice_reviews')
          .select(['id', 'submitted_at'])
          .where('version_id', '=', practice.workingVersionId)
          .where('reviewer_id', '=', actor.userId)
          .executeTakeFirst()
      : undefined;
    if (!review) throw new HttpProblem('forbidden');
    if (review.submitted_at !== null)
      return invalid([{ field: 'body', message: t('practices.error.alreadyReviewed') }]);
    await tx
      .updateTable('practice_reviews')
      .set({ ...data, comments: data.comments.trim(), submitted_at: new Date() })
      .where('id', '=', review.id)
      .execute();
    await repo.insertEvent(tx, {
      practiceId,
      versionId: practice.workingVersionId,
      kind: 'reviewed',
      actorId: actor.userId,
    });
    return ok({ id: review.id });
  });
}

/** The reviews of a version, with their reviewers' names. */
export async function reviewsOfVersion(db: Executor, versionId: string) {
  return db
    .selectFrom('practice_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select([
      'r.id',
      'r.reviewer_id as reviewerId',
      'u.name as reviewerName',
      'r.seat',
      'r.relevance',
      'r.effectiveness',
      'r.replicability',
      'r.sustainability',
      'r.recommendation',
      'r.comments',
      'r.submitted_at as submittedAt',
    ])
    .where('r.version_id', '=', versionId)
    .orderBy('r.seat', 'desc')
    .orderBy('u.name')
    .execute();
}

/** The secretariat opens a thematic call for practices, with dates and tags. */
export async function openCall(
  db: Db,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string }>> {
  // Only a secretariat opens calls: refused before the input is read; which network's, once it is.
  if (!isSecretariat(actor)) throw new HttpProblem('forbidden');
  const data = plainCopy(input) as CallInputType;
  const errors = validateCall(data, t);
  if (errors.length > 0) return invalid(errors);
  const network = await db
    .selectFrom('networks')
    .select('id')
    .where('slug', '=', data.network)
    .executeTakeFirst();
  if (!network) return invalid([{ field: 'network', message: t('practices.error.unknownNetwork') }]);
  if (!isSecretariat(actor, network.id)) throw new HttpProblem('forbidden');
  const codeErrors: FieldError[] = [];
  if (!Object.values(data.title).some((text) => text?.trim()))
    codeErrors.push({ field: 'title', message: t('practices.error.titleRequired') });
  if (data.closesOn < data.opensOn)
    codeErrors.push({ field: 'closesOn', message: t('practices.error.periodEndsBeforeStart') });
  for (const [index, code] of (data.gcmObjectives ?? []).entries())
    if (!isCode('gcm-objectives', code))
      codeErrors.push({
        field: `gcmObjectives.${index}`,
        message: t('practices.error.unknownCode', { code }),
      });
  for (const [index, code] of (data.thematicAreas ?? []).entries())
    if (!isCode('iom-areas', code))
      codeErrors.push({
        field: `thematicAreas.${index}`,
        message: t('practices.error.unknownCode', { code }),
      });
  if (codeErrors.length > 0) return invalid(codeErrors);
  const row = await db
    .insertInto('practice_calls')
    .values({
      network_id: network.id,
      title: JSON.stringify(data.title),
      description: JSON.stringify(data.description ?? {}),
      opens_on: data.opensOn,
      closes_on: data.closesOn,
      gcm_objectives: data.gcmObjectives ?? [],
      thematic_areas: data.thematicAreas ?? [],
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}
