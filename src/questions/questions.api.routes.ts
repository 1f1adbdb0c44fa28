import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { translator } from '../web/i18n.ts';
import { type Lang, isLang } from '../web/language.ts';
import { answerQuestion, askQuestion, closeQuestion } from './questions.commands.ts';
import { comparisonToCsv } from './questions.export.ts';
import {
  type QuestionDetail,
  type QuestionSummary,
  comparisonOf,
  effectiveStatus,
  getQuestion,
  listQuestions,
} from './questions.queries.ts';
import {
  AnswerCreatedApi,
  AnswerInput,
  ComparisonApi,
  ComparisonQuery,
  QuestionApi,
  QuestionFilters,
  QuestionInput,
} from './questions.schemas.ts';
import { valueLabel } from './questions.components.tsx';

const TAG = 'Questions';
const ApiParams = Type.Object({ id: Type.String({ maxLength: 200 }) });
const CsvQuery = Type.Object({
  ...ComparisonQuery.properties,
  lang: Type.Optional(Type.String({ maxLength: 5, description: 'The language of labels (fr, es, en, pt)' })),
});

/** A valid body for the harnesses; the network and organisation come from fixtures. */
const ASK_API = {
  originalLanguage: 'en',
  title: { en: 'Matrix question' },
  items: [{ text: { en: 'Is there a humanitarian visa?' }, answerType: 'yes-no' }],
  deadline: '2099-01-01T12:00:00Z',
  visibility: 'network',
};
const ASK_FIXTURES = { networkId: 'questionsNetworkId', organisationId: 'owningOrganisation' };

export function questionToApi(q: QuestionDetail, baseUrl: string, now: Date, lang: Lang = 'en') {
  return {
    id: q.id,
    url: `${baseUrl}/${lang}/questions/${q.id}`,
    network: { id: q.networkId, slug: q.networkSlug, name: q.networkName },
    organisation: { id: q.organisationId, name: q.organisationName },
    originalLanguage: q.originalLanguage,
    title: q.title,
    background: q.background,
    items: q.items.map((i) => ({
      position: i.position,
      text: i.text,
      answerType: i.answerType,
      choices: i.choices,
    })),
    deadline: q.deadline.toISOString(),
    timeZone: q.timeZone,
    visibility: q.visibility,
    status: effectiveStatus(q, now),
    answers: q.answerCount,
    createdAt: q.createdAt.toISOString(),
  };
}

/** In lists, without the items (GET /api/v1/questions/{id} has them). */
const summaryToApi = (q: QuestionSummary, baseUrl: string, now: Date, lang: Lang) =>
  questionToApi({ ...q, items: [] }, baseUrl, now, lang);

