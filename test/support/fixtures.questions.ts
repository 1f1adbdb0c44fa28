import type { Db } from '../../src/db/schema.ts';
import type { AnswerType, QuestionVisibility } from '../../src/questions/questions.tables.ts';
import type { LocalizedText } from '../../src/web/language.ts';
import type { MatrixEnv, MatrixFixture } from './matrix-env.ts';

/** Makes organisations members of a network (idempotent). */
export async function buildMemberships(
  db: Db,
  networkId: string,
  organisationIds: string[],
  role: 'member' | 'coordinator' | 'observer' = 'member',
) {
  for (const organisationId of organisationIds)
    await db
      .insertInto('network_memberships')
      .values({ network_id: networkId, organisation_id: organisationId, role })
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export interface QuestionSpec {
  networkId: string;
  organisationId: string;
  visibility?: QuestionVisibility;
  status?: 'open' | 'closed';
  deadline?: Date;
  createdAt?: Date;
  title?: LocalizedText;
  items?: { text: LocalizedText; answerType: AnswerType; choices?: LocalizedText[] }[];
}

/** The items of a question like seed 004's: yes/no, number, choice, text. */
export const SAMPLE_ITEMS: NonNullable<QuestionSpec['items']> = [
  { text: { en: 'Is there a humanitarian visa?' }, answerType: 'yes-no' },
  { text: { en: 'How many returns were assisted in 2025?' }, answerType: 'number' },
  {
    text: { en: 'How are migrants in an irregular situation regularised?' },
    answerType: 'choice',
    choices: [{ en: 'Regularisation programme' }, { en: 'Case by case' }, { en: 'No procedure' }],
  },
  { text: { en: 'Comments' }, answerType: 'text' },
];

/** A question written straight into the tables (no announcement jobs), open for 30 days unless told. */
export async function buildQuestion(db: Db, spec: QuestionSpec): Promise<{ id: string; itemIds: string[] }> {
  const question = await db
    .insertInto('network_questions')
    .values({
      network_id: spec.networkId,
      organisation_id: spec.organisationId,
      original_language: 'en',
      title: JSON.stringify(spec.title ?? { en: 'Humanitarian visas and assisted returns' }),
      background: JSON.stringify({ en: 'For the annual meeting.' }),
      deadline: spec.deadline ?? new Date(Date.now() + 30 * 86_400_000),
      deadline_time_zone: 'America/Bogota',
      visibility: spec.visibility ?? 'network',
      status: spec.status ?? 'open',
      ...(spec.createdAt ? { created_at: spec.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = await db
    .insertInto('network_question_items')
    .values(
      (spec.items ?? SAMPLE_ITEMS).map((item, index) => ({
        question_id: question.id,
        position: index + 1,
        text: JSON.stringify(item.text),
        answer_type: item.answerType,
        choices: JSON.stringify(item.choices ?? []),
      })),
    )
    .returning('id')
    .execute();
  return { id: question.id, itemIds: items.map((i) => i.id) };
}

/** The owning and the other organisation as members of the matrix's network, so that both may ask and answer. */
async function withMembers(env: MatrixEnv) {
  await buildMemberships(env.db, env.networkId, [env.owningOrganisationId, env.otherOrganisationId]);
}

/** The authorization matrix's fixtures for the questions routes (named in their `harness.params`). */
export const questionsFixtures: Record<string, MatrixFixture> = {
  /** The matrix's network, its two organisations being members. */
  questionsNetworkId: async (_actor, env) => {
    await withMembers(env);
    return env.networkId;
  },
  /** An open public question asked by the other organisation. */
  publicQuestion: async (_actor, env) => {
    await withMembers(env);
    return (
      await buildQuestion(env.db, {
        networkId: env.networkId,
        organisationId: env.otherOrganisationId,
        visibility: 'public',
      })
    ).id;
  },
  /** An open question for the network's members, asked by the other organisation: the owning one answers. */
  openQuestion: async (_actor, env) => {
    await withMembers(env);
    return (
      await buildQuestion(env.db, { networkId: env.networkId, organisationId: env.otherOrganisationId })
    ).id;
  },
  /** An open question asked by the owning organisation: focalOwn and the secretariat may close it. */
  ownQuestion: async (_actor, env) => {
    await withMembers(env);
    return (
      await buildQuestion(env.db, { networkId: env.networkId, organisationId: env.owningOrganisationId })
    ).id;
  },
};
