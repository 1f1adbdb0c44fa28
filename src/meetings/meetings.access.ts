import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type Meeting, isUuid, toMeeting } from './meetings.model.ts';

/**
 * Who may see and do what with meetings. Every command and every query that returns non-public
 * data calls one of these first.
 *
 * - A public meeting is seen by anyone; a network meeting by the network's members (through a
 *   role or their organisation's membership), by whoever is invited (directly or through their
 *   organisation), and by admins.
 * - Only the network's secretariat (or an admin) creates, edits, cancels, invites and records
 *   attendance.
 * - Only someone invited answers (RSVP).
 */

/** The secretariat of the meeting's network, or an admin. */
export function canManageMeeting(principal: Principal | null, meeting: Pick<Meeting, 'networkId'>): boolean {
  return isSecretariat(principal, meeting.networkId);
}

/** The networks in which the principal is a member: through a role, or their organisation's membership. */
export async function memberNetworkIdsOf(db: Executor, principal: Principal | null): Promise<Set<string>> {
  const ids = new Set<string>();
  if (principal === null) return ids;
  for (const role of principal.roles) ids.add(role.networkId);
  if (principal.organisationId !== null) {
    const rows = await db
      .selectFrom('network_memberships')
      .select('network_id')
      .where('organisation_id', '=', principal.organisationId)
      .execute();
    for (const row of rows) ids.add(row.network_id);
  }
  return ids;
}

/** Whether the person is invited to the meeting, directly or through their organisation. */
export async function isInvited(
  db: Executor,
  principal: Principal | null,
  meetingId: string,
): Promise<boolean> {
  if (principal === null) return false;
  const orgId = principal.organisationId;
  const row = await db
    .selectFrom('meeting_invitations')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where((eb) =>
      orgId === null
        ? eb('user_id', '=', principal.userId)
        : eb.or([eb('user_id', '=', principal.userId), eb('organisation_id', '=', orgId)]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function canViewMeeting(
  db: Executor,
  principal: Principal | null,
  meeting: Pick<Meeting, 'id' | 'networkId' | 'visibility'>,
): Promise<boolean> {
  if (meeting.visibility === 'public') return true;
  if (principal === null) return false;
  if (principal.isAdmin || canManageMeeting(principal, meeting)) return true;
  if ((await memberNetworkIdsOf(db, principal)).has(meeting.networkId)) return true;
  return isInvited(db, principal, meeting.id);
}

/** The meeting, or null when it does not exist or the principal may not see it. */
export async function findMeetingForViewer(
  db: Executor,
  principal: Principal | null,
  id: string,
): Promise<Meeting | null> {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return null;
  const meeting = toMeeting(row);
  return (await canViewMeeting(db, principal, meeting)) ? meeting : null;
}
