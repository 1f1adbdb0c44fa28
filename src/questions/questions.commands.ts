import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import { enqueueJob } from '../jobs/jobs.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { type Lang, type LocalizedText, LANGUAGES } from '../web/language.ts';
import { ANSWERING_ROLES, canClose, isAnsweringMember, mayActFor } from './questions.access.ts';
import { UUID, answeredOn, effectiveStatus, findQuestion, getQuestion } from './questions.queries.ts';
import { MAX_ITEMS, TEXT_MAX } from './questions.schemas.ts';
import type { AnswerType, QuestionVisibility } from './questions.tables.ts';
import { formatInZone, isTimeZone } from './questions.time.ts';

const UNIQUE_VIOLATION = '23505';
export const ASKED_JOB = 'questions.asked';
export const REMINDER_JOB = 'questions.reminder';

export interface AskInput {
  networkId: string;
  organisationId: string | null;
  originalLanguage: Lang;
  title: LocalizedText;
  background: LocalizedText;
  items: { text: LocalizedText; answerType: AnswerType; choices: LocalizedText[] }[];
  /** null: the date or time given could not be read. */
  deadline: Date | null;
  timeZone: string;
  visibility: QuestionVisibility;
}

const clean = (text: LocalizedText): LocalizedText =>
  Object.fromEntries(
    LANGUAGES.flatMap((l) => {
      const value = text[l]?.trim();
      return value ? [[l, value]] : [];
    }),
  );

/**
 * Asks the network a question: the asking institution must be a member (or the caller its
 * secretariat); every member person of the network is told by email, by one job each enqueued in
 * the same transaction (so a question exists with its announcements or not at all).
 */
export async function askQuestion(
  db: Db,
  actor: Principal,
  input: AskInput,
  t: Translate,
  now = new Date(),
): Promise<Result<{ id: string }>> {
  const network = UUID.test(input.networkId)
    ? await db
        .selectFrom('networks')
        .select(['id', 'coordinating_organisation_id'])
        .where('id', '=', input.networkId)
        .executeTakeFirst()
    : undefined;
  if (!network) return invalid([{ field: 'networkId', message: t('questions.error.network') }]);
  const organisationId =
    input.organisationId ||
    actor.organisationId ||
    (isSecretariat(actor, network.id) ? network.coordinating_organisation_id : null);
  // Authorization first: a focal point asks for their organisation, the secretariat for any member.
  if (organisationId && !mayActFor(actor, network.id, organisationId)) throw new HttpProblem('forbidden');
  if (!organisationId || !UUID.test(organisationId)) {
    if (!isSecretariat(actor, network.id)) throw new HttpProblem('forbidden');
    return invalid([{ field: 'organisationId', message: t('questions.error.organisation') }]);
  }
  if (!(await isAnsweringMember(db, network.id, organisationId))) {
    if (!isSecretariat(actor, network.id)) throw new HttpProblem('forbidden');
    return invalid([{ field: 'organisationId', message: t('questions.error.organisation') }]);
  }

  const errors: FieldError[] = [];
  const lang = input.originalLanguage;
  const title = clean(input.title);
  const background = clean(input.background);
  if (!title[lang]) errors.push({ field: 'title', message: t('questions.error.title') });
  const items = input.items.map((item) => ({
    text: clean(item.text),
    answerType: item.answerType,
    choices: item.choices.map(clean).filter((c) => Object.keys(c).length > 0),
  }));
  if (items.length === 0) errors.push({ field: 'item-1-text', message: t('questions.error.items') });
  if (items.length > MAX_ITEMS)
    errors.push({ field: 'item-1-text', message: t('questions.error.tooManyItems', { max: MAX_ITEMS }) });
  items.forEach((item, index) => {
    const n = index + 1;
    if (!item.text[lang])
      errors.push({ field: `item-${n}-text`, message: t('questions.error.itemText', { n }) });
    if (item.answerType === 'choice' && (item.choices.length < 2 || item.choices.length > 20))
      errors.push({ field: `item-${n}-choices`, message: t('questions.error.choices', { n }) });
  });
  if (!isTimeZone(input.timeZone))
    errors.push({ field: 'timeZone', message: t('questions.error.timeZone', { zone: input.timeZone }) });
  if (input.deadline === null) errors.push({ field: 'deadlineDate', message: t('questions.error.deadline') });
  else if (input.deadline.getTime() <= now.getTime())
    errors.push({ field: 'deadlineDate', message: t('questions.error.deadlinePast') });
  if (errors.length > 0) return invalid(errors);

  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('network_questions')
      .values({
        network_id: network.id,
        organisation_id: organisationId,
        asked_by: actor.userId,
        original_language: lang,
        title: JSON.stringify(title),
        background: JSON.stringify(background),
        deadline: input.deadline!,
        deadline_time_zone: input.timeZone,
        visibility: input.visibility,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('network_question_items')
      .values(
        items.map((item, index) => ({
          question_id: row.id,
          position: index + 1,
          text: JSON.stringify(item.text),
          answer_type: item.answerType,
          choices: JSON.stringify(item.answerType === 'choice' ? item.choices : []),
        })),
      )
      .execute();
    for (const userId of await memberPeople(tx, network.id, actor.userId))
      await enqueueJob(
        tx,
        ASKED_JOB,
        { questionId: row.id, userId },
        { key: `question:${row.id}:${userId}` },
      );
    return row.id;
  });
  return ok({ id });
}

