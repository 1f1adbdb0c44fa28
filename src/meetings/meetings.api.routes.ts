import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOfUser } from '../accounts/index.ts';
import { HttpProblem } from '../http/problems.ts';
import { addAgendaItem } from './meetings.agenda.ts';
import { cancelMeeting, createMeeting, updateMeeting } from './meetings.commands.ts';
import { feedCalendar, meetingCalendar, seriesCalendar } from './meetings.ics.ts';
import type { Meeting } from './meetings.model.ts';
import { answerInvitation, invite, recordAttendance, tellCancellation } from './meetings.participation.ts';
import {
  feedMeetings,
  listVisibleMeetings,
  meetingDetail,
  meetingToApi,
  readFilters,
  seriesFor,
} from './meetings.queries.ts';
import * as repo from './meetings.repository.ts';
import {
  AgendaItemInput,
  AttendanceApi,
  AttendanceInput,
  CancelMeetingInput,
  CreateMeetingInput,
  InvitationApi,
  InvitationInput,
  MeetingApi,
  MeetingDetailApi,
  MeetingFilters,
  MeetingListApi,
  RsvpInput,
  UpdateMeetingInput,
} from './meetings.schemas.ts';

const TAG = 'Meetings';
const ApiParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const MEETING = { id: 'networkMeeting' };
const VALID_MEETING = {
  kind: 'teleconference',
  language: 'en',
  title: 'Bimonthly call',
  timeZone: 'America/Mexico_City',
  startsAt: '2030-03-10T10:00',
  endsAt: '2030-03-10T11:30',
};
const text = (value: unknown) =>
  typeof value === 'string' ? value : (Object.values((value ?? {}) as Record<string, string>)[0] ?? '');

