import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Principal } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import {
  type MatchDeps,
  type MatchOutcome,
  moveMatch,
  proposeMatch,
} from './cooperation.matches.commands.ts';
import { matchesToCsv } from './cooperation.matches.export.ts';
import {
  detailToApi,
  isUuid,
  listVisibleMatches,
  matchBoard,
  matchDetail,
  matchToApi,
} from './cooperation.matches.queries.ts';
import {
  MatchApi,
  MatchFilters,
  MatchWithMovesApi,
  MoveMatchForm,
  MoveMatchInput,
  ProposeMatchForm,
  ProposeMatchInput,
} from './cooperation.matches.schemas.ts';
import { MatchBoardPage } from './cooperation.matches.board.views.tsx';
import { MatchPage, type MoveFormValues, ProposeMatchPage } from './cooperation.matches.views.tsx';

const TAG = 'Cooperation';
/** A match of the owning organisation's demand with a third organisation's offer: focalOther is no party. */
const MATCH = { id: 'ownMatchWithThird' };
const PageParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const ApiParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** `done` names the action just taken, for the notice at the top of the match page. */
const PageQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

const strings = (body: unknown, fields: string[]) => {
  const record = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((f) => [f, typeof record[f] === 'string' ? (record[f] as string) : undefined]),
  ) as Record<string, string | undefined>;
};

function problemOf(outcome: Extract<MatchOutcome<unknown>, { ok: false }>): HttpProblem {
  return new HttpProblem(outcome.problem ?? 'validation', outcome.errors);
}

