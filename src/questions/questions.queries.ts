import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { LocalizedText } from '../web/language.ts';
import {
  ANSWERING_ROLES,
  canViewQuestion,
  isAnsweringMember,
  mayActFor,
  memberNetworkIds,
} from './questions.access.ts';
import type { QuestionFilters } from './questions.schemas.ts';
import type { AnswerType, QuestionStatus, QuestionVisibility } from './questions.tables.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface QuestionItem {
  id: string;
  position: number;
  text: LocalizedText;
  answerType: AnswerType;
  choices: LocalizedText[];
}

export interface QuestionSummary {
  id: string;
  networkId: string;
  networkSlug: string;
  networkName: LocalizedText;
  organisationId: string;
  organisationName: LocalizedText;
  originalLanguage: string;
  title: LocalizedText;
  background: LocalizedText;
  deadline: Date;
  timeZone: string;
  visibility: QuestionVisibility;
  status: QuestionStatus;
  createdAt: Date;
  answerCount: number;
}

export interface QuestionDetail extends QuestionSummary {
  items: QuestionItem[];
}

/** open; closed early by the asker or the secretariat; or expired (its deadline passed). */
export type EffectiveStatus = 'open' | 'closed' | 'expired';

export function effectiveStatus(question: Pick<QuestionSummary, 'status' | 'deadline'>, now: Date) {
  if (question.status === 'closed') return 'closed' as const;
  return question.deadline.getTime() <= now.getTime() ? ('expired' as const) : ('open' as const);
}

function summaries(db: Executor) {
  return db
    .selectFrom('network_questions as q')
    .innerJoin('networks as n', 'n.id', 'q.network_id')
    .innerJoin('organisations as o', 'o.id', 'q.organisation_id')
    .select((eb) => [
      'q.id',
      'q.network_id',
      'n.slug as network_slug',
      'n.name as network_name',
      'q.organisation_id',
      'o.name as organisation_name',
      'q.original_language',
      'q.title',
      'q.background',
      'q.deadline',
      'q.deadline_time_zone',
      'q.visibility',
      'q.status',
      'q.created_at',
      eb
        .selectFrom('network_question_answers as a')
        .select((e) => e.fn.countAll<string>().as('c'))
        .whereRef('a.question_id', '=', 'q.id')
        .as('answer_count'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

function toSummary(row: SummaryRow): QuestionSummary {
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    networkName: row.network_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    originalLanguage: row.original_language,
    title: row.title,
    background: row.background,
    deadline: new Date(row.deadline),
    timeZone: row.deadline_time_zone,
    visibility: row.visibility,
    status: row.status,
    createdAt: new Date(row.created_at),
    answerCount: Number(row.answer_count ?? 0),
  };
}

/** The questions the actor may see, newest first, with the filters of the list and the API. */
export async function listQuestions(
  db: Executor,
  actor: Principal | null,
  filters: QuestionFilters,
  now = new Date(),
): Promise<QuestionSummary[]> {
  const networks = actor?.isAdmin ? null : [...(await memberNetworkIds(db, actor))];
  let query = summaries(db).orderBy('q.created_at', 'desc').limit(200);
  if (networks !== null)
    query = query.where((eb) =>
      networks.length === 0
        ? eb('q.visibility', '=', 'public')
        : eb.or([eb('q.visibility', '=', 'public'), eb('q.network_id', 'in', networks)]),
    );
  if (filters.network) query = query.where('n.slug', '=', filters.network);
  if (filters.status === 'open') query = query.where('q.status', '=', 'open').where('q.deadline', '>', now);
  if (filters.status === 'closed')
    query = query.where((eb) => eb.or([eb('q.status', '=', 'closed'), eb('q.deadline', '<=', now)]));
  return (await query.execute()).map(toSummary);
}

export async function findQuestion(db: Executor, id: string): Promise<QuestionDetail | null> {
  if (!UUID.test(id)) return null;
  const row = await summaries(db).where('q.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom('network_question_items')
    .selectAll()
    .where('question_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    ...toSummary(row),
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      text: item.text,
      answerType: item.answer_type,
      choices: item.choices,
    })),
  };
}

/** The question if the actor may see it; null otherwise (an invisible question does not exist for them). */
export async function getQuestion(db: Executor, actor: Principal | null, id: string) {
  const question = await findQuestion(db, id);
  if (!question || !(await canViewQuestion(db, actor, question))) return null;
  return question;
}

export interface ComparisonRow {
  answerId: string;
  organisationId: string;
  organisationName: LocalizedText;
  country: string | null;
  language: string;
  submittedAt: Date;
  /** By item id: the value as stored. */
  values: Map<string, string>;
}

export interface MemberOrganisation {
  id: string;
  name: LocalizedText;
  country: string | null;
}

export interface Comparison {
  rows: ComparisonRow[];
  unanswered: MemberOrganisation[];
}

/** The organisations that answer a question: the network's members and coordinator, not the asker. */
export async function answeringOrganisations(db: Executor, question: QuestionSummary) {
  const rows = await db
    .selectFrom('network_memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.headquarters_country'])
    .where('m.network_id', '=', question.networkId)
    .where('m.role', 'in', ANSWERING_ROLES)
    .where('o.id', '!=', question.organisationId)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, country: r.headquarters_country }));
}

