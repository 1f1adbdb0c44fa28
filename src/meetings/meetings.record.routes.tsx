import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { isLang, type Lang } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import {
  type MeetingForRecordAccess,
  canWriteRecord,
  findMeetingForRecord,
  ownsActionItem,
} from './meetings.record.access.ts';
import {
  type RecordOutcome,
  addDecision,
  createActionItem,
  editDecision,
  parseOwner,
  removeDecision,
  saveMinutes,
  updateActionItem,
} from './meetings.record.commands.ts';
import { listDecisions, listMinutes, ownerChoices, readableMinutes } from './meetings.record.queries.ts';
import {
  ActionForm,
  ActionStatusForm,
  DecisionForm,
  DecisionPageParams,
  MeetingPageParams,
  MinutesForm,
  MinutesPageParams,
  NoticeQuery,
} from './meetings.record.schemas.ts';
import { DecisionsPage, MinutesEditPage, MinutesPage, NewActionPage } from './meetings.record.views.tsx';
import { actionItemsFor, findActionItem, type ActionItemView } from './meetings.actions.queries.ts';
import { ActionItemPage, MyActionsPage } from './meetings.actions.views.tsx';
import { meetingsRecordApiRoutes } from './meetings.record.api.routes.ts';
import { actionItemOr404, meetingOr404, meetingToWriteOr403 } from './meetings.record.guards.ts';

/** A network meeting, made fresh for each call; one shared per network (its decisions); a public one with approved English minutes. */
const MEETING = { id: 'recordMeeting' };
const SHARED = { id: 'recordSharedMeeting' };
const PUBLIC_MINUTES = { id: 'recordPublicMeeting', language: 'recordLanguage' };
const MINUTES = { id: 'recordMeeting', language: 'recordLanguage' };
const DECISION = { id: 'recordSharedMeeting', decisionId: 'recordDecision' };
/** An action item owned by the owning organisation; one owned by the caller. */
const ACTION = { id: 'recordAction' };
const CALLERS_ACTION = { id: 'recordActionOfCaller' };