/** Facilitation from match to outcome: the board, a match's page and moves, the API and exports. */
export async function cooperationMatchesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, mailer } = app.deps;
  const baseUrl = config.baseUrl.replace(/\/$/, '');
  const staleness = () => ({ now: new Date(), staleDays: config.matchReminderDays });
  const depsFor = (request: FastifyRequest): MatchDeps => ({
    db,
    mailer,
    baseUrl,
    onMailError: (error) => request.log.error({ err: error }, 'match mail not delivered'),
  });

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/matches`,
    { schema: { params: LangParams, querystring: MatchFilters }, config: { access: 'member' } },
    async (request, reply) => {
      const actor = request.principal!;
      const { matches, choices } = await matchBoard(db, actor, request.query);
      return sendHtml(
        reply,
        <MatchBoardPage
          ctx={pageContext(request, reply)}
          matches={matches}
          filters={request.query}
          choices={choices}
          staleness={staleness()}
        />,
      );
    },
  );

  async function renderMatch(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: {
      values?: MoveFormValues;
      errors?: { field: string; message: string }[];
      conflict?: boolean;
      notice?: 'proposed' | 'moved';
    } = {},
    status = 200,
  ) {
    const detail = await matchDetail(db, request.principal, request.params.id);
    if (detail === 'not-found') throw new HttpProblem('not-found');
    if (detail === 'forbidden') throw new HttpProblem('forbidden');
    return sendHtml(
      reply,
      <MatchPage
        ctx={pageContext(request, reply)}
        detail={detail}
        staleness={staleness()}

        {...extra}
      />,
      status,
    );
  }

  app.get(
    `${L}/matches/:id`,
    {
      schema: { params: PageParams, querystring: PageQuery },
      config: { access: 'own-organisation', harness: { params: MATCH } },
    },
    async (request, reply) => {
      const done = request.query.done;
      return renderMatch(request, reply, {
        ...(done === 'proposed' || done === 'moved' ? { notice: done } : {}),
      });
    },
  );

  app.post(
    `${L}/matches`,
    {
      schema: { params: LangParams, body: ProposeMatchForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: { bodyParams: { demandId: 'ownDemand', offerId: 'thirdOrganisationOffer' } },
      },
    },
    async (request, reply) => {
      const values = strings(request.body, ['demandId', 'offerId', 'note']);
      const render = (errors: { field: string; message: string }[], status: number) =>
        sendHtml(
          reply,
          <ProposeMatchPage ctx={pageContext(request, reply)} values={values} errors={errors} />,
          status,
        );
      const errors = formErrors(request);
      if (errors) return render(errors, 400);
      const input = {
        demandId: values.demandId ?? '',
        offerId: values.offerId ?? '',
        note: values.note ?? null,
      };
      const result = await proposeMatch(depsFor(request), request.principal!, input, request.t);
      if (!result.ok) {
        if (result.problem) throw problemOf(result);
        return render(result.errors, 400);
      }
      return seeOther(reply, `/${request.params.lang}/matches/${result.value.id}?done=proposed`);
    },
  );

  app.post(
    `${L}/matches/:id/move`,
    {
      schema: { params: PageParams, body: MoveMatchForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: { params: MATCH, body: { stage: 'contacted', occurredOn: '2020-01-01', version: '1' } },
      },
    },
    async (request, reply) => {
      const { id, lang } = request.params;
      if (!isUuid(id)) throw new HttpProblem('not-found');
      const values = strings(request.body, ['stage', 'occurredOn', 'note', 'reason', 'version']);
      const formValues = {
        stage: values.stage,
        occurredOn: values.occurredOn,
        note: values.note,
        reason: values.reason,
      };
      // Authorization first: the match page itself refuses the public and other members.
      const visible = await matchDetail(db, request.principal, id);
      if (visible === 'not-found') throw new HttpProblem('not-found');
      if (visible === 'forbidden') throw new HttpProblem('forbidden');
      const errors = formErrors(request);
      if (errors) return renderMatch(request, reply, { values: formValues, errors }, 400);
      const version = /^\d{1,9}$/.test(values.version ?? '') ? Number(values.version) : 0;
      const input = {
        stage: values.stage ?? '',
        occurredOn: values.occurredOn ?? '',
        note: values.note ?? null,
        reason: values.reason ?? null,
        version,
      };
      const result = await moveMatch(depsFor(request), request.principal!, id, input, request.t);
      if (!result.ok) {
        if (result.problem === 'conflict')
          return renderMatch(
            request,
            reply,
            { values: formValues, errors: result.errors, conflict: true },
            409,
          );
        if (result.problem) throw problemOf(result);
        return renderMatch(request, reply, { values: formValues, errors: result.errors }, 400);
      }
      return seeOther(reply, `/${lang}/matches/${id}?done=moved`);
    },
  );

  // ---- API ---------------------------------------------------------------------------------

  app.get(
    '/api/v1/matches',
    {
      schema: {
        tags: [TAG],
        summary:
          'The matches the caller facilitates (the secretariat its networks’, a focal point its organisation’s), most recently moved first; filters: network (slug or id), organisation, item, stage',
        security: [{ bearer: [] }],
        querystring: MatchFilters,
        response: { 200: Type.Array(MatchApi) },
      },
      config: { access: 'member' },
    },
    async (request) => {
      const matches = await listVisibleMatches(db, request.principal!, request.query);
      return matches.map((m) => matchToApi(m, baseUrl));
    },
  );

  app.post(
    '/api/v1/matches',
    {
      schema: {
        tags: [TAG],
        summary:
          'Propose to match a demand with an offer of the same network (the secretariat, or a focal point of either organisation); both organisations’ focal points are told by email',
        security: [{ bearer: [] }],
        body: ProposeMatchInput,
        response: { 201: MatchWithMovesApi },
      },
      config: {
        access: 'own-organisation',
        harness: { bodyParams: { demandId: 'ownDemand', offerId: 'thirdOrganisationOffer' } },
      },
    },
    async (request, reply) => {
      const result = await proposeMatch(depsFor(request), request.principal!, request.body, request.t);
      if (!result.ok) throw problemOf(result);
      const detail = await matchDetail(db, request.principal, result.value.id);
      if (typeof detail === 'string') throw new HttpProblem(detail);
      return reply
        .code(201)
        .header('location', `/api/v1/matches/${result.value.id}`)
        .send(detailToApi(detail, baseUrl));
    },
  );

  app.get(
    '/api/v1/matches/:id',
    {
      schema: {
        tags: [TAG],
        summary:
          'One match with its moves (the network’s secretariat and the two parties’ focal points only)',
        security: [{ bearer: [] }],
        params: ApiParams,
        response: { 200: MatchWithMovesApi },
      },
      config: { access: 'own-organisation', harness: { params: MATCH } },
    },
    async (request) => {
      const detail = await matchDetail(db, request.principal, request.params.id);
      if (typeof detail === 'string') throw new HttpProblem(detail);
      return detailToApi(detail, baseUrl);
    },
  );

  app.post(
    '/api/v1/matches/:id/moves',
    {
      schema: {
        tags: [TAG],
        summary:
          'Move a match to another stage, from the version read (409 if it moved since): forward, skipping stages if need be; backward, dropped or reopened only with a reason; the date neither in the future nor before the previous move',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: MoveMatchInput,
        response: { 201: MatchWithMovesApi },
      },
      config: {
        access: 'own-organisation',
        harness: { params: MATCH, body: { stage: 'contacted', occurredOn: '2020-01-01', version: 1 } },
      },
    },
    async (request, reply) => {
      const result = await moveMatch(
        depsFor(request),
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw problemOf(result);
      const detail = await matchDetail(db, request.principal, request.params.id);
      if (typeof detail === 'string') throw new HttpProblem(detail);
      return reply.code(201).send(detailToApi(detail, baseUrl));
    },
  );

  // ---- Exports -----------------------------------------------------------------------------

  const exportOf = async (actor: Principal, filters: MatchFilters) => listVisibleMatches(db, actor, filters);

  app.get(
    '/api/v1/exports/matches.csv',
    {
      schema: {
        tags: [TAG],
        summary:
          'The matches the caller facilitates, with the same filters as /api/v1/matches, as CSV: a header row, the HXL hashtag row, then one match per row (no facilitation notes)',
        security: [{ bearer: [] }],
        querystring: MatchFilters,
        response: { 200: { content: { 'text/csv': { schema: Type.String() } } } },
      },
      config: { access: 'member' },
    },
    async (request, reply) => {
      const matches = await exportOf(request.principal!, request.query);
      return reply
        .headers({
          'content-disposition': 'attachment; filename="puente-matches.csv"',
          'cache-control': 'no-store',
        })
        .type('text/csv; charset=utf-8')
        .send(matchesToCsv(matches, request.lang, baseUrl));
    },
  );

  app.get(
    '/api/v1/exports/matches.json',
    {
      schema: {
        tags: [TAG],
        summary: 'The matches the caller facilitates, as /api/v1/matches answers them, as a JSON file',
        security: [{ bearer: [] }],
        querystring: MatchFilters,
        response: { 200: Type.Array(MatchApi) },
      },
      config: { access: 'member' },
    },
    async (request, reply) => {
      const matches = await exportOf(request.principal!, request.query);
      return reply
        .headers({
          'content-disposition': 'attachment; filename="puente-matches.json"',
          'cache-control': 'no-store',
        })
        .send(matches.map((m) => matchToApi(m, baseUrl)));
    },
  );
}
