import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import * as commands from './practices.commands.ts';
import { diffVersions } from './practices.diff.ts';
import * as queries from './practices.queries.ts';
import * as repo from './practices.repository.ts';
import { assignReviewers, openCall, submitReview } from './practices.reviews.ts';
import {
  CallInput,
  PracticeInput,
  PracticeRevision,
  PracticeSearchParams,
  ReviewInput,
  TEXT_FIELDS,
} from './practices.schemas.ts';
import { CONTENT_LANGUAGES } from './practices.languages.ts';

const TAG = 'Practices';
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CommentBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  comment: Type.Optional(Type.String({ maxLength: 10_000 })),
});
const Moved = Type.Object({ version: Type.Integer() });
const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });
const FacetCounts = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));
const Localized = Type.Record(Type.String(), Type.String());

const SearchItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  titleLanguage: Type.String(),
  snippet: Type.String({ description: 'Matches are between U+0002 and U+0003' }),
  snippetLanguage: Type.String(),
  originalLanguage: Type.String(),
  languages: Type.Array(Type.String()),
  network: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  countries: Type.Array(Type.String()),
  year: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.String({ format: 'date-time' }),
  completeness: Type.Integer(),
  url: Type.String(),
});

const PracticeDocument = Type.Object({
  id: Type.String(),
  status: Type.String(),
  version: Type.Integer({ description: 'Send it back with a change; a stale one answers 409' }),
  network: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  callId: Type.Union([Type.String(), Type.Null()]),
  versionNumber: Type.Integer(),
  versionState: Type.String(),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
  workingVersion: Type.Union([Type.Integer(), Type.Null()]),
  firstPublishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completeness: Type.Integer(),
  translation: Type.Record(Type.String(), Type.String()),
  content: Type.Object({ title: Localized }, { additionalProperties: true }),
});

