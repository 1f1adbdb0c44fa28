import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isMember } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
import type { Lang } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import * as commands from './cooperation.records.commands.ts';
import { turnRecordIntoPractice } from './cooperation.records.practice.ts';
import * as queries from './cooperation.records.queries.ts';
import * as repo from './cooperation.records.repository.ts';
import { recordView, recordsCsv, type ExportableRecord } from './cooperation.records.exchange.ts';
import {
  RecordFilters,
  RecordInput,
  RecordUpdate,
  RecordView,
  RECORD_STATUSES,
} from './cooperation.records.schemas.ts';
import {
  type RecordFormBody,
  type RecordFormValues,
  RecordForm,
  emptyValues,
  formFieldErrors,
  readRecordForm,
  valuesFromPrefill,
  valuesFromRecord,
} from './cooperation.records.form.values.ts';
import { ChooseNetworkPage, type FormChoices, RecordFormPage } from './cooperation.records.form.tsx';
import { type RecordNotice, RecordPage, RecordsListPage } from './cooperation.records.views.tsx';

/**
 * Cooperation records (issue 6, item 5): pages under /{lang}/cooperation, the API under
 * /api/v1/cooperation, and the open-data exports /api/v1/exports/cooperation.csv|.json.
 */

const TAG = 'Cooperation records';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const ApiIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DetailQuery = Type.Object({
  notice: Type.Optional(Type.Union([Type.Literal('created'), Type.Literal('saved')])),
});
const NewQuery = Type.Object({
  network: Type.Optional(Type.String({ maxLength: 80 })),
  match: Type.Optional(Type.String({ maxLength: 100 })),
});
const Saved = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() });
const PracticeDraft = Type.Object({ practiceId: Type.String({ format: 'uuid' }), created: Type.Boolean() });

const FORM_HARNESS = {
  network: 'matrix-network',
  originalLanguage: 'en',
  'title.en': 'Matrix cooperation',
  modality: 'bilateral',
  status: 'under-way',
  'party.0.role': 'provider',
};
const API_HARNESS = {
  network: 'matrix-network',
  originalLanguage: 'en',
  title: { en: 'Matrix cooperation' },
  modality: 'bilateral',
  status: 'under-way',
};

