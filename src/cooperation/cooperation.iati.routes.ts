import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { iatiActivitiesXml } from './cooperation.iati.ts';
import { visibleRecordsForIati } from './cooperation.iati.repository.ts';

const TAG = 'Open data';
const XML = 'application/xml; charset=utf-8';

/** IATI 2.03 activity XML of the cooperation records the caller may see (the public: completed ones). */
export async function cooperationIatiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;
  const options = () => ({
    orgPrefix: config.iatiOrgPrefix,
    baseUrl: config.baseUrl,
    generatedAt: new Date(),
  });

  app.get(
    '/api/v1/exports/cooperation.iati.xml',
    {
      schema: {
        tags: [TAG],
        summary: 'Cooperation records as IATI activities (standard 2.03): the public sees completed ones',
        produces: ['application/xml'],
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const records = await visibleRecordsForIati(db, request.principal);
      return reply
        .type(XML)
        .header('content-disposition', 'attachment; filename="cooperation.iati.xml"')
        .send(iatiActivitiesXml(records, options()));
    },
  );

  app.get(
    '/api/v1/cooperation/:id/iati.xml',
    {
      schema: {
        tags: [TAG],
        summary: 'One cooperation record as an IATI activity (standard 2.03)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        produces: ['application/xml'],
      },
      config: { access: 'public', harness: { params: { id: 'completedRecord' } } },
    },
    async (request, reply) => {
      const records = await visibleRecordsForIati(db, request.principal, request.params.id);
      if (records.length === 0) throw new HttpProblem('not-found');
      return reply.type(XML).send(iatiActivitiesXml(records, options()));
    },
  );
}
