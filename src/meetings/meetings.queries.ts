import crypto from 'node:crypto';
import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManageMeeting, findMeetingForViewer, isInvited, memberNetworkIdsOf } from './meetings.access.ts';
import { MEETING_KINDS, type Meeting, toMeeting } from './meetings.model.ts';
import * as repo from './meetings.repository.ts';
import type { MeetingApi, MeetingFilters } from './meetings.schemas.ts';
import type { MeetingKind, ParticipantRole, RsvpResponse } from './meetings.tables.ts';
import { isKnownTimeZone } from './meetings.time.ts';

/** Reads about meetings that the pages and the API share; each checks who may see what first. */

export const PAGE_SIZE = 20;

export async function viewerOf(db: Executor, principal: Principal | null): Promise<repo.Viewer> {
  return {
    userId: principal?.userId ?? null,
    organisationId: principal?.organisationId ?? null,
    isAdmin: principal?.isAdmin ?? false,
    memberNetworkIds: [...(await memberNetworkIdsOf(db, principal))],
  };
}

export interface MeetingListFilters {
  network: { id: string; slug: string } | null;
  kind: MeetingKind | null;
  when: 'upcoming' | 'past';
  page: number;
}

/** The filters as asked (an unknown network or kind filters nothing rather than failing). */
export async function readFilters(db: Executor, query: MeetingFilters): Promise<MeetingListFilters> {
  const network = query.network ? ((await repo.findNetwork(db, query.network)) ?? null) : null;
  const kind = (MEETING_KINDS as readonly string[]).includes(query.kind ?? '')
    ? (query.kind as MeetingKind)
    : null;
  return {
    network: network ? { id: network.id, slug: network.slug } : null,
    kind,
    when: query.when === 'past' ? 'past' : 'upcoming',
    page: query.page ?? 1,
  };
}

