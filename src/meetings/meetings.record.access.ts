import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { canManageMeeting, findMeetingForViewer, memberNetworkIdsOf } from './meetings.access.ts';
import type { Meeting } from './meetings.model.ts';

/**
 * Who sees and writes what a meeting left. Whoever sees the meeting (meetings.access.ts: public
 * meetings for all; network ones for the network's members, the people invited, admins) reads its
 * approved minutes and its decisions; its network's secretariat writes them, and reads drafts.
 * Action items name people: the network's members see a meeting's items, and each owner — the
 * person, or a person of the owning organisation — sees and updates their own (status and note).
 */
export type MeetingForRecordAccess = Pick<
  Meeting,
  'id' | 'networkId' | 'visibility' | 'title' | 'startsAt' | 'endsAt' | 'timeZone'
>;

export { isUuid } from './meetings.model.ts';

export async function isMemberOfNetwork(
  db: Executor,
  principal: Principal | null,
  networkId: string,
): Promise<boolean> {
  if (principal === null) return false;
  return principal.isAdmin || (await memberNetworkIdsOf(db, principal)).has(networkId);
}

/** The secretariat of the meeting's network (or an admin): writes the record. */
export function canWriteRecord(principal: Principal | null, meeting: { networkId: string }): boolean {
  return canManageMeeting(principal, meeting);
}

/** The meeting when the principal may see it; 'not-found' otherwise (its existence is not told). */
export async function findMeetingForRecord(
  db: Executor,
  principal: Principal | null,
  id: string,
): Promise<MeetingForRecordAccess | 'not-found' | 'forbidden'> {
  return (await findMeetingForViewer(db, principal, id)) ?? 'not-found';
}

/** Whether the principal owns the action item: its person, or a person of its organisation. */
export function ownsActionItem(
  principal: Principal | null,
  item: { ownerUserId: string | null; ownerOrganisationId: string | null },
): boolean {
  if (principal === null) return false;
  return (
    (item.ownerUserId !== null && item.ownerUserId === principal.userId) ||
    (item.ownerOrganisationId !== null && item.ownerOrganisationId === principal.organisationId)
  );
}
