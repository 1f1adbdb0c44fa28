import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import * as commands from './subscriptions.commands.ts';
import { searchUrl } from './subscriptions.filters.ts';
import { listSubscriptionsOfUser, type Subscription } from './subscriptions.repository.ts';
import {
  DigestInput,
  DigestView,
  SubscriptionInput,
  SubscriptionList,
  SubscriptionUpdate,
  SubscriptionView,
} from './subscriptions.schemas.ts';

const TAG = 'Subscriptions';
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const OWN = { params: { id: 'ownSubscription' } };

/** The API of my subscriptions and my digest setting: each caller sees and changes only their own. */
export async function subscriptionsApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  const view = (request: FastifyRequest, subscription: Subscription): SubscriptionView => ({
    id: subscription.id,
    source: subscription.source,
    name: subscription.name,
    filters: subscription.filters,
    url: `${baseUrl}${searchUrl(request.lang, subscription.source, subscription.filters)}`,
    createdAt: subscription.createdAt.toISOString(),
  });

  app.get(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: [TAG],
        summary: 'My subscriptions: feed posts by category, country and network; saved searches',
        security: [{ bearer: [] }],
        response: { 200: SubscriptionList },
      },
      config: { access: 'signed-in' },
    },
    async (request) => ({
      items: (await listSubscriptionsOfUser(db, request.principal!.userId)).map((s) => view(request, s)),
    }),
  );

  app.post(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: [TAG],
        summary:
          'Subscribe to feed posts or to a saved search (its list page’s filters); turns digests on (weekly) the first time',
        security: [{ bearer: [] }],
        body: SubscriptionInput,
        response: { 201: SubscriptionView },
      },
      config: {
        access: 'signed-in',
        harness: {
          body: { source: 'practices', name: 'Matrix search', filters: { q: 'trata', country: ['MX'] } },
        },
      },
    },
    async (request, reply) => {
      const result = await commands.createSubscription(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply
        .code(201)
        .header('location', `/api/v1/subscriptions/${result.value.id}`)
        .send(view(request, result.value));
    },
  );

  app.get(
    '/api/v1/subscriptions/digest',
    {
      schema: {
        tags: [TAG],
        summary: 'How often my digest is sent (daily, weekly or never), and when it was last sent',
        security: [{ bearer: [] }],
        response: { 200: DigestView },
      },
      config: { access: 'signed-in' },
    },
    async (request) => {
      const settings = await commands.digestSettingsOf(db, request.principal!);
      return { frequency: settings.frequency, lastSentAt: settings.lastSentAt?.toISOString() ?? null };
    },
  );

  app.put(
    '/api/v1/subscriptions/digest',
    {
      schema: {
        tags: [TAG],
        summary: 'Set how often my digest is sent',
        security: [{ bearer: [] }],
        body: DigestInput,
        response: { 200: DigestView },
      },
      config: { access: 'signed-in', harness: { body: { frequency: 'daily' } } },
    },
    async (request) => {
      const result = await commands.setDigestFrequency(
        db,
        request.principal!,
        request.body.frequency,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      const settings = await commands.digestSettingsOf(db, request.principal!);
      return { frequency: settings.frequency, lastSentAt: settings.lastSentAt?.toISOString() ?? null };
    },
  );

  app.get(
    '/api/v1/subscriptions/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'One of my subscriptions (404 for anyone else’s)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: SubscriptionView },
      },
      config: { access: 'signed-in', harness: OWN },
    },
    async (request) =>
      view(request, await commands.getOwnSubscription(db, request.principal!, request.params.id)),
  );

  app.put(
    '/api/v1/subscriptions/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Rename one of my subscriptions',
        security: [{ bearer: [] }],
        params: IdParams,
        body: SubscriptionUpdate,
        response: { 200: SubscriptionView },
      },
      config: { access: 'signed-in', harness: { ...OWN, body: { name: 'Renamed by the matrix' } } },
    },
    async (request) => {
      const result = await commands.renameSubscription(
        db,
        request.principal!,
        request.params.id,
        request.body.name,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return view(request, result.value);
    },
  );

  app.delete(
    '/api/v1/subscriptions/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Delete one of my subscriptions',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 204: Type.Null() },
      },
      config: { access: 'signed-in', harness: OWN },
    },
    async (request, reply) => {
      await commands.removeSubscription(db, request.principal!, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
