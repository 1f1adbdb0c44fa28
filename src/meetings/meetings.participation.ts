import type { Db } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { findMeetingForViewer, isInvited } from './meetings.access.ts';
import { managedMeeting } from './meetings.commands.ts';
import { sendMeetingMail } from './meetings.mail.tsx';
import { PARTICIPANT_ROLES, RSVP_RESPONSES, isUuid } from './meetings.model.ts';
import * as repo from './meetings.repository.ts';
import type { AttendanceInput, InvitationInput, RsvpInput } from './meetings.schemas.ts';
import type { ParticipantRole } from './meetings.tables.ts';

/**
 * Who takes part: invitations (of organisations, whose people with accounts are all invited, and
 * of people), answers (RSVP, only by someone invited) and attendance (recorded by the secretariat).
 */

export interface MailDeps {
  mailer: Mailer;
  baseUrl: string;
  onMailError?: (error: unknown) => void;
}

function checkRole(role: string | undefined, t: Translate) {
  const value = role ?? 'participant';
  return (PARTICIPANT_ROLES as readonly string[]).includes(value)
    ? { role: value as ParticipantRole, error: null }
    : { role: 'participant' as const, error: { field: 'role', message: t('meetings.error.role') } };
}

/**
 * Invites an organisation or a person (by account id or email) with a role, and tells each newly
 * invited person by email in their language, with a link to the meeting and its .ics. Inviting
 * again changes the role only.
 */
