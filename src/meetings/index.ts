import type { FastifyInstance } from 'fastify';
import { actionItemJobs, actionItemSchedules } from './meetings.actions.jobs.ts';
import { invitationJobs, invitationSchedules } from './meetings.invitations.jobs.ts';
import { meetingsRecordRoutes } from './meetings.record.routes.tsx';
import { meetingsRoutes } from './meetings.routes.tsx';

export type { MeetingsTables } from './meetings.tables.ts';
export type { Meeting } from './meetings.model.ts';
export { canManageMeeting, canViewMeeting, findMeetingForViewer, isInvited } from './meetings.access.ts';
export { upcomingMeetingsFor } from './meetings.queries.ts';

/** Meetings of the networks: agenda, invitations and answers, attendance, minutes, decisions, action items. */
export async function meetingsPlugin(app: FastifyInstance): Promise<void> {
  await meetingsRoutes(app);
  await meetingsRecordRoutes(app);
}

export const meetingsJobs = [...invitationJobs, ...actionItemJobs];
export const meetingsSchedules = [...invitationSchedules, ...actionItemSchedules];
export { actionItemsFor, type ActionItemView } from './meetings.actions.queries.ts';
