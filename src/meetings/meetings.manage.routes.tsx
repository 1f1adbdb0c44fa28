import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { UploadedFile, fileField, registerMultipartParser } from '../http/multipart.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { contentDisposition, formatSize, uploadBodyLimit } from '../practices/index.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import {
  addAgendaItem,
  attachDocument,
  deleteAgendaItem,
  deleteDocument,
  moveAgendaItem,
  readDocument,
  updateAgendaItem,
} from './meetings.agenda.ts';
import { managedMeeting } from './meetings.commands.ts';
import {
  AgendaItemEditPage,
  AgendaPage,
  AttendancePage,
  DocumentsPage,
  InvitationsPage,
} from './meetings.manage.views.tsx';
import { isUuid } from './meetings.model.ts';
import { invite, recordAttendance, removeAttendance, removeInvitation } from './meetings.participation.ts';
import { meetingDetail } from './meetings.queries.ts';
import * as repo from './meetings.repository.ts';
import { AgendaItemForm, AttendanceForm, InvitationForm, MoveForm } from './meetings.schemas.ts';

/**
 * The secretariat's pages of a meeting, each a page of its own without JavaScript: the agenda
 * (add, edit, delete, move up and down), documents (upload, download, delete), invitations and
 * attendance. Errors re-render the page with the message next to the field.
 */

type Values = Record<string, string | undefined>;
const id = Type.String({ maxLength: 200 });
const Params = Type.Object({ lang: LangParams.properties.lang, id });
const ItemParams = Type.Object({ lang: LangParams.properties.lang, id, itemId: id });
const MEETING = { id: 'networkMeeting' };

const duration = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? null : /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN;
const agendaInputOf = (values: Values) => ({
  title: values.title ?? '',
  description: values.description ?? null,
  presenter: values.presenter ?? null,
  durationMinutes: duration(values.durationMinutes),
});