/** The people of a network told of its questions: its roles' holders and its member institutions' people. */
export async function memberPeople(db: Executor, networkId: string, except: string | null) {
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('network_roles as r')
            .select('r.user_id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.network_id', '=', networkId),
        ),
        eb.exists(
          eb
            .selectFrom('network_memberships as m')
            .select('m.organisation_id')
            .whereRef('m.organisation_id', '=', 'u.organisation_id')
            .where('m.network_id', '=', networkId)
            .where('m.role', 'in', ANSWERING_ROLES),
        ),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id).filter((id) => id !== except);
}

export interface AnswerCommandInput {
  organisationId: string | null;
  country: string | null;
  language: Lang;
  /** By item position (from 1): the raw value; empty or absent items are left unanswered. */
  values: Map<number, string | number | boolean | null>;
}

const VALUE_ERROR = {
  yesNo: 'questions.error.value.yesNo',
  number: 'questions.error.value.number',
  choice: 'questions.error.value.choice',
  text: 'questions.error.value.text',
} as const;

/** A value checked against its item's type, in its stored form; or the message saying why not. */
function normalizeValue(
  item: { answerType: AnswerType; choices: LocalizedText[] },
  raw: string | number | boolean,
): { value: string } | { error: 'yesNo' | 'number' | 'choice' | 'text' } {
  switch (item.answerType) {
    case 'yes-no': {
      const v = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      if (v === true || v === 'yes' || v === 'true') return { value: 'yes' };
      if (v === false || v === 'no' || v === 'false') return { value: 'no' };
      return { error: 'yesNo' };
    }
    case 'number': {
      if (typeof raw === 'boolean') return { error: 'number' };
      const text = String(raw)
        .trim()
        .replace(/[\s\u00a0\u202f]/g, '');
      const normalized = text.includes('.') ? text : text.replace(',', '.');
      if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(normalized)) return { error: 'number' };
      return { value: String(Number(normalized)) };
    }
    case 'choice': {
      const text = String(raw).trim();
      const n = /^\d{1,2}$/.test(text) ? Number(text) : 0;
      if (n < 1 || n > item.choices.length) return { error: 'choice' };
      return { value: String(n) };
    }
    case 'text': {
      if (typeof raw !== 'string' || raw.length > TEXT_MAX) return { error: 'text' };
      return { value: raw.trim() };
    }
  }
}

/**
 * An organisation's answer, once: after the deadline, on a closed question or a second time it is
 * refused with a message and nothing is saved. Two answers racing each other meet the unique
 * constraint, and the loser gets the same message as any second answer.
 */
