import { Type } from 'typebox';
import type { Executor } from '../db/schema.ts';
import { LangParams } from '../web/routes.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type PracticeView, practicesOfOrganisation, reviewQueue } from './practices.queries.ts';
import { translatorLanguagesOf } from './practices.translators.ts';
import type { PracticeContent } from './practices.schemas.ts';
import type { PracticeStatus, Recommendation, ReviewSeat, VersionState } from './practices.tables.ts';
import { HttpProblem } from '../http/problems.ts';
import { canManagePractice } from './practices.access.ts';
import { type PracticeRow, findPractice } from './practices.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The practice named in a page URL; 404 for a malformed id or an unknown practice. */
export async function practiceOr404(db: Executor, id: string): Promise<PracticeRow> {
  const practice = UUID.test(id) ? await findPractice(db, id) : null;
  if (!practice) throw new HttpProblem('not-found');
  return practice;
}

/** The path of a practice's workflow pages: `/{lang}/practices/:id/…`. */
export const PracticeParams = Type.Object({
  lang: LangParams.properties.lang,
  id: Type.String({ maxLength: 200 }),
});
/** Who may ask for a transition, checked before anything is read from the form. */
export type Gate = 'manager' | 'secretariat';
export function authorize(gate: Gate, actor: Principal | null, practice: PracticeRow): void {
  const allowed =
    gate === 'manager' ? canManagePractice(actor, practice) : isSecretariat(actor, practice.networkId);
  if (!allowed) throw new HttpProblem('forbidden');
}

/** What the work page shows a signed-in user: their organisation's practices, the review queue, their reviews. */

/** How many reviewers a version needs: one of the secretariat, two of member institutions. */
export const REVIEWERS_NEEDED = 3;

/** Where a practice stands, as its authors read it (a published practice may have a revision under way). */
export type WorkState =
  | 'draft'
  | 'submitted'
  | 'in-review'
  | 'returned'
  | 'published'
  | 'revision-draft'
  | 'revision-submitted'
  | 'revision-in-review'
  | 'revision-returned'
  | 'withdrawn'
  | 'archived';

export function workStateOf(status: PracticeStatus, workingState: VersionState | null): WorkState {
  if (status !== 'published') return status;
  switch (workingState) {
    case 'draft':
      return 'revision-draft';
    case 'submitted':
      return 'revision-submitted';
    case 'in-review':
      return 'revision-in-review';
    case 'returned':
      return 'revision-returned';
    default:
      return 'published';
  }
}

export interface WorkItem {
  id: string;
  version: number;
  title: Record<string, string>;
  originalLanguage: string;
}

export interface OwnPractice extends WorkItem {
  state: WorkState;
  workingState: VersionState | null;
  updatedAt: Date;
  returnComment: string | null;
}

export interface QueueItem extends WorkItem {
  networkSlug: string;
  state: 'submitted' | 'in-review';
  submittedAt: Date | null;
  assigned: number;
  reviewed: number;
}

export interface AssignedReview extends WorkItem {
  reviewedAt: Date | null;
}

export interface WorkOverview {
  own: OwnPractice[] | null;
  queue: QueueItem[] | null;
  assigned: AssignedReview[];
}

