import { DateTime } from 'luxon';
import type { JobDefinition, JobSchedule } from '../jobs/jobs.ts';
import { defineJob, enqueueJob } from '../jobs/jobs.ts';
import { actionItemRecipients, actionReminderMessage } from './meetings.actions.mail.tsx';
import { findActionItem, isFinished, todayOf } from './meetings.actions.queries.ts';

/** Remind of an action item due within this many days, or overdue… */
export const REMIND_DAYS_BEFORE = 3;
/** …and not again within this many days of the last reminder. */
export const REMIND_AGAIN_AFTER_DAYS = 7;
export const ACTION_REMINDER_JOB = 'meetings.action-item-reminder';

const DAY_MS = 86_400_000;
const remindedRecently = (remindedAt: Date | null, now: Date) =>
  remindedAt !== null && now.getTime() - remindedAt.getTime() < REMIND_AGAIN_AFTER_DAYS * DAY_MS;

/**
 * Emails the owner(s) of an action item in their language, then notes when. The payload names the
 * item only: the handler reads it again, so a reminder for an item done in the meantime is dropped.
 */
export const actionItemReminderJob = defineJob<{ actionItemId: string }>({
  kind: ACTION_REMINDER_JOB,
  async run(payload, context) {
    const item = await findActionItem(context.db, payload.actionItemId);
    if (!item || isFinished(item.status) || remindedRecently(item.remindedAt, context.now)) return;
    const baseUrl = context.config.baseUrl.replace(/\/$/, '');
    const recipients = await actionItemRecipients(context.db, item);
    for (const recipient of recipients)
      await context.mailer.send(actionReminderMessage(item, recipient, context.now, baseUrl));
    await context.db
      .updateTable('action_items')
      .set({ reminded_at: context.now })
      .where('id', '=', item.id)
      .execute();
    context.log.info({ actionItem: item.id, recipients: recipients.length }, 'action item reminder sent');
  },
});

/**
 * Every hour: one job per action item due within three days or overdue, neither done nor
 * cancelled, not reminded in the last seven days. The key (item and day) makes every instance's
 * sweep create the same job once.
 */
export const actionItemReminderSchedule: JobSchedule = {
  name: 'meetings.action-item-reminders',
  everyMinutes: 60,
  async run(context) {
    const today = todayOf(context.now);
    const horizon = DateTime.fromISO(today, { zone: 'utc' }).plus({ days: REMIND_DAYS_BEFORE }).toISODate()!;
    const due = await context.db
      .selectFrom('action_items')
      .select('id')
      .where('status', 'in', ['open', 'in-progress'])
      .where('due_on', '<=', horizon)
      .where((eb) =>
        eb.or([
          eb('reminded_at', 'is', null),
          eb('reminded_at', '<', new Date(context.now.getTime() - REMIND_AGAIN_AFTER_DAYS * DAY_MS)),
        ]),
      )
      .where((eb) =>
        eb.or([eb('owner_user_id', 'is not', null), eb('owner_organisation_id', 'is not', null)]),
      )
      .execute();
    for (const { id } of due)
      await enqueueJob(
        context.db,
        ACTION_REMINDER_JOB,
        { actionItemId: id },
        { key: `action-reminder:${id}:${today}` },
      );
  },
};

export const actionItemJobs: JobDefinition[] = [actionItemReminderJob as unknown as JobDefinition];
export const actionItemSchedules: JobSchedule[] = [actionItemReminderSchedule];
