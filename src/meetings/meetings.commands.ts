import crypto from 'node:crypto';
import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type FieldError, HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { LANGUAGES, type Lang } from '../web/language.ts';
import { canManageMeeting } from './meetings.access.ts';
import { MEETING_KINDS, type Meeting, isUuid } from './meetings.model.ts';
import {
  FREQUENCIES,
  type Frequency,
  MAX_INTERVAL,
  MAX_OCCURRENCES,
  type Recurrence,
  occurrenceCount,
  occurrenceStarts,
  toRrule,
} from './meetings.recurrence.ts';
import * as repo from './meetings.repository.ts';
import type { CreateMeetingInput, UpdateMeetingInput } from './meetings.schemas.ts';
import type { MeetingKind, MeetingVisibility } from './meetings.tables.ts';
import { isKnownTimeZone, localToUtc } from './meetings.time.ts';

/**
 * Writes about meetings themselves: create (one meeting or a series), update one, cancel one,
 * and a person's time zone. Authorization first; expected failures are field errors.
 */

/** A command's answer; `conflict` when the meeting changed since the version the form was read from. */
export type MeetingResult<T> = Result<T> | { ok: false; errors: FieldError[]; conflict: Meeting };

/** The longest a meeting may last (an annual meeting of several days is fine). */
const MAX_DURATION_MS = 31 * 86_400_000;

interface CheckedFields {
  kind: MeetingKind;
  language: Lang;
  title: string;
  description: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  visibility: MeetingVisibility;
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Checks what a meeting says about itself; every problem is reported next to its field. */
function checkFields(
  input: Omit<UpdateMeetingInput, 'version'>,
  t: Translate,
): { errors: FieldError[]; fields: CheckedFields | null } {
  const errors: FieldError[] = [];
  if (!(MEETING_KINDS as readonly string[]).includes(input.kind))
    errors.push({ field: 'kind', message: t('meetings.error.kind') });
  if (!(LANGUAGES as readonly string[]).includes(input.language))
    errors.push({ field: 'language', message: t('meetings.error.language') });
  const title = input.title.trim();
  if (title === '') errors.push({ field: 'title', message: t('meetings.error.titleRequired') });
  const zoneKnown = isKnownTimeZone(input.timeZone);
  if (!zoneKnown)
    errors.push({ field: 'timeZone', message: t('meetings.error.timeZone', { zone: input.timeZone }) });
  const startsAt = zoneKnown ? localToUtc(input.startsAt, input.timeZone) : null;
  const endsAt = zoneKnown ? localToUtc(input.endsAt, input.timeZone) : null;
  if (zoneKnown && startsAt === null)
    errors.push({ field: 'startsAt', message: t('meetings.error.dateTime') });
  if (zoneKnown && endsAt === null) errors.push({ field: 'endsAt', message: t('meetings.error.dateTime') });
  if (startsAt && endsAt) {
    if (endsAt.getTime() <= startsAt.getTime())
      errors.push({ field: 'endsAt', message: t('meetings.error.endBeforeStart') });
    else if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS)
      errors.push({ field: 'endsAt', message: t('meetings.error.tooLong') });
  }
  const onlineUrl = blankToNull(input.onlineUrl);
  if (onlineUrl !== null && !isWebAddress(onlineUrl))
    errors.push({ field: 'onlineUrl', message: t('meetings.error.onlineUrl') });
  const visibility = input.visibility ?? 'network';
  if (visibility !== 'public' && visibility !== 'network')
    errors.push({ field: 'visibility', message: t('meetings.error.visibility') });
  if (errors.length > 0 || !startsAt || !endsAt) return { errors, fields: null };
  return {
    errors,
    fields: {
      kind: input.kind,
      language: input.language as Lang,
      title,
      description: blankToNull(input.description),
      timeZone: input.timeZone,
      startsAt,
      endsAt,
      place: blankToNull(input.place),
      onlineUrl,
      visibility,
    },
  };
}

/** Checks a recurrence asked for with a meeting; null for a single meeting. */
function checkRecurrence(
  input: CreateMeetingInput,
  startsAt: Date | null,
  t: Translate,
): { errors: FieldError[]; recurrence: Recurrence | null } {
  const frequency = input.frequency ?? 'none';
  if (frequency === 'none') return { errors: [], recurrence: null };
  const errors: FieldError[] = [];
  if (!(FREQUENCIES as readonly string[]).includes(frequency))
    errors.push({ field: 'frequency', message: t('meetings.error.frequency') });
  const interval = input.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL)
    errors.push({ field: 'interval', message: t('meetings.error.interval', { max: MAX_INTERVAL }) });
  const count = input.count ?? null;
  const until = blankToNull(input.until);
  if (count === null && until === null)
    errors.push({ field: 'count', message: t('meetings.error.recurrenceEnd') });
  if (count !== null && until !== null)
    errors.push({ field: 'count', message: t('meetings.error.countOrUntil') });
  if (count !== null && (!Number.isInteger(count) || count < 2 || count > MAX_OCCURRENCES))
    errors.push({ field: 'count', message: t('meetings.error.count', { max: MAX_OCCURRENCES }) });
  if (until !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))))
    errors.push({ field: 'until', message: t('meetings.error.until') });
  if (errors.length > 0) return { errors, recurrence: null };
  const recurrence: Recurrence = { frequency: frequency as Frequency, interval, count, until };
  if (startsAt !== null && until !== null) {
    const n = occurrenceCount(startsAt, input.timeZone, recurrence);
    if (n < 2) errors.push({ field: 'until', message: t('meetings.error.until') });
    else if (n > MAX_OCCURRENCES)
      errors.push({
        field: 'until',
        message: t('meetings.error.tooManyOccurrences', { max: MAX_OCCURRENCES }),
      });
  }
  return { errors, recurrence };
}