async function practiceVersions(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { version: number; workingVersionId: string | null }>();
  const rows = await db
    .selectFrom('practices')
    .select(['id', 'version', 'working_version_id as workingVersionId'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Reviewers assigned to each version, and how many have answered. */
async function reviewCounts(db: Executor, versionIds: string[]) {
  const counts = new Map<string, { assigned: number; reviewed: number }>();
  if (versionIds.length === 0) return counts;
  const rows = await db
    .selectFrom('practice_reviews')
    .select((eb) => [
      'version_id as versionId',
      eb.fn.countAll<string>().as('assigned'),
      eb.fn.count<string>('submitted_at').as('reviewed'),
    ])
    .where('version_id', 'in', versionIds)
    .groupBy('version_id')
    .execute();
  for (const row of rows)
    counts.set(row.versionId, { assigned: Number(row.assigned), reviewed: Number(row.reviewed) });
  return counts;
}

/** The latest comment the secretariat returned each practice with. */
export async function returnComments(db: Executor, practiceIds: string[]) {
  const comments = new Map<string, string>();
  if (practiceIds.length === 0) return comments;
  const rows = await db
    .selectFrom('practice_events')
    .select(['practice_id as practiceId', 'comment'])
    .where('practice_id', 'in', practiceIds)
    .where('kind', '=', 'returned')
    .orderBy('at', 'desc')
    .execute();
  for (const row of rows)
    if (!comments.has(row.practiceId) && row.comment) comments.set(row.practiceId, row.comment);
  return comments;
}

const titleOf = (content: unknown) => (content as PracticeContent | null)?.title ?? {};
const languageOf = (content: unknown) => (content as PracticeContent | null)?.originalLanguage ?? 'en';

export async function workOverview(db: Executor, actor: Principal): Promise<WorkOverview> {
  const [ownRows, review] = await Promise.all([
    actor.organisationId ? practicesOfOrganisation(db, actor.organisationId) : Promise.resolve(null),
    reviewQueue(db, actor),
  ]);
  const showQueue = isSecretariat(actor);
  const ids = [
    ...new Set([
      ...(ownRows ?? []).map((row) => row.id),
      ...(showQueue ? review.queue : []).map((row) => row.id),
    ]),
  ];
  const versions = await practiceVersions(db, ids);
  const returned = (ownRows ?? []).filter((row) => row.workingState === 'returned').map((row) => row.id);
  const [comments, counts] = await Promise.all([
    returnComments(db, returned),
    reviewCounts(
      db,
      review.queue.map((row) => versions.get(row.id)?.workingVersionId).filter((id): id is string => !!id),
    ),
  ]);
  const own =
    ownRows?.map((row) => {
      const content = row.workingContent ?? row.publishedContent;
      return {
        id: row.id,
        version: versions.get(row.id)?.version ?? 1,
        title: titleOf(content),
        originalLanguage: languageOf(content),
        state: workStateOf(row.status, row.workingState),
        workingState: row.workingState,
        updatedAt: row.updatedAt,
        returnComment: row.workingState === 'returned' ? (comments.get(row.id) ?? null) : null,
      };
    }) ?? null;
  const queue = showQueue
    ? review.queue.map((row) => {
        const practice = versions.get(row.id);
        const count = (practice?.workingVersionId && counts.get(practice.workingVersionId)) || {
          assigned: 0,
          reviewed: 0,
        };
        return {
          id: row.id,
          version: practice?.version ?? 1,
          title: titleOf(row.content),
          originalLanguage: languageOf(row.content),
          networkSlug: row.networkSlug,
          state: row.state as 'submitted' | 'in-review',
          submittedAt: row.submittedAt,
          ...count,
        };
      })
    : null;
  const assigned = review.assigned.map((row) => ({
    id: row.id,
    version: 0,
    title: titleOf(row.content),
    originalLanguage: languageOf(row.content),
    reviewedAt: row.reviewedAt,
  }));
  return { own, queue, assigned };
}

/** Ready to publish: every reviewer assigned has answered (the command checks it again). */
export const readyToPublish = (item: QueueItem) =>
  item.state === 'in-review' && item.assigned >= REVIEWERS_NEEDED && item.reviewed === item.assigned;

/** What the actions panel needs to know about a practice and its viewer. */
export interface WorkflowFacts {
  id: string;
  version: number;
  status: PracticeStatus;
  originalLanguage: string;
  working: { number: number; state: VersionState } | null;
  canManage: boolean;
  isSecretariat: boolean;
  /** The viewer is a reviewer of the working version. */
  canReview: boolean;
  /** Reviewers assigned to the working version, and how many have answered. */
  reviews: { assigned: number; reviewed: number };
  translatorLanguages: readonly string[];
}

export interface PracticeHeader {
  id: string;
  title: Record<string, string>;
  originalLanguage: string;
  status: PracticeStatus;
  working: { number: number; state: VersionState } | null;
  published: { number: number } | null;
}

/** What the workflow actions of a practice page need, for this viewer. */
export async function workflowFactsOf(
  db: Executor,
  actor: Principal | null,
  view: PracticeView,
): Promise<WorkflowFacts> {
  const [counts, translatorLanguages] = await Promise.all([
    view.working ? reviewCounts(db, [view.working.id]) : Promise.resolve(new Map<string, never>()),
    actor ? translatorLanguagesOf(db, actor.userId) : Promise.resolve([]),
  ]);
  return {
    id: view.id,
    version: view.version,
    status: view.status,
    originalLanguage: view.shown.content.originalLanguage,
    working: view.working ? { number: view.working.number, state: view.working.state } : null,
    canManage: view.canManage,
    isSecretariat: view.isSecretariat,
    canReview: view.canReview,
    reviews: (view.working && counts.get(view.working.id)) || { assigned: 0, reviewed: 0 },
    translatorLanguages,
  };
}

/** The heading of a workflow page: the practice's title (from the version shown), its state. */
export function headerOf(view: PracticeView): PracticeHeader {
  return {
    id: view.id,
    title: view.shown.content.title,
    originalLanguage: view.shown.content.originalLanguage,
    status: view.status,
    working: view.working ? { number: view.working.number, state: view.working.state } : null,
    published: view.published ? { number: view.published.number } : null,
  };
}

// ---- Reviews, as each reader may see them ----------------------------------------------------

export interface ReviewRow {
  id: string;
  versionId: string;
  versionNumber: number;
  versionState: VersionState;
  reviewerId: string;
  reviewerName: string;
  seat: ReviewSeat;
  relevance: number | null;
  effectiveness: number | null;
  replicability: number | null;
  sustainability: number | null;
  recommendation: Recommendation | null;
  comments: string | null;
  submittedAt: Date | null;
}

function reviewRows(db: Executor, practiceId: string) {
  return db
    .selectFrom('practice_reviews as r')
    .innerJoin('practice_versions as v', 'v.id', 'r.version_id')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select([
      'r.id',
      'v.id as versionId',
      'v.number as versionNumber',
      'v.state as versionState',
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
    .where('v.practice_id', '=', practiceId);
}

/** The caller's own review of a practice: of the working version if they review it, else their latest. */
export async function ownReview(
  db: Executor,
  practice: PracticeRow,
  userId: string,
): Promise<ReviewRow | null> {
  const rows = await reviewRows(db, practice.id)
    .where('r.reviewer_id', '=', userId)
    .orderBy('v.number', 'desc')
    .execute();
  return rows.find((row) => row.versionId === practice.workingVersionId) ?? rows[0] ?? null;
}

/** A version's reviews are the authors' to read once the secretariat has decided (returned or published it). */
const DECIDED: readonly VersionState[] = ['returned', 'published', 'superseded'];

export interface ReviewRound {
  versionNumber: number;
  state: VersionState;
  decided: boolean;
  assigned: number;
  reviewed: number;
  returnComment: string | null;
  /** `reviewerName` is null where the reader may not know who wrote it. */
  reviews: (ReviewRow & { mine: boolean; named: boolean })[];
}

/**
 * The review rounds of a practice, newest first, as the caller may read them. The network's
 * secretariat reads everything as it comes in, with names. The authors read the answered reviews
 * once the secretariat has decided, without the reviewers' names (peer review stays anonymous to
 * them). A reviewer reads their own review, and the others' anonymously once the decision is made.
 * Anyone else is refused.
 */
export async function reviewRounds(
  db: Executor,
  actor: Principal,
  practice: PracticeRow,
): Promise<ReviewRound[]> {
  const seesAll = isSecretariat(actor, practice.networkId);
  const manages = canManagePractice(actor, practice);
  const rows = await reviewRows(db, practice.id)
    .orderBy('v.number', 'desc')
    .orderBy('r.seat', 'desc')
    .orderBy('u.name')
    .execute();
  /** The versions the caller reviews. */
  const reviewed = new Set(rows.filter((row) => row.reviewerId === actor.userId).map((row) => row.versionId));
  if (!manages && reviewed.size === 0) throw new HttpProblem('forbidden');
  const returned = await db
    .selectFrom('practice_events as e')
    .innerJoin('practice_versions as v', 'v.id', 'e.version_id')
    .select(['v.id as versionId', 'v.number as versionNumber', 'v.state as versionState', 'e.comment'])
    .where('e.practice_id', '=', practice.id)
    .where('e.kind', '=', 'returned')
    .orderBy('e.at', 'desc')
    .execute();
  const rounds = new Map<string, ReviewRound>();
  // A version returned without reviews is a round too: its authors read why.
  const versions = [...rows, ...returned].sort((a, b) => b.versionNumber - a.versionNumber);
  for (const version of versions) {
    if (rounds.has(version.versionId)) continue;
    rounds.set(version.versionId, {
      versionNumber: version.versionNumber,
      state: version.versionState,
      decided: DECIDED.includes(version.versionState),
      assigned: 0,
      reviewed: 0,
      returnComment: returned.find((event) => event.versionId === version.versionId)?.comment ?? null,
      reviews: [],
    });
  }
  for (const row of rows) {
    const round = rounds.get(row.versionId)!;
    round.assigned++;
    if (row.submittedAt) round.reviewed++;
    const mine = row.reviewerId === actor.userId;
    const readable =
      seesAll ||
      mine ||
      (round.decided && row.submittedAt !== null && (manages || reviewed.has(row.versionId)));
    if (readable) round.reviews.push({ ...row, mine, named: seesAll || mine });
  }
  return [...rounds.entries()]
    .filter(([versionId]) => manages || reviewed.has(versionId))
    .map(([, round]) => round);
}
