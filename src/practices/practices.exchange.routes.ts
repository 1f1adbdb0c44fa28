import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IMPORT_MAX_BYTES, reportAsFieldErrors } from '../directory/exchange.ts';
import { HttpProblem } from '../http/problems.ts';
import { enqueueUpkeep } from '../jobs/index.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import type { Lang } from '../web/language.ts';
import {
  type ImportFormat,
  importPractices,
  practicesCsv,
  practicesJson,
  publishedPractices,
} from './practices.exchange.ts';
import { type ImportPageProps, importPage } from './practices.exchange.views.tsx';
import { type MultipartBody, UploadedFile, fileField, registerMultipartParser } from '../http/multipart.ts';
import { practicesFeed } from './practices.feed.ts';
import { PracticeSearchParams } from './practices.schemas.ts';

const TAG = 'Practices';
const LIMIT_MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

const PageQuery = PracticeSearchParams;
const ImportedQuery = Type.Object({ imported: Type.Optional(Type.Integer({ minimum: 0 })) });

const ImportBody = Type.Object({
  format: Type.Union([Type.Literal('csv'), Type.Literal('json')]),
  content: Type.String({
    description:
      'The file: CSV (a header row with the columns of /api/v1/exports/practices.csv, an optional HXL row, then one practice per row) or a JSON array of practices as /api/v1/exports/practices.json writes them (PracticeInput, with `status`: `published` (the default) or `draft`, and an optional past `publishedAt`)',
  }),
  encoding: Type.Optional(
    Type.Union([Type.Literal('text'), Type.Literal('base64')], {
      description: '`base64` to send the file’s bytes unchanged (the import checks they are UTF-8)',
      default: 'text',
    }),
  ),
});

/** The import form: a file (multipart) or the pasted content; the format, or '' to tell it from the file. */
const ImportForm = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('csv'), Type.Literal('json')])),
  content: Type.Optional(Type.String({ maxLength: IMPORT_MAX_BYTES })),
  file: Type.Optional(fileField('The CSV or JSON file, in UTF-8')),
});

/** Room for a file at the import limit in base64 (4/3) plus the JSON around it. */
const API_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;
/** Room for a file at the limit in a multipart form, with the other fields. */
const FORM_BODY_LIMIT = IMPORT_MAX_BYTES + 1024 * 1024;
/** Pasted content is shown again with the report only up to this size. */
const ECHO_LIMIT = 1024 * 1024;

const HARNESS_IMPORT = {
  format: 'json',
  content: JSON.stringify([
    {
      network: 'matrix-network',
      organisationId: '00000000-0000-4000-8000-000000000000',
      originalLanguage: 'en',
      title: { en: 'Imported by the harness' },
    },
  ]),
};

const Exported = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  network: Type.String({ description: 'The slug of the network' }),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  publishedAt: Type.String({ format: 'date-time', description: 'The first publication' }),
  completeness: Type.Integer(),
  originalLanguage: Type.String(),
  title: Type.Record(Type.String(), Type.String()),
});