export async function meetingsManageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, mailer } = app.deps;
  const baseUrl = config.baseUrl.replace(/\/$/, '');
  const limit = config.attachmentLimit;

  /** The meeting's details for its managers (404 unknown, 403 another network's). */
  async function managed(request: FastifyRequest<{ Params: { id: string } }>) {
    await managedMeeting(db, request.principal, request.params.id);
    return meetingDetail(db, request.principal, request.params.id);
  }
  const notice = (request: FastifyRequest, key: string | undefined) =>
    key && /^[a-z-]{1,20}$/.test(key) ? request.t('meetings.manage.notice', { notice: key }) : undefined;
  const back = (reply: FastifyReply, lang: string, meetingId: string, page: string, done: string) =>
    seeOther(reply, `/${lang}/meetings/${meetingId}/${page}?done=${done}`);
  const Done = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

  // ---- Agenda -------------------------------------------------------------------------------

  const renderAgenda = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { values?: Values; errors?: FieldError[]; notice?: string | undefined },
    status = 200,
  ) =>
    sendHtml(
      reply,
      <AgendaPage ctx={pageContext(request, reply)} detail={await managed(request)} {...extra} />,
      status,
    );

  app.get(
    `${L}/meetings/:id/agenda`,
    {
      schema: { params: Params, querystring: Done },
      config: { access: 'secretariat', harness: { params: MEETING } },
    },
    async (request, reply) => renderAgenda(request, reply, { notice: notice(request, request.query.done) }),
  );

  app.post(
    `${L}/meetings/:id/agenda`,
    {
      schema: { params: Params, body: AgendaItemForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { params: MEETING, body: { title: 'Welcome', durationMinutes: '10' } },
      },
    },
    async (request, reply) => {
      await managedMeeting(db, request.principal, request.params.id);
      const values = (request.body ?? {}) as Values;
      const errors = formErrors(request);
      if (errors) return renderAgenda(request, reply, { values, errors }, 400);
      const result = await addAgendaItem(
        db,
        request.principal!,
        request.params.id,
        agendaInputOf(values),
        request.t,
      );
      if (!result.ok) return renderAgenda(request, reply, { values, errors: result.errors }, 400);
      return back(reply, request.params.lang, request.params.id, 'agenda', 'added');
    },
  );

  async function agendaValues(meetingId: string, itemId: string): Promise<Values> {
    const meeting = (await repo.findMeeting(db, meetingId))!;
    const item = isUuid(itemId)
      ? (await repo.listAgenda(db, meetingId)).find((i) => i.id === itemId)
      : undefined;
    if (!item) throw new HttpProblem('not-found');
    const lang = meeting.originalLanguage as 'en';
    return {
      title: item.title[lang] ?? Object.values(item.title)[0] ?? '',
      description: item.description[lang] ?? '',
      presenter: item.presenter ?? '',
      durationMinutes: item.duration_minutes === null ? '' : String(item.duration_minutes),
    };
  }

  app.get(
    `${L}/meetings/:id/agenda/:itemId/edit`,
    { schema: { params: ItemParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      const meeting = await managedMeeting(db, request.principal, request.params.id);
      const values = await agendaValues(meeting.id, request.params.itemId);
      return sendHtml(
        reply,
        <AgendaItemEditPage
          ctx={pageContext(request, reply)}
          meeting={meeting}
          itemId={request.params.itemId}
          values={values}
        />,
      );
    },
  );

  app.post(
    `${L}/meetings/:id/agenda/:itemId/edit`,
    {
      schema: { params: ItemParams, body: AgendaItemForm },
      attachValidation: true,
      config: { access: 'secretariat', harness: { params: MEETING, body: { title: 'Welcome' } } },
    },
    async (request, reply) => {
      const meeting = await managedMeeting(db, request.principal, request.params.id);
      await agendaValues(meeting.id, request.params.itemId);
      const values = (request.body ?? {}) as Values;
      const render = (errors: FieldError[]) =>
        sendHtml(
          reply,
          <AgendaItemEditPage
            ctx={pageContext(request, reply)}
            meeting={meeting}
            itemId={request.params.itemId}
            values={values}
            errors={errors}
          />,
          400,
        );
      const errors = formErrors(request);
      if (errors) return render(errors);
      const result = await updateAgendaItem(
        db,
        request.principal!,
        meeting.id,
        request.params.itemId,
        agendaInputOf(values),
        request.t,
      );
      if (!result.ok) return render(result.errors);
      return back(reply, request.params.lang, meeting.id, 'agenda', 'saved');
    },
  );

  app.post(
    `${L}/meetings/:id/agenda/:itemId/delete`,
    { schema: { params: ItemParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      await deleteAgendaItem(db, request.principal!, request.params.id, request.params.itemId);
      return back(reply, request.params.lang, request.params.id, 'agenda', 'deleted');
    },
  );

  app.post(
    `${L}/meetings/:id/agenda/:itemId/move`,
    {
      schema: { params: ItemParams, body: MoveForm },
      attachValidation: true,
      config: { access: 'secretariat', harness: { params: MEETING, body: { direction: 'up' } } },
    },
    async (request, reply) => {
      const direction = request.body?.direction === 'down' ? 'down' : 'up';
      await moveAgendaItem(db, request.principal!, request.params.id, request.params.itemId, direction);
      return back(reply, request.params.lang, request.params.id, 'agenda', 'moved');
    },
  );

  // ---- Documents ----------------------------------------------------------------------------

  const renderDocuments = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { values?: Values; errors?: FieldError[]; notice?: string | undefined },
    status = 200,
  ) =>
    sendHtml(
      reply,
      <DocumentsPage
        ctx={pageContext(request, reply)}
        detail={await managed(request)}
        limit={formatSize(limit, request.t)}
        {...extra}
      />,
      status,
    );

  app.get(
    `${L}/meetings/:id/documents`,
    {
      schema: { params: Params, querystring: Done },
      config: { access: 'secretariat', harness: { params: MEETING } },
    },
    async (request, reply) =>
      renderDocuments(request, reply, { notice: notice(request, request.query.done) }),
  );

  app.get(
    `${L}/meetings/:id/documents/:itemId`,
    { schema: { params: ItemParams }, config: { access: 'public', harness: { params: MEETING } } },
    async (request, reply) => {
      const file = await readDocument(db, request.principal, request.params.id, request.params.itemId);
      const bytes = Buffer.from(file.data);
      return reply
        .type(file.media_type)
        .header('content-disposition', contentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .header('content-length', String(bytes.length))
        .send(bytes);
    },
  );

  app.post(
    `${L}/meetings/:id/documents/:itemId/delete`,
    { schema: { params: ItemParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      await deleteDocument(db, request.principal!, request.params.id, request.params.itemId);
      return back(reply, request.params.lang, request.params.id, 'documents', 'deleted');
    },
  );

  const FileField = fileField(
    'The document: PDF, an image, or an office document (docx, xlsx, pptx, odt, ods, odp), judged by its content.',
  );
  await app.register(async (child) => {
    registerMultipartParser(child);
    const scope = child.withTypeProvider<TypeBoxTypeProvider>();
    scope.post(
      `${L}/meetings/:id/documents`,
      {
        schema: {
          params: Params,
          body: Type.Object({
            title: Type.Optional(Type.String({ maxLength: 300 })),
            file: Type.Optional(FileField),
          }),
        },
        attachValidation: true,
        bodyLimit: uploadBodyLimit(limit),
        config: { access: 'secretariat', harness: { params: MEETING } },
      },
      async (request, reply) => {
        await managedMeeting(db, request.principal, request.params.id);
        const body = (request.body ?? {}) as { title?: unknown; file?: unknown };
        const values = { title: typeof body.title === 'string' ? body.title : undefined };
        const errors = formErrors(request);
        if (errors) return renderDocuments(request, reply, { values, errors }, 400);
        const file = body.file instanceof UploadedFile ? body.file : null;
        const result = await attachDocument(
          db,
          request.principal!,
          request.params.id,
          { title: values.title ?? '', file },
          limit,
          request.t,
        );
        if (!result.ok)
          return renderDocuments(
            request,
            reply,
            { values, errors: result.errors },
            file && file.size > limit ? 413 : 400,
          );
        return back(reply, request.params.lang, request.params.id, 'documents', 'uploaded');
      },
    );
    scope.post(
      '/api/v1/meetings/:id/documents',
      {
        bodyLimit: uploadBodyLimit(limit),
        schema: {
          tags: ['Meetings'],
          summary:
            'Attach a document to a meeting (multipart/form-data: the file in the part "file", a "title"); the network’s secretariat',
          security: [{ bearer: [] }],
          consumes: ['multipart/form-data'],
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          body: Type.Object({
            title: Type.Optional(Type.String({ maxLength: 300 })),
            file: Type.Optional(FileField),
          }),
          response: {
            201: Type.Object({
              id: Type.String({ format: 'uuid' }),
              fileName: Type.String(),
              mediaType: Type.String(),
            }),
          },
        },
        config: { access: 'secretariat', harness: { params: MEETING, body: {} } },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as { title?: unknown; file?: unknown };
        const file = body.file instanceof UploadedFile ? body.file : null;
        const title = typeof body.title === 'string' ? body.title : '';
        const result = await attachDocument(
          db,
          request.principal!,
          request.params.id,
          { title, file },
          limit,
          request.t,
        );
        if (!result.ok)
          throw new HttpProblem(file && file.size > limit ? 'too-large' : 'validation', result.errors);
        return reply.code(201).send(result.value);
      },
    );
  });

  // ---- Invitations --------------------------------------------------------------------------

  const renderInvitations = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { values?: Values; errors?: FieldError[]; notice?: string | undefined },
    status = 200,
  ) =>
    sendHtml(
      reply,
      <InvitationsPage ctx={pageContext(request, reply)} detail={await managed(request)} {...extra} />,
      status,
    );

  app.get(
    `${L}/meetings/:id/invitations`,
    {
      schema: { params: Params, querystring: Done },
      config: { access: 'secretariat', harness: { params: MEETING } },
    },
    async (request, reply) =>
      renderInvitations(request, reply, { notice: notice(request, request.query.done) }),
  );

  app.post(
    `${L}/meetings/:id/invitations`,
    {
      schema: { params: Params, body: InvitationForm },
      attachValidation: true,
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
      await managedMeeting(db, request.principal, request.params.id);
      const values = (request.body ?? {}) as Values;
      const errors = formErrors(request);
      if (errors) return renderInvitations(request, reply, { values, errors }, 400);
      const result = await invite(
        db,
        {
          mailer,
          baseUrl,
          onMailError: (error) => request.log.error({ err: error }, 'meeting invitation not delivered'),
        },
        request.principal!,
        request.params.id,
        {
          ...(values.organisationId ? { organisationId: values.organisationId } : {}),
          ...(values.email ? { email: values.email } : {}),
          ...(values.role ? { role: values.role as 'participant' } : {}),
        },
        request.t,
      );
      if (!result.ok) return renderInvitations(request, reply, { values, errors: result.errors }, 400);
      return back(reply, request.params.lang, request.params.id, 'invitations', 'invited');
    },
  );

  app.post(
    `${L}/meetings/:id/invitations/:itemId/delete`,
    { schema: { params: ItemParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      await removeInvitation(db, request.principal!, request.params.id, request.params.itemId);
      return back(reply, request.params.lang, request.params.id, 'invitations', 'removed');
    },
  );

  // ---- Attendance ---------------------------------------------------------------------------

  const renderAttendance = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: { values?: Values; errors?: FieldError[]; notice?: string | undefined },
    status = 200,
  ) => {
    const detail = await managed(request);
    const people = (await repo.invitedPeople(db, detail.meeting.id)).map((p) => ({
      id: p.user_id,
      name: p.name,
    }));
    return sendHtml(
      reply,
      <AttendancePage ctx={pageContext(request, reply)} detail={detail} people={people} {...extra} />,
      status,
    );
  };

  app.get(
    `${L}/meetings/:id/attendance`,
    {
      schema: { params: Params, querystring: Done },
      config: { access: 'secretariat', harness: { params: MEETING } },
    },
    async (request, reply) =>
      renderAttendance(request, reply, { notice: notice(request, request.query.done) }),
  );

  app.post(
    `${L}/meetings/:id/attendance`,
    {
      schema: { params: Params, body: AttendanceForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { params: MEETING, body: { name: 'A guest', role: 'observer' } },
      },
    },
    async (request, reply) => {
      await managedMeeting(db, request.principal, request.params.id);
      const values = (request.body ?? {}) as Values;
      const errors = formErrors(request);
      if (errors) return renderAttendance(request, reply, { values, errors }, 400);
      const result = await recordAttendance(
        db,
        request.principal!,
        request.params.id,
        {
          ...(values.userId ? { userId: values.userId } : {}),
          ...(values.organisationId ? { organisationId: values.organisationId } : {}),
          ...(values.name ? { name: values.name } : {}),
          ...(values.role ? { role: values.role as 'participant' } : {}),
        },
        request.t,
      );
      if (!result.ok) return renderAttendance(request, reply, { values, errors: result.errors }, 400);
      return back(reply, request.params.lang, request.params.id, 'attendance', 'recorded');
    },
  );

  app.post(
    `${L}/meetings/:id/attendance/:itemId/delete`,
    { schema: { params: ItemParams }, config: { access: 'secretariat', harness: { params: MEETING } } },
    async (request, reply) => {
      await removeAttendance(db, request.principal!, request.params.id, request.params.itemId);
      return back(reply, request.params.lang, request.params.id, 'attendance', 'removed');
    },
  );
}
