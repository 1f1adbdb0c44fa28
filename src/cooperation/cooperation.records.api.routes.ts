import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import * as commands from './cooperation.records.commands.ts';
import { turnRecordIntoPractice } from './cooperation.records.practice.ts';
import * as queries from './cooperation.records.queries.ts';
import * as repo from './cooperation.records.repository.ts';
import type { Lang } from '../web/language.ts';
import { recordView, recordsCsv, type ExportableRecord } from './cooperation.records.exchange.ts';
import { RecordFilters, RecordInput, RecordUpdate, RecordView } from './cooperation.records.schemas.ts';

/** Cooperation records in the API (/api/v1/cooperation) and as open data (/api/v1/exports/cooperation.csv|.json). */

const TAG = 'Cooperation records';
const ApiIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Saved = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() });
const PracticeDraft = Type.Object({ practiceId: Type.String({ format: 'uuid' }), created: Type.Boolean() });

const API_HARNESS = {
  network: 'matrix-network',
  originalLanguage: 'en',
  title: { en: 'Matrix cooperation' },
  modality: 'bilateral',
  status: 'under-way',
};

export async function cooperationRecordsApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  async function exportable(request: FastifyRequest, filters: RecordFilters): Promise<ExportableRecord[]> {
    const records = await queries.exportRecords(db, request.principal, filters);
    return records.map((r) => ({ ...r, practiceIds: r.practices.map((p) => p.id) }));
  }

  async function viewOf(request: FastifyRequest, id: string) {
    const { record } = await queries.getRecord(db, request.principal, id);
    return recordView({ ...record, practiceIds: record.practices.map((p) => p.id) }, baseUrl, request.lang);
  }

  app.get(
    '/api/v1/cooperation',
    {
      schema: {
        tags: [TAG],
        summary: 'Cooperation records the caller may see (the public: completed ones), newest first',
        querystring: RecordFilters,
        response: {
          200: Type.Object({
            items: Type.Array(RecordView),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const result = await queries.searchRecords(db, request.principal, request.query);
      const practices = await repo.practicesOf(
        db,
        result.items.map((r) => r.id),
      );
      return {
        ...result,
        items: result.items.map((r) =>
          recordView(
            { ...r, practiceIds: (practices.get(r.id) ?? []).map((p) => p.id) },
            baseUrl,
            request.lang,
          ),
        ),
      };
    },
  );

  app.post(
    '/api/v1/cooperation',
    {
      schema: {
        tags: [TAG],
        summary: 'Record a cooperation (the secretariat, or a focal point of one of the parties)',
        security: [{ bearer: [] }],
        body: RecordInput,
        response: { 201: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: { body: API_HARNESS, bodyParams: { parties: 'ownParties' } },
      },
    },
    async (request, reply) => {
      const result = await commands.createRecord(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).header('location', `/api/v1/cooperation/${result.value.id}`).send(result.value);
    },
  );

  app.get(
    '/api/v1/cooperation/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'One cooperation record (completed ones are public; the others for the network’s members)',
        params: ApiIdParams,
        response: { 200: RecordView },
      },
      config: { access: 'public', harness: { params: { id: 'completedRecord' } } },
    },
    async (request) => viewOf(request, request.params.id),
  );

  app.put(
    '/api/v1/cooperation/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Update a cooperation record from the version read (409 with the current record if stale)',
        security: [{ bearer: [] }],
        params: ApiIdParams,
        body: RecordUpdate,
        response: { 200: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownRecord' },
          body: { ...API_HARNESS, version: 1 },
          bodyParams: { parties: 'ownParties' },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await commands.updateRecord(db, request.principal!, id, request.body, request.t);
      if (result.ok) return result.value;
      if ('conflict' in result) {
        // The problem document carries the saved record, so that the client can merge: nothing is lost.
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
            current: await viewOf(request, id),
          });
      }
      throw new HttpProblem('validation', result.errors);
    },
  );

  app.post(
    '/api/v1/cooperation/:id/practice',
    {
      schema: {
        tags: [TAG],
        summary:
          'Turn a completed record into a practice draft (once: a second call answers the same draft, created false)',
        security: [{ bearer: [] }],
        params: ApiIdParams,
        response: { 200: PracticeDraft, 201: PracticeDraft },
      },
      config: { access: 'own-organisation', harness: { params: { id: 'completedRecord' } } },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await turnRecordIntoPractice(db, request.principal!, id, request.t, {
        recordUrl: `${baseUrl}/${request.lang}/cooperation/${id}`,
      });
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply
        .code(result.value.created ? 201 : 200)
        .header('location', `/api/v1/practices/${result.value.practiceId}`)
        .send(result.value);
    },
  );

  // ---- Open data ---------------------------------------------------------------------------

  const attachment = (filename: string) => ({
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-cache',
  });

  app.get(
    '/api/v1/exports/cooperation.csv',
    {
      schema: {
        tags: [TAG],
        summary:
          'The cooperation records the caller may see, matching the filters, as CSV: a header row, the HXL hashtag row, then one record per row',
        querystring: RecordFilters,
        response: { 200: { content: { 'text/csv': { schema: Type.String() } } } },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const records = await exportable(request, request.query);
      const lang: Lang = request.lang;
      return reply
        .headers(attachment('puente-cooperation.csv'))
        .type('text/csv; charset=utf-8')
        .send(recordsCsv(records, (id) => `${baseUrl}/${lang}/cooperation/${id}`));
    },
  );

  app.get(
    '/api/v1/exports/cooperation.json',
    {
      schema: {
        tags: [TAG],
        summary:
          'The cooperation records the caller may see, matching the filters, as a JSON array of the API’s shape',
        querystring: RecordFilters,
        response: { 200: Type.Array(RecordView) },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const records = await exportable(request, request.query);
      return reply
        .headers(attachment('puente-cooperation.json'))
        .send(records.map((r) => recordView(r, baseUrl, request.lang)));
    },
  );
}
