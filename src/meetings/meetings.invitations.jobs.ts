import { type JobDefinition, type JobSchedule, defineJob, enqueueJob } from '../jobs/jobs.ts';
import { sendMeetingMail } from './meetings.mail.tsx';
import * as repo from './meetings.repository.ts';

/**
 * RSVP reminders: for each meeting starting within the next 7 days, each invited person who has
 * not answered gets one reminder by email, in their language. The sweep only enqueues, with one
 * idempotency key per meeting and person, so that several instances sweeping at once (or a sweep
 * every hour for a week) remind each person once.
 */

export const RSVP_REMINDER_KIND = 'meetings.rsvp-reminder';
const WINDOW_MS = 7 * 86_400_000;

export const rsvpReminderJob = defineJob<{ meetingId: string; userId: string }>({
  kind: RSVP_REMINDER_KIND,
  async run(payload, context) {
    const meeting = await repo.findMeeting(context.db, payload.meetingId);
    if (!meeting || meeting.status === 'cancelled' || meeting.startsAt <= context.now) return;
    const person = (await repo.invitedPeople(context.db, meeting.id)).find(
      (p) => p.user_id === payload.userId,
    );
    // Answered (or uninvited) since the sweep: nothing to remind.
    if (!person || person.response !== null) return;
    await sendMeetingMail(context.mailer, context.config.baseUrl.replace(/\/$/, ''), person, meeting, {
      kind: 'reminder',
    });
    await context.db
      .updateTable('meeting_invitations')
      .set({ reminded_at: context.now })
      .where('id', '=', person.invitation_id)
      .execute();
    context.log.info({ meetingId: meeting.id }, 'rsvp reminder sent');
  },
});

export const rsvpReminderSweep: JobSchedule = {
  name: 'meetings.rsvp-reminders',
  everyMinutes: 60,
  async run(context) {
    const meetings = await context.db
      .selectFrom('meetings')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', context.now)
      .where('starts_at', '<=', new Date(context.now.getTime() + WINDOW_MS))
      .execute();
    for (const { id } of meetings) {
      for (const person of await repo.invitedPeople(context.db, id)) {
        if (person.response !== null) continue;
        await enqueueJob(
          context.db,
          RSVP_REMINDER_KIND,
          { meetingId: id, userId: person.user_id },
          { key: `meetings:rsvp-reminder:${id}:${person.user_id}` },
        );
      }
    }
  },
};

export const invitationJobs: JobDefinition[] = [rsvpReminderJob as unknown as JobDefinition];
export const invitationSchedules: JobSchedule[] = [rsvpReminderSweep];
