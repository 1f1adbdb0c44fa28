import type { Db } from '../../src/db/schema.ts';
import { issueCalendarFeedToken } from '../../src/meetings/meetings.queries.ts';
import type { MeetingKind, MeetingVisibility, ParticipantRole } from '../../src/meetings/meetings.tables.ts';
import type { MatrixFixture } from './matrix-env.ts';

/** A meeting inserted as it is stored (UTC instants), for tests: a teleconference next year by default. */
export async function buildMeeting(
  db: Db,
  options: {
    networkId: string;
    visibility?: MeetingVisibility;
    kind?: MeetingKind;
    title?: Record<string, string>;
    startsAt?: Date;
    endsAt?: Date;
    timeZone?: string;
    status?: 'scheduled' | 'cancelled';
  },
): Promise<{ id: string }> {
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * 86_400_000);
  return db
    .insertInto('meetings')
    .values({
      network_id: options.networkId,
      kind: options.kind ?? 'teleconference',
      original_language: 'en',
      title: JSON.stringify(options.title ?? { en: 'Bimonthly teleconference' }),
      starts_at: startsAt,
      ends_at: options.endsAt ?? new Date(startsAt.getTime() + 90 * 60_000),
      time_zone: options.timeZone ?? 'America/Mexico_City',
      visibility: options.visibility ?? 'network',
      status: options.status ?? 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Invites a person or an organisation to a meeting. */
export async function buildInvitation(
  db: Db,
  meetingId: string,
  whom: { userId?: string; organisationId?: string },
  role: ParticipantRole = 'participant',
) {
  return db
    .insertInto('meeting_invitations')
    .values({
      meeting_id: meetingId,
      user_id: whom.userId ?? null,
      organisation_id: whom.organisationId ?? null,
      role,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The authorization matrix's fixtures for the meetings routes (named in their `harness.params`). */
export const meetingsFixtures: Record<string, MatrixFixture> = {
  meetingNetworkId: async (_actor, env) => env.networkId,
  /** A scheduled meeting of the matrix network, for its members. */
  networkMeeting: async (_actor, env) => (await buildMeeting(env.db, { networkId: env.networkId })).id,
  publicMeeting: async (_actor, env) =>
    (await buildMeeting(env.db, { networkId: env.networkId, visibility: 'public' })).id,
  /** A meeting of the network that invites the caller (anyone: the public is stopped by the gate). */
  meetingInvitingCaller: async (actor, env) => {
    const meeting = await buildMeeting(env.db, { networkId: env.networkId });
    if (actor.userId) await buildInvitation(env.db, meeting.id, { userId: actor.userId });
    return meeting.id;
  },
  /** A calendar feed token of the caller (or of the secretariat, for the public). */
  calendarFeedToken: async (actor, env) =>
    issueCalendarFeedToken(env.db, actor.userId ?? env.actors.secretariat.userId!),
};
