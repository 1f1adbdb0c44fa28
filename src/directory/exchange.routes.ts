import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { LocalizedTextSchema } from './directory.schemas.ts';
import {
  IMPORT_MAX_BYTES,
  importMemberships,
  importOrganisations,
  listMembershipsForExport,
  listOrganisationsForExport,
  membershipsToCsv,
  organisationsToCsv,
  reportAsFieldErrors,
} from './exchange.ts';

const Localized = LocalizedTextSchema(10_000);
const ExportedOrganisation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Localized,
  acronym: Localized,
  stakeholderGroup: Type.String(),
  headquartersCountry: Type.Union([Type.String(), Type.Null()]),
  countriesServed: Type.Array(Type.String()),
  thematicAreas: Type.Array(Type.String()),
  website: Type.Union([Type.String(), Type.Null()]),
  description: Localized,
});
const ExportedMembership = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  organisationName: Type.String(),
  network: Type.String({ description: 'The network slug' }),
  role: Type.String(),
  since: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
});
const Csv = { content: { 'text/csv': { schema: Type.String() } } };

const ImportBody = Type.Object({
  format: Type.Union([Type.Literal('csv'), Type.Literal('json')]),
  content: Type.String({
    description:
      'The file: CSV (header row with the columns of /api/v1/exports/organisations.csv, an optional HXL row, then one organisation per row) or a JSON array of organisations as in POST /api/v1/organisations',
  }),
  encoding: Type.Optional(
    Type.Union([Type.Literal('text'), Type.Literal('base64')], {
      description: '`base64` to send the file’s bytes unchanged (the import checks they are UTF-8)',
      default: 'text',
    }),
  ),
});

const MembershipImportBody = Type.Object({
  format: ImportBody.properties.format,
  content: Type.String({
    description:
      'The file: CSV (header row with the columns of /api/v1/exports/memberships.csv, where organisation_name is optional and ignored, an optional HXL row, then one membership per row) or a JSON array of `{ organisationId, network, role, since }` as /api/v1/exports/memberships.json writes it',
  }),
  encoding: ImportBody.properties.encoding,
});

/** Room for a file at the import limit in base64 (4/3) plus the JSON around it. */
const IMPORT_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;

function attachment(filename: string) {
  return { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-cache' };
}

/** Open data downloads of the directory, and the secretariat's import of organisations and memberships. */
export async function exchangeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/exports/organisations.csv',
    {
      schema: {
        tags: ['Directory'],
        summary: 'Every organisation as CSV with an HXL hashtag row (public data only)',
        response: { 200: Csv },
      },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      const csv = organisationsToCsv(await listOrganisationsForExport(app.deps.db));
      return reply.headers(attachment('puente-organisations.csv')).type('text/csv; charset=utf-8').send(csv);
    },
  );

  app.get(
    '/api/v1/exports/organisations.json',
    {
      schema: {
        tags: ['Directory'],
        summary: 'Every organisation as JSON (public data only); the array re-imports as it is',
        response: { 200: Type.Array(ExportedOrganisation) },
      },
      config: { access: 'public' },
    },
    async (_request, reply) =>
      reply
        .headers(attachment('puente-organisations.json'))
        .send(await listOrganisationsForExport(app.deps.db)),
  );

  app.get(
    '/api/v1/exports/memberships.csv',
    {
      schema: {
        tags: ['Directory'],
        summary: 'Every network membership as CSV with an HXL hashtag row',
        response: { 200: Csv },
      },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      const csv = membershipsToCsv(await listMembershipsForExport(app.deps.db));
      return reply.headers(attachment('puente-memberships.csv')).type('text/csv; charset=utf-8').send(csv);
    },
  );

  app.get(
    '/api/v1/exports/memberships.json',
    {
      schema: {
        tags: ['Directory'],
        summary: 'Every network membership as JSON',
        response: { 200: Type.Array(ExportedMembership) },
      },
      config: { access: 'public' },
    },
    async (_request, reply) =>
      reply.headers(attachment('puente-memberships.json')).send(await listMembershipsForExport(app.deps.db)),
  );

  app.post(
    '/api/v1/imports/organisations',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['Directory'],
        summary:
          'Import organisations from CSV (with or without the HXL row) or JSON: all or nothing, with a report by row and field',
        body: ImportBody,
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
      config: {
        access: 'secretariat',
        harness: {
          body: {
            format: 'json',
            content: JSON.stringify([
              { name: { en: 'Imported by the harness' }, stakeholderGroup: 'academia' },
            ]),
          },
        },
      },
    },
    async (request, reply) => {
      const { format, content, encoding } = request.body;
      const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
      const result = await importOrganisations(app.deps.db, request.principal!, { format, bytes }, request.t);
      if (result.ok) return reply.send({ imported: result.imported });
      if (result.forbidden) throw new HttpProblem('forbidden');
      throw new HttpProblem('validation', reportAsFieldErrors(result, request.t));
    },
  );
  app.post(
    '/api/v1/imports/memberships',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['Directory'],
        summary:
          'Import network memberships from CSV (with or without the HXL row) or JSON: all or nothing, with a report by row and field; the caller must run every network of the file',
        body: MembershipImportBody,
        security: [{ bearer: [] }],
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
      config: {
        access: 'secretariat',
        harness: {
          body: {
            format: 'json',
            content: JSON.stringify([
              {
                organisationId: '00000000-0000-4000-8000-000000000000',
                network: 'matrix-network',
                role: 'member',
                since: '2020-01-01',
              },
            ]),
          },
        },
      },
    },
    async (request, reply) => {
      const { format, content, encoding } = request.body;
      const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
      const result = await importMemberships(app.deps.db, request.principal!, { format, bytes }, request.t);
      if (result.ok) return reply.send({ imported: result.imported });
      if (result.forbidden) throw new HttpProblem('forbidden');
      throw new HttpProblem('validation', reportAsFieldErrors(result, request.t));
    },
  );
}
