import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import * as commands from './updates.commands.ts';
import { getUpdate, searchUpdates } from './updates.queries.ts';
import type { UpdateAttachment, UpdatePost } from './updates.repository.ts';
import {
  Saved,
  UpdateEdit,
  UpdateFilters,
  UpdateInput,
  UpdateList,
  UpdateView,
  WithdrawInput,
} from './updates.schemas.ts';
import { contentDisposition } from '../practices/index.ts';

const TAG = 'Updates';
const ApiIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const AttachmentParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  attachmentId: Type.String({ format: 'uuid' }),
});

/** A valid body for the harnesses; the network and organisation come from the matrix's fixtures. */
const API_HARNESS = {
  category: 'funding',
  language: 'en',
  title: 'Matrix post',
  body: 'A call for proposals.',
};
const API_FIXTURES = { networkId: 'networkId', organisationId: 'owningOrganisation' };

function viewOf(post: UpdatePost & { attachments: UpdateAttachment[] }, baseUrl: string) {
  return {
    id: post.id,
    url: `${baseUrl}/${post.language}/updates/${post.id}`,
    networkId: post.networkId,
    network: post.networkSlug,
    organisationId: post.organisationId,
    category: post.category,
    countries: post.countries,
    language: post.language,
    title: post.title,
    body: post.body,
    links: post.links,
    attachments: post.attachments.map((file) => ({
      id: file.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      url: `${baseUrl}/api/v1/updates/${post.id}/attachments/${file.id}`,
    })),
    visibility: post.visibility,
    status: post.status,
    publishedAt: post.publishedAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    version: post.version,
  };
}

/** The feed's API: the same filters as the pages, JSON in and out, problem+json for errors. */
export async function updatesApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  async function loadView(request: FastifyRequest, id: string) {
    const post = await getUpdate(db, request.principal, id);
    if (!post) throw new HttpProblem('not-found');
    return viewOf(post, baseUrl);
  }

  async function conflictProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: unknown[],
  ) {
    // The problem document carries the saved post, so that the client can merge: nothing is lost.
    return reply
      .code(409)
      .type('application/problem+json; charset=utf-8')
      .header('content-language', request.lang)
      .serializer(JSON.stringify)
      .send({
        type: 'about:blank#conflict',
        title: request.t('error.conflict.title'),
        status: 409,
        errors,
        current: await loadView(request, id),
      });
  }

  app.get(
    '/api/v1/updates',
    {
      schema: {
        tags: [TAG],
        summary: 'The feed’s posts the caller may see (public ones, and their networks’ ones), newest first',
        querystring: UpdateFilters,
        response: { 200: UpdateList },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const result = await searchUpdates(db, request.principal, request.query);
      return {
        items: result.posts.map((post) => viewOf(post, baseUrl)),
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/updates/:id',
    {
      schema: { tags: [TAG], summary: 'One post', params: ApiIdParams, response: { 200: UpdateView } },
      config: { access: 'public', harness: { params: { id: 'publicUpdate' } } },
    },
    async (request) => loadView(request, request.params.id),
  );

  app.post(
    '/api/v1/updates',
    {
      schema: {
        tags: [TAG],
        summary: 'Post to a network’s feed (a focal point of a member organisation, or the secretariat)',
        security: [{ bearer: [] }],
        body: UpdateInput,
        response: { 201: Saved },
      },
      config: { access: 'own-organisation', harness: { body: API_HARNESS, bodyParams: API_FIXTURES } },
    },
    async (request, reply) => {
      const result = await commands.createUpdate(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).header('location', `/api/v1/updates/${result.value.id}`).send(result.value);
    },
  );

  app.put(
    '/api/v1/updates/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Change a post from the version read (its author, organisation or network secretariat)',
        security: [{ bearer: [] }],
        params: ApiIdParams,
        body: UpdateEdit,
        response: { 200: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownUpdate' },
          body: { ...API_HARNESS, version: 1 },
          bodyParams: API_FIXTURES,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await commands.editUpdate(db, request.principal!, id, request.body, request.t);
      if (result.ok) return result.value;
      if ('conflict' in result) return conflictProblem(request, reply, id, result.errors);
      throw new HttpProblem('validation', result.errors);
    },
  );

  app.post(
    '/api/v1/updates/:id/withdraw',
    {
      schema: {
        tags: [TAG],
        summary: 'Withdraw a post: it leaves every list and feed',
        security: [{ bearer: [] }],
        params: ApiIdParams,
        body: WithdrawInput,
        response: { 200: Saved },
      },
      config: { access: 'own-organisation', harness: { params: { id: 'ownUpdate' }, body: { version: 1 } } },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await commands.withdrawUpdate(db, request.principal!, id, request.body, request.t);
      if (result.ok) return result.value;
      if ('conflict' in result) return conflictProblem(request, reply, id, result.errors);
      throw new HttpProblem('validation', result.errors);
    },
  );

  app.get(
    '/api/v1/updates/:id/attachments/:attachmentId',
    {
      schema: {
        tags: [TAG],
        summary: 'Download an attachment of a post (PDF or image, as an attachment)',
        params: AttachmentParams,
      },
      config: { access: 'public', harness: { params: { id: 'publicUpdate' } } },
    },
    async (request, reply) => {
      const file = await commands.readAttachment(
        db,
        request.principal,
        request.params.id,
        request.params.attachmentId,
      );
      return sendFile(reply, file);
    },
  );
}

/** An attachment as a download: its detected type, `nosniff`, never rendered inline. */
export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; data: Uint8Array },
): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header('content-length', String(file.data.length))
    .send(Buffer.from(file.data));
}