export async function cooperationRecordsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  const pageId = (id: string) => {
    if (!UUID.test(id)) throw new HttpProblem('not-found');
    return id;
  };

  async function choicesFor(networkSlug: string): Promise<FormChoices | null> {
    const network = networkSlug ? await repo.networkBySlug(db, networkSlug) : undefined;
    if (!network) return null;
    return { networkName: network.name, organisations: await repo.membersOfNetwork(db, network.id) };
  }

  async function filterChoices() {
    const [networks, organisations] = await Promise.all([
      repo.allNetworks(db),
      repo.organisationsWithRecords(db),
    ]);
    const codes = (name: string) => (getVocabulary(name) ?? []).map((entry) => entry.code);
    return {
      networks,
      organisations,
      statuses: [...RECORD_STATUSES],
      modalities: codes('cooperation-modalities'),
      countries: codes('countries'),
      areas: codes('iom-areas'),
      objectives: codes('gcm-objectives'),
    };
  }

  async function renderRecord(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: RecordNotice | undefined; practiceError?: string } = {},
    status = 200,
  ) {
    const data = await queries.getRecord(db, request.principal, id);
    return sendHtml(reply, <RecordPage ctx={pageContext(request, reply)} data={data} {...extra} />, status);
  }

  function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    props: {
      action: string;
      heading: string;
      values: RecordFormValues;
      choices: FormChoices;
      errors?: FieldError[] | undefined;
      version?: number | undefined;
      conflict?: repo.RecordDetail | undefined;
    },
    status = 200,
  ) {
    return sendHtml(reply, <RecordFormPage ctx={pageContext(request, reply)} {...props} />, status);
  }

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/cooperation`,
    { schema: { params: LangParams, querystring: RecordFilters }, config: { access: 'public' } },
    async (request, reply) => {
      const [result, choices] = await Promise.all([
        queries.searchRecords(db, request.principal, request.query),
        filterChoices(),
      ]);
      return sendHtml(
        reply,
        <RecordsListPage
          ctx={pageContext(request, reply)}
          filters={request.query}
          result={result}
          choices={choices}
          canCreate={isMember(request.principal)}
        />,
      );
    },
  );

  app.get(
    `${L}/cooperation/new`,
    // Any member may open it: the page says in which networks they may record, if any (the POST
    // is for the secretariat and the parties' focal points).
    { schema: { params: LangParams, querystring: NewQuery }, config: { access: 'member' } },
    async (request, reply) => {
      const { lang } = request.params;
      const actor = request.principal!;
      const ctx = pageContext(request, reply);
      const heading = request.t('cooperationRecords.create.title');
      const networks = await queries.networksForNewRecord(db, actor);
      if (request.query.match) {
        const found = UUID.test(request.query.match)
          ? await queries.prefillFromMatch(db, actor, request.query.match)
          : ({ error: 'unknown' } as const);
        if ('error' in found) {
          if (found.error === 'unknown') throw new HttpProblem('not-found');
          if (found.error === 'recorded' && found.recordId)
            return seeOther(reply, `/${lang}/cooperation/${found.recordId}`);
          return sendHtml(
            reply,
            <ChooseNetworkPage
              ctx={ctx}
              networks={networks}
              notice={request.t('cooperationRecords.error.matchNotAgreed')}
            />,
            400,
          );
        }
        const choices = (await choicesFor(found.prefill.networkSlug))!;
        return renderForm(request, reply, {
          action: `/${lang}/cooperation`,
          heading,
          values: valuesFromPrefill(found.prefill),
          choices,
        });
      }
      const wanted = request.query.network ?? (networks.length === 1 ? networks[0]!.slug : '');
      const network = networks.find((n) => n.slug === wanted);
      if (!network) return sendHtml(reply, <ChooseNetworkPage ctx={ctx} networks={networks} />);
      const choices = (await choicesFor(network.slug))!;
      const values = { ...emptyValues(lang), network: network.slug };
      if (actor.organisationId && choices.organisations.some((o) => o.id === actor.organisationId))
        values.parties = [{ organisationId: actor.organisationId, role: 'provider' }];
      return renderForm(request, reply, { action: `/${lang}/cooperation`, heading, values, choices });
    },
  );

  app.post(
    `${L}/cooperation`,
    {
      schema: { params: LangParams, body: RecordForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: { body: FORM_HARNESS, bodyParams: { 'party.0.organisation': 'owningOrganisation' } },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const {
        values,
        input,
        errors: readingErrors,
      } = readRecordForm((request.body ?? {}) as RecordFormBody, request.t);
      const choices = await choicesFor(values.network);
      if (!choices) {
        const networks = await queries.networksForNewRecord(db, request.principal!);
        return sendHtml(
          reply,
          <ChooseNetworkPage
            ctx={pageContext(request, reply)}
            networks={networks}
            error={request.t('cooperationRecords.error.unknownNetwork')}
          />,
          400,
        );
      }
      const page = (errors: FieldError[]) =>
        renderForm(
          request,
          reply,
          {
            action: `/${lang}/cooperation`,
            heading: request.t('cooperationRecords.create.title'),
            values,
            choices,
            errors: formFieldErrors(errors, values.originalLanguage),
          },
          400,
        );
      // Who may record is decided (403 otherwise) before any error of the form is shown.
      await commands.assertMayCreate(db, request.principal!, input);
      const schemaErrors = formErrors(request);
      if (schemaErrors) return page(schemaErrors);
      if (readingErrors.length > 0) return page(readingErrors);
      const result = await commands.createRecord(db, request.principal!, input, request.t);
      if (!result.ok) return page(result.errors);
      return seeOther(reply, `/${lang}/cooperation/${result.value.id}?notice=created`);
    },
  );

  app.get(
    `${L}/cooperation/:id`,
    {
      schema: { params: PageIdParams, querystring: DetailQuery },
      config: { access: 'public', harness: { params: { id: 'completedRecord' } } },
    },
    async (request, reply) =>
      renderRecord(request, reply, pageId(request.params.id), { notice: request.query.notice }),
  );

  async function editable(request: FastifyRequest, id: string) {
    const { record } = await commands.managedRecord(db, request.principal, pageId(id));
    return record;
  }

  app.get(
    `${L}/cooperation/:id/edit`,
    {
      schema: { params: PageIdParams },
      config: { access: 'own-organisation', harness: { params: { id: 'ownRecord' } } },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      await editable(request, id);
      const detail = (await repo.findRecordDetail(db, id))!;
      const choices = (await choicesFor(detail.networkSlug))!;
      return renderForm(request, reply, {
        action: `/${lang}/cooperation/${id}/edit`,
        heading: request.t('cooperationRecords.edit.title'),
        values: valuesFromRecord(detail, await repo.linkedPracticeIds(db, id), detail.networkSlug),
        choices,
        version: detail.version,
      });
    },
  );

  app.post(
    `${L}/cooperation/:id/edit`,
    {
      schema: { params: PageIdParams, body: RecordForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownRecord' },
          body: { ...FORM_HARNESS, version: '1' },
          bodyParams: { 'party.0.organisation': 'owningOrganisation' },
        },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const record = await editable(request, id);
      const network = (await repo.networksByIds(db, [record.networkId]))[0]!;
      const {
        values,
        input,
        version,
        errors: readingErrors,
      } = readRecordForm({ ...((request.body ?? {}) as RecordFormBody), network: network.slug }, request.t);
      const choices = (await choicesFor(network.slug))!;
      const page = (errors: FieldError[], extra: { version?: number; conflict?: repo.RecordDetail } = {}) =>
        renderForm(
          request,
          reply,
          {
            action: `/${lang}/cooperation/${id}/edit`,
            heading: request.t('cooperationRecords.edit.title'),
            values,
            choices,
            errors: formFieldErrors(errors, values.originalLanguage),
            version: extra.version ?? version ?? undefined,
            conflict: extra.conflict,
          },
          extra.conflict ? 409 : 400,
        );
      const schemaErrors = formErrors(request);
      if (schemaErrors) return page(schemaErrors);
      if (version === null)
        return page([{ field: 'version', message: request.t('validation.required', { field: 'version' }) }]);
      if (readingErrors.length > 0) return page(readingErrors);
      const result = await commands.updateRecord(
        db,
        request.principal!,
        id,
        { ...input, version },
        request.t,
      );
      if (result.ok) return seeOther(reply, `/${lang}/cooperation/${id}?notice=saved`);
      // The user's values stay in the form, now carrying the version they would overwrite.
      if ('conflict' in result)
        return page(result.errors, { version: result.current.version, conflict: result.current });
      return page(result.errors);
    },
  );

  app.post(
    `${L}/cooperation/:id/practice`,
    {
      schema: { params: PageIdParams },
      config: { access: 'own-organisation', harness: { params: { id: 'completedRecord' } } },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const result = await turnRecordIntoPractice(db, request.principal!, pageId(id), request.t, {
        recordUrl: `${baseUrl}/${lang}/cooperation/${id}`,
      });
      if (!result.ok)
        return renderRecord(
          request,
          reply,
          id,
          { practiceError: result.errors.map((e) => e.message).join(' ') },
          400,
        );
      return seeOther(reply, `/${lang}/practices/${result.value.practiceId}/edit`);
    },
  );

  // ---- API ---------------------------------------------------------------------------------

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
