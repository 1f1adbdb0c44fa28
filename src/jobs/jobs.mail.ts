import type { Db, Executor } from '../db/schema.ts';
import type { MailMessage, Mailer } from '../mail/mailer.ts';
import { defineJob, enqueueJob, type JobDefinition, type JobSchedule } from './jobs.ts';

export const MAIL_JOB = 'mail.send';

/**
 * Attempts of a mail before it is marked failed: with the queue's back-off (30 s, doubling, at
 * most an hour) about a day of an SMTP server that is down; then an admin can retry it.
 */
export const MAIL_MAX_ATTEMPTS = 30;

/** Days a done job is kept (its idempotency key with it) before the housekeeping deletes it. */
export const DONE_JOBS_KEPT_DAYS = 30;

function isMailMessage(payload: Record<string, unknown>): payload is Record<string, unknown> & MailMessage {
  return (
    typeof payload.to === 'string' &&
    typeof payload.subject === 'string' &&
    typeof payload.text === 'string' &&
    (payload.html === undefined || typeof payload.html === 'string') &&
    (payload.headers === undefined || (typeof payload.headers === 'object' && payload.headers !== null))
  );
}

/**
 * Queues a mail, inside the caller's transaction when given one: it goes out if and only if the
 * change that asked for it is committed. With a key, the same mail is queued once.
 */
export async function enqueueMail(
  executor: Executor,
  message: MailMessage,
  options: { key?: string } = {},
): Promise<void> {
  await enqueueJob(executor, MAIL_JOB, { ...message }, { key: options.key, maxAttempts: MAIL_MAX_ATTEMPTS });
}

/**
 * The mailer that requests use: `send` queues the message as a `mail.send` job and returns; the
 * runner delivers it through SMTP, retrying while the server is down, so no mail is lost. Call it
 * outside a transaction (on the embedded database, a query on `db` waits for an open transaction
 * to end); inside one, use `enqueueMail(tx, …)`.
 */
export function createQueuedMailer(db: Db): Mailer {
  return {
    send: (message) => enqueueMail(db, message),
    close: () => {},
  };
}

/** Delivers a queued mail through the runner's (SMTP) mailer; a failure is retried with back-off. */
export const sendMailJob = defineJob({
  kind: MAIL_JOB,
  maxAttempts: MAIL_MAX_ATTEMPTS,
  keepWhenDone: (payload) => ({ subject: typeof payload.subject === 'string' ? payload.subject : '' }),
  async run(payload, context) {
    if (!isMailMessage(payload)) throw new Error('a mail.send job without to, subject and text');
    const { to, subject, text, html, headers } = payload;
    await context.mailer.send({
      to,
      subject,
      text,
      ...(html === undefined ? {} : { html }),
      ...(headers === undefined ? {} : { headers }),
    });
  },
});

export const PURGE_JOB = 'housekeeping.purge';
export const UPKEEP_JOB = 'database.upkeep';
export const MATCH_REMINDERS_JOB = 'matches.remind';

/** Expired sessions, old sign-in failures, and done jobs older than DONE_JOBS_KEPT_DAYS. */
export const purgeJob = defineJob({
  kind: PURGE_JOB,
  async run(_payload, context) {
    const { purgeExpired } = await import('../accounts/index.ts');
    await purgeExpired(context.db);
    await context.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('finished_at', '<', new Date(context.now.getTime() - DONE_JOBS_KEPT_DAYS * 86_400_000))
      .execute();
  },
});

/**
 * Matches without a move for PUENTE_MATCH_REMINDER_DAYS. Each match is claimed atomically by the
 * sweep; its mails are queued (one job each), so an SMTP outage delays them and loses none.
 */
export const matchRemindersJob = defineJob({
  kind: MATCH_REMINDERS_JOB,
  async run(_payload, context) {
    const { sendStaleMatchReminders } = await import('../cooperation/cooperation.matches.reminders.ts');
    await sendStaleMatchReminders(
      context.db,
      createQueuedMailer(context.db),
      context.now,
      context.config.matchReminderDays,
      { baseUrl: context.config.baseUrl },
    );
  },
});

/**
 * The embedded database's upkeep (`upkeepEmbedded`: VACUUM and ANALYZE where autovacuum would):
 * hourly, and soon after an import. A PostgreSQL server has autovacuum: nothing to do there.
 */
export const upkeepJob = defineJob({
  kind: UPKEEP_JOB,
  async run(_payload, context) {
    if (context.config.databaseUrl) return;
    const { upkeepEmbedded } = await import('../db/upkeep.ts');
    await upkeepEmbedded(context.db);
  },
});

/** Asks for the embedded database's upkeep after a bulk change (an import), once per minute at most. */
export async function enqueueUpkeep(db: Executor, now = new Date()): Promise<void> {
  await enqueueJob(db, UPKEEP_JOB, {}, { key: `upkeep:${now.toISOString().slice(0, 16)}` });
}

/** The hour of an instant as a key part: `2026-11-25T10` (UTC). */
export function hourKey(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/**
 * Hourly housekeeping: each instance enqueues the hour's jobs with the hour in their key, so that
 * however many instances sweep, each job is created (and run) once an hour.
 */
export const housekeepingSchedule: JobSchedule = {
  name: 'housekeeping',
  everyMinutes: 60,
  async run(context) {
    const hour = hourKey(context.now);
    await enqueueJob(context.db, PURGE_JOB, {}, { key: `purge:${hour}` });
    await enqueueJob(context.db, MATCH_REMINDERS_JOB, {}, { key: `matches.remind:${hour}` });
    await enqueueJob(context.db, UPKEEP_JOB, {}, { key: `upkeep:${hour}` });
  },
};

export const mailJobs: JobDefinition[] = [sendMailJob, purgeJob, matchRemindersJob, upkeepJob];
export const housekeepingSchedules: JobSchedule[] = [housekeepingSchedule];
