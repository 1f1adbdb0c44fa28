import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { LANGUAGES, type Lang, type LocalizedText, isLang } from '../web/language.ts';
import { type MeetingForRecordAccess, canWriteRecord, isMemberOfNetwork } from './meetings.record.access.ts';
import { type ActionItemView, meetingActionItems } from './meetings.actions.queries.ts';
import type { MinutesStatus } from './meetings.tables.ts';

export interface MinutesView {
  meetingId: string;
  language: Lang;
  body: string;
  status: MinutesStatus;
  updatedAt: Date;
  updatedBy: string | null;
  version: number;
}

export interface DecisionView {
  id: string;
  position: number;
  originalLanguage: Lang;
  text: LocalizedText;
}

/** What the viewer sees of a meeting's record. */
export interface MeetingRecord {
  minutes: MinutesView[];
  decisions: DecisionView[];
  /** Null when the viewer may not see them (they name people: the network's members only). */
  actionItems: ActionItemView[] | null;
  canWrite: boolean;
}

export async function listMinutes(db: Executor, meetingId: string): Promise<MinutesView[]> {
  const rows = await db
    .selectFrom('meeting_minutes as mm')
    .leftJoin('users as u', 'u.id', 'mm.updated_by')
    .select(['mm.meeting_id', 'mm.language', 'mm.body', 'mm.status', 'mm.updated_at', 'mm.version', 'u.name'])
    .where('mm.meeting_id', '=', meetingId)
    .execute();
  return rows
    .filter((row) => isLang(row.language))
    .map((row) => ({
      meetingId: row.meeting_id,
      language: row.language as Lang,
      body: row.body,
      status: row.status,
      updatedAt: row.updated_at,
      updatedBy: row.name,
      version: row.version,
    }))
    .sort((a, b) => LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language));
}

export async function findMinutes(db: Executor, meetingId: string, language: Lang) {
  return (await listMinutes(db, meetingId)).find((m) => m.language === language) ?? null;
}

export async function listDecisions(db: Executor, meetingId: string): Promise<DecisionView[]> {
  const rows = await db
    .selectFrom('meeting_decisions')
    .select(['id', 'position', 'original_language', 'text'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    originalLanguage: (isLang(row.original_language) ? row.original_language : 'en') as Lang,
    text: row.text,
  }));
}

/** Minutes the viewer may read: approved ones, and drafts for the secretariat. */
export function readableMinutes(minutes: MinutesView[], canWrite: boolean): MinutesView[] {
  return canWrite ? minutes : minutes.filter((m) => m.status === 'approved');
}

export async function meetingRecord(
  db: Executor,
  principal: Principal | null,
  meeting: Pick<MeetingForRecordAccess, 'id' | 'networkId'>,
): Promise<MeetingRecord> {
  const canWrite = canWriteRecord(principal, meeting);
  const seesActions = canWrite || (await isMemberOfNetwork(db, principal, meeting.networkId));
  return {
    minutes: readableMinutes(await listMinutes(db, meeting.id), canWrite),
    decisions: await listDecisions(db, meeting.id),
    actionItems: seesActions ? await meetingActionItems(db, meeting.id) : null,
    canWrite,
  };
}

export interface OwnerChoice {
  /** `user:<id>` or `organisation:<id>`, as the form sends it. */
  value: string;
  name: LocalizedText;
  kind: 'user' | 'organisation';
}

/**
 * Who may own an action item of a network's meeting: its member organisations, and the people
 * with an account who hold a role in the network or belong to a member organisation.
 */
export async function ownerChoices(db: Executor, networkId: string): Promise<OwnerChoice[]> {
  const organisations = await db
    .selectFrom('network_memberships as nm')
    .innerJoin('organisations as o', 'o.id', 'nm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('nm.network_id', '=', networkId)
    .execute();
  const people = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.name'])
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('network_roles as r')
            .select('r.user_id')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.network_id', '=', networkId),
        ),
        eb.exists(
          eb
            .selectFrom('network_memberships as m')
            .select('m.organisation_id')
            .whereRef('m.organisation_id', '=', 'u.organisation_id')
            .where('m.network_id', '=', networkId),
        ),
      ]),
    )
    .orderBy('u.name')
    .execute();
  return [
    ...people.map((p) => ({
      value: `user:${p.id}`,
      name: { fr: p.name, es: p.name, en: p.name, pt: p.name },
      kind: 'user' as const,
    })),
    ...organisations.map((o) => ({
      value: `organisation:${o.id}`,
      name: o.name as LocalizedText,
      kind: 'organisation' as const,
    })),
  ];
}

/** Whether a user or an organisation may own an action item of the network's meeting. */
export async function isEligibleOwner(
  db: Executor,
  networkId: string,
  owner: { userId: string | null; organisationId: string | null },
): Promise<boolean> {
  const choices = await ownerChoices(db, networkId);
  const value = owner.userId ? `user:${owner.userId}` : `organisation:${owner.organisationId}`;
  return choices.some((choice) => choice.value === value);
}
