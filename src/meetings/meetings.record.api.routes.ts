import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { canWriteRecord, isMemberOfNetwork } from './meetings.record.access.ts';
import {
  type RecordOutcome,
  addDecision,
  createActionItem,
  editDecision,
  removeDecision,
  saveMinutes,
  updateActionItem,
} from './meetings.record.commands.ts';
import {
  type DecisionView,
  type MinutesView,
  listDecisions,
  listMinutes,
  readableMinutes,
} from './meetings.record.queries.ts';
import {
  ActionApi,
  ActionApiParams,
  ActionInput,
  ActionPatch,
  DecisionApi,
  DecisionApiParams,
  DecisionInput,
  MeetingApiParams,
  MinutesApi,
  MinutesApiParams,
  MinutesInput,
  MyActionsQuery,
} from './meetings.record.schemas.ts';
import {
  actionItemsFor,
  actionToApi,
  findActionItem,
  meetingActionItems,
} from './meetings.actions.queries.ts';
import { actionItemOr404, meetingOr404, meetingToWriteOr403 } from './meetings.record.guards.ts';

const TAG = 'Meetings';

const minutesToApi = (m: MinutesView) => ({
  meetingId: m.meetingId,
  language: m.language,
  body: m.body,
  status: m.status,
  updatedAt: m.updatedAt.toISOString(),
  updatedBy: m.updatedBy,
  version: m.version,
});
const decisionToApi = (d: DecisionView) => ({
  id: d.id,
  position: d.position,
  originalLanguage: d.originalLanguage,
  text: d.text as Record<string, string>,
});

function problemOf(outcome: Extract<RecordOutcome<unknown>, { ok: false }>): HttpProblem {
  return new HttpProblem(outcome.problem ?? 'validation', outcome.errors);
}