export async function listVisibleMeetings(
  db: Executor,
  principal: Principal | null,
  filters: MeetingListFilters,
  now: Date,
) {
  const viewer = await viewerOf(db, principal);
  const { meetings, total } = await repo.listMeetings(db, viewer, {
    networkId: filters.network?.id ?? null,
    kind: filters.kind,
    when: filters.when,
    now,
    offset: (filters.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  return { meetings, total, page: filters.page, pageSize: PAGE_SIZE };
}

/** The next meetings the person is invited to, or of their networks (the dashboard). */
export async function upcomingMeetingsFor(
  db: Executor,
  principal: Principal,
  options: { limit: number; now?: Date },
): Promise<(Meeting & { networkSlug: string; networkName: LocalizedText })[]> {
  const viewer = await viewerOf(db, principal);
  const { meetings } = await repo.listMeetings(db, viewer, {
    networkId: null,
    kind: null,
    when: 'upcoming',
    now: options.now ?? new Date(),
    offset: 0,
    limit: options.limit,
    mineOnly: true,
  });
  return meetings;
}

export interface MeetingDetail {
  meeting: Meeting;
  network: { id: string; slug: string; name: LocalizedText };
  canManage: boolean;
  agenda: Awaited<ReturnType<typeof repo.listAgenda>>;
  documents: Awaited<ReturnType<typeof repo.listDocuments>>;
  /** Invitations, answers and attendance: for the network's members and the invited. */
  invitations: repo.InvitationRow[] | null;
  rsvps: Awaited<ReturnType<typeof repo.listRsvps>> | null;
  attendance: Awaited<ReturnType<typeof repo.listAttendance>> | null;
  /** The viewer's own invitation and answer, when invited. */
  myInvitation: { role: ParticipantRole; response: RsvpResponse | null; comment: string | null } | null;
  series: { id: string; startsAt: Date; status: string }[];
  memberOrganisations: { id: string; name: LocalizedText }[];
}

export async function meetingDetail(db: Db, principal: Principal | null, id: string): Promise<MeetingDetail> {
  const meeting = await findMeetingForViewer(db, principal, id);
  if (meeting === null) throw new HttpProblem('not-found');
  const network = (await repo.findNetwork(db, meeting.networkId))!;
  const canManage = canManageMeeting(principal, meeting);
  const invited = await isInvited(db, principal, meeting.id);
  const isMember = principal !== null && (await memberNetworkIdsOf(db, principal)).has(meeting.networkId);
  const seesPeople = canManage || invited || isMember;
  const [agenda, documents, invitations, rsvps, attendance] = await Promise.all([
    repo.listAgenda(db, meeting.id),
    repo.listDocuments(db, meeting.id),
    seesPeople ? repo.listInvitations(db, meeting.id) : null,
    seesPeople ? repo.listRsvps(db, meeting.id) : null,
    seesPeople ? repo.listAttendance(db, meeting.id) : null,
  ]);
  let myInvitation: MeetingDetail['myInvitation'] = null;
  if (invited && principal) {
    const mine = (await repo.invitedPeople(db, meeting.id)).find((p) => p.user_id === principal.userId);
    const answer = await repo.findRsvp(db, meeting.id, principal.userId);
    myInvitation = {
      role: mine?.role ?? 'participant',
      response: answer?.response ?? null,
      comment: answer?.comment ?? null,
    };
  }
  const series = meeting.seriesId
    ? (await repo.listSeries(db, meeting.seriesId)).map((row) => ({
        id: row.id,
        startsAt: new Date(row.starts_at),
        status: row.status,
      }))
    : [];
  return {
    meeting,
    network,
    canManage,
    agenda,
    documents,
    invitations,
    rsvps,
    attendance,
    myInvitation,
    series,
    memberOrganisations: canManage ? await repo.listMemberOrganisations(db, meeting.networkId) : [],
  };
}

/** The occurrences of a meeting's series that the viewer may see (the meeting alone when not in a series). */
export async function seriesFor(db: Db, principal: Principal | null, id: string): Promise<Meeting[]> {
  const meeting = await findMeetingForViewer(db, principal, id);
  if (meeting === null) throw new HttpProblem('not-found');
  if (!meeting.seriesId) return [meeting];
  const rows = await db
    .selectFrom('meetings')
    .selectAll()
    .where('series_id', '=', meeting.seriesId)
    .execute();
  return rows.map(toMeeting);
}

/**
 * The zone times are shown in: a zone chosen on the page (`?tz=`), else the person's saved zone,
 * else UTC, said explicitly. An unknown zone is an error to show next to the chooser.
 */
export async function viewerTimeZone(
  db: Executor,
  principal: Principal | null,
  asked: string | undefined,
  t: Translate,
): Promise<{
  zone: string;
  source: 'chosen' | 'saved' | 'default';
  saved: string | null;
  error: string | null;
}> {
  const saved = principal
    ? ((
        await db.selectFrom('users').select('time_zone').where('id', '=', principal.userId).executeTakeFirst()
      )?.time_zone ?? null)
    : null;
  const fallback =
    saved && isKnownTimeZone(saved)
      ? { zone: saved, source: 'saved' as const }
      : { zone: 'UTC', source: 'default' as const };
  if (asked === undefined || asked === '') return { ...fallback, saved, error: null };
  if (!isKnownTimeZone(asked))
    return { ...fallback, saved, error: t('meetings.error.timeZone', { zone: asked }) };
  return { zone: asked, source: 'chosen', saved, error: null };
}

export function meetingToApi(meeting: Meeting & { networkSlug: string }, baseUrl: string): MeetingApi {
  return {
    id: meeting.id,
    url: `${baseUrl}/en/meetings/${meeting.id}`,
    ics: `${baseUrl}/api/v1/meetings/${meeting.id}/calendar.ics`,
    network: meeting.networkSlug,
    kind: meeting.kind,
    originalLanguage: meeting.originalLanguage,
    title: meeting.title as Record<string, string>,
    description: meeting.description as Record<string, string>,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: meeting.timeZone,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    visibility: meeting.visibility,
    status: meeting.status,
    seriesId: meeting.seriesId,
    recurrence: meeting.recurrence,
    version: meeting.version,
  };
}

// ---- The personal calendar feed ---------------------------------------------------------------

const FEED_PREFIX = 'pcf_';
const hashFeedToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Makes (or replaces) the person's feed token; only its hash is kept, so it is shown once. */
export async function resetCalendarFeed(db: Executor, principal: Principal): Promise<string> {
  return issueCalendarFeedToken(db, principal.userId);
}

export async function issueCalendarFeedToken(db: Executor, userId: string): Promise<string> {
  const token = FEED_PREFIX + crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: hashFeedToken(token) })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ token_hash: hashFeedToken(token), created_at: new Date() }),
    )
    .execute();
  return token;
}

export async function calendarFeedCreatedAt(db: Executor, principal: Principal): Promise<Date | null> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('user_id', '=', principal.userId)
    .executeTakeFirst();
  return row ? new Date(row.created_at) : null;
}

/**
 * The meetings of a feed: those its owner may see and is invited to or that are of their
 * networks, from 90 days ago on. Null for an unknown token.
 */
export async function feedMeetings(
  db: Db,
  token: string,
  now: Date,
  resolve: (userId: string) => Promise<Principal | null>,
): Promise<{ principal: Principal; meetings: Meeting[] } | null> {
  if (!token.startsWith(FEED_PREFIX) || token.length > 100) return null;
  const row = await db
    .selectFrom('calendar_feeds')
    .select('user_id')
    .where('token_hash', '=', hashFeedToken(token))
    .executeTakeFirst();
  if (!row) return null;
  const principal = await resolve(row.user_id);
  if (!principal) return null;
  const viewer = await viewerOf(db, principal);
  const { meetings } = await repo.listMeetings(db, viewer, {
    networkId: null,
    kind: null,
    when: 'upcoming',
    now: new Date(now.getTime() - 90 * 86_400_000),
    offset: 0,
    limit: 500,
    mineOnly: true,
  });
  return { principal, meetings };
}
