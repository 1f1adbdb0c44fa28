import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { isMember } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { PracticeComparePage } from './practices.compare.views.tsx';
import { diffVersions } from './practices.diff.ts';
import { practiceJsonLd } from './practices.page.jsonld.ts';
import { PracticePage } from './practices.page.views.tsx';
import {
  isUuid,
  networkNames,
  organisationNames,
  seesInternals,
  versionsToCompare,
  visibleEvents,
  visibleVersions,
} from './practices.pages.queries.ts';
import { PracticeSearchPage, type SearchFilters } from './practices.pages.views.tsx';
import { PracticeDiffPage, PracticeHistoryPage } from './practices.versions.views.tsx';
import { type PracticeView, getPracticeView, searchPracticeList } from './practices.queries.ts';
import { PracticeSearchParams } from './practices.schemas.ts';

/** The read side of the practices database: search, a practice, its versions, comparisons. */

const PAGE_SIZE = 20;
const MAX_COMPARED = 4;

const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });

/** The search's filters as a GET form sends them (repeated names for several values); no page size. */
const { pageSize: _pageSize, ...searchFields } = PracticeSearchParams.properties;
const SearchQuery = Type.Object(searchFields);

const PracticeQuery = Type.Object({
  notice: Type.Optional(Type.String({ maxLength: 40 })),
  version: Type.Optional(
    Type.String({ maxLength: 20, description: '"working": the draft, for those who manage or review it' }),
  ),
});
const VersionNumber = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const DiffQuery = Type.Object({ from: VersionNumber, to: VersionNumber });
const CompareQuery = Type.Object({
  id: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
});

/** Keeps the filters that are valid on their own, so that one bad value does not cost the whole search. */
function validFilters(query: unknown): SearchFilters {
  const raw = (query ?? {}) as Record<string, unknown>;
  const clean: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(SearchQuery.properties)) {
    if (raw[name] !== undefined && Value.Check(schema, raw[name])) clean[name] = raw[name];
  }
  return clean as SearchFilters;
}

export async function practicesPageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  /** A practice as the caller may see it; a malformed id is as unknown as a hidden one. */
  async function loadView(request: FastifyRequest, id: string, which: 'published' | 'working' = 'published') {
    if (!isUuid(id)) throw new HttpProblem('not-found');
    return getPracticeView(db, request.principal, id, which);
  }

  app.get(
    `${L}/practices`,
    {
      schema: { params: LangParams, querystring: SearchQuery },
      attachValidation: true,
      config: { access: 'public' },
    },
    async (request, reply) => {
      const errors = formErrors(request);
      const filters = errors ? validFilters(request.query) : (request.query as SearchFilters);
      const result = await searchPracticeList(db, { ...filters, pageSize: PAGE_SIZE }, request.lang);
      const [networks, organisations] = await Promise.all([
        networkNames(db, [
          ...result.facets.network.map((entry) => entry.value),
          ...(filters.network ?? []),
          ...result.items.map((item) => item.network.slug),
        ]),
        organisationNames(db, [
          ...result.facets.organisation.map((entry) => entry.value),
          ...(filters.organisation ?? []),
        ]),
      ]);
      return sendHtml(
        reply,
        <PracticeSearchPage
          ctx={pageContext(request, reply)}
          filters={filters}
          result={result}
          names={{ networks, organisations }}
          errors={errors ?? undefined}
        />,
      );
    },
  );

  app.get(
    `${L}/practices/compare`,
    {
      schema: { params: LangParams, querystring: CompareQuery },
      attachValidation: true,
      config: { access: 'public' },
    },
    async (request, reply) => {
      const page = (views: PracticeView[], problem: 'too-few' | 'too-many' | null, missing: number) =>
        sendHtml(
          reply,
          <PracticeComparePage
            ctx={pageContext(request, reply)}
            views={views}
            problem={problem}
            missing={missing}
          />,
        );
      if (formErrors(request)) return page([], 'too-many', 0);
      const asked = [...new Set(request.query.id ?? [])];
      if (asked.length > MAX_COMPARED) return page([], 'too-many', 0);
      const views: PracticeView[] = [];
      for (const id of asked) {
        const view = isUuid(id)
          ? await getPracticeView(db, request.principal, id).catch((error: unknown) => {
              if (error instanceof HttpProblem) return null;
              throw error;
            })
          : null;
        // Only published versions are compared: a draft shown to its authors is not a practice yet.
        if (view && view.published && view.shown.id === view.published.id) views.push(view);
      }
      const missing = asked.length - views.length;
      return page(views, views.length < 2 ? 'too-few' : null, missing);
    },
  );

  app.get(
    `${L}/practices/:id`,
    {
      schema: { params: PageIdParams, querystring: PracticeQuery },
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request, reply) => {
      const { id } = request.params;
      const view = await loadView(request, id, request.query.version === 'working' ? 'working' : 'published');
      const ctx = pageContext(request, reply);
      const isPublic = view.published !== null && view.shown.id === view.published.id;
      return sendHtml(
        reply,
        <PracticePage
          ctx={ctx}
          view={view}
          events={await visibleEvents(db, view)}
          jsonLd={isPublic ? practiceJsonLd(view, baseUrl, ctx.lang) : null}
          canTranslate={view.canManage || isMember(request.principal)}
          seesInternals={seesInternals(view)}
          notice={request.query.notice}
        />,
      );
    },
  );

  app.get(
    `${L}/practices/:id/history`,
    {
      schema: { params: PageIdParams },
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request, reply) => {
      const view = await loadView(request, request.params.id);
      return sendHtml(
        reply,
        <PracticeHistoryPage
          ctx={pageContext(request, reply)}
          view={view}
          versions={await visibleVersions(db, view)}
          showAuthor={view.canManage}
        />,
      );
    },
  );

  app.get(
    `${L}/practices/:id/diff`,
    {
      schema: { params: PageIdParams, querystring: DiffQuery },
      attachValidation: true,
      config: { access: 'public', harness: { params: { id: 'publishedPractice' } } },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const view = await loadView(request, id);
      // Without two version numbers, the history page is where they are chosen.
      if (formErrors(request)) return seeOther(reply, `/${lang}/practices/${id}/history`);
      const [from, to] = await versionsToCompare(db, view, request.query.from, request.query.to);
      const actorIds = [...from.content.actors, ...to.content.actors].map((actor) => actor.organisationId);
      return sendHtml(
        reply,
        <PracticeDiffPage
          ctx={pageContext(request, reply)}
          view={view}
          from={from}
          to={to}
          changes={diffVersions(from.content, to.content)}
          organisations={await organisationNames(db, actorIds)}
        />,
      );
    },
  );
}
