import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { type Lang, pickText } from '../web/language.ts';
import type { Meeting } from './meetings.model.ts';
import { fromRrule } from './meetings.recurrence.ts';

/**
 * iCalendar for meetings (RFC 5545, made by ical-generator): one file per meeting, one per series,
 * and the personal feed. Times are UTC; each event's UID is stable (the meeting's id), its
 * SEQUENCE is the meeting's version, so a calendar program replaces an event that changed, and a
 * cancelled meeting stays, with STATUS:CANCELLED, so that it disappears from the calendars.
 */

const uidOf = (meeting: Pick<Meeting, 'id'>) => `${meeting.id}@puente`;

export interface IcsOptions {
  baseUrl: string;
  lang: Lang;
  name: string;
}

function calendar(options: IcsOptions): ICalCalendar {
  return ical({
    name: options.name,
    prodId: { company: 'Puente', product: 'meetings', language: options.lang.toUpperCase() },
  });
}

function eventData(meeting: Meeting, options: IcsOptions) {
  const title = pickText(meeting.title, options.lang)?.text ?? '';
  const description = pickText(meeting.description, options.lang)?.text ?? '';
  const url = `${options.baseUrl}/${options.lang}/meetings/${meeting.id}`;
  const location = [meeting.place, meeting.onlineUrl].filter(Boolean).join(' · ');
  return {
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: title,
    description: [description, url].filter(Boolean).join('\n\n'),
    ...(location ? { location } : {}),
    url,
    sequence: meeting.version - 1,
    stamp: meeting.updatedAt,
    lastModified: meeting.updatedAt,
    created: meeting.createdAt,
    status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    x: [['X-PUENTE-TIMEZONE', meeting.timeZone]] as [string, string][],
  };
}

/** The .ics of one meeting (one occurrence of a series on its own). */
export function meetingCalendar(meeting: Meeting, options: IcsOptions): string {
  const cal = calendar(options);
  cal.createEvent({ id: uidOf(meeting), ...eventData(meeting, options) });
  return cal.toString();
}

/** The personal feed: each meeting its own event. */
export function feedCalendar(meetings: Meeting[], options: IcsOptions): string {
  const cal = calendar(options);
  cal.ttl(3600);
  for (const meeting of meetings) cal.createEvent({ id: uidOf(meeting), ...eventData(meeting, options) });
  return cal.toString();
}

/**
 * A whole series as one recurring event: the series' RRULE from the first occurrence (with its
 * COUNT), and an override (RECURRENCE-ID) for each occurrence that the rule, expanded in UTC,
 * does not give exactly — those a DST change moved in UTC (the local time is kept), those edited
 * alone, and those cancelled.
 */
export function seriesCalendar(occurrences: Meeting[], options: IcsOptions): string {
  const cal = calendar(options);
  const sorted = [...occurrences].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const first = sorted[0];
  const rule = first?.recurrence ? fromRrule(first.recurrence) : null;
  if (!first || !rule || !first.seriesId) {
    for (const meeting of sorted) cal.createEvent({ id: uidOf(meeting), ...eventData(meeting, options) });
    return cal.toString();
  }
  const uid = `series-${first.seriesId}@puente`;
  const rrule = `FREQ=${rule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'};INTERVAL=${rule.interval};COUNT=${sorted.length}`;
  const duration = first.endsAt.getTime() - first.startsAt.getTime();
  const origin = DateTime.fromJSDate(first.startsAt, { zone: 'UTC' });
  const expanded = sorted.map((_, i) =>
    (rule.frequency === 'weekly'
      ? origin.plus({ weeks: i * rule.interval })
      : origin.plus({ months: i * rule.interval })
    ).toJSDate(),
  );
  cal.createEvent({ id: uid, ...eventData(first, options), repeating: rrule });
  sorted.forEach((meeting, i) => {
    const expected = expanded[i]!;
    const same =
      i === 0 ||
      (meeting.startsAt.getTime() === expected.getTime() &&
        meeting.endsAt.getTime() - meeting.startsAt.getTime() === duration &&
        meeting.status === first.status &&
        meeting.version === 1);
    if (same) return;
    cal.createEvent({ id: uid, ...eventData(meeting, options), recurrenceId: expected });
  });
  return cal.toString();
}
