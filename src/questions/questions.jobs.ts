import { type JobDefinition, type JobSchedule, defineJob, enqueueJob } from '../jobs/jobs.ts';
import { isLang } from '../web/language.ts';
import { ASKED_JOB, REMINDER_JOB } from './questions.commands.ts';
import { questionMessage } from './questions.mail.tsx';
import { answeringOrganisations, effectiveStatus, findQuestion } from './questions.queries.ts';
import type { Db } from '../db/schema.ts';

/** Reminders go out this long before the deadline, to the people of members that have not answered. */
export const REMINDER_DAYS = 3;
const DAY = 86_400_000;

type QuestionPersonPayload = { questionId: string; userId: string };

async function recipient(db: Db, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['email', 'locale', 'organisation_id', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) return null;
  return {
    email: user.email,
    lang: isLang(user.locale) ? user.locale : 'en',
    organisationId: user.organisation_id,
  };
}

/** Tells one member person of a new question (nothing if it was closed or expired meanwhile). */
const askedJob = defineJob<QuestionPersonPayload>({
  kind: ASKED_JOB,
  async run(payload, context) {
    const question = await findQuestion(context.db, payload.questionId);
    if (!question || effectiveStatus(question, context.now) !== 'open') return;
    const to = await recipient(context.db, payload.userId);
    if (!to) return;
    await context.mailer.send(questionMessage('asked', question, to, context.config.baseUrl));
  },
});

/** Reminds one person whose organisation has still not answered when the job runs. */
const reminderJob = defineJob<QuestionPersonPayload>({
  kind: REMINDER_JOB,
  async run(payload, context) {
    const question = await findQuestion(context.db, payload.questionId);
    if (!question || effectiveStatus(question, context.now) !== 'open') return;
    const to = await recipient(context.db, payload.userId);
    if (!to?.organisationId) return;
    const answered = await context.db
      .selectFrom('network_question_answers')
      .select('id')
      .where('question_id', '=', question.id)
      .where('organisation_id', '=', to.organisationId)
      .executeTakeFirst();
    if (answered) return;
    await context.mailer.send(questionMessage('reminder', question, to, context.config.baseUrl));
  },
});

/**
 * Every hour: for each open question whose deadline is less than three days away (and that was
 * asked more than three days before it, else the announcement suffices), one reminder job per
 * person of each member institution that has not answered, keyed per question and person.
 */
const reminderSweep: JobSchedule = {
  name: 'questions.reminders',
  everyMinutes: 60,
  async run(context) {
    const now = context.now;
    const due = await context.db
      .selectFrom('network_questions')
      .select(['id'])
      .where('status', '=', 'open')
      .where('deadline', '>', now)
      .where('deadline', '<=', new Date(now.getTime() + REMINDER_DAYS * DAY))
      .execute();
    for (const { id } of due) {
      const question = await findQuestion(context.db, id);
      if (!question) continue;
      if (question.deadline.getTime() - question.createdAt.getTime() <= REMINDER_DAYS * DAY) continue;
      const answered = new Set(
        (
          await context.db
            .selectFrom('network_question_answers')
            .select('organisation_id')
            .where('question_id', '=', id)
            .execute()
        ).map((r) => r.organisation_id),
      );
      const waiting = new Set(
        (await answeringOrganisations(context.db, question)).map((o) => o.id).filter((o) => !answered.has(o)),
      );
      if (waiting.size === 0) continue;
      const people = await context.db
        .selectFrom('users')
        .select(['id', 'organisation_id'])
        .where('disabled_at', 'is', null)
        .where('organisation_id', 'in', [...waiting])
        .orderBy('id')
        .execute();
      for (const person of people)
        if (person.organisation_id && waiting.has(person.organisation_id))
          await enqueueJob(
            context.db,
            REMINDER_JOB,
            { questionId: id, userId: person.id },
            { key: `question-reminder:${id}:${person.id}` },
          );
    }
  },
};

export const questionJobs: JobDefinition[] = [askedJob as JobDefinition, reminderJob as JobDefinition];
export const questionSchedules: JobSchedule[] = [reminderSweep];