/** The meetings API: the same filters and rules as the pages, problem+json for errors. */
export async function meetingsApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, mailer } = app.deps;
  const baseUrl = config.baseUrl.replace(/\/$/, '');
  const withSlug = async (meeting: Meeting) => ({
    ...meeting,
    networkSlug: (await repo.findNetwork(db, meeting.networkId))?.slug ?? '',
  });
  const calendarHeaders = (fileName: string) => ({
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'private, no-cache',
  });

  app.get(
    '/api/v1/meetings',
    {
      schema: {
        tags: [TAG],
        summary:
          'Meetings the caller may see, upcoming (default) or past; filters: network (slug or id), kind, when, page',
        querystring: MeetingFilters,
        response: { 200: MeetingListApi },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const list = await listVisibleMeetings(
        db,
        request.principal,
        await readFilters(db, request.query),
        new Date(),
      );
      return { ...list, items: list.meetings.map((m) => meetingToApi(m, baseUrl)) };
    },
  );

  app.post(
    '/api/v1/meetings',
    {
      schema: {
        tags: [TAG],
        summary:
          'Create a meeting of a network (its secretariat): start and end are local date-times in timeZone; with frequency, interval and count or until, a series of occurrences',
        security: [{ bearer: [] }],
        body: CreateMeetingInput,
        response: {
          201: Type.Object({
            id: Type.String({ format: 'uuid' }),
            ids: Type.Array(Type.String({ format: 'uuid' })),
          }),
        },
      },
      config: {
        access: 'secretariat',
        harness: { body: VALID_MEETING, bodyParams: { networkId: 'meetingNetworkId' } },
      },
    },
    async (request, reply) => {
      const result = await createMeeting(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).header('location', `/api/v1/meetings/${result.value.id}`).send(result.value);
    },
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags: [TAG],
        summary:
          'One meeting with its agenda and documents; invitations, answers and attendance for the network’s members and the invited',
        params: ApiParams,
        response: { 200: MeetingDetailApi },
      },
      config: { access: 'public', harness: { params: MEETING } },
    },
    async (request) => {
      const detail = await meetingDetail(db, request.principal, request.params.id);
      const base = meetingToApi({ ...detail.meeting, networkSlug: detail.network.slug }, baseUrl);
      return {
        ...base,
        agenda: detail.agenda.map((item) => ({
          id: item.id,
          position: item.position,
          title: item.title as Record<string, string>,
          description: item.description as Record<string, string>,
          presenter: item.presenter,
          durationMinutes: item.duration_minutes,
        })),
        documents: detail.documents.map((d) => ({
          id: d.id,
          title: d.title,
          fileName: d.file_name,
          mediaType: d.media_type,
          sizeBytes: d.size_bytes,
          url: `${baseUrl}/en/meetings/${detail.meeting.id}/documents/${d.id}`,
        })),
        ...(detail.invitations
          ? { invitations: detail.invitations.map((i) => ({ ...i, name: text(i.name) })) }
          : {}),
        ...(detail.rsvps
          ? {
              rsvps: detail.rsvps.map((r) => ({
                userId: r.user_id,
                name: r.name,
                response: r.response,
                comment: r.comment,
                respondedAt: new Date(r.responded_at).toISOString(),
              })),
            }
          : {}),
        ...(detail.attendance
          ? { attendance: detail.attendance.map((a) => ({ ...a, name: text(a.name) })) }
          : {}),
        myInvitation: detail.myInvitation
          ? { role: detail.myInvitation.role, response: detail.myInvitation.response }
          : null,
      };
    },
  );

  app.put(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags: [TAG],
        summary:
          'Change one meeting (one occurrence of a series alone), from the version read (409 if it changed since)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: UpdateMeetingInput,
        response: { 200: MeetingApi },
      },
      config: { access: 'secretariat', harness: { params: MEETING, body: { ...VALID_MEETING, version: 1 } } },
    },
    async (request) => {
      const result = await updateMeeting(db, request.principal!, request.params.id, request.body, request.t);
      if (!result.ok) throw new HttpProblem('conflict' in result ? 'conflict' : 'validation', result.errors);
      return meetingToApi(await withSlug(result.value), baseUrl);
    },
  );

  app.post(
    '/api/v1/meetings/:id/cancel',
    {
      schema: {
        tags: [TAG],
        summary:
          'Cancel one meeting, from the version read; it stays listed, marked cancelled (STATUS:CANCELLED in calendars)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: CancelMeetingInput,
        response: { 200: MeetingApi },
      },
      config: { access: 'secretariat', harness: { params: MEETING, body: { version: 1 } } },
    },
    async (request) => {
      const result = await cancelMeeting(
        db,
        request.principal!,
        request.params.id,
        request.body.version,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('conflict' in result ? 'conflict' : 'validation', result.errors);
      // Cancelled by this call (not before): tell the invited.
      if (result.value.version === request.body.version + 1)
        await tellCancellation(
          db,
          {
            mailer,
            baseUrl,
            onMailError: (error) => request.log.error({ err: error }, 'meeting mail not delivered'),
          },
          result.value.id,
        );
      return meetingToApi(await withSlug(result.value), baseUrl);
    },
  );

  app.post(
    '/api/v1/meetings/:id/rsvp',
    {
      schema: {
        tags: [TAG],
        summary:
          'Answer an invitation: yes, no or maybe, with a comment (only someone invited, directly or through their organisation: others get 403)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: RsvpInput,
        response: { 200: Type.Object({ response: Type.String() }) },
      },
      config: {
        access: 'signed-in',
        harness: { params: { id: 'meetingInvitingCaller' }, body: { response: 'yes' } },
      },
    },
    async (request) => {
      const result = await answerInvitation(
        db,
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return result.value;
    },
  );

  app.get(
    '/api/v1/meetings/:id/invitations',
    {
      schema: {
        tags: [TAG],
        summary: 'The invitations of a meeting (the network’s members and the invited)',
        security: [{ bearer: [] }],
        params: ApiParams,
        response: { 200: Type.Array(InvitationApi) },
      },
      config: { access: 'signed-in', harness: { params: MEETING } },
    },
    async (request) => {
      const detail = await meetingDetail(db, request.principal, request.params.id);
      if (detail.invitations === null) throw new HttpProblem('not-found');
      return detail.invitations.map((i) => ({ ...i, name: text(i.name) }));
    },
  );

  app.post(
    '/api/v1/meetings/:id/invitations',
    {
      schema: {
        tags: [TAG],
        summary:
          'Invite an organisation (all its people with accounts) or a person (userId or email), with a role; each newly invited person is told by email',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: InvitationInput,
        response: {
          201: Type.Object({ id: Type.String({ format: 'uuid' }), invitedPeople: Type.Integer() }),
        },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: MEETING,
          body: { role: 'observer' },
          bodyParams: { organisationId: 'owningOrganisation' },
        },
      },
    },
    async (request, reply) => {
      const result = await invite(
        db,
        {
          mailer,
          baseUrl,
          onMailError: (error) => request.log.error({ err: error }, 'meeting invitation not delivered'),
        },
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  app.get(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags: [TAG],
        summary: 'Who attended a meeting (the network’s members and the invited)',
        security: [{ bearer: [] }],
        params: ApiParams,
        response: { 200: Type.Array(AttendanceApi) },
      },
      config: { access: 'signed-in', harness: { params: MEETING } },
    },
    async (request) => {
      const detail = await meetingDetail(db, request.principal, request.params.id);
      if (detail.attendance === null) throw new HttpProblem('not-found');
      return detail.attendance.map((a) => ({ ...a, name: text(a.name) }));
    },
  );

  app.post(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags: [TAG],
        summary:
          'Record that someone attended: an invited person (userId) or organisation, or a guest by name (the secretariat)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: AttendanceInput,
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
      },
      config: { access: 'secretariat', harness: { params: MEETING, body: { name: 'A guest' } } },
    },
    async (request, reply) => {
      const result = await recordAttendance(
        db,
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  app.post(
    '/api/v1/meetings/:id/agenda',
    {
      schema: {
        tags: [TAG],
        summary: 'Add an item at the end of a meeting’s agenda (the secretariat)',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: AgendaItemInput,
        response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
      },
      config: { access: 'secretariat', harness: { params: MEETING, body: { title: 'Welcome' } } },
    },
    async (request, reply) => {
      const result = await addAgendaItem(db, request.principal!, request.params.id, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  // ---- iCalendar ----------------------------------------------------------------------------

  const Ics = { 200: { content: { 'text/calendar': { schema: Type.String() } } } };

  app.get(
    '/api/v1/meetings/:id/calendar.ics',
    {
      schema: {
        tags: [TAG],
        summary: 'The meeting as an iCalendar file (UTC times, UID stable, SEQUENCE from its version)',
        params: ApiParams,
        response: Ics,
      },
      config: { access: 'public', harness: { params: MEETING } },
    },
    async (request, reply) => {
      const detail = await meetingDetail(db, request.principal, request.params.id);
      const body = meetingCalendar(detail.meeting, {
        baseUrl,
        lang: request.lang,
        name: text(detail.meeting.title),
      });
      return reply.headers(calendarHeaders(`meeting-${detail.meeting.id}.ics`)).send(body);
    },
  );

  app.get(
    '/api/v1/meetings/:id/series.ics',
    {
      schema: {
        tags: [TAG],
        summary: 'The meeting’s whole series as one recurring iCalendar event (RRULE, with overrides)',
        params: ApiParams,
        response: Ics,
      },
      config: { access: 'public', harness: { params: MEETING } },
    },
    async (request, reply) => {
      const occurrences = await seriesFor(db, request.principal, request.params.id);
      const body = seriesCalendar(occurrences, {
        baseUrl,
        lang: request.lang,
        name: text(occurrences[0]?.title),
      });
      return reply.headers(calendarHeaders(`series-${request.params.id}.ics`)).send(body);
    },
  );

  app.get(
    '/api/v1/calendar-feeds/:token/meetings.ics',
    {
      schema: {
        tags: [TAG],
        summary:
          'A personal calendar feed (the secret URL made on /{lang}/meetings/calendar): the meetings its owner is invited to or of their networks',
        params: Type.Object({ token: Type.String({ maxLength: 100 }) }),
        response: Ics,
      },
      config: { access: 'public', harness: { params: { token: 'calendarFeedToken' } } },
    },
    async (request, reply) => {
      const feed = await feedMeetings(db, request.params.token, new Date(), (userId) =>
        principalOfUser(db, userId),
      );
      if (feed === null) throw new HttpProblem('not-found');
      const body = feedCalendar(feed.meetings, { baseUrl, lang: feed.principal.locale, name: 'Puente' });
      return reply
        .headers({ ...calendarHeaders('puente-meetings.ics'), 'cache-control': 'private, max-age=300' })
        .send(body);
    },
  );
}