function rowValues(fields: CheckedFields) {
  return {
    kind: fields.kind,
    original_language: fields.language,
    title: JSON.stringify({ [fields.language]: fields.title }),
    description: JSON.stringify(fields.description ? { [fields.language]: fields.description } : {}),
    starts_at: fields.startsAt,
    ends_at: fields.endsAt,
    time_zone: fields.timeZone,
    place: fields.place,
    online_url: fields.onlineUrl,
    visibility: fields.visibility,
  };
}

/**
 * Creates a meeting of a network (its secretariat, or an admin). With a recurrence, creates every
 * occurrence as a meeting of one series, each at the same local time in the organiser's zone.
 */
export async function createMeeting(
  db: Db,
  actor: Principal,
  input: CreateMeetingInput,
  t: Translate,
): Promise<Result<{ id: string; ids: string[] }>> {
  const network = isUuid(input.networkId) ? await repo.findNetwork(db, input.networkId) : undefined;
  if (network === undefined) {
    if (!actor.isAdmin && !actor.roles.some((r) => r.role === 'secretariat'))
      throw new HttpProblem('forbidden');
    return invalid([{ field: 'networkId', message: t('meetings.error.network') }]);
  }
  if (!canManageMeeting(actor, { networkId: network.id })) throw new HttpProblem('forbidden');
  const { errors, fields } = checkFields(input, t);
  const startsAt =
    fields?.startsAt ?? (isKnownTimeZone(input.timeZone) ? localToUtc(input.startsAt, input.timeZone) : null);
  const checked = checkRecurrence(input, startsAt, t);
  errors.push(...checked.errors);
  if (errors.length > 0 || fields === null) return invalid(errors);
  const { recurrence } = checked;
  const duration = fields.endsAt.getTime() - fields.startsAt.getTime();
  const starts = recurrence
    ? occurrenceStarts(fields.startsAt, fields.timeZone, recurrence)
    : [fields.startsAt];
  const seriesId = recurrence ? crypto.randomUUID() : null;
  const rrule = recurrence ? toRrule(recurrence, fields.timeZone) : null;
  const ids = await db.transaction().execute(async (tx) => {
    const rows = await tx
      .insertInto('meetings')
      .values(
        starts.map((start) => ({
          ...rowValues(fields),
          network_id: network.id,
          starts_at: start,
          ends_at: new Date(start.getTime() + duration),
          series_id: seriesId,
          recurrence: rrule,
          created_by: actor.userId,
        })),
      )
      .returning(['id', 'starts_at'])
      .execute();
    return rows
      .sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime())
      .map((r) => r.id);
  });
  return ok({ id: ids[0]!, ids });
}

/** The meeting for its managers: unknown is 404, another network's secretariat gets 403. */
export async function managedMeeting(db: Executor, actor: Principal | null, id: string): Promise<Meeting> {
  const meeting = isUuid(id) ? await repo.findMeeting(db, id) : null;
  if (meeting === null) throw new HttpProblem('not-found');
  if (!canManageMeeting(actor, meeting)) throw new HttpProblem('forbidden');
  return meeting;
}

/** Changes one meeting (one occurrence alone), from the version read; a stale version is a conflict. */
export async function updateMeeting(
  db: Db,
  actor: Principal,
  id: string,
  input: UpdateMeetingInput,
  t: Translate,
): Promise<MeetingResult<Meeting>> {
  const current = await managedMeeting(db, actor, id);
  const { errors, fields } = checkFields(input, t);
  if (errors.length > 0 || fields === null) return invalid(errors);
  const values = rowValues(fields);
  // Other languages of the title and description stay; the one edited is replaced.
  const title = { ...current.title, [fields.language]: fields.title };
  const description = { ...current.description };
  if (fields.description) description[fields.language] = fields.description;
  else delete description[fields.language];
  const updated = await db
    .updateTable('meetings')
    .set((eb) => ({
      ...values,
      title: JSON.stringify(title),
      description: JSON.stringify(description),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returningAll()
    .executeTakeFirst();
  if (updated === undefined) return conflictWith(db, id, t);
  return ok((await repo.findMeeting(db, id))!);
}

async function conflictWith(db: Executor, id: string, t: Translate): Promise<MeetingResult<never>> {
  const latest = await repo.findMeeting(db, id);
  if (latest === null) throw new HttpProblem('not-found');
  return {
    ok: false,
    errors: [{ field: 'version', message: t('meetings.error.conflict') }],
    conflict: latest,
  };
}

/** Cancels one meeting (kept, marked cancelled: calendars then show it cancelled). */
export async function cancelMeeting(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  t: Translate,
): Promise<MeetingResult<Meeting>> {
  const current = await managedMeeting(db, actor, id);
  if (current.status === 'cancelled') return ok(current);
  const updated = await db
    .updateTable('meetings')
    .set((eb) => ({ status: 'cancelled' as const, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  if (updated === undefined) return conflictWith(db, id, t);
  return ok((await repo.findMeeting(db, id))!);
}

/** Saves the zone in which a person sees meeting times (empty: none, times shown in UTC). */
export async function saveTimeZone(
  db: Db,
  actor: Principal,
  zone: string,
  t: Translate,
): Promise<Result<string | null>> {
  const value = zone.trim();
  if (value !== '' && !isKnownTimeZone(value))
    return invalid([{ field: 'timeZone', message: t('meetings.error.timeZone', { zone: value }) }]);
  await db
    .updateTable('users')
    .set({ time_zone: value === '' ? null : value, updated_at: new Date() })
    .where('id', '=', actor.userId)
    .execute();
  return ok(value === '' ? null : value);
}
