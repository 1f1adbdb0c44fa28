import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/schema.ts';

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
 * the meeting page (rendered by meetings.routes.tsx), or null when there is nothing to show.
 */
export async function meetingRecordSection(
  db: Db,
  request: FastifyRequest,
  meeting: MeetingForRecord,
): Promise<VNode | null> {
  void db;
  void request;
  void meeting;
  return null;
}
