import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, safeLocalPath, seeOther } from '../web/routes.ts';
import {
  type MeetingResult,
  cancelMeeting,
  createMeeting,
  managedMeeting,
  saveTimeZone,
  updateMeeting,
} from './meetings.commands.ts';
import { CancelMeetingPage, MeetingFormPage, formValuesOf } from './meetings.form.views.tsx';
import { meetingsApiRoutes } from './meetings.api.routes.ts';
import { meetingsManageRoutes } from './meetings.manage.routes.tsx';
import { CalendarFeedPage } from './meetings.manage.views.tsx';
import type { Meeting } from './meetings.model.ts';
import {
  type MailDeps,
  answerInvitation,
  assertCanAnswer,
  tellCancellation,
} from './meetings.participation.ts';
import {
  calendarFeedCreatedAt,
  listVisibleMeetings,
  meetingDetail,
  readFilters,
  resetCalendarFeed,
  viewerTimeZone,
} from './meetings.queries.ts';
import { meetingRecordSection } from './meetings.record.section.tsx';
import * as repo from './meetings.repository.ts';
import {
  type MeetingForm as MeetingFormValues,
  MeetingFilters,
  MeetingForm,
  RsvpForm,
  TimeZoneForm,
  VersionForm,
  ViewQuery,
} from './meetings.schemas.ts';
import type { CreateMeetingInput, UpdateMeetingInput } from './meetings.schemas.ts';
import { MeetingListPage, type MeetingNotice, MeetingPage } from './meetings.views.tsx';

const PageParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const MEETING = { id: 'networkMeeting' };
const NOTICES: readonly MeetingNotice[] = ['created', 'updated', 'cancelled', 'answered', 'zone-saved'];
export const VALID_MEETING_FORM = {
  kind: 'teleconference',
  language: 'en',
  title: 'Bimonthly call',
  timeZone: 'America/Mexico_City',
  startsAt: '2030-03-10T10:00',
  endsAt: '2030-03-10T11:30',
  version: '1',
};

/** An optional whole number from a form field: empty is absent, anything else not a number is NaN (refused by the command). */
const numberOf = (value: string | undefined) =>
  value === undefined || value.trim() === ''
    ? undefined
    : /^\d{1,6}$/.test(value.trim())
      ? Number(value)
      : NaN;

function fieldsOf(values: MeetingFormValues): Omit<UpdateMeetingInput, 'version'> {
  return {
    kind: (values.kind ?? '') as UpdateMeetingInput['kind'],
    language: values.language ?? '',
    title: values.title ?? '',
    description: values.description ?? null,
    timeZone: values.timeZone ?? '',
    startsAt: values.startsAt ?? '',
    endsAt: values.endsAt ?? '',
    place: values.place ?? null,
    onlineUrl: values.onlineUrl ?? null,
    ...(values.visibility ? { visibility: values.visibility as 'public' } : {}),
  };
}

export function createInputOf(values: MeetingFormValues): CreateMeetingInput {
  const interval = numberOf(values.interval);
  const count = numberOf(values.count);
  return {
    networkId: values.networkId ?? '',
    ...fieldsOf(values),
    frequency: (values.frequency || 'none') as 'none',
    ...(interval !== undefined ? { interval } : {}),
    count: count ?? null,
    until: values.until?.trim() ? values.until.trim() : null,
  };
}