/** The answers side by side (by country, then organisation; or by organisation) and who has not answered. */
export async function comparisonOf(
  db: Executor,
  question: QuestionDetail,
  sort: 'country' | 'organisation' = 'country',
  lang = 'en',
): Promise<Comparison> {
  const answers = await db
    .selectFrom('network_question_answers as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.organisation_id', 'o.name', 'a.country', 'a.language', 'a.submitted_at'])
    .where('a.question_id', '=', question.id)
    .execute();
  const values =
    answers.length === 0
      ? []
      : await db
          .selectFrom('network_question_answer_values')
          .selectAll()
          .where(
            'answer_id',
            'in',
            answers.map((a) => a.id),
          )
          .execute();
  const rows: ComparisonRow[] = answers.map((a) => ({
    answerId: a.id,
    organisationId: a.organisation_id,
    organisationName: a.name,
    country: a.country,
    language: a.language,
    submittedAt: new Date(a.submitted_at),
    values: new Map(values.filter((v) => v.answer_id === a.id).map((v) => [v.item_id, v.value])),
  }));
  const nameOf = (name: LocalizedText) =>
    name[lang as keyof LocalizedText] ?? Object.values(name).find(Boolean) ?? '';
  const byName = (a: { organisationName: LocalizedText }, b: { organisationName: LocalizedText }) =>
    nameOf(a.organisationName).localeCompare(nameOf(b.organisationName), lang);
  rows.sort((a, b) =>
    sort === 'organisation'
      ? byName(a, b)
      : (a.country ?? '\uffff').localeCompare(b.country ?? '\uffff') || byName(a, b),
  );
  const answered = new Set(rows.map((r) => r.organisationId));
  const unanswered = (await answeringOrganisations(db, question))
    .filter((o) => !answered.has(o.id))
    .sort((a, b) => nameOf(a.name).localeCompare(nameOf(b.name), lang));
  return { rows, unanswered };
}

/** When the organisation answered the question, if it did. */
export async function answeredOn(db: Executor, questionId: string, organisationId: string) {
  const row = await db
    .selectFrom('network_question_answers')
    .select('submitted_at')
    .where('question_id', '=', questionId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? new Date(row.submitted_at) : null;
}

/**
 * The organisations the actor may answer for: their own if it is an answering member (not the
 * asker); for the secretariat of the network, every answering member that has not answered.
 */
export async function answerableOrganisations(
  db: Executor,
  actor: Principal | null,
  question: QuestionSummary,
): Promise<MemberOrganisation[]> {
  if (actor === null) return [];
  const members = await answeringOrganisations(db, question);
  return members.filter((o) => mayActFor(actor, question.networkId, o.id));
}

/** The networks where the actor may ask, and for which organisations. */
export async function askingChoices(db: Executor, actor: Principal) {
  const networks = await db
    .selectFrom('networks')
    .select(['id', 'slug', 'name', 'coordinating_organisation_id'])
    .orderBy('slug')
    .execute();
  const memberships = await db
    .selectFrom('network_memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.network_id', 'o.id', 'o.name'])
    .where('m.role', 'in', ANSWERING_ROLES)
    .execute();
  const result: { id: string; slug: string; name: LocalizedText; organisations: MemberOrganisation[] }[] = [];
  for (const network of networks) {
    const organisations = memberships
      .filter((m) => m.network_id === network.id && mayActFor(actor, network.id, m.id))
      .map((m) => ({ id: m.id, name: m.name, country: null }));
    if (organisations.length > 0) result.push({ ...network, organisations });
  }
  return result;
}

/** Open questions of the actor's networks that their organisation has not answered yet (the dashboard). */
export async function questionsAwaitingAnswer(
  db: Executor,
  actor: Principal,
  options: { limit?: number; now?: Date } = {},
): Promise<QuestionSummary[]> {
  const organisationId = actor.organisationId;
  if (organisationId === null) return [];
  const now = options.now ?? new Date();
  const rows = await summaries(db)
    .innerJoin('network_memberships as m', (join) =>
      join.onRef('m.network_id', '=', 'q.network_id').on('m.organisation_id', '=', organisationId),
    )
    .where('m.role', 'in', ANSWERING_ROLES)
    .where('q.status', '=', 'open')
    .where('q.deadline', '>', now)
    .where('q.organisation_id', '!=', organisationId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('network_question_answers as a')
            .select('a.id')
            .whereRef('a.question_id', '=', 'q.id')
            .where('a.organisation_id', '=', organisationId),
        ),
      ),
    )
    .orderBy('q.deadline')
    .limit(options.limit ?? 10)
    .execute();
  return rows.map(toSummary);
}

export { isAnsweringMember };
