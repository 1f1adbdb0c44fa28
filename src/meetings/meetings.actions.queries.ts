import { DateTime } from 'luxon';
import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import type { ActionItemStatus } from './meetings.tables.ts';

/** An action item as pages, the API, the dashboard and reminders show it. */
export interface ActionItemView {
  id: string;
  meetingId: string;
  meetingTitle: LocalizedText;
  networkId: string;
  decisionId: string | null;
  title: string;
  language: string;
  ownerUserId: string | null;
  ownerOrganisationId: string | null;
  /** The person's name, or the organisation's name in its languages. */
  ownerName: LocalizedText;
  dueOn: string;
  status: ActionItemStatus;
  note: string | null;
  version: number;
  remindedAt: Date | null;
}

const FINISHED: readonly ActionItemStatus[] = ['done', 'cancelled'];
export const isFinished = (status: ActionItemStatus): boolean => FINISHED.includes(status);

/** Today's date (yyyy-mm-dd) in UTC: due dates are calendar days, compared in UTC everywhere. */
export const todayOf = (now: Date): string => DateTime.fromJSDate(now, { zone: 'utc' }).toISODate()!;

export function isOverdue(item: Pick<ActionItemView, 'dueOn' | 'status'>, now: Date): boolean {
  return !isFinished(item.status) && item.dueOn < todayOf(now);
}

export function selectActionItems(db: Executor) {
  return db
    .selectFrom('action_items as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .leftJoin('users as u', 'u.id', 'a.owner_user_id')
    .leftJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .select([
      'a.id',
      'a.meeting_id',
      'm.title as meeting_title',
      'm.network_id',
      'a.decision_id',
      'a.title',
      'a.language',
      'a.owner_user_id',
      'a.owner_organisation_id',
      'u.name as user_name',
      'o.name as organisation_name',
      'a.due_on',
      'a.status',
      'a.note',
      'a.version',
      'a.reminded_at',
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof selectActionItems>['execute']>>[number];

/** A `date` column arrives as a string from pg and PGlite alike, or as a Date with some drivers. */
const dateText = (value: unknown): string =>
  value instanceof Date
    ? DateTime.fromJSDate(value, { zone: 'utc' }).toISODate()!
    : String(value).slice(0, 10);

export function toActionItemView(row: ActionRow): ActionItemView {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title as LocalizedText,
    networkId: row.network_id,
    decisionId: row.decision_id,
    title: row.title,
    language: row.language,
    ownerUserId: row.owner_user_id,
    ownerOrganisationId: row.owner_organisation_id,
    ownerName: row.user_name
      ? { en: row.user_name, fr: row.user_name, es: row.user_name, pt: row.user_name }
      : ((row.organisation_name as LocalizedText | null) ?? {}),
    dueOn: dateText(row.due_on),
    status: row.status,
    note: row.note,
    version: row.version,
    remindedAt: row.reminded_at,
  };
}

export async function findActionItem(db: Executor, id: string): Promise<ActionItemView | null> {
  const row = await selectActionItems(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toActionItemView(row) : null;
}

export async function meetingActionItems(db: Executor, meetingId: string): Promise<ActionItemView[]> {
  const rows = await selectActionItems(db)
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.due_on')
    .orderBy('a.created_at')
    .execute();
  return rows.map(toActionItemView);
}

/**
 * The principal's action items: their own and their organisation's, soonest due first (the
 * dashboard and `/{lang}/actions` show them); done and cancelled ones only when asked.
 */
export async function actionItemsFor(
  db: Executor,
  principal: Principal,
  options: { includeDone?: boolean } = {},
): Promise<ActionItemView[]> {
  let query = selectActionItems(db).where((eb) =>
    principal.organisationId === null
      ? eb('a.owner_user_id', '=', principal.userId)
      : eb.or([
          eb('a.owner_user_id', '=', principal.userId),
          eb('a.owner_organisation_id', '=', principal.organisationId),
        ]),
  );
  if (!options.includeDone) query = query.where('a.status', 'not in', ['done', 'cancelled']);
  const rows = await query.orderBy('a.due_on').orderBy('a.created_at').execute();
  return rows.map(toActionItemView);
}

/** The owner's name in a language (a person's name is the same in all). */
export const ownerNameIn = (item: Pick<ActionItemView, 'ownerName'>, lang: Lang): string =>
  pickText(item.ownerName, lang)?.text ?? '';

export function actionToApi(item: ActionItemView, lang: Lang, now: Date, baseUrl: string) {
  return {
    id: item.id,
    meetingId: item.meetingId,
    meetingTitle: item.meetingTitle as Record<string, string>,
    decisionId: item.decisionId,
    title: item.title,
    language: item.language,
    owner: item.ownerUserId
      ? { kind: 'user' as const, id: item.ownerUserId, name: ownerNameIn(item, lang) }
      : { kind: 'organisation' as const, id: item.ownerOrganisationId ?? '', name: ownerNameIn(item, lang) },
    dueOn: item.dueOn,
    status: item.status,
    note: item.note,
    overdue: isOverdue(item, now),
    version: item.version,
    url: `${baseUrl}/${lang}/actions/${item.id}`,
  };
}
