import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/schema.ts';
import type { PageContext } from '../web/render.tsx';
import { meetingRecord } from './meetings.record.queries.ts';
import { RecordSection } from './meetings.record.views.tsx';

/** The meeting as the meeting page knows it, enough to decide what of its record to show. */
export interface MeetingForRecord {
  id: string;
  networkId: string;
  visibility: 'public' | 'network';
  startsAt: Date;
  endsAt: Date;
}

/**
 * What the meeting left — minutes in each language, decisions and action items — as a section of
 * the meeting page (rendered by meetings.routes.tsx), or null when there is nothing to show. The
 * meeting page has already decided that the viewer may see the meeting.
 */
export async function meetingRecordSection(
  db: Db,
  request: FastifyRequest,
  meeting: MeetingForRecord,
): Promise<VNode | null> {
  const record = await meetingRecord(db, request.principal, meeting);
  const empty =
    record.minutes.length === 0 && record.decisions.length === 0 && (record.actionItems ?? []).length === 0;
  if (empty && !record.canWrite) return null;
  // The section has no form: it needs the page's language and translator, not a CSRF token.
  const ctx: PageContext = {
    lang: request.lang,
    t: request.t,
    principal: request.principal,
    pathWithoutLang: '',
    csrfToken: () => '',
  };
  return <RecordSection ctx={ctx} meetingId={meeting.id} record={record} now={new Date()} />;
}
