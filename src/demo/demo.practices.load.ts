import type { Executor } from '../db/schema.ts';
import {
  completenessOf,
  insertPracticeEvent,
  insertPracticeRow,
  insertVersionRow,
  makePublic,
  reviewerCandidates,
  toContent,
  findPractice,
  findVersion,
  updatePracticeRow,
} from '../practices/index.ts';
import { DEMO_PRACTICES, DEMO_PRINCIPLES, type DemoPractice } from './demo.practices.ts';

/** What the reviewers of the demo's practices under review say, when they have answered. */
const DEMO_REVIEW = {
  relevance: 4,
  effectiveness: 4,
  replicability: 5,
  sustainability: 3,
  recommendation: 'publish' as const,
  comments:
    'Pertinente para la red: el protocolo es claro y reproducible. Convendría precisar los recursos humanos necesarios.',
};

const RETURN_COMMENT =
  'Merci : pourriez-vous préciser les résultats obtenus et les organisations partenaires de chaque pays ? (commentaire de démonstration)';

/**
 * Loads the demo's principles and practices, through the same repository functions as the
 * commands: published ones with their publication date, the others at their stage of review.
 */
export async function loadDemoPractices(
  tx: Executor,
  ids: { organisation: (key: string) => string; network: (slug: string) => string },
): Promise<void> {
  for (const [position, principle] of DEMO_PRINCIPLES.entries()) {
    await tx
      .insertInto('smart_principles')
      .values({
        network_id: ids.network(principle.network),
        code: principle.code,
        stage: principle.stage,
        label: JSON.stringify(principle.label),
        position,
      })
      .execute();
  }
  for (const practice of DEMO_PRACTICES) await loadDemoPractice(tx, practice, ids);
}

async function loadDemoPractice(
  tx: Executor,
  practice: DemoPractice,
  ids: { organisation: (key: string) => string; network: (slug: string) => string },
): Promise<void> {
  const networkId = ids.network(practice.network);
  const organisationId = ids.organisation(practice.organisation);
  const content = toContent({
    ...practice.content,
    actors: (practice.content.actors ?? []).map((actor) => ({
      organisationId: ids.organisation(actor.organisation),
      role: actor.role,
    })),
  });
  const id = await insertPracticeRow(tx, { networkId, organisationId, callId: null, createdBy: null });
  const state = practice.status === 'published' ? 'draft' : practice.status;
  const versionId = await insertVersionRow(tx, {
    practiceId: id,
    number: 1,
    state: state === 'in-review' ? 'submitted' : state,
    content,
    completeness: completenessOf(content),
    createdBy: null,
  });
  await updatePracticeRow(tx, id, {
    workingVersionId: versionId,
    status: state === 'in-review' ? 'submitted' : state,
  });
  if (practice.status === 'published') {
    const row = (await findPractice(tx, id))!;
    await makePublic(
      tx,
      row,
      (await findVersion(tx, versionId))!,
      null,
      new Date(`${practice.publishedOn}T12:00:00Z`),
    );
    return;
  }
  if (practice.status === 'draft') return;
  await insertPracticeEvent(tx, { practiceId: id, versionId, kind: 'submitted', actorId: null });
  if (practice.status === 'returned') {
    await insertPracticeEvent(tx, {
      practiceId: id,
      versionId,
      kind: 'returned',
      comment: RETURN_COMMENT,
      actorId: null,
    });
  }
  if (practice.status === 'in-review')
    await assignDemoReviewers(tx, id, versionId, networkId, organisationId);
}

/**
 * Routes a practice to one reviewer of the secretariat and two of two other member institutions,
 * when the demo has such people in its network; the secretariat's review is already in. Without
 * them the practice stays submitted, waiting for reviewers.
 */
async function assignDemoReviewers(
  tx: Executor,
  practiceId: string,
  versionId: string,
  networkId: string,
  organisationId: string,
): Promise<void> {
  const candidates = await reviewerCandidates(tx, networkId, organisationId);
  const own = candidates.secretariat[0];
  const members: { id: string; organisationId: string | null }[] = [];
  for (const candidate of candidates.members) {
    if (members.length < 2 && !members.some((m) => m.organisationId === candidate.organisationId))
      members.push(candidate);
  }
  if (!own || members.length < 2) return;
  await tx
    .insertInto('practice_reviews')
    .values([
      {
        version_id: versionId,
        reviewer_id: own.id,
        seat: 'secretariat',
        ...DEMO_REVIEW,
        submitted_at: new Date(),
      },
      ...members.map((member) => ({
        version_id: versionId,
        reviewer_id: member.id,
        seat: 'member' as const,
      })),
    ])
    .execute();
  await tx.updateTable('practice_versions').set({ state: 'in-review' }).where('id', '=', versionId).execute();
  await updatePracticeRow(tx, practiceId, { status: 'in-review' });
  await insertPracticeEvent(tx, { practiceId, versionId, kind: 'reviewers-assigned', actorId: null });
  await insertPracticeEvent(tx, { practiceId, versionId, kind: 'reviewed', actorId: own.id });
}