/** Meetings: list, page, form, RSVP, time zone, calendar feed page; the rest in the manage and API routes. */
export async function meetingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  const mailDeps = (request: FastifyRequest): MailDeps => ({
    mailer: app.deps.mailer,
    baseUrl: app.deps.config.baseUrl.replace(/\/$/, ''),
    onMailError: (error) => request.log.error({ err: error }, 'meeting mail not delivered'),
  });

  async function networksFor(request: FastifyRequest) {
    const all = await repo.listNetworkChoices(db);
    return all.filter((n) => isSecretariat(request.principal, n.id));
  }

  app.get(
    `${L}/meetings`,
    { schema: { params: LangParams, querystring: MeetingFilters }, config: { access: 'public' } },
    async (request, reply) => {
      const filters = await readFilters(db, request.query);
      const viewer = await viewerTimeZone(db, request.principal, request.query.tz, request.t);
      const list = await listVisibleMeetings(db, request.principal, filters, new Date());
      return sendHtml(
        reply,
        <MeetingListPage
          ctx={pageContext(request, reply)}
          {...list}
          filters={filters}
          networks={await repo.listNetworkChoices(db)}
          viewer={viewer}
          canCreate={isSecretariat(request.principal)}
        />,
        viewer.error ? 400 : 200,
      );
    },
  );

  // ---- New, edit, cancel --------------------------------------------------------------------

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    props: {
      mode: 'new' | 'edit';
      meetingId?: string;
      values: MeetingFormValues;
      errors?: FieldError[];
      conflict?: Meeting;
    },
    status = 200,
  ) =>
    sendHtml(
      reply,
      <MeetingFormPage ctx={pageContext(request, reply)} networks={await networksFor(request)} {...props} />,
      status,
    );

  app.get(
    `${L}/meetings/new`,
    { schema: { params: LangParams }, config: { access: 'secretariat' } },
    async (request, reply) =>
      renderForm(request, reply, {
        mode: 'new',
        values: {
          language: request.lang,
          timeZone: 'UTC',
          visibility: 'network',
          frequency: 'none',
          interval: '1',
        },
      }),
  );

  app.post(
    `${L}/meetings`,
    {
      schema: { params: LangParams, body: MeetingForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { body: VALID_MEETING_FORM, bodyParams: { networkId: 'meetingNetworkId' } },
      },
    },
    async (request, reply) => {
      const values = (request.body ?? {}) as MeetingFormValues;
      const errors = formErrors(request);
      if (errors) return renderForm(request, reply, { mode: 'new', values, errors }, 400);
      const result = await createMeeting(db, request.principal!, createInputOf(values), request.t);
      if (!result.ok) return renderForm(request, reply, { mode: 'new', values, errors: result.errors }, 400);
      return seeOther(reply, `/${request.params.lang}/meetings/${result.value.id}?done=created`);
    },
  );

  app.get(
    `${L}/meetings/:id/edit`,
    { schema: { params: PageParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      const meeting = await managedMeeting(db, request.principal, request.params.id);
      return renderForm(request, reply, {
        mode: 'edit',
        meetingId: meeting.id,
        values: formValuesOf(meeting),
      });
    },
  );

  const conflictOrErrors = <T,>(result: MeetingResult<T>) =>
    !result.ok
      ? { errors: result.errors, conflict: 'conflict' in result ? result.conflict : undefined }
      : null;

  app.post(
    `${L}/meetings/:id/edit`,
    {
      schema: { params: PageParams, body: MeetingForm },
      attachValidation: true,
      config: { access: 'secretariat', harness: { params: MEETING, body: VALID_MEETING_FORM } },
    },
    async (request, reply) => {
      const meeting = await managedMeeting(db, request.principal, request.params.id);
      const values = (request.body ?? {}) as MeetingFormValues;
      const render = (errors: FieldError[], conflict: Meeting | undefined, status: number) =>
        renderForm(
          request,
          reply,
          { mode: 'edit', meetingId: meeting.id, values, errors, ...(conflict ? { conflict } : {}) },
          status,
        );
      const errors = formErrors(request);
      if (errors) return render(errors, undefined, 400);
      const version = numberOf(values.version) ?? 0;
      const result = await updateMeeting(
        db,
        request.principal!,
        meeting.id,
        { ...fieldsOf(values), version: Number.isNaN(version) ? 0 : version },
        request.t,
      );
      const failure = conflictOrErrors(result);
      if (failure) {
        // Reloading the form shows the saved values; the version field carries the latest, so saving again overwrites knowingly.
        if (failure.conflict) values.version = String(failure.conflict.version);
        return render(failure.errors, failure.conflict, failure.conflict ? 409 : 400);
      }
      return seeOther(reply, `/${request.params.lang}/meetings/${meeting.id}?done=updated`);
    },
  );

  app.get(
    `${L}/meetings/:id/cancel`,
    { schema: { params: PageParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      const meeting = await managedMeeting(db, request.principal, request.params.id);
      return sendHtml(reply, <CancelMeetingPage ctx={pageContext(request, reply)} meeting={meeting} />);
    },
  );

  app.post(
    `${L}/meetings/:id/cancel`,
    {
      schema: { params: PageParams, body: VersionForm },
      attachValidation: true,
      config: { access: 'secretariat', harness: { params: MEETING, body: { version: '1' } } },
    },
    async (request, reply) => {
      const meeting = await managedMeeting(db, request.principal, request.params.id);
      const version = numberOf(request.body?.version) ?? 0;
      const result = await cancelMeeting(
        db,
        request.principal!,
        meeting.id,
        Number.isNaN(version) ? 0 : version,
        request.t,
      );
      if (!result.ok) {
        const latest = 'conflict' in result ? result.conflict : meeting;
        return sendHtml(
          reply,
          <CancelMeetingPage ctx={pageContext(request, reply)} meeting={latest} conflict />,
          409,
        );
      }
      if (meeting.status === 'scheduled') await tellCancellation(db, mailDeps(request), meeting.id);
      return seeOther(reply, `/${request.params.lang}/meetings/${meeting.id}?done=cancelled`);
    },
  );

  // ---- Time zone and calendar feed ----------------------------------------------------------

  app.post(
    `${L}/meetings/time-zone`,
    {
      schema: { params: LangParams, body: TimeZoneForm },
      attachValidation: true,
      config: {
        access: 'signed-in',
        harness: { body: { timeZone: 'Europe/Paris', returnTo: '/en/meetings' } },
      },
    },
    async (request, reply) => {
      const returnTo = safeLocalPath(request.body?.returnTo, `/${request.params.lang}/meetings`);
      const zone = request.body?.timeZone ?? '';
      const result = formErrors(request) ? null : await saveTimeZone(db, request.principal!, zone, request.t);
      if (result?.ok) {
        const separator = returnTo.includes('?') ? '&' : '?';
        return seeOther(reply, `${returnTo}${separator}done=zone-saved`);
      }
      throw new HttpProblem('validation', [
        { field: 'timeZone', message: request.t('meetings.error.timeZone', { zone: zone.slice(0, 64) }) },
      ]);
    },
  );

  app.get(
    `${L}/meetings/calendar`,
    { schema: { params: LangParams }, config: { access: 'signed-in' } },
    async (request, reply) =>
      sendHtml(
        reply,
        <CalendarFeedPage
          ctx={pageContext(request, reply)}
          createdAt={await calendarFeedCreatedAt(db, request.principal!)}
          feedUrl={null}
        />,
      ),
  );

  app.post(
    `${L}/meetings/calendar`,
    { schema: { params: LangParams }, config: { access: 'signed-in' } },
    async (request, reply) => {
      const token = await resetCalendarFeed(db, request.principal!);
      const url = `${app.deps.config.baseUrl.replace(/\/$/, '')}/api/v1/calendar-feeds/${token}/meetings.ics`;
      // Shown once, on this answer only: the database keeps the token's hash.
      return sendHtml(
        reply,
        <CalendarFeedPage ctx={pageContext(request, reply)} createdAt={new Date()} feedUrl={url} />,
      );
    },
  );

  // ---- A meeting's page and answers ---------------------------------------------------------

  async function renderMeeting(
    request: FastifyRequest<{
      Params: { id: string };
      Querystring: { tz?: string | undefined; done?: string | undefined };
    }>,
    reply: FastifyReply,
    extra: {
      rsvpValues?: { response?: string | undefined; comment?: string | undefined };
      errors?: FieldError[];
    } = {},
    status = 200,
  ) {
    const detail = await meetingDetail(db, request.principal, request.params.id);
    const viewer = await viewerTimeZone(db, request.principal, request.query?.tz, request.t);
    const done = request.query?.done as MeetingNotice | undefined;
    return sendHtml(
      reply,
      <MeetingPage
        ctx={pageContext(request, reply)}
        detail={detail}
        viewer={viewer}
        record={await meetingRecordSection(db, request, detail.meeting)}
        notice={done && NOTICES.includes(done) ? done : undefined}
        {...extra}
      />,
      viewer.error && status === 200 ? 400 : status,
    );
  }

  app.get(
    `${L}/meetings/:id`,
    {
      schema: { params: PageParams, querystring: ViewQuery },
      config: { access: 'public', harness: { params: MEETING } },
    },
    async (request, reply) => renderMeeting(request, reply),
  );

  app.post(
    `${L}/meetings/:id/rsvp`,
    {
      schema: { params: PageParams, body: RsvpForm },
      attachValidation: true,
      config: {
        access: 'signed-in',
        harness: { params: { id: 'meetingInvitingCaller' }, body: { response: 'yes' } },
      },
    },
    async (request, reply) => {
      const values = { response: request.body?.response, comment: request.body?.comment };
      await assertCanAnswer(db, request.principal!, request.params.id, request.t);
      const errors = formErrors(request);
      if (errors) return renderMeeting(request as never, reply, { rsvpValues: values, errors }, 400);
      const result = await answerInvitation(
        db,
        request.principal!,
        request.params.id,
        { response: (values.response ?? '') as 'yes', comment: values.comment ?? null },
        request.t,
      );
      if (!result.ok)
        return renderMeeting(request as never, reply, { rsvpValues: values, errors: result.errors }, 400);
      return seeOther(reply, `/${request.params.lang}/meetings/${request.params.id}?done=answered#rsvp`);
    },
  );

  await meetingsManageRoutes(fastify);
  await meetingsApiRoutes(fastify);
}