export async function answerQuestion(
  db: Db,
  actor: Principal,
  questionId: string,
  input: AnswerCommandInput,
  t: Translate,
  now = new Date(),
): Promise<Result<{ id: string; organisationId: string; submittedAt: Date }>> {
  const question = await getQuestion(db, actor, questionId);
  if (!question) throw new HttpProblem('not-found');
  const organisationId = input.organisationId || actor.organisationId;
  if (!organisationId) {
    if (!isSecretariat(actor, question.networkId)) throw new HttpProblem('forbidden');
    return invalid([{ field: 'organisationId', message: t('questions.error.answeringOrganisation') }]);
  }
  if (!mayActFor(actor, question.networkId, organisationId)) throw new HttpProblem('forbidden');
  if (!UUID.test(organisationId))
    return invalid([{ field: 'organisationId', message: t('questions.error.answeringOrganisation') }]);
  if (
    organisationId === question.organisationId ||
    !(await isAnsweringMember(db, question.networkId, organisationId))
  )
    throw new HttpProblem('forbidden');

  const status = effectiveStatus(question, now);
  if (status === 'closed') return invalid([{ field: 'question', message: t('questions.error.closed') }]);
  if (status === 'expired')
    return invalid([
      {
        field: 'question',
        message: t('questions.error.deadlinePassed', {
          deadline: formatInZone(question.deadline, question.timeZone, input.language),
          zone: question.timeZone,
        }),
      },
    ]);
  const already = await answeredOn(db, question.id, organisationId);
  if (already) return invalid([alreadyAnswered(already, question.timeZone, input.language, t)]);

  const errors: FieldError[] = [];
  const values: { item_id: string; value: string }[] = [];
  for (const item of question.items) {
    const raw = input.values.get(item.position);
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) continue;
    const result = normalizeValue(item, raw);
    if ('error' in result)
      errors.push({
        field: `item-${item.position}`,
        message: t(VALUE_ERROR[result.error], { n: item.position, max: item.choices.length }),
      });
    else values.push({ item_id: item.id, value: result.value });
  }
  for (const position of input.values.keys())
    if (!question.items.some((item) => item.position === position))
      errors.push({ field: `item-${position}`, message: t('questions.error.unknownItem', { n: position }) });
  if (errors.length === 0 && values.length === 0)
    errors.push({ field: 'item-1', message: t('questions.error.emptyAnswer') });
  let country = input.country?.trim().toUpperCase() || null;
  if (country && !isCode('countries', country))
    errors.push({ field: 'country', message: t('questions.error.country') });
  if (errors.length > 0) return invalid(errors);
  if (!country) {
    const organisation = await db
      .selectFrom('organisations')
      .select('headquarters_country')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    country = organisation?.headquarters_country ?? null;
  }

  try {
    const saved = await db.transaction().execute(async (tx) => {
      const answer = await tx
        .insertInto('network_question_answers')
        .values({
          question_id: question.id,
          organisation_id: organisationId,
          country,
          language: input.language,
          answered_by: actor.userId,
          submitted_at: now,
        })
        .returning(['id', 'submitted_at'])
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('network_question_answer_values')
        .values(values.map((v) => ({ ...v, answer_id: answer.id })))
        .execute();
      return answer;
    });
    return ok({ id: saved.id, organisationId, submittedAt: new Date(saved.submitted_at) });
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    const on = await answeredOn(db, question.id, organisationId);
    return invalid([alreadyAnswered(on ?? now, question.timeZone, input.language, t)]);
  }
}

function alreadyAnswered(on: Date, zone: string, lang: string, t: Translate): FieldError {
  return {
    field: 'question',
    message: t('questions.error.alreadyAnswered', { date: formatInZone(on, zone, lang), zone }),
  };
}

/** Closes a question before its deadline: its asking institution or the network's secretariat. */
export async function closeQuestion(db: Db, actor: Principal, id: string): Promise<Result<{ id: string }>> {
  const question = await getQuestion(db, actor, id);
  if (!question) throw new HttpProblem('not-found');
  if (!canClose(actor, question)) throw new HttpProblem('forbidden');
  await db
    .updateTable('network_questions')
    .set((eb) => ({ status: 'closed', updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
  return ok({ id });
}

export { findQuestion };