export async function invite(
  db: Db,
  mail: MailDeps,
  actor: Principal,
  meetingId: string,
  input: InvitationInput,
  t: Translate,
): Promise<Result<{ id: string; invitedPeople: number }>> {
  const meeting = await managedMeeting(db, actor, meetingId);
  const { role, error } = checkRole(input.role, t);
  if (error) return invalid([error]);
  const email = input.email?.trim() ?? '';
  const chosen = [input.organisationId, input.userId, email].filter((v) => v !== undefined && v !== '');
  if (chosen.length !== 1)
    return invalid([{ field: 'organisationId', message: t('meetings.error.inviteWhom') }]);
  let target: { organisation_id: string | null; user_id: string | null };
  if (input.organisationId) {
    const organisation = isUuid(input.organisationId)
      ? await db
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', input.organisationId)
          .executeTakeFirst()
      : undefined;
    if (!organisation)
      return invalid([{ field: 'organisationId', message: t('meetings.error.organisation') }]);
    target = { organisation_id: organisation.id, user_id: null };
  } else {
    let query = db.selectFrom('users').select('id').where('disabled_at', 'is', null);
    query = input.userId
      ? query.where('id', '=', isUuid(input.userId) ? input.userId : '00000000-0000-0000-0000-000000000000')
      : query.where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
    const user = await query.executeTakeFirst();
    if (!user) return invalid([{ field: 'email', message: t('meetings.error.person') }]);
    target = { organisation_id: null, user_id: user.id };
  }
  const before = new Set((await repo.invitedPeople(db, meeting.id)).map((p) => p.user_id));
  const existing = await db
    .selectFrom('meeting_invitations')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .where(
      target.organisation_id ? 'organisation_id' : 'user_id',
      '=',
      (target.organisation_id ?? target.user_id)!,
    )
    .executeTakeFirst();
  let id: string;
  if (existing) {
    await db.updateTable('meeting_invitations').set({ role }).where('id', '=', existing.id).execute();
    id = existing.id;
  } else {
    const row = await db
      .insertInto('meeting_invitations')
      .values({ meeting_id: meeting.id, ...target, role, invited_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  const added = (await repo.invitedPeople(db, meeting.id)).filter((p) => !before.has(p.user_id));
  if (meeting.status === 'scheduled') {
    for (const person of added) {
      try {
        await sendMeetingMail(mail.mailer, mail.baseUrl, person, meeting, {
          kind: 'invited',
          role: person.role,
        });
      } catch (error) {
        mail.onMailError?.(error);
      }
    }
  }
  return ok({ id, invitedPeople: added.length });
}

export async function removeInvitation(db: Db, actor: Principal, meetingId: string, invitationId: string) {
  const meeting = await managedMeeting(db, actor, meetingId);
  if (!isUuid(invitationId)) throw new HttpProblem('not-found');
  const removed = await db
    .deleteFrom('meeting_invitations')
    .where('id', '=', invitationId)
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw new HttpProblem('not-found');
}

/** Refuses, with a message saying why, anyone not invited to the meeting (unknown or hidden: 404). */
export async function assertCanAnswer(db: Db, actor: Principal, meetingId: string, t: Translate) {
  const meeting = await findMeetingForViewer(db, actor, meetingId);
  if (meeting === null) throw new HttpProblem('not-found');
  if (!(await isInvited(db, actor, meeting.id)))
    throw new HttpProblem('forbidden', [{ field: 'response', message: t('meetings.error.notInvited') }]);
  return meeting;
}

/**
 * Answers yes, no or maybe, with a comment. Only someone invited (directly or through their
 * organisation) answers: anyone else is refused with a message saying why, and nothing is saved.
 */
export async function answerInvitation(
  db: Db,
  actor: Principal,
  meetingId: string,
  input: RsvpInput,
  t: Translate,
): Promise<Result<{ response: string }>> {
  const meeting = await assertCanAnswer(db, actor, meetingId, t);
  if (meeting.status === 'cancelled')
    return invalid([{ field: 'response', message: t('meetings.error.cancelled') }]);
  if (!(RSVP_RESPONSES as readonly string[]).includes(input.response))
    return invalid([{ field: 'response', message: t('meetings.error.response') }]);
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  await repo.upsertRsvp(db, {
    meetingId: meeting.id,
    userId: actor.userId,
    response: input.response,
    comment,
  });
  return ok({ response: input.response });
}

/** Records that someone attended: an invited person or organisation, or a guest by name. */
export async function recordAttendance(
  db: Db,
  actor: Principal,
  meetingId: string,
  input: AttendanceInput,
  t: Translate,
): Promise<Result<{ id: string }>> {
  const meeting = await managedMeeting(db, actor, meetingId);
  const { role, error } = checkRole(input.role, t);
  if (error) return invalid([error]);
  if (meeting.status === 'cancelled')
    return invalid([{ field: 'name', message: t('meetings.error.cancelled') }]);
  const name = input.name?.trim() ?? '';
  const chosen = [input.userId, input.organisationId, name].filter((v) => v !== undefined && v !== '');
  if (chosen.length !== 1) return invalid([{ field: 'name', message: t('meetings.error.attendeeWhom') }]);
  if (input.userId || input.organisationId) {
    const invitations = await repo.listInvitations(db, meeting.id);
    const people = await repo.invitedPeople(db, meeting.id);
    const known = input.userId
      ? people.some((p) => p.user_id === input.userId)
      : invitations.some((i) => i.organisationId === input.organisationId);
    if (!known)
      return invalid([
        { field: input.userId ? 'userId' : 'organisationId', message: t('meetings.error.notAnInvitee') },
      ]);
  }
  const row = await db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: meeting.id,
      user_id: input.userId || null,
      organisation_id: input.organisationId || null,
      name: name === '' ? null : name,
      role,
      recorded_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}

export async function removeAttendance(db: Db, actor: Principal, meetingId: string, attendanceId: string) {
  const meeting = await managedMeeting(db, actor, meetingId);
  if (!isUuid(attendanceId)) throw new HttpProblem('not-found');
  const removed = await db
    .deleteFrom('meeting_attendance')
    .where('id', '=', attendanceId)
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw new HttpProblem('not-found');
}

/** Tells every invited person that a meeting was cancelled (a failed delivery is reported, not thrown). */
export async function tellCancellation(db: Db, mail: MailDeps, meetingId: string): Promise<void> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (meeting === null || meeting.status !== 'cancelled') return;
  for (const person of await repo.invitedPeople(db, meeting.id)) {
    try {
      await sendMeetingMail(mail.mailer, mail.baseUrl, person, meeting, { kind: 'cancelled' });
    } catch (error) {
      mail.onMailError?.(error);
    }
  }
}
