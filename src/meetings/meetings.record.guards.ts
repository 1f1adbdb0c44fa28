import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import {
  type MeetingForRecordAccess,
  canWriteRecord,
  findMeetingForRecord,
  isMemberOfNetwork,
  isUuid,
  ownsActionItem,
} from './meetings.record.access.ts';
import { type ActionItemView, findActionItem } from './meetings.actions.queries.ts';

// The first line of the record's routes: the resource, when the caller may have it, else 404 or 403.

/** The meeting, when the principal may see it (404 or 403 otherwise). */
export async function meetingOr404(
  db: Db,
  principal: Principal | null,
  id: string,
): Promise<MeetingForRecordAccess> {
  const meeting = await findMeetingForRecord(db, principal, id);
  if (meeting === 'not-found' || meeting === 'forbidden') throw new HttpProblem(meeting);
  return meeting;
}

/** The meeting, when the principal is its network's secretariat. */
export async function meetingToWriteOr403(db: Db, principal: Principal | null, id: string) {
  const meeting = await meetingOr404(db, principal, id);
  if (!canWriteRecord(principal, meeting)) throw new HttpProblem('forbidden');
  return meeting;
}

/** The action item, when the principal may see it: its owners, the network's members and secretariat. */
export async function actionItemOr404(
  db: Db,
  principal: Principal | null,
  id: string,
): Promise<ActionItemView> {
  const item = isUuid(id) ? await findActionItem(db, id) : null;
  if (!item) throw new HttpProblem('not-found');
  if (ownsActionItem(principal, item)) return item;
  if (!(await isMemberOfNetwork(db, principal, item.networkId))) throw new HttpProblem('forbidden');
  return item;
}