const text = (body: unknown, field: string): string | undefined => {
  const value = (body as Record<string, unknown> | null | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
};
const versionOf = (value: string | undefined) => (/^\d{1,9}$/.test(value ?? '') ? Number(value) : -1);

function refusal(outcome: Extract<RecordOutcome<unknown>, { ok: false }>): HttpProblem | null {
  if (outcome.problem === 'forbidden' || outcome.problem === 'not-found')
    return new HttpProblem(outcome.problem);
  return null;
}

/** What a meeting leaves: minutes per language, decisions, action items (pages; the API beside). */
export async function meetingsRecordRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  // ---- Minutes -----------------------------------------------------------------------------

  app.get(
    `${L}/meetings/:id/minutes/:language`,
    {
      schema: { params: MinutesPageParams, querystring: NoticeQuery },
      config: { access: 'public', harness: { params: PUBLIC_MINUTES } },
    },
    async (request, reply) => {
      const meeting = await meetingOr404(db, request.principal, request.params.id);
      const canWrite = canWriteRecord(request.principal, meeting);
      const all = readableMinutes(await listMinutes(db, meeting.id), canWrite);
      const minutes = all.find((m) => m.language === request.params.language);
      if (!minutes) throw new HttpProblem('not-found');
      return sendHtml(
        reply,
        <MinutesPage
          ctx={pageContext(request, reply)}
          meeting={meeting}
          minutes={minutes}
          all={all}
          canWrite={canWrite}
          notice={request.query.done === 'saved'}
        />,
      );
    },
  );

  async function renderMinutesEditor(
    request: FastifyRequest<{ Params: { id: string; language: string } }>,
    reply: FastifyReply,
    meeting: MeetingForRecordAccess,
    extra: { values?: Record<string, string | undefined>; errors?: FieldError[]; conflict?: boolean } = {},
    status = 200,
  ) {
    const language = request.params.language as Lang;
    const current = (await listMinutes(db, meeting.id)).find((m) => m.language === language) ?? null;
    return sendHtml(
      reply,
      <MinutesEditPage
        ctx={pageContext(request, reply)}
        meeting={meeting}
        language={language}
        current={current}
        values={extra.values ?? {}}
        errors={extra.errors}
        conflict={extra.conflict ?? false}
      />,
      status,
    );
  }

  app.get(
    `${L}/meetings/:id/minutes/:language/edit`,
    {
      schema: { params: MinutesPageParams },
      config: { access: 'secretariat', harness: { params: MINUTES } },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      if (!isLang(request.params.language)) throw new HttpProblem('not-found');
      return renderMinutesEditor(request, reply, meeting);
    },
  );

  app.post(
    `${L}/meetings/:id/minutes/:language`,
    {
      schema: { params: MinutesPageParams, body: MinutesForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { params: MINUTES, body: { body: 'Minutes of the call.', status: 'draft', version: '0' } },
      },
    },
    async (request, reply) => {
      const { id, lang, language } = request.params;
      const meeting = await meetingToWriteOr403(db, request.principal, id);
      const values = { body: text(request.body, 'body'), status: text(request.body, 'status') };
      if (!isLang(language))
        throw new HttpProblem('validation', [
          { field: 'language', message: request.t('meetingsRecord.error.language') },
        ]);
      const invalid = formErrors(request);
      if (invalid) return renderMinutesEditor(request, reply, meeting, { values, errors: invalid }, 400);
      const result = await saveMinutes(
        db,
        request.principal!,
        meeting.id,
        language,
        {
          body: values.body ?? '',
          status: values.status ?? '',
          version: versionOf(text(request.body, 'version')),
        },
        request.t,
      );
      if (!result.ok) {
        const problem = refusal(result);
        if (problem) throw problem;
        const conflict = result.problem === 'conflict';
        return renderMinutesEditor(
          request,
          reply,
          meeting,
          { values, errors: result.errors, conflict },
          conflict ? 409 : 400,
        );
      }
      return seeOther(reply, `/${lang}/meetings/${meeting.id}/minutes/${language}?done=saved`);
    },
  );

  // ---- Decisions ---------------------------------------------------------------------------

  async function renderDecisions(
    request: FastifyRequest,
    reply: FastifyReply,
    meeting: MeetingForRecordAccess,
    extra: Omit<Parameters<typeof DecisionsPage>[0], 'ctx' | 'meeting' | 'decisions'> = {},
    status = 200,
  ) {
    const decisions = await listDecisions(db, meeting.id);
    return sendHtml(
      reply,
      <DecisionsPage ctx={pageContext(request, reply)} meeting={meeting} decisions={decisions} {...extra} />,
      status,
    );
  }

  app.get(
    `${L}/meetings/:id/decisions`,
    {
      schema: {
        params: MeetingPageParams,
        querystring: Type.Object({
          edit: Type.Optional(Type.String({ maxLength: 100 })),
          done: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      },
      config: { access: 'secretariat', harness: { params: SHARED } },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const decisions = await listDecisions(db, meeting.id);
      const editing = decisions.find((d) => d.id === request.query.edit);
      const done = request.query.done;
      return renderDecisions(request, reply, meeting, {
        editing,
        notice: done === 'added' || done === 'edited' || done === 'removed' ? done : undefined,
      });
    },
  );

  app.post(
    `${L}/meetings/:id/decisions`,
    {
      schema: { params: MeetingPageParams, body: DecisionForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { params: SHARED, body: { text: 'The network adopts its work plan.', language: 'en' } },
      },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const values = { text: text(request.body, 'text'), language: text(request.body, 'language') };
      const invalid = formErrors(request);
      if (invalid) return renderDecisions(request, reply, meeting, { values, errors: invalid }, 400);
      const result = await addDecision(
        db,
        request.principal!,
        meeting.id,
        { text: values.text ?? '', language: values.language ?? '' },
        request.t,
      );
      if (!result.ok) {
        const problem = refusal(result);
        if (problem) throw problem;
        return renderDecisions(request, reply, meeting, { values, errors: result.errors }, 400);
      }
      return seeOther(reply, `/${request.params.lang}/meetings/${meeting.id}/decisions?done=added`);
    },
  );

  app.post(
    `${L}/meetings/:id/decisions/:decisionId`,
    {
      schema: { params: DecisionPageParams, body: DecisionForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: { params: DECISION, body: { text: 'La red adopta su plan de trabajo.', language: 'es' } },
      },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const editing = (await listDecisions(db, meeting.id)).find((d) => d.id === request.params.decisionId);
      if (!editing) throw new HttpProblem('not-found');
      const values = { text: text(request.body, 'text'), language: text(request.body, 'language') };
      const invalid = formErrors(request);
      if (invalid) return renderDecisions(request, reply, meeting, { editing, values, errors: invalid }, 400);
      const result = await editDecision(
        db,
        request.principal!,
        meeting.id,
        editing.id,
        { text: values.text ?? '', language: values.language ?? '' },
        request.t,
      );
      if (!result.ok) {
        const problem = refusal(result);
        if (problem) throw problem;
        return renderDecisions(request, reply, meeting, { editing, values, errors: result.errors }, 400);
      }
      return seeOther(reply, `/${request.params.lang}/meetings/${meeting.id}/decisions?done=edited`);
    },
  );

  app.post(
    `${L}/meetings/:id/decisions/:decisionId/delete`,
    {
      schema: { params: DecisionPageParams },
      config: { access: 'secretariat', harness: { params: DECISION } },
    },
    async (request, reply) => {
      const result = await removeDecision(
        db,
        request.principal!,
        request.params.id,
        request.params.decisionId,
      );
      if (!result.ok) throw refusal(result) ?? new HttpProblem('validation', result.errors);
      return seeOther(reply, `/${request.params.lang}/meetings/${request.params.id}/decisions?done=removed`);
    },
  );

  // ---- Action items of a meeting --------------------------------------------------------------

  async function renderNewAction(
    request: FastifyRequest,
    reply: FastifyReply,
    meeting: MeetingForRecordAccess,
    values: Record<string, string | undefined> = {},
    errors?: FieldError[],
  ) {
    return sendHtml(
      reply,
      <NewActionPage
        ctx={pageContext(request, reply)}
        meeting={meeting}
        choices={await ownerChoices(db, meeting.networkId)}
        decisions={await listDecisions(db, meeting.id)}
        values={values}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/meetings/:id/actions/new`,
    {
      schema: { params: MeetingPageParams },
      config: { access: 'secretariat', harness: { params: MEETING } },
    },
    async (request, reply) =>
      renderNewAction(request, reply, await meetingToWriteOr403(db, request.principal, request.params.id)),
  );

  const actionValues = (body: unknown) => ({
    title: text(body, 'title'),
    language: text(body, 'language'),
    owner: text(body, 'owner'),
    dueOn: text(body, 'dueOn'),
    status: text(body, 'status'),
    note: text(body, 'note'),
    decisionId: text(body, 'decisionId'),
  });
  const actionInput = (values: ReturnType<typeof actionValues>) => ({
    title: values.title ?? '',
    language: values.language || undefined,
    ...parseOwner(values.owner),
    dueOn: values.dueOn ?? '',
    status: values.status || undefined,
    note: values.note || null,
    decisionId: values.decisionId || null,
  });

  app.post(
    `${L}/meetings/:id/actions`,
    {
      schema: { params: MeetingPageParams, body: ActionForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: MEETING,
          body: { title: 'Send the work plan to the members', dueOn: '2030-01-31' },
          bodyParams: { owner: 'recordOwnerChoice' },
        },
      },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const values = actionValues(request.body);
      const invalid = formErrors(request);
      if (invalid) return renderNewAction(request, reply, meeting, values, invalid);
      const result = await createActionItem(
        db,
        request.principal!,
        meeting.id,
        actionInput(values),
        request.t,
      );
      if (!result.ok) {
        const problem = refusal(result);
        if (problem) throw problem;
        return renderNewAction(request, reply, meeting, values, result.errors);
      }
      return seeOther(reply, `/${request.params.lang}/actions/${result.value.id}?done=created`);
    },
  );

  // ---- My action items, and one action item ------------------------------------------------------

  app.get(
    `${L}/actions`,
    {
      schema: {
        params: LangParams,
        querystring: Type.Object({ includeDone: Type.Optional(Type.Boolean()) }),
      },
      config: { access: 'signed-in' },
    },
    async (request, reply) => {
      const includeDone = request.query.includeDone === true;
      const items = await actionItemsFor(db, request.principal!, { includeDone });
      return sendHtml(
        reply,
        <MyActionsPage
          ctx={pageContext(request, reply)}
          items={items}
          includeDone={includeDone}
          now={new Date()}
        />,
      );
    },
  );

  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    item: ActionItemView,
    extra: Partial<Parameters<typeof ActionItemPage>[0]> = {},
    status = 200,
  ) {
    const principal = request.principal;
    const meeting = await findMeetingForRecord(db, principal, item.meetingId);
    const canEdit = typeof meeting !== 'string' && canWriteRecord(principal, meeting);
    const decisions = await listDecisions(db, item.meetingId);
    return sendHtml(
      reply,
      <ActionItemPage
        ctx={pageContext(request, reply)}
        item={item}
        decision={decisions.find((d) => d.id === item.decisionId) ?? null}
        canUpdateStatus={ownsActionItem(principal, item) || canEdit}
        canEdit={canEdit}
        choices={canEdit ? await ownerChoices(db, item.networkId) : []}
        decisions={decisions}
        now={new Date()}
        {...extra}
      />,
      status,
    );
  }

  app.get(
    `${L}/actions/:id`,
    {
      schema: { params: MeetingPageParams, querystring: NoticeQuery },
      config: { access: 'member', harness: { params: ACTION } },
    },
    async (request, reply) => {
      const item = await actionItemOr404(db, request.principal, request.params.id);
      const done = request.query.done;
      return renderAction(request, reply, item, {
        notice: done === 'created' || done === 'updated' ? done : undefined,
      });
    },
  );

  app.post(
    `${L}/actions/:id/status`,
    {
      schema: { params: MeetingPageParams, body: ActionStatusForm },
      attachValidation: true,
      config: {
        access: 'signed-in',
        harness: {
          params: CALLERS_ACTION,
          body: { status: 'in-progress', note: 'Draft shared.', version: '1' },
        },
      },
    },
    async (request, reply) => {
      const item = await actionItemOr404(db, request.principal, request.params.id);
      const statusValues = { status: text(request.body, 'status'), note: text(request.body, 'note') };
      const invalid = formErrors(request);
      if (invalid)
        return renderAction(
          request,
          reply,
          item,
          { statusValues, errors: invalid, failedForm: 'status' },
          400,
        );
      const version = versionOf(text(request.body, 'version'));
      const result = await updateActionItem(
        db,
        request.principal!,
        item.id,
        {
          status: statusValues.status ?? '',
          note: statusValues.note ?? null,
          version: version >= 0 ? version : undefined,
        },
        request.t,
      );
      if (!result.ok) {
        const problem = refusal(result);
        if (problem) throw problem;
        const conflict = result.problem === 'conflict';
        const fresh = (await findActionItem(db, item.id)) ?? item;
        return renderAction(
          request,
          reply,
          fresh,
          { statusValues, errors: result.errors, failedForm: 'status', conflict },
          conflict ? 409 : 400,
        );
      }
      return seeOther(reply, `/${request.params.lang}/actions/${item.id}?done=updated`);
    },
  );

  app.post(
    `${L}/actions/:id`,
    {
      schema: { params: MeetingPageParams, body: ActionForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: ACTION,
          body: { title: 'Send the revised plan', dueOn: '2030-02-28', status: 'open' },
        },
      },
    },
    async (request, reply) => {
      const item = await actionItemOr404(db, request.principal, request.params.id);
      const meeting = await meetingOr404(db, request.principal, item.meetingId);
      if (!canWriteRecord(request.principal, meeting)) throw new HttpProblem('forbidden');
      const editValues = actionValues(request.body);
      const invalid = formErrors(request);
      if (invalid)
        return renderAction(request, reply, item, { editValues, errors: invalid, failedForm: 'edit' }, 400);
      const input = actionInput(editValues);
      const version = versionOf(text(request.body, 'version'));
      const result = await updateActionItem(
        db,
        request.principal!,
        item.id,
        {
          title: input.title,
          language: input.language,
          ...(editValues.owner !== undefined
            ? {
                ownerUserId: input.ownerUserId ?? null,
                ownerOrganisationId: input.ownerOrganisationId ?? null,
              }
            : {}),
          dueOn: input.dueOn,
          status: input.status,
          note: input.note,
          decisionId: input.decisionId,
          version: version >= 0 ? version : undefined,
        },
        request.t,
      );
      if (!result.ok) {
        const problem = refusal(result);
        if (problem) throw problem;
        const conflict = result.problem === 'conflict';
        const fresh = (await findActionItem(db, item.id)) ?? item;
        return renderAction(
          request,
          reply,
          fresh,
          { editValues, errors: result.errors, failedForm: 'edit', conflict },
          conflict ? 409 : 400,
        );
      }
      return seeOther(reply, `/${request.params.lang}/actions/${item.id}?done=updated`);
    },
  );

  await meetingsRecordApiRoutes(app);
}
