import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import * as commands from './cooperation.items.commands.ts';
import { itemView, itemsToCsv } from './cooperation.items.exchange.ts';
import { getItem, listVisibleItems, searchItems } from './cooperation.items.queries.ts';
import {
  ItemFilters,
  ItemInput,
  ItemList,
  ItemUpdate,
  ItemView,
  Saved,
} from './cooperation.items.schemas.ts';
import { collectionOf } from './cooperation.items.components.tsx';
import type { ItemSide } from './cooperation.tables.ts';

const TAG = 'Cooperation';
const ApiIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Csv = { content: { 'text/csv': { schema: Type.String() } } };
const ExportFilters = Type.Object(
  Object.fromEntries(Object.entries(ItemFilters.properties).filter(([name]) => name !== 'page')),
);

/** A valid body for the harnesses; the organisation and network come from the matrix's fixtures. */
const API_HARNESS = { originalLanguage: 'en', title: { en: 'Matrix item' }, kind: 'training' };
const API_FIXTURES = { organisationId: 'owningOrganisation', networkId: 'networkId' };

function attachment(filename: string) {
  return { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' };
}

/** The API of offers and demands, and their open-data exports (what the caller may see). */
export async function cooperationItemsApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  async function loadView(request: FastifyRequest, side: ItemSide, id: string) {
    const item = await getItem(db, request.principal, side, id);
    if (!item) throw new HttpProblem('not-found');
    return itemView(item, baseUrl);
  }

  for (const side of ['offer', 'demand'] as const) {
    const collection = collectionOf(side);
    const plural = `${side}s`;
    const ownFixture = { id: side === 'offer' ? 'ownOffer' : 'ownDemand' };

    app.get(
      `/api/v1/${collection}`,
      {
        schema: {
          tags: [TAG],
          summary: `Search the ${plural} the caller may see (public ones, and their networks' ones)`,
          querystring: ItemFilters,
          response: { 200: ItemList },
        },
        config: { access: 'public' },
      },
      async (request) => {
        const result = await searchItems(db, request.principal, side, request.query, 50);
        return {
          items: result.items.map((item) => itemView(item, baseUrl)),
          total: result.total,
          page: result.page,
          pageSize: result.pageSize,
        };
      },
    );

    app.post(
      `/api/v1/${collection}`,
      {
        schema: {
          tags: [TAG],
          summary: `Publish an ${side} for an organisation of a network (its focal point or the secretariat)`,
          security: [{ bearer: [] }],
          body: ItemInput,
          response: { 201: Saved },
        },
        config: { access: 'own-organisation', harness: { body: API_HARNESS, bodyParams: API_FIXTURES } },
      },
      async (request, reply) => {
        const result = await commands.createItem(db, request.principal!, side, request.body, request.t);
        if (!result.ok) throw new HttpProblem('validation', result.errors);
        return reply
          .code(201)
          .header('location', `/api/v1/${collection}/${result.value.id}`)
          .send(result.value);
      },
    );

    app.get(
      `/api/v1/${collection}/:id`,
      {
        schema: {
          tags: [TAG],
          summary: `One ${side} (404 when the caller may not see it)`,
          params: ApiIdParams,
          response: { 200: ItemView },
        },
        config: {
          access: 'public',
          harness: { params: { id: side === 'offer' ? 'publicOffer' : 'publicDemand' } },
        },
      },
      async (request) => loadView(request, side, request.params.id),
    );

    app.put(
      `/api/v1/${collection}/:id`,
      {
        schema: {
          tags: [TAG],
          summary: `Update an ${side} from the version read (409 with the saved ${side} if stale)`,
          security: [{ bearer: [] }],
          params: ApiIdParams,
          body: ItemUpdate,
          response: { 200: Saved },
        },
        config: {
          access: 'own-organisation',
          harness: { params: ownFixture, body: { ...API_HARNESS, version: 1 }, bodyParams: API_FIXTURES },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const { version, ...input } = request.body;
        const result = await commands.updateItem(db, request.principal!, side, id, version, input, request.t);
        if (result.ok) return result.value;
        if ('conflict' in result) {
          // The problem document carries the saved item, so that the client can merge: nothing is lost.
          return (reply as FastifyReply)
            .code(409)
            .type('application/problem+json; charset=utf-8')
            .header('content-language', request.lang)
            .serializer(JSON.stringify)
            .send({
              type: 'about:blank#conflict',
              title: request.t('error.conflict.title'),
              status: 409,
              detail: result.errors.map((e) => e.message).join(' '),
              errors: result.errors,
              current: await loadView(request, side, id),
            });
        }
        throw new HttpProblem('validation', result.errors);
      },
    );

    app.get(
      `/api/v1/exports/${collection}.csv`,
      {
        schema: {
          tags: [TAG],
          summary: `The ${plural} the caller may see as CSV with an HXL hashtag row (the list's filters apply)`,
          querystring: ExportFilters,
          response: { 200: Csv },
        },
        config: { access: 'public' },
      },
      async (request, reply) => {
        const items = await listVisibleItems(db, request.principal, side, request.query);
        return reply
          .headers(attachment(`puente-${collection}.csv`))
          .type('text/csv; charset=utf-8')
          .send(itemsToCsv(items.map((item) => itemView(item, baseUrl))));
      },
    );

    app.get(
      `/api/v1/exports/${collection}.json`,
      {
        schema: {
          tags: [TAG],
          summary: `The ${plural} the caller may see as a JSON array of the API shape (the list's filters apply)`,
          querystring: ExportFilters,
          response: { 200: Type.Array(ItemView) },
        },
        config: { access: 'public' },
      },
      async (request, reply) => {
        const items = await listVisibleItems(db, request.principal, side, request.query);
        return reply
          .headers(attachment(`puente-${collection}.json`))
          .send(items.map((item) => itemView(item, baseUrl)));
      },
    );
  }
}
