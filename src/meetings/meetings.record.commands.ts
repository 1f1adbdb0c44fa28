import { DateTime } from 'luxon';
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { FieldError } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { type Lang, type LocalizedText, isLang } from '../web/language.ts';
import {
  type MeetingForRecordAccess,
  canWriteRecord,
  findMeetingForRecord,
  isUuid,
  ownsActionItem,
} from './meetings.record.access.ts';
import { isEligibleOwner } from './meetings.record.queries.ts';
import { findActionItem } from './meetings.actions.queries.ts';
import {
  ACTION_STATUSES,
  DECISION_MAX,
  MINUTES_MAX,
  MINUTES_STATUSES,
  NOTE_MAX,
  TITLE_MAX,
} from './meetings.record.schemas.ts';
import type { ActionItemStatus, MinutesStatus } from './meetings.tables.ts';

/** A command's answer: done, or why not (field errors; a refusal; a conflict with a newer version). */
export type RecordOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; errors: FieldError[]; problem?: 'forbidden' | 'not-found' | 'conflict' };

const refuse = (problem: 'forbidden' | 'not-found'): RecordOutcome<never> => ({
  ok: false,
  errors: [],
  problem,
});
const conflict = (t: Translate): RecordOutcome<never> => ({
  ok: false,
  errors: [{ field: 'version', message: t('meetingsRecord.error.conflict') }],
  problem: 'conflict',
});

/** The meeting, when the principal is its network's secretariat (authorization first). */
async function meetingToWrite(
  db: Db,
  principal: Principal,
  meetingId: string,
): Promise<MeetingForRecordAccess | 'not-found' | 'forbidden'> {
  const meeting = await findMeetingForRecord(db, principal, meetingId);
  if (typeof meeting === 'string') return meeting;
  return canWriteRecord(principal, meeting) ? meeting : 'forbidden';
}

/** Line ends as `\n`, no trailing blanks: what was typed, nothing interpreted. */
const normaliseText = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** A real calendar day as yyyy-mm-dd, in a plausible range (PostgreSQL has no year 0). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = DateTime.fromISO(value, { zone: 'utc' });
  return day.isValid && day.year >= 1900 && day.year <= 2200;
}

const version = (value: number | undefined) => (Number.isInteger(value) ? (value as number) : 0);

// ---- Minutes -----------------------------------------------------------------------------

export interface MinutesInputValues {
  body: string;
  status: string;
  /** The version read; 0 for minutes not written yet. */
  version?: number | undefined;
}

/**
 * Writes a meeting's minutes in one language (the network's secretariat): creates them, or
 * replaces them when nobody saved them since the version read.
 */
export async function saveMinutes(
  db: Db,
  principal: Principal,
  meetingId: string,
  language: string,
  input: MinutesInputValues,
  t: Translate,
): Promise<RecordOutcome<{ version: number }>> {
  const meeting = await meetingToWrite(db, principal, meetingId);
  if (typeof meeting === 'string') return refuse(meeting);
  const errors: FieldError[] = [];
  if (!isLang(language)) errors.push({ field: 'language', message: t('meetingsRecord.error.language') });
  const body = normaliseText(input.body);
  if (body === '') errors.push({ field: 'body', message: t('meetingsRecord.error.bodyRequired') });
  else if (body.length > MINUTES_MAX)
    errors.push({ field: 'body', message: t('meetingsRecord.error.tooLong', { max: MINUTES_MAX }) });
  if (!(MINUTES_STATUSES as readonly string[]).includes(input.status))
    errors.push({ field: 'status', message: t('meetingsRecord.error.minutesStatus') });
  if (errors.length > 0) return { ok: false, errors };
  const status = input.status as MinutesStatus;
  const read = version(input.version);
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('meeting_minutes')
      .select('version')
      .where('meeting_id', '=', meeting.id)
      .where('language', '=', language)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      if (existing.version !== read) return conflict(t);
      const row = await tx
        .updateTable('meeting_minutes')
        .set({
          body,
          status,
          updated_by: principal.userId,
          updated_at: new Date(),
          version: sql`version + 1`,
        })
        .where('meeting_id', '=', meeting.id)
        .where('language', '=', language)
        .returning('version')
        .executeTakeFirstOrThrow();
      return { ok: true, value: { version: row.version } };
    }
    if (read !== 0) return conflict(t);
    const row = await tx
      .insertInto('meeting_minutes')
      .values({ meeting_id: meeting.id, language, body, status, updated_by: principal.userId })
      .onConflict((oc) => oc.columns(['meeting_id', 'language']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return row ? { ok: true, value: { version: row.version } } : conflict(t);
  });
}

