import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import { type Meeting, toMeeting } from './meetings.model.ts';
import type { MeetingKind, ParticipantRole, RsvpResponse } from './meetings.tables.ts';

/** Queries of the meetings domain: plain functions taking the database or a transaction first. */

/** Who is looking, reduced to what decides which meetings they see. */
export interface Viewer {
  userId: string | null;
  organisationId: string | null;
  isAdmin: boolean;
  memberNetworkIds: string[];
}

/** A meeting is visible when public, of one of the viewer's networks, or one they are invited to. */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'meetings'>) => {
    if (viewer.isAdmin) return eb.val(true);
    const alternatives = [eb('meetings.visibility', '=', 'public')];
    if (viewer.memberNetworkIds.length > 0)
      alternatives.push(eb('meetings.network_id', 'in', viewer.memberNetworkIds));
    if (viewer.userId !== null) alternatives.push(invitedCondition(eb, viewer));
    return eb.or(alternatives);
  };
}

/** The meeting invites the viewer directly or through their organisation. */
function invitedCondition(eb: ExpressionBuilder<Database, 'meetings'>, viewer: Viewer) {
  return eb.exists(
    eb
      .selectFrom('meeting_invitations as i')
      .select('i.id')
      .whereRef('i.meeting_id', '=', 'meetings.id')
      .where((inner) =>
        viewer.organisationId === null
          ? inner('i.user_id', '=', viewer.userId!)
          : inner.or([
              inner('i.user_id', '=', viewer.userId!),
              inner('i.organisation_id', '=', viewer.organisationId),
            ]),
      ),
  );
}

export async function findMeeting(db: Executor, id: string): Promise<Meeting | null> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMeeting(row) : null;
}

export interface MeetingListQuery {
  networkId: string | null;
  kind: MeetingKind | null;
  when: 'upcoming' | 'past';
  now: Date;
  offset: number;
  limit: number;
  /** Only meetings the viewer is invited to or of their networks (the dashboard, the feed). */
  mineOnly?: boolean;
}

export async function listMeetings(
  db: Executor,
  viewer: Viewer,
  query: MeetingListQuery,
): Promise<{ meetings: (Meeting & { networkSlug: string; networkName: LocalizedText })[]; total: number }> {
  let base = db
    .selectFrom('meetings')
    .innerJoin('networks', 'networks.id', 'meetings.network_id')
    .where(visibleTo(viewer));
  if (query.mineOnly) {
    base = base.where((eb) => {
      const alternatives = [invitedCondition(eb, viewer)];
      if (viewer.memberNetworkIds.length > 0)
        alternatives.push(eb('meetings.network_id', 'in', viewer.memberNetworkIds));
      return eb.or(alternatives);
    });
  }
  if (query.networkId !== null) base = base.where('meetings.network_id', '=', query.networkId);
  if (query.kind !== null) base = base.where('meetings.kind', '=', query.kind);
  base =
    query.when === 'upcoming'
      ? base.where('meetings.ends_at', '>=', query.now)
      : base.where('meetings.ends_at', '<', query.now);
  const [rows, count] = await Promise.all([
    base
      .selectAll('meetings')
      .select(['networks.slug as network_slug', 'networks.name as network_name'])
      .orderBy('meetings.starts_at', query.when === 'upcoming' ? 'asc' : 'desc')
      .orderBy('meetings.id')
      .offset(query.offset)
      .limit(query.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    meetings: rows.map((row) => ({
      ...toMeeting(row),
      networkSlug: row.network_slug,
      networkName: row.network_name,
    })),
    total: Number(count.n),
  };
}

export async function findNetwork(db: Executor, idOrSlug: string) {
  const isId = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  return db
    .selectFrom('networks')
    .select(['id', 'slug', 'name'])
    .where(isId ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst();
}

export function listNetworkChoices(db: Executor) {
  return db.selectFrom('networks').select(['id', 'slug', 'name']).orderBy('slug').execute();
}

export function listAgenda(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function listDocuments(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_documents')
    .select(['id', 'title', 'language', 'file_name', 'media_type', 'size_bytes', 'created_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute();
}

export function findDocument(db: Executor, meetingId: string, documentId: string) {
  return db
    .selectFrom('meeting_documents')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

export interface InvitationRow {
  id: string;
  organisationId: string | null;
  userId: string | null;
  name: LocalizedText | string;
  role: ParticipantRole;
}

export async function listInvitations(db: Executor, meetingId: string): Promise<InvitationRow[]> {
  const rows = await db
    .selectFrom('meeting_invitations as i')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.id', 'i.organisation_id', 'i.user_id', 'i.role', 'o.name as org_name', 'u.name as user_name'])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    userId: row.user_id,
    name: row.org_name ?? row.user_name ?? '',
    role: row.role,
  }));
}

/** The people a meeting invites: directly, or as accounts of an invited organisation (the direct role first). */
export async function invitedPeople(db: Executor, meetingId: string) {
  const rows = await db
    .selectFrom('meeting_invitations as i')
    .innerJoin('users as u', (join) =>
      join.on((eb) =>
        eb.or([
          eb('u.id', '=', eb.ref('i.user_id')),
          eb('u.organisation_id', '=', eb.ref('i.organisation_id')),
        ]),
      ),
    )
    .leftJoin('meeting_rsvps as r', (join) =>
      join.onRef('r.meeting_id', '=', 'i.meeting_id').onRef('r.user_id', '=', 'u.id'),
    )
    .select([
      'u.id as user_id',
      'u.name',
      'u.email',
      'u.locale',
      'u.time_zone',
      'u.disabled_at',
      'i.id as invitation_id',
      'i.role',
      'i.user_id as direct_user_id',
      'i.reminded_at',
      'r.response',
    ])
    .where('i.meeting_id', '=', meetingId)
    .execute();
  const byUser = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.disabled_at !== null) continue;
    const existing = byUser.get(row.user_id);
    if (!existing || (existing.direct_user_id === null && row.direct_user_id !== null))
      byUser.set(row.user_id, row);
  }
  return [...byUser.values()];
}

export function listRsvps(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_rsvps as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.name', 'r.response', 'r.comment', 'r.responded_at'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('u.name')
    .execute();
}

export function findRsvp(db: Executor, meetingId: string, userId: string) {
  return db
    .selectFrom('meeting_rsvps')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertRsvp(
  db: Executor,
  row: { meetingId: string; userId: string; response: RsvpResponse; comment: string | null },
) {
  await db
    .insertInto('meeting_rsvps')
    .values({ meeting_id: row.meetingId, user_id: row.userId, response: row.response, comment: row.comment })
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'user_id']).doUpdateSet({
        response: row.response,
        comment: row.comment,
        responded_at: sql`now()`,
      }),
    )
    .execute();
}

export async function listAttendance(db: Executor, meetingId: string) {
  const rows = await db
    .selectFrom('meeting_attendance as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.user_id',
      'a.organisation_id',
      'a.name',
      'a.role',
      'u.name as user_name',
      'o.name as org_name',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.recorded_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    name: (row.name ?? row.user_name ?? row.org_name ?? '') as string | LocalizedText,
    role: row.role,
  }));
}

export function listSeries(db: Executor, seriesId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'ends_at', 'status', 'visibility', 'network_id'])
    .where('series_id', '=', seriesId)
    .orderBy('starts_at')
    .execute();
}

/** The organisations that are members of a network, for the invitation form. */
export function listMemberOrganisations(db: Executor, networkId: string) {
  return db
    .selectFrom('network_memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.network_id', '=', networkId)
    .execute();
}