/** The API of questions: list, get, ask, answer, close, the comparison as JSON and CSV. */
export async function questionsApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;
  const baseUrl = config.baseUrl.replace(/\/$/, '');

  async function visible(request: FastifyRequest, id: string) {
    const question = await getQuestion(db, request.principal, id);
    if (!question) throw new HttpProblem('not-found');
    return question;
  }

  // ---- API ---------------------------------------------------------------------------------

  app.get(
    '/api/v1/questions',
    {
      schema: {
        tags: [TAG],
        summary:
          'Questions to the network the caller may see (public ones, and their networks’ for members), newest first; filters: network (slug), status (open or closed)',
        querystring: QuestionFilters,
        response: { 200: Type.Array(QuestionApi) },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const now = new Date();
      const questions = await listQuestions(db, request.principal, request.query, now);
      return questions.map((q) => summaryToApi(q, baseUrl, now, request.lang));
    },
  );

  app.post(
    '/api/v1/questions',
    {
      schema: {
        tags: [TAG],
        summary:
          'Ask a network a question (a member institution’s focal point, or the secretariat for a member): 1–10 items, a deadline in the future; the network’s members are told by email',
        security: [{ bearer: [] }],
        body: QuestionInput,
        response: { 201: QuestionApi },
      },
      config: { access: 'own-organisation', harness: { body: ASK_API, bodyParams: ASK_FIXTURES } },
    },
    async (request, reply) => {
      const body = request.body;
      const deadline = new Date(body.deadline);
      const result = await askQuestion(
        db,
        request.principal!,
        {
          networkId: body.networkId,
          organisationId: body.organisationId ?? null,
          originalLanguage: body.originalLanguage,
          title: body.title,
          background: body.background ?? {},
          items: body.items.map((i) => ({
            text: i.text,
            answerType: i.answerType,
            choices: i.choices ?? [],
          })),
          deadline: Number.isNaN(deadline.getTime()) ? null : deadline,
          timeZone: body.timeZone ?? 'UTC',
          visibility: body.visibility ?? 'network',
        },
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      const question = await visible(request, result.value.id);
      return reply.code(201).send(questionToApi(question, baseUrl, new Date(), request.lang));
    },
  );

  app.get(
    '/api/v1/questions/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'A question with its items',
        params: ApiParams,
        response: { 200: QuestionApi },
      },
      config: { access: 'public', harness: { params: { id: 'publicQuestion' } } },
    },
    async (request) =>
      questionToApi(await visible(request, request.params.id), baseUrl, new Date(), request.lang),
  );

  app.post(
    '/api/v1/questions/:id/answers',
    {
      schema: {
        tags: [TAG],
        summary:
          'Answer a question for one’s organisation (or, as the secretariat, for a member): once per organisation, before the deadline; a second answer is refused with 409',
        security: [{ bearer: [] }],
        params: ApiParams,
        body: AnswerInput,
        response: { 201: AnswerCreatedApi },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'openQuestion' },
          body: { values: [{ item: 1, value: 'yes' }] },
          bodyParams: { organisationId: 'owningOrganisation' },
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const values = new Map(body.values.map((v) => [v.item, v.value] as const));
      const result = await answerQuestion(
        db,
        request.principal!,
        request.params.id,
        {
          organisationId: body.organisationId ?? null,
          country: body.country ?? null,
          language: body.language ?? request.lang,
          values,
        },
        request.t,
      );
      if (!result.ok)
        throw new HttpProblem(
          result.errors.some((e) => e.field === 'question') ? 'conflict' : 'validation',
          result.errors,
        );
      return reply.code(201).send({
        id: result.value.id,
        organisationId: result.value.organisationId,
        submittedAt: result.value.submittedAt.toISOString(),
      });
    },
  );

  app.post(
    '/api/v1/questions/:id/close',
    {
      schema: {
        tags: [TAG],
        summary: 'Close a question before its deadline (its asking institution or the secretariat)',
        security: [{ bearer: [] }],
        params: ApiParams,
        response: { 200: QuestionApi },
      },
      config: { access: 'own-organisation', harness: { params: { id: 'ownQuestion' } } },
    },
    async (request) => {
      await closeQuestion(db, request.principal!, request.params.id);
      return questionToApi(await visible(request, request.params.id), baseUrl, new Date(), request.lang);
    },
  );

  async function comparisonApi(
    request: FastifyRequest,
    id: string,
    sort: 'country' | 'organisation' | undefined,
    lang: Lang,
  ) {
    const question = await visible(request, id);
    return { question, comparison: await comparisonOf(db, question, sort ?? 'country', lang) };
  }

  app.get(
    '/api/v1/questions/:id/comparison',
    {
      schema: {
        tags: [TAG],
        summary:
          'The comparison table: one row per answering organisation with its country (sorted by country or organisation), the members that have not answered',
        params: ApiParams,
        querystring: ComparisonQuery,
        response: { 200: ComparisonApi },
      },
      config: { access: 'public', harness: { params: { id: 'publicQuestion' } } },
    },
    async (request) => {
      const { question, comparison } = await comparisonApi(
        request,
        request.params.id,
        request.query.sort,
        request.lang,
      );
      const now = new Date();
      return {
        question: questionToApi(question, baseUrl, now, request.lang),
        rows: comparison.rows.map((row) => ({
          organisation: { id: row.organisationId, name: row.organisationName },
          country: row.country,
          submittedAt: row.submittedAt.toISOString(),
          language: row.language,
          values: question.items.map((item) => {
            const value = row.values.get(item.id);
            return {
              item: item.position,
              value: value ?? null,
              label:
                value === undefined ? null : valueLabel({ t: request.t, lang: request.lang }, item, value),
            };
          }),
        })),
        unanswered: comparison.unanswered,
      };
    },
  );

  app.get(
    '/api/v1/questions/:id/comparison.csv',
    {
      schema: {
        tags: [TAG],
        summary:
          'The comparison table as CSV: a header row, the HXL hashtag row, one answering organisation per row, each item as its value and its label (lang: the labels’ language)',
        params: ApiParams,
        querystring: CsvQuery,
        response: { 200: { content: { 'text/csv': { schema: Type.String() } } } },
      },
      config: { access: 'public', harness: { params: { id: 'publicQuestion' } } },
    },
    async (request, reply) => {
      const lang = isLang(request.query.lang) ? request.query.lang : request.lang;
      const { question, comparison } = await comparisonApi(
        request,
        request.params.id,
        request.query.sort,
        lang,
      );
      return reply
        .headers({
          'content-disposition': `attachment; filename="puente-question-${question.id}.csv"`,
          'cache-control': 'no-store',
        })
        .type('text/csv; charset=utf-8')
        .send(comparisonToCsv(question, comparison, lang, translator(lang)));
    },
  );
}