/** The API of what a meeting leaves. */
export async function meetingsRecordApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;
  const baseUrl = config.baseUrl.replace(/\/$/, '');

  app.get(
    '/api/v1/meetings/:id/minutes',
    {
      schema: {
        tags: [TAG],
        summary:
          'A meeting’s minutes in each language written: the approved ones (drafts too for the network’s secretariat)',
        params: MeetingApiParams,
        response: { 200: Type.Array(MinutesApi) },
      },
      config: { access: 'public', harness: { params: { id: 'recordPublicMeeting' } } },
    },
    async (request) => {
      const meeting = await meetingOr404(db, request.principal, request.params.id);
      const minutes = readableMinutes(
        await listMinutes(db, meeting.id),
        canWriteRecord(request.principal, meeting),
      );
      return minutes.map(minutesToApi);
    },
  );

  app.get(
    '/api/v1/meetings/:id/minutes/:language',
    {
      schema: {
        tags: [TAG],
        summary: 'A meeting’s minutes in one language (fr, es, en, pt), as plain text',
        params: MinutesApiParams,
        response: { 200: MinutesApi },
      },
      config: {
        access: 'public',
        harness: { params: { id: 'recordPublicMeeting', language: 'recordLanguage' } },
      },
    },
    async (request) => {
      const meeting = await meetingOr404(db, request.principal, request.params.id);
      const minutes = readableMinutes(
        await listMinutes(db, meeting.id),
        canWriteRecord(request.principal, meeting),
      );
      const found = minutes.find((m) => m.language === request.params.language);
      if (!found) throw new HttpProblem('not-found');
      return minutesToApi(found);
    },
  );

  app.put(
    '/api/v1/meetings/:id/minutes/:language',
    {
      schema: {
        tags: [TAG],
        summary:
          'Write a meeting’s minutes in one language, as a draft or approved (the network’s secretariat), from the version read: 0 for new minutes; 409 if they changed since',
        security: [{ bearer: [] }],
        params: MinutesApiParams,
        body: MinutesInput,
        response: { 200: MinutesApi },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { id: 'recordMeeting', language: 'recordLanguage' },
          body: { body: 'Minutes of the call.', status: 'approved', version: 0 },
        },
      },
    },
    async (request) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const { language } = request.params;
      const result = await saveMinutes(db, request.principal!, meeting.id, language, request.body, request.t);
      if (!result.ok) throw problemOf(result);
      const saved = (await listMinutes(db, meeting.id)).find((m) => m.language === language)!;
      return minutesToApi(saved);
    },
  );

  app.get(
    '/api/v1/meetings/:id/decisions',
    {
      schema: {
        tags: [TAG],
        summary:
          'A meeting’s decisions, in order, each with its text in its languages and its original language',
        params: MeetingApiParams,
        response: { 200: Type.Array(DecisionApi) },
      },
      config: { access: 'public', harness: { params: { id: 'recordPublicMeeting' } } },
    },
    async (request) => {
      const meeting = await meetingOr404(db, request.principal, request.params.id);
      return (await listDecisions(db, meeting.id)).map(decisionToApi);
    },
  );

  app.post(
    '/api/v1/meetings/:id/decisions',
    {
      schema: {
        tags: [TAG],
        summary: 'Add a decision at the end of a meeting’s list (the network’s secretariat)',
        security: [{ bearer: [] }],
        params: MeetingApiParams,
        body: DecisionInput,
        response: { 201: DecisionApi },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { id: 'recordSharedMeeting' },
          body: { text: 'The network adopts its plan.', language: 'en' },
        },
      },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const result = await addDecision(db, request.principal!, meeting.id, request.body, request.t);
      if (!result.ok) throw problemOf(result);
      const decision = (await listDecisions(db, meeting.id)).find((d) => d.id === result.value.id)!;
      return reply.code(201).send(decisionToApi(decision));
    },
  );

  app.put(
    '/api/v1/meetings/:id/decisions/:decisionId',
    {
      schema: {
        tags: [TAG],
        summary:
          'Set a decision’s text in one language: a correction, or a translation (the network’s secretariat)',
        security: [{ bearer: [] }],
        params: DecisionApiParams,
        body: DecisionInput,
        response: { 200: DecisionApi },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { id: 'recordSharedMeeting', decisionId: 'recordDecision' },
          body: { text: 'A rede adota o seu plano.', language: 'pt' },
        },
      },
    },
    async (request) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const result = await editDecision(
        db,
        request.principal!,
        meeting.id,
        request.params.decisionId,
        request.body,
        request.t,
      );
      if (!result.ok) throw problemOf(result);
      return decisionToApi((await listDecisions(db, meeting.id)).find((d) => d.id === result.value.id)!);
    },
  );

  app.delete(
    '/api/v1/meetings/:id/decisions/:decisionId',
    {
      schema: {
        tags: [TAG],
        summary: 'Remove a decision; its action items stay, without the link (the network’s secretariat)',
        security: [{ bearer: [] }],
        params: DecisionApiParams,
        response: { 204: Type.Null() },
      },
      config: {
        access: 'secretariat',
        harness: { params: { id: 'recordSharedMeeting', decisionId: 'recordDecision' } },
      },
    },
    async (request, reply) => {
      const result = await removeDecision(
        db,
        request.principal!,
        request.params.id,
        request.params.decisionId,
      );
      if (!result.ok) throw problemOf(result);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/meetings/:id/actions',
    {
      schema: {
        tags: [TAG],
        summary: 'A meeting’s action items, soonest due first (the network’s members: they name people)',
        security: [{ bearer: [] }],
        params: MeetingApiParams,
        response: { 200: Type.Array(ActionApi) },
      },
      config: { access: 'member', harness: { params: { id: 'recordMeeting' } } },
    },
    async (request) => {
      const meeting = await meetingOr404(db, request.principal, request.params.id);
      if (!(await isMemberOfNetwork(db, request.principal, meeting.networkId)))
        throw new HttpProblem('forbidden');
      const now = new Date();
      return (await meetingActionItems(db, meeting.id)).map((item) =>
        actionToApi(item, request.lang, now, baseUrl),
      );
    },
  );

  app.post(
    '/api/v1/meetings/:id/actions',
    {
      schema: {
        tags: [TAG],
        summary:
          'Add an action item to a meeting (the network’s secretariat): its owner is a person of the network or a member organisation',
        security: [{ bearer: [] }],
        params: MeetingApiParams,
        body: ActionInput,
        response: { 201: ActionApi },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { id: 'recordMeeting' },
          body: { title: 'Send the work plan to the members', dueOn: '2030-01-31' },
          bodyParams: { ownerOrganisationId: 'recordOwningMember' },
        },
      },
    },
    async (request, reply) => {
      const meeting = await meetingToWriteOr403(db, request.principal, request.params.id);
      const result = await createActionItem(db, request.principal!, meeting.id, request.body, request.t);
      if (!result.ok) throw problemOf(result);
      const item = (await findActionItem(db, result.value.id))!;
      return reply
        .code(201)
        .header('location', `/api/v1/actions/${item.id}`)
        .send(actionToApi(item, request.lang, new Date(), baseUrl));
    },
  );

  app.get(
    '/api/v1/actions',
    {
      schema: {
        tags: [TAG],
        summary:
          'My action items: my own and my organisation’s, soonest due first (done and cancelled ones with includeDone)',
        security: [{ bearer: [] }],
        querystring: MyActionsQuery,
        response: { 200: Type.Array(ActionApi) },
      },
      config: { access: 'signed-in' },
    },
    async (request) => {
      const now = new Date();
      const items = await actionItemsFor(db, request.principal!, {
        includeDone: request.query.includeDone === true,
      });
      return items.map((item) => actionToApi(item, request.lang, now, baseUrl));
    },
  );

  app.get(
    '/api/v1/actions/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'One action item (its owners, the network’s members and secretariat)',
        security: [{ bearer: [] }],
        params: ActionApiParams,
        response: { 200: ActionApi },
      },
      config: { access: 'member', harness: { params: { id: 'recordAction' } } },
    },
    async (request) => {
      const item = await actionItemOr404(db, request.principal, request.params.id);
      return actionToApi(item, request.lang, new Date(), baseUrl);
    },
  );

  app.patch(
    '/api/v1/actions/:id',
    {
      schema: {
        tags: [TAG],
        summary:
          'Update an action item: its owner (the person, or a person of the organisation) the status and note; the network’s secretariat also the title and due date. From the version read, when given (409 if it changed since)',
        security: [{ bearer: [] }],
        params: ActionApiParams,
        body: ActionPatch,
        response: { 200: ActionApi },
      },
      config: {
        access: 'signed-in',
        harness: {
          params: { id: 'recordActionOfCaller' },
          body: { status: 'in-progress', note: 'Draft shared.' },
        },
      },
    },
    async (request) => {
      const item = await actionItemOr404(db, request.principal, request.params.id);
      const result = await updateActionItem(db, request.principal!, item.id, request.body, request.t);
      if (!result.ok) throw problemOf(result);
      return actionToApi((await findActionItem(db, item.id))!, request.lang, new Date(), baseUrl);
    },
  );
}
