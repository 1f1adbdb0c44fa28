import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { LANGUAGES } from '../web/language.ts';
import { VOCABULARY_NAMES, getVocabulary } from './reference.queries.ts';

const Labels = Type.Object(Object.fromEntries(LANGUAGES.map((lang) => [lang, Type.String()])));
const Entry = Type.Object({
  code: Type.String(),
  labels: Labels,
  parent: Type.Optional(Type.String()),
  level: Type.Optional(Type.String()),
});

export async function referenceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/reference',
    {
      schema: {
        tags: ['Reference data'],
        summary: 'The reference vocabularies',
        response: { 200: Type.Array(Type.String()) },
      },
      config: { access: 'public' },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').send([...VOCABULARY_NAMES]),
  );

  app.get(
    '/api/v1/reference/:name',
    {
      schema: {
        tags: ['Reference data'],
        summary: 'One vocabulary, each entry labelled in fr, es, en and pt',
        params: Type.Object({
          name: Type.String({ maxLength: 100, description: VOCABULARY_NAMES.join(', ') }),
        }),
        response: { 200: Type.Object({ name: Type.String(), entries: Type.Array(Entry) }) },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const entries = getVocabulary(request.params.name);
      if (!entries) throw new HttpProblem('not-found');
      return reply
        .header('cache-control', 'public, max-age=3600')
        .send({ name: request.params.name, entries: [...entries] });
    },
  );
}
