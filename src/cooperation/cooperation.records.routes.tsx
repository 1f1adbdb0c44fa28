import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isMember } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import * as commands from './cooperation.records.commands.ts';
import { turnRecordIntoPractice } from './cooperation.records.practice.ts';
import * as queries from './cooperation.records.queries.ts';
import * as repo from './cooperation.records.repository.ts';
import { RecordFilters, RECORD_STATUSES } from './cooperation.records.schemas.ts';
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
import { cooperationRecordsApiRoutes } from './cooperation.records.api.routes.ts';

/**
 * Cooperation records (issue 6, item 5): pages under /{lang}/cooperation, the API under
 * /api/v1/cooperation, and the open-data exports /api/v1/exports/cooperation.csv|.json.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const DetailQuery = Type.Object({
  notice: Type.Optional(Type.Union([Type.Literal('created'), Type.Literal('saved')])),
});
const NewQuery = Type.Object({
  network: Type.Optional(Type.String({ maxLength: 80 })),
  match: Type.Optional(Type.String({ maxLength: 100 })),
});

const FORM_HARNESS = {
  network: 'matrix-network',
  originalLanguage: 'en',
  'title.en': 'Matrix cooperation',
  modality: 'bilateral',
  status: 'under-way',
  'party.0.role': 'provider',
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

  await cooperationRecordsApiRoutes(app);
}