// ---- Decisions ---------------------------------------------------------------------------

export interface DecisionInputValues {
  text: string;
  language: string;
}

function checkDecision(input: DecisionInputValues, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  const text = normaliseText(input.text);
  if (text === '') errors.push({ field: 'text', message: t('meetingsRecord.error.decisionRequired') });
  else if (text.length > DECISION_MAX)
    errors.push({ field: 'text', message: t('meetingsRecord.error.tooLong', { max: DECISION_MAX }) });
  if (!isLang(input.language))
    errors.push({ field: 'language', message: t('meetingsRecord.error.language') });
  return errors;
}

/** Adds a decision at the end of the meeting's list (the network's secretariat). */
export async function addDecision(
  db: Db,
  principal: Principal,
  meetingId: string,
  input: DecisionInputValues,
  t: Translate,
): Promise<RecordOutcome<{ id: string }>> {
  const meeting = await meetingToWrite(db, principal, meetingId);
  if (typeof meeting === 'string') return refuse(meeting);
  const errors = checkDecision(input, t);
  if (errors.length > 0) return { ok: false, errors };
  const language = input.language as Lang;
  return db.transaction().execute(async (tx) => {
    // Lock the meeting so that two decisions added at once get distinct positions.
    await tx.selectFrom('meetings').select('id').where('id', '=', meeting.id).forUpdate().execute();
    const last = await tx
      .selectFrom('meeting_decisions')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst();
    const row = await tx
      .insertInto('meeting_decisions')
      .values({
        meeting_id: meeting.id,
        position: Number(last?.position ?? 0) + 1,
        original_language: language,
        text: JSON.stringify({ [language]: normaliseText(input.text) }),
        created_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, value: { id: row.id } };
  });
}

async function decisionOf(db: Db, meetingId: string, decisionId: string) {
  if (!isUuid(decisionId)) return undefined;
  return db
    .selectFrom('meeting_decisions')
    .select(['id', 'text', 'original_language'])
    .where('id', '=', decisionId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** Sets a decision's text in one language: corrects it, or adds a translation (the secretariat). */
export async function editDecision(
  db: Db,
  principal: Principal,
  meetingId: string,
  decisionId: string,
  input: DecisionInputValues,
  t: Translate,
): Promise<RecordOutcome<{ id: string }>> {
  const meeting = await meetingToWrite(db, principal, meetingId);
  if (typeof meeting === 'string') return refuse(meeting);
  const decision = await decisionOf(db, meeting.id, decisionId);
  if (!decision) return refuse('not-found');
  const errors = checkDecision(input, t);
  if (errors.length > 0) return { ok: false, errors };
  const text: LocalizedText = { ...decision.text, [input.language as Lang]: normaliseText(input.text) };
  await db
    .updateTable('meeting_decisions')
    .set({ text: JSON.stringify(text) })
    .where('id', '=', decision.id)
    .execute();
  return { ok: true, value: { id: decision.id } };
}

/** Removes a decision; action items that came from it stay, without the link (the secretariat). */
export async function removeDecision(
  db: Db,
  principal: Principal,
  meetingId: string,
  decisionId: string,
): Promise<RecordOutcome<{ id: string }>> {
  const meeting = await meetingToWrite(db, principal, meetingId);
  if (typeof meeting === 'string') return refuse(meeting);
  const decision = await decisionOf(db, meeting.id, decisionId);
  if (!decision) return refuse('not-found');
  await db.deleteFrom('meeting_decisions').where('id', '=', decision.id).execute();
  return { ok: true, value: { id: decision.id } };
}

// ---- Action items ------------------------------------------------------------------------

export interface ActionInputValues {
  title: string;
  language?: string | undefined;
  ownerUserId?: string | null | undefined;
  ownerOrganisationId?: string | null | undefined;
  dueOn: string;
  status?: string | undefined;
  note?: string | null | undefined;
  decisionId?: string | null | undefined;
}

/** `user:<id>` or `organisation:<id>`, as the form's owner list sends it. */
export function parseOwner(value: string | undefined): {
  ownerUserId?: string;
  ownerOrganisationId?: string;
} {
  const [kind, id] = (value ?? '').split(':');
  if (kind === 'user' && id) return { ownerUserId: id };
  if (kind === 'organisation' && id) return { ownerOrganisationId: id };
  return {};
}

async function checkAction(
  db: Db,
  meeting: MeetingForRecordAccess,
  input: ActionInputValues,
  t: Translate,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const title = normaliseText(input.title);
  if (title === '') errors.push({ field: 'title', message: t('meetingsRecord.error.titleRequired') });
  else if (title.length > TITLE_MAX)
    errors.push({ field: 'title', message: t('meetingsRecord.error.tooLong', { max: TITLE_MAX }) });
  if (input.language !== undefined && !isLang(input.language))
    errors.push({ field: 'language', message: t('meetingsRecord.error.language') });
  const userId = input.ownerUserId ?? null;
  const organisationId = input.ownerOrganisationId ?? null;
  if ((userId === null) === (organisationId === null))
    errors.push({ field: 'owner', message: t('meetingsRecord.error.ownerRequired') });
  else if (
    !isUuid(userId ?? organisationId ?? '') ||
    !(await isEligibleOwner(db, meeting.networkId, { userId, organisationId }))
  )
    errors.push({ field: 'owner', message: t('meetingsRecord.error.ownerUnknown') });
  if (!isCalendarDate(input.dueOn)) errors.push({ field: 'dueOn', message: t('meetingsRecord.error.dueOn') });
  if (input.status !== undefined && !(ACTION_STATUSES as readonly string[]).includes(input.status))
    errors.push({ field: 'status', message: t('meetingsRecord.error.actionStatus') });
  if ((input.note ?? '').length > NOTE_MAX)
    errors.push({ field: 'note', message: t('meetingsRecord.error.tooLong', { max: NOTE_MAX }) });
  if (input.decisionId && !(await decisionOf(db, meeting.id, input.decisionId)))
    errors.push({ field: 'decisionId', message: t('meetingsRecord.error.decisionUnknown') });
  return errors;
}

/** Creates an action item of a meeting (the network's secretariat). */
export async function createActionItem(
  db: Db,
  principal: Principal,
  meetingId: string,
  input: ActionInputValues,
  t: Translate,
): Promise<RecordOutcome<{ id: string }>> {
  const meeting = await meetingToWrite(db, principal, meetingId);
  if (typeof meeting === 'string') return refuse(meeting);
  const errors = await checkAction(db, meeting, input, t);
  if (errors.length > 0) return { ok: false, errors };
  const status = (input.status ?? 'open') as ActionItemStatus;
  const row = await db
    .insertInto('action_items')
    .values({
      meeting_id: meeting.id,
      decision_id: input.decisionId || null,
      title: normaliseText(input.title),
      language: input.language ?? principal.locale,
      owner_user_id: input.ownerUserId ?? null,
      owner_organisation_id: input.ownerOrganisationId ?? null,
      due_on: input.dueOn,
      status,
      note: input.note ? normaliseText(input.note) : null,
      created_by: principal.userId,
      completed_at: status === 'done' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ok: true, value: { id: row.id } };
}

export interface ActionChange {
  status?: string | undefined;
  note?: string | null | undefined;
  /** The rest is the secretariat's only. */
  title?: string | undefined;
  dueOn?: string | undefined;
  ownerUserId?: string | null | undefined;
  ownerOrganisationId?: string | null | undefined;
  decisionId?: string | null | undefined;
  language?: string | undefined;
  version?: number | undefined;
}

const SECRETARIAT_FIELDS = [
  'title',
  'dueOn',
  'ownerUserId',
  'ownerOrganisationId',
  'decisionId',
  'language',
] as const;

/**
 * Changes an action item: its owner (the person, or a person of the organisation) updates the
 * status and the note; the network's secretariat may change everything. From the version read,
 * when given (409 if it changed since).
 */
export async function updateActionItem(
  db: Db,
  principal: Principal,
  id: string,
  change: ActionChange,
  t: Translate,
): Promise<RecordOutcome<{ id: string; version: number }>> {
  const item = isUuid(id) ? await findActionItem(db, id) : null;
  if (!item) return refuse('not-found');
  const meeting = await findMeetingForRecord(db, principal, item.meetingId);
  const secretariat = typeof meeting !== 'string' && canWriteRecord(principal, meeting);
  const owner = ownsActionItem(principal, item);
  if (!secretariat && !owner) return refuse(typeof meeting === 'string' ? meeting : 'forbidden');
  if (!secretariat && SECRETARIAT_FIELDS.some((field) => change[field] !== undefined))
    return refuse('forbidden');
  const merged: ActionInputValues = {
    title: change.title ?? item.title,
    language: change.language ?? item.language,
    ownerUserId:
      change.ownerUserId !== undefined || change.ownerOrganisationId !== undefined
        ? (change.ownerUserId ?? null)
        : item.ownerUserId,
    ownerOrganisationId:
      change.ownerUserId !== undefined || change.ownerOrganisationId !== undefined
        ? (change.ownerOrganisationId ?? null)
        : item.ownerOrganisationId,
    dueOn: change.dueOn ?? item.dueOn,
    status: change.status ?? item.status,
    note: change.note !== undefined ? change.note : item.note,
    decisionId: change.decisionId !== undefined ? change.decisionId : item.decisionId,
  };
  const errors = secretariat
    ? await checkAction(db, meeting as MeetingForRecordAccess, merged, t)
    : checkOwnerChange(merged, t);
  if (errors.length > 0) return { ok: false, errors };
  const status = merged.status as ActionItemStatus;
  const now = new Date();
  let query = db
    .updateTable('action_items')
    .set({
      title: normaliseText(merged.title),
      language: merged.language ?? item.language,
      owner_user_id: merged.ownerUserId ?? null,
      owner_organisation_id: merged.ownerOrganisationId ?? null,
      due_on: merged.dueOn,
      status,
      note: merged.note ? normaliseText(merged.note) : null,
      decision_id: merged.decisionId || null,
      updated_at: now,
      completed_at: status === 'done' ? (item.status === 'done' ? sql`completed_at` : now) : null,
      // A new due date is a new deadline: remind of it again.
      ...(merged.dueOn !== item.dueOn ? { reminded_at: null } : {}),
      version: sql`version + 1`,
    })
    .where('id', '=', item.id);
  if (change.version !== undefined) query = query.where('version', '=', change.version);
  const row = await query.returning('version').executeTakeFirst();
  if (!row) return conflict(t);
  return { ok: true, value: { id: item.id, version: row.version } };
}

function checkOwnerChange(input: ActionInputValues, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  if (!(ACTION_STATUSES as readonly string[]).includes(input.status ?? ''))
    errors.push({ field: 'status', message: t('meetingsRecord.error.actionStatus') });
  if ((input.note ?? '').length > NOTE_MAX)
    errors.push({ field: 'note', message: t('meetingsRecord.error.tooLong', { max: NOTE_MAX }) });
  return errors;
}
