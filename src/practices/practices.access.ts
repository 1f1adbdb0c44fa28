import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import type { PracticeRow } from './practices.repository.ts';

/** Its organisation's focal points, the secretariat of its network, admins. */
export function canManagePractice(
  actor: Principal | null,
  practice: Pick<PracticeRow, 'networkId' | 'organisationId'>,
) {
  if (actor === null) return false;
  return (
    isSecretariat(actor, practice.networkId) ||
    (practice.organisationId !== null && actor.organisationId === practice.organisationId)
  );
}

/** Published and archived practices are public; the rest is for those who manage or review it. */
export async function canViewPractice(
  db: Executor,
  actor: Principal | null,
  practice: Pick<PracticeRow, 'id' | 'networkId' | 'organisationId' | 'status'>,
): Promise<boolean> {
  if (practice.status === 'published' || practice.status === 'archived') return true;
  if (canManagePractice(actor, practice)) return true;
  if (actor === null) return false;
  return isReviewerOf(db, actor.userId, practice.id);
}

export async function isReviewerOf(db: Executor, userId: string, practiceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('practice_reviews as r')
    .innerJoin('practice_versions as v', 'v.id', 'r.version_id')
    .select('r.id')
    .where('r.reviewer_id', '=', userId)
    .where('v.practice_id', '=', practiceId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A focal point submits for their own organisation, if it is a member of the network; the secretariat for any member. */
export async function canSubmitFor(
  db: Executor,
  actor: Principal,
  organisationId: string,
  networkId: string,
): Promise<boolean> {
  if (!isSecretariat(actor, networkId) && actor.organisationId !== organisationId) return false;
  const membership = await db
    .selectFrom('network_memberships')
    .select('organisation_id')
    .where('network_id', '=', networkId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return membership !== undefined;
}

/** Translators add a language to a published practice; so may anyone who manages it. */
export function canTranslate(actor: Principal | null, translatorLanguages: readonly string[], lang: string) {
  return actor !== null && (actor.isAdmin || translatorLanguages.includes(lang));
}