function attachment(filename: string) {
  return { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-cache' };
}

/** Open data of practices (CSV with HXL, JSON, Atom) and the secretariat's import. */
export async function practicesExchangeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  function sendExport(
    reply: FastifyReply,
    params: PracticeSearchParams,
    lang: Lang,
    format: 'csv' | 'json',
  ): FastifyReply {
    const pages = publishedPractices(db, params, { baseUrl, lang });
    const body = Readable.from(format === 'csv' ? practicesCsv(pages) : practicesJson(pages));
    return reply
      .headers(attachment(`puente-practices.${format}`))
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .send(body);
  }

  // ---- Open data ---------------------------------------------------------------------------

  for (const format of ['csv', 'json'] as const) {
    app.get(
      `${L}/practices/export.${format}`,
      { schema: { params: LangParams, querystring: PageQuery }, config: { access: 'public' } },
      async (request, reply) => sendExport(reply, request.query, request.params.lang, format),
    );
  }

  app.get(
    '/api/v1/exports/practices.csv',
    {
      schema: {
        tags: [TAG],
        summary:
          'The published practices matching the search’s filters (all of them, newest first) as CSV: a header row, the HXL hashtag row, then one practice per row',
        querystring: PracticeSearchParams,
        response: { 200: { content: { 'text/csv': { schema: Type.String() } } } },
      },
      config: { access: 'public' },
    },
    async (request, reply) => sendExport(reply, request.query, request.lang, 'csv'),
  );

  app.get(
    '/api/v1/exports/practices.json',
    {
      schema: {
        tags: [TAG],
        summary:
          'The published practices matching the search’s filters (all of them, newest first) as JSON; the array re-imports as it is',
        querystring: PracticeSearchParams,
        response: { 200: Type.Array(Type.Object(Exported.properties, { additionalProperties: true })) },
      },
      config: { access: 'public' },
    },
    async (request, reply) => sendExport(reply, request.query, request.lang, 'json'),
  );

  app.get(
    `${L}/practices/feed.atom`,
    { schema: { params: LangParams, querystring: PageQuery }, config: { access: 'public' } },
    async (request, reply) => {
      const { lang } = request.params;
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(request.query))
        for (const item of Array.isArray(value) ? value : [value])
          if (name !== 'page' && name !== 'pageSize' && item !== undefined) search.append(name, String(item));
      const query = search.toString() === '' ? '' : `?${search.toString()}`;
      const xml = await practicesFeed(db, request.query, {
        baseUrl,
        lang,
        t: request.t,
        selfUrl: `${baseUrl}/${lang}/practices/feed.atom${query}`,
        pageUrl: `${baseUrl}/${lang}/practices${query}`,
      });
      return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'no-cache').send(xml);
    },
  );

  // ---- Import ------------------------------------------------------------------------------

  function renderImport(
    request: FastifyRequest,
    reply: FastifyReply,
    props: Omit<ImportPageProps, 'ctx' | 'limitMb'>,
    status = 200,
  ) {
    return sendHtml(
      reply,
      importPage({ ctx: pageContext(request, reply), limitMb: LIMIT_MB, ...props }),
      status,
    );
  }

  app.get(
    `${L}/practices/import`,
    { schema: { params: LangParams, querystring: ImportedQuery }, config: { access: 'secretariat' } },
    async (request, reply) => renderImport(request, reply, { imported: request.query.imported }),
  );

  // The form's POST lives in a scope of its own, the only one that reads multipart bodies.
  await app.register(async (scope) => {
    registerMultipartParser(scope);
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      `${L}/practices/import`,
      {
        bodyLimit: FORM_BODY_LIMIT,
        schema: { params: LangParams, body: ImportForm },
        attachValidation: true,
        config: { access: 'secretariat', harness: { body: HARNESS_IMPORT } },
      },
      async (request, reply) => {
        const { lang } = request.params;
        const body = (request.body ?? {}) as MultipartBody;
        const file = body.file instanceof UploadedFile ? body.file : undefined;
        const content = typeof body.content === 'string' ? body.content : '';
        const values = {
          format: typeof body.format === 'string' ? body.format : '',
          content: content.length <= ECHO_LIMIT ? content : '',
        };
        const errors = formErrors(request);
        if (errors) return renderImport(request, reply, { values, errors }, 400);
        if (!file && content.trim() === '')
          return renderImport(
            request,
            reply,
            { values, errors: [{ field: 'file', message: request.t('practiceExchange.import.chooseFile') }] },
            400,
          );
        const format: ImportFormat =
          values.format === 'csv' || values.format === 'json'
            ? values.format
            : (file ? /\.json$/i.test(file.name) : content.trimStart().startsWith('['))
              ? 'json'
              : 'csv';
        const result = await importPractices(
          db,
          request.principal!,
          file ? { format, bytes: file.bytes() } : { format, text: content },
          request.t,
        );
        if (result.ok) {
          await enqueueUpkeep(db);
          return seeOther(reply, `/${lang}/practices/import?imported=${result.value.imported}`);
        }
        if (result.forbidden) throw new HttpProblem('forbidden');
        return renderImport(request, reply, { values, report: result }, 400);
      },
    );
  });

  app.post(
    '/api/v1/imports/practices',
    {
      bodyLimit: API_BODY_LIMIT,
      schema: {
        tags: [TAG],
        summary:
          'Import practices from CSV (with or without the HXL row) or JSON, into networks the caller runs: all or nothing, with a report by row and field',
        security: [{ bearer: [] }],
        body: ImportBody,
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
      config: { access: 'secretariat', harness: { body: HARNESS_IMPORT } },
    },
    async (request, reply) => {
      const { format, content, encoding } = request.body;
      const file =
        encoding === 'base64' ? { format, bytes: Buffer.from(content, 'base64') } : { format, text: content };
      const result = await importPractices(db, request.principal!, file, request.t);
      if (result.ok) {
        await enqueueUpkeep(db);
        return reply.send({ imported: result.value.imported });
      }
      if (result.forbidden) throw new HttpProblem('forbidden');
      throw new HttpProblem('validation', reportAsFieldErrors(result, request.t));
    },
  );
}