export async function practicesApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  function documentOf(view: queries.PracticeView) {
    return {
      id: view.id,
      status: view.status,
      version: view.version,
      network: view.network.slug,
      organisationId: view.organisation?.id ?? null,
      callId: view.call?.id ?? null,
      versionNumber: view.shown.number,
      versionState: view.shown.state,
      publishedVersion: view.published?.number ?? null,
      workingVersion: view.working?.number ?? null,
      firstPublishedAt: view.firstPublishedAt ? new Date(view.firstPublishedAt).toISOString() : null,
      completeness: view.shown.completeness,
      translation: view.translation,
      content: view.shown.content,
    };
  }

  /** A conflict answers 409 with the current document, so that the client can merge: nothing is lost. */
  async function sendConflict(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: { field: string; message: string }[],
  ) {
    const current = await queries.getPracticeView(db, request.principal, id, 'working');
    return reply
      .code(409)
      .type('application/problem+json; charset=utf-8')
      .header('content-language', request.lang)
      .serializer(JSON.stringify)
      .send({
        type: 'about:blank#conflict',
        title: request.t('error.conflict.title'),
        status: 409,
        detail: errors.map((e) => e.message).join(' '),
        errors,
        current: documentOf(current),
      });
  }

  app.get(
    '/api/v1/practices',
    {
      schema: {
        tags: [TAG],
        summary: 'Search published practices across languages, with facet counts',
        querystring: PracticeSearchParams,
        response: {
          200: Type.Object({
            items: Type.Array(SearchItem),
            total: Type.Integer(),
            totalIsLowerBound: Type.Boolean({ description: 'There are more than `total` matches' }),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            query: Type.Union([Type.String(), Type.Null()]),
            notice: Type.Union([Type.String(), Type.Null()]),
            didYouMean: Type.Union([Type.String(), Type.Null()]),
            facets: Type.Record(Type.String(), FacetCounts),
          }),
        },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const result = await queries.searchPracticeList(db, request.query, request.lang);
      return {
        items: result.items.map((item) => ({
          id: item.id,
          title: item.title,
          titleLanguage: item.titleLang,
          snippet: item.snippet,
          snippetLanguage: item.snippetLang,
          originalLanguage: item.originalLanguage,
          languages: item.languages,
          network: item.network.slug,
          organisationId: item.organisation?.id ?? null,
          countries: item.countries,
          year: item.year,
          publishedAt: new Date(item.publishedAt).toISOString(),
          completeness: item.completeness,
          url: `/${request.lang}/practices/${item.id}`,
        })),
        total: result.total,
        totalIsLowerBound: result.totalIsLowerBound,
        page: result.page,
        pageSize: result.pageSize,
        query: result.query,
        notice: result.notice,
        didYouMean: result.didYouMean,
        facets: result.facets,
      };
    },
  );

  app.post(
    '/api/v1/practices',
    {
      schema: {
        tags: [TAG],
        summary: "Draft a practice for one's organisation in a network it belongs to",
        security: [{ bearer: [] }],
        body: PracticeInput,
        response: { 201: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: {
          body: { network: 'matrix-network', originalLanguage: 'en', title: { en: 'Matrix practice' } },
          bodyParams: { organisationId: 'owningOrganisation' },
        },
      },
    },
    async (request, reply) => {
      const result = await commands.createPractice(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).header('location', `/api/v1/practices/${result.value.id}`).send(result.value);
    },
  );

  app.get(
    '/api/v1/practices/:id',
    {
      schema: {
        tags: [TAG],
        summary:
          'A practice: its published version, or with ?which=working its draft (for its authors and reviewers)',
        params: IdParams,
        querystring: Type.Object({
          which: Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('working')])),
        }),
        response: { 200: PracticeDocument },
      },
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request) =>
      documentOf(
        await queries.getPracticeView(db, request.principal, request.params.id, request.query.which),
      ),
  );

  app.put(
    '/api/v1/practices/:id',
    {
      schema: {
        tags: [TAG],
        summary:
          'Save the working draft from the version read (a published practice gets a new draft version)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: PracticeRevision,
        response: {
          200: Type.Object({ id: Type.String(), version: Type.Integer(), versionNumber: Type.Integer() }),
        },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownPractice' },
          body: { originalLanguage: 'en', title: { en: 'Matrix practice, revised' }, version: 2 },
        },
      },
    },
    async (request, reply) => {
      const result = await commands.revisePractice(
        db,
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (result.ok) return result.value;
      if ('conflict' in result) return sendConflict(request, reply, request.params.id, result.errors);
      throw new HttpProblem('validation', result.errors);
    },
  );

  const transitions = [
    {
      path: 'submit',
      summary: 'Submit the working draft for review',
      access: 'own-organisation' as const,
      run: (
        request: FastifyRequest<{ Params: { id: string }; Body: { version: number; comment?: string } }>,
      ) =>
        commands.submitPractice(db, request.principal!, request.params.id, request.body.version, request.t),
    },
    {
      path: 'return',
      summary: 'Return the version under review to its authors with comments (secretariat)',
      access: 'secretariat' as const,
      run: (
        request: FastifyRequest<{ Params: { id: string }; Body: { version: number; comment?: string } }>,
      ) =>
        commands.returnPractice(
          db,
          request.principal!,
          request.params.id,
          request.body.version,
          request.body.comment ?? '',
          request.t,
        ),
    },
    {
      path: 'publish',
      summary: 'Publish the reviewed version (secretariat)',
      access: 'secretariat' as const,
      run: (
        request: FastifyRequest<{ Params: { id: string }; Body: { version: number; comment?: string } }>,
      ) =>
        commands.publishPractice(db, request.principal!, request.params.id, request.body.version, request.t),
    },
    {
      path: 'withdraw',
      summary: 'Withdraw the practice from public view; every version is kept',
      access: 'own-organisation' as const,
      run: (
        request: FastifyRequest<{ Params: { id: string }; Body: { version: number; comment?: string } }>,
      ) =>
        commands.withdrawPractice(
          db,
          request.principal!,
          request.params.id,
          request.body.version,
          request.body.comment ?? '',
          request.t,
        ),
    },
    {
      path: 'archive',
      summary: 'Archive a published practice: readable, out of search (secretariat)',
      access: 'secretariat' as const,
      run: (
        request: FastifyRequest<{ Params: { id: string }; Body: { version: number; comment?: string } }>,
      ) =>
        commands.archivePractice(db, request.principal!, request.params.id, request.body.version, request.t),
    },
  ];
  for (const transition of transitions) {
    app.post(
      `/api/v1/practices/:id/${transition.path}`,
      {
        schema: {
          tags: [TAG],
          summary: transition.summary,
          security: [{ bearer: [] }],
          params: IdParams,
          body: CommentBody,
          response: { 200: Moved },
        },
        config: {
          access: transition.access,
          harness: { params: { id: 'ownPractice' }, body: { version: 2, comment: 'Matrix comment' } },
        },
      },
      async (request, reply) => {
        const result = await transition.run(request);
        if (result.ok) return result.value;
        if ('conflict' in result) return sendConflict(request, reply, request.params.id, result.errors);
        throw new HttpProblem('validation', result.errors);
      },
    );
  }

  app.post(
    '/api/v1/practices/:id/reviewers',
    {
      schema: {
        tags: [TAG],
        summary:
          'Assign the reviewers of the submitted version: one of the secretariat, two of member institutions',
        security: [{ bearer: [] }],
        params: IdParams,
        body: Type.Object({
          secretariatReviewer: Type.String({ format: 'uuid' }),
          memberReviewers: Type.Array(Type.String({ format: 'uuid' }), { minItems: 2, maxItems: 2 }),
        }),
        response: { 200: Type.Object({ assigned: Type.Integer() }) },
      },
      config: {
        access: 'secretariat',
        harness: {
          params: { id: 'ownPractice' },
          body: {
            secretariatReviewer: '00000000-0000-4000-8000-000000000001',
            memberReviewers: ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'],
          },
        },
      },
    },
    async (request) => {
      const result = await assignReviewers(
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

  app.post(
    '/api/v1/practices/:id/reviews',
    {
      schema: {
        tags: [TAG],
        summary: 'Answer the review form, as an assigned reviewer of the version under review',
        security: [{ bearer: [] }],
        params: IdParams,
        body: ReviewInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
      config: {
        access: 'member',
        harness: {
          params: { id: 'practiceReviewedByCaller' },
          body: {
            relevance: 4,
            effectiveness: 4,
            replicability: 3,
            sustainability: 3,
            recommendation: 'publish',
            comments: 'Matrix review',
          },
        },
      },
    },
    async (request, reply) => {
      const result = await submitReview(db, request.principal!, request.params.id, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  app.get(
    '/api/v1/practices/:id/reviews',
    {
      schema: {
        tags: [TAG],
        summary: 'The reviews of the version under review (its authors, secretariat and reviewers)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              reviewerName: Type.String(),
              seat: Type.String(),
              recommendation: Type.Union([Type.String(), Type.Null()]),
              comments: Type.Union([Type.String(), Type.Null()]),
              submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            }),
          ),
        },
      },
      config: { access: 'member', harness: { params: { id: 'practiceReviewedByCaller' } } },
    },
    async (request) => {
      const view = await queries.getPracticeView(db, request.principal, request.params.id, 'working');
      if (!view.canManage && !view.canReview) throw new HttpProblem('forbidden');
      if (!view.working) return [];
      const reviews = await queries.reviewsOfVersion(db, view.working.id);
      return reviews.map((review) => ({
        reviewerName: review.reviewerName,
        seat: review.seat,
        recommendation: review.recommendation,
        comments: review.comments,
        submittedAt: review.submittedAt ? new Date(review.submittedAt).toISOString() : null,
      }));
    },
  );

  app.put(
    '/api/v1/practices/:id/translations/:lang',
    {
      schema: {
        tags: [TAG],
        summary: 'Add or correct one language of a published practice (translators and its authors)',
        security: [{ bearer: [] }],
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          lang: Type.Enum([...CONTENT_LANGUAGES]),
        }),
        body: Type.Object(
          Object.fromEntries(
            TEXT_FIELDS.map((field) => [field, Type.Optional(Type.String({ maxLength: 20_000 }))]),
          ),
        ),
        response: { 200: Type.Object({ versionNumber: Type.Integer() }) },
      },
      config: {
        access: 'member',
        harness: {
          params: { id: 'translatablePractice', lang: 'translationLanguage' },
          body: { title: 'Práctica de la matriz' },
        },
      },
    },
    async (request) => {
      const result = await commands.addTranslation(
        db,
        request.principal!,
        request.params.id,
        request.params.lang,
        request.body,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return result.value;
    },
  );

  app.get(
    '/api/v1/practices/:id/versions',
    {
      schema: {
        tags: [TAG],
        summary: 'The versions of a practice, newest first (drafts only for those who manage it)',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              number: Type.Integer(),
              state: Type.String(),
              kind: Type.String(),
              completeness: Type.Integer(),
              createdAt: Type.String({ format: 'date-time' }),
              publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
              author: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request) => {
      const view = await queries.getPracticeView(db, request.principal, request.params.id);
      const versions = await queries.listVersions(db, request.params.id);
      return versions
        .filter((version) => view.canManage || view.canReview || version.publishedAt !== null)
        .map((version) => ({
          number: version.number,
          state: version.state,
          kind: version.kind,
          completeness: version.completeness,
          createdAt: new Date(version.createdAt).toISOString(),
          publishedAt: version.publishedAt ? new Date(version.publishedAt).toISOString() : null,
          author: view.canManage ? version.authorName : null,
        }));
    },
  );

  app.get(
    '/api/v1/practices/:id/diff',
    {
      schema: {
        tags: [TAG],
        summary: 'What changed between two versions, field by field and word by word',
        params: IdParams,
        querystring: Type.Object({
          from: Type.Integer({ minimum: 1 }),
          to: Type.Integer({ minimum: 1 }),
        }),
        response: {
          200: Type.Object({ from: Type.Integer(), to: Type.Integer(), changes: Type.Array(Type.Unknown()) }),
        },
      },
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request) => {
      const { from, to } = request.query;
      const [before, after] = await versionsVisibleTo(request, request.params.id, [from, to]);
      return { from, to, changes: diffVersions(before.content, after.content) };
    },
  );

  /** Versions by number, as the caller may see them: published ones for all, drafts for those who manage it. */
  async function versionsVisibleTo(request: FastifyRequest, id: string, numbers: number[]) {
    const view = await queries.getPracticeView(db, request.principal, id);
    const versions = [];
    for (const number of numbers) {
      const version = await repo.findVersionByNumber(db, id, number);
      if (!version || (!version.publishedAt && !view.canManage && !view.canReview))
        throw new HttpProblem('not-found');
      versions.push(version);
    }
    return versions as [repo.VersionRow, repo.VersionRow];
  }

  app.get(
    '/api/v1/practice-calls',
    {
      schema: {
        tags: [TAG],
        summary: 'Calls for practices, the open ones first',
        querystring: Type.Object({ network: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              network: Type.String(),
              title: Localized,
              description: Localized,
              opensOn: Type.String(),
              closesOn: Type.String(),
              gcmObjectives: Type.Array(Type.String()),
              thematicAreas: Type.Array(Type.String()),
            }),
          ),
        },
      },
      config: { access: 'public' },
    },
    async (request) => {
      let query = db
        .selectFrom('practice_calls as c')
        .innerJoin('networks as n', 'n.id', 'c.network_id')
        .select([
          'c.id',
          'n.slug as network',
          'c.title',
          'c.description',
          'c.opens_on as opensOn',
          'c.closes_on as closesOn',
          'c.gcm_objectives as gcmObjectives',
          'c.thematic_areas as thematicAreas',
        ]);
      if (request.query.network) query = query.where('n.slug', '=', request.query.network);
      return (await query.orderBy('c.closes_on', 'desc').execute()).map((call) => ({
        ...call,
        title: call.title as Record<string, string>,
        description: call.description as Record<string, string>,
      }));
    },
  );

  app.post(
    '/api/v1/practice-calls',
    {
      schema: {
        tags: [TAG],
        summary: 'Open a thematic call for practices (secretariat of the network)',
        security: [{ bearer: [] }],
        body: CallInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
      config: {
        access: 'secretariat',
        harness: {
          body: {
            network: 'matrix-network',
            title: { en: 'Matrix call' },
            opensOn: '2026-01-01',
            closesOn: '2026-12-31',
          },
        },
      },
    },
    async (request, reply) => {
      const result = await openCall(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );
}
