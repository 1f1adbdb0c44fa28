import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import * as commands from './directory.commands.ts';
import * as queries from './directory.queries.ts';
import { OrganisationFilters, OrganisationInput, OrganisationUpdate } from './directory.schemas.ts';
import {
  type OrganisationFormValues,
  OrganisationPage,
  OrganisationsListPage,
  organisationJsonLd,
} from './organisations.views.tsx';
import { OrganisationFormPage } from './organisations.form.views.tsx';

const TAG = 'Directory';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const ApiIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ListQuery = Type.Object({
  ...OrganisationFilters.properties,
  deleted: Type.Optional(Type.Literal('1')),
});
const DetailQuery = Type.Object({
  notice: Type.Optional(
    Type.Union([Type.Literal('saved'), Type.Literal('created'), Type.Literal('focalPointAdded')]),
  ),
});

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
/** The organisation form as the browser sends it: flat names (`name.fr`), lists for multiple choices. */
const OrganisationForm = Type.Object({
  ...Object.fromEntries(
    LANGUAGES.flatMap((lang) => [
      [`name.${lang}`, text(1000)],
      [`acronym.${lang}`, text(1000)],
      [`description.${lang}`, text(20_000)],
    ]),
  ),
  stakeholderGroup: text(100),
  headquartersCountry: text(100),
  countriesServed: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 400 })),
  thematicAreas: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 40 })),
  website: text(1000),
  version: text(12),
  confirmDistinct: text(5),
});
type OrganisationForm = Record<string, string | string[] | undefined>;

const FocalPointForm = Type.Object({
  name: text(1000),
  title: text(1000),
  email: text(1000),
  phone: text(1000),
  languages: text(1000),
});

const ResponseText = Type.Object({
  fr: Type.Optional(Type.String()),
  es: Type.Optional(Type.String()),
  en: Type.Optional(Type.String()),
  pt: Type.Optional(Type.String()),
});
const FacetCounts = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));
const OrganisationSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: ResponseText,
  acronym: ResponseText,
  stakeholderGroup: Type.String(),
  headquartersCountry: Type.Union([Type.String(), Type.Null()]),
  countriesServed: Type.Array(Type.String()),
  thematicAreas: Type.Array(Type.String()),
});
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const OrganisationView = Type.Object({
  ...OrganisationSummary.properties,
  description: ResponseText,
  website: Nullable(Type.String()),
  version: Type.Integer(),
  accreditations: Type.Array(
    Type.Object({
      kind: Type.String(),
      accreditingOrganisationId: Nullable(Type.String()),
      accreditingBody: Nullable(Type.String()),
      grantedOn: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  relationships: Type.Array(
    Type.Object({
      kind: Type.String(),
      direction: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')]),
      organisationId: Type.String(),
      organisationName: ResponseText,
      since: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  networks: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: ResponseText,
      role: Type.String(),
      since: Nullable(Type.String()),
    }),
  ),
  focalPoints: Nullable(
    Type.Array(
      Type.Object({
        name: Type.String(),
        title: Nullable(Type.String()),
        email: Nullable(Type.String()),
        phone: Nullable(Type.String()),
        languages: Type.Array(Type.String()),
      }),
    ),
  ),
});
const Saved = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() });

type Detail = NonNullable<Awaited<ReturnType<typeof queries.getOrganisation>>>;

function summaryView(row: {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
  stakeholder_group: string;
  headquarters_country: string | null;
  countries_served: string[];
  thematic_areas: string[];
}) {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    stakeholderGroup: row.stakeholder_group,
    headquartersCountry: row.headquarters_country,
    countriesServed: row.countries_served,
    thematicAreas: row.thematic_areas,
  };
}

function detailView(o: Detail) {
  return {
    ...summaryView(o),
    description: o.description,
    website: o.website,
    version: o.version,
    accreditations: o.accreditations.map((a) => ({
      kind: a.kind,
      accreditingOrganisationId: a.accreditingOrganisationId,
      accreditingBody: a.accreditingBody,
      grantedOn: a.grantedOn,
      note: a.note,
    })),
    relationships: o.relationships.map((r) => ({
      kind: r.kind,
      direction: r.direction,
      organisationId: r.otherId,
      organisationName: r.otherName,
      since: r.since,
      note: r.note,
    })),
    networks: o.memberships.map((m) => ({ slug: m.slug, name: m.name, role: m.role, since: m.since })),
    focalPoints:
      o.focalPoints?.map((f) => ({
        name: f.name,
        title: f.title,
        email: f.email,
        phone: f.phone,
        languages: f.languages,
      })) ?? null,
  };
}

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const many = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).filter((v) => v !== '');

/** The flat form body → the values to show again and the command's input (empty fields absent). */
export function organisationFromForm(body: OrganisationForm): {
  values: OrganisationFormValues;
  input: Record<string, unknown>;
  version: number | null;
} {
  const localized = (prefix: string): LocalizedText => {
    const result: LocalizedText = {};
    for (const lang of LANGUAGES) {
      const value = one(body[`${prefix}.${lang}`]);
      if (value) result[lang] = value;
    }
    return result;
  };
  const values: OrganisationFormValues = {
    name: localized('name'),
    acronym: localized('acronym'),
    description: localized('description'),
    stakeholderGroup: one(body.stakeholderGroup),
    headquartersCountry: one(body.headquartersCountry),
    countriesServed: [...new Set(many(body.countriesServed))],
    thematicAreas: [...new Set(many(body.thematicAreas))],
    website: one(body.website),
  };
  const input = {
    name: values.name,
    acronym: values.acronym,
    description: values.description,
    stakeholderGroup: values.stakeholderGroup,
    headquartersCountry: values.headquartersCountry || null,
    countriesServed: values.countriesServed,
    thematicAreas: values.thematicAreas,
    website: values.website || null,
  };
  const version = /^[0-9]{1,9}$/.test(one(body.version)) ? Number(one(body.version)) : null;
  return { values, input, version };
}

function formValuesOf(o: {
  name: LocalizedText;
  acronym: LocalizedText;
  description: LocalizedText;
  stakeholder_group: string;
  headquarters_country: string | null;
  countries_served: string[];
  thematic_areas: string[];
  website: string | null;
}): OrganisationFormValues {
  return {
    name: o.name,
    acronym: o.acronym,
    description: o.description,
    stakeholderGroup: o.stakeholder_group,
    headquartersCountry: o.headquarters_country ?? '',
    countriesServed: o.countries_served,
    thematicAreas: o.thematic_areas,
    website: o.website ?? '',
  };
}

/** Field errors pointed at the form's fields: `name` → the page language's name field. */
function formFieldErrors(errors: FieldError[], lang: string): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field:
      error.field === 'name'
        ? `name.${lang}`
        : error.field.replace(/^(countriesServed|thematicAreas)\.[0-9]+$/, '$1'),
  }));
}

const ORGANISATION_FORM_HARNESS = {
  'name.en': 'Matrix organisation',
  stakeholderGroup: 'civil-society',
  headquartersCountry: 'MX',
  confirmDistinct: '1',
  version: '1',
};

export async function organisationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const baseUrl = app.deps.config.baseUrl.replace(/\/$/, '');

  async function loadOrganisation(request: FastifyRequest, id: string): Promise<Detail> {
    const organisation = UUID.test(id) ? await queries.getOrganisation(db, request.principal, id) : null;
    if (!organisation) throw new HttpProblem('not-found');
    return organisation;
  }

  async function renderDetail(
    request: FastifyRequest<{ Params: { lang: 'fr' | 'es' | 'en' | 'pt'; id: string } }>,
    reply: FastifyReply,
    organisation: Detail,
    extra: Partial<Parameters<typeof OrganisationPage>[0]> = {},
    status = 200,
  ) {
    const ctx = pageContext(request, reply);
    return sendHtml(
      reply,
      <OrganisationPage
        ctx={ctx}
        organisation={organisation}
        jsonLd={organisationJsonLd(organisation, baseUrl, ctx.lang)}
        canEdit={commands.canEditOrganisation(request.principal, organisation.id)}
        canDelete={isSecretariat(request.principal)}
        {...extra}
      />,
      status,
    );
  }

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/organisations`,
    { schema: { params: LangParams, querystring: ListQuery }, config: { access: 'public' } },
    async (request, reply) => {
      const { deleted, ...filters } = request.query;
      const [result, networks] = await Promise.all([
        queries.searchOrganisations(db, { ...filters, pageSize: 20 }),
        queries.listNetworks(db),
      ]);
      return sendHtml(
        reply,
        <OrganisationsListPage
          ctx={pageContext(request, reply)}
          filters={filters}
          result={result}
          networkNames={new Map(networks.map((n) => [n.slug, n.name]))}
          canCreate={isSecretariat(request.principal)}
          deleted={deleted === '1'}
        />,
      );
    },
  );

  const emptyValues: OrganisationFormValues = {
    name: {},
    acronym: {},
    description: {},
    stakeholderGroup: '',
    headquartersCountry: '',
    countriesServed: [],
    thematicAreas: [],
    website: '',
  };

  app.get(
    `${L}/organisations/new`,
    { schema: { params: LangParams }, config: { access: 'secretariat' } },
    async (request, reply) =>
      sendHtml(
        reply,
        <OrganisationFormPage
          ctx={pageContext(request, reply)}
          action={`/${request.params.lang}/organisations/new`}
          title={request.t('organisations.create.title')}
          values={emptyValues}
        />,
      ),
  );

  app.post(
    `${L}/organisations/new`,
    {
      schema: { params: LangParams, body: OrganisationForm },
      attachValidation: true,
      config: { access: 'secretariat', harness: { body: ORGANISATION_FORM_HARNESS } },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const body = (request.body ?? {}) as OrganisationForm;
      const { values, input } = organisationFromForm(body);
      const page = (extra: Partial<Parameters<typeof OrganisationFormPage>[0]>, status: number) =>
        sendHtml(
          reply,
          <OrganisationFormPage
            ctx={pageContext(request, reply)}
            action={`/${lang}/organisations/new`}
            title={request.t('organisations.create.title')}
            values={values}
            {...extra}
          />,
          status,
        );
      const errors = formErrors(request);
      if (errors) return page({ errors: formFieldErrors(errors, lang) }, 400);
      if (one(body.confirmDistinct) !== '1') {
        const probes = [...Object.values(values.name), ...Object.values(values.acronym)].filter(
          (v): v is string => !!v,
        );
        const duplicates = await queries.findSimilarOrganisations(
          db,
          probes,
          values.headquartersCountry || null,
          null,
        );
        if (duplicates.length > 0) return page({ duplicates }, 200);
      }
      const result = await commands.createOrganisation(db, request.principal!, input, request.t);
      if (!result.ok) return page({ errors: formFieldErrors(result.errors, lang) }, 400);
      return seeOther(reply, `/${lang}/organisations/${result.value.id}?notice=created`);
    },
  );

  app.get(
    `${L}/organisations/:id`,
    { schema: { params: PageIdParams, querystring: DetailQuery }, config: { access: 'public' } },
    async (request, reply) => {
      const organisation = await loadOrganisation(request, request.params.id);
      return renderDetail(request, reply, organisation, { notice: request.query.notice });
    },
  );

  app.get(
    `${L}/organisations/:id/edit`,
    {
      schema: { params: PageIdParams },
      config: { access: 'own-organisation', harness: { params: { id: 'owningOrganisation' } } },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      if (UUID.test(id) && !commands.canEditOrganisation(request.principal, id))
        throw new HttpProblem('forbidden');
      const organisation = await loadOrganisation(request, id);
      return sendHtml(
        reply,
        <OrganisationFormPage
          ctx={pageContext(request, reply)}
          action={`/${lang}/organisations/${id}/edit`}
          title={request.t('organisations.edit.title')}
          values={formValuesOf(organisation)}
          version={organisation.version}
        />,
      );
    },
  );

  app.post(
    `${L}/organisations/:id/edit`,
    {
      schema: { params: PageIdParams, body: OrganisationForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: { params: { id: 'owningOrganisation' }, body: ORGANISATION_FORM_HARNESS },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      if (!UUID.test(id)) throw new HttpProblem('not-found');
      // A focal point edits their own organisation only: refused before anything is read.
      if (!commands.canEditOrganisation(request.principal, id)) throw new HttpProblem('forbidden');
      const body = (request.body ?? {}) as OrganisationForm;
      const { values, input, version } = organisationFromForm(body);
      const page = (extra: Partial<Parameters<typeof OrganisationFormPage>[0]>, status: number) =>
        sendHtml(
          reply,
          <OrganisationFormPage
            ctx={pageContext(request, reply)}
            action={`/${lang}/organisations/${id}/edit`}
            title={request.t('organisations.edit.title')}
            values={values}
            version={version ?? undefined}
            {...extra}
          />,
          status,
        );
      const errors = formErrors(request);
      if (errors) return page({ errors: formFieldErrors(errors, lang) }, 400);
      if (version === null)
        return page(
          { errors: [{ field: 'version', message: request.t('validation.required', { field: 'version' }) }] },
          400,
        );
      const result = await commands.updateOrganisation(db, request.principal!, id, version, input, request.t);
      if (result.ok) return seeOther(reply, `/${lang}/organisations/${id}?notice=saved`);
      if ('notFound' in result) throw new HttpProblem('not-found');
      if ('conflict' in result) {
        // The user's values stay in the form, now carrying the version they must overwrite.
        return page(
          {
            errors: result.errors,
            version: result.current.version,
            conflict: { current: formValuesOf(result.current) },
          },
          409,
        );
      }
      return page({ errors: formFieldErrors(result.errors, lang) }, 400);
    },
  );

  app.post(
    `${L}/organisations/:id/delete`,
    {
      schema: { params: PageIdParams },
      // No fixture: deleting the matrix's own organisations would change the callers of later routes.
      config: { access: 'secretariat', harness: {} },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      if (!UUID.test(id)) throw new HttpProblem('not-found');
      const outcome = await commands.deleteOrganisation(db, request.principal!, id);
      if (outcome === 'forbidden') throw new HttpProblem('forbidden');
      if (outcome === 'not-found') throw new HttpProblem('not-found');
      return seeOther(reply, `/${lang}/organisations?deleted=1`);
    },
  );

  app.post(
    `${L}/organisations/:id/focal-points`,
    {
      schema: { params: PageIdParams, body: FocalPointForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: { params: { id: 'owningOrganisation' }, body: { name: 'Matrix focal point' } },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (UUID.test(id) && !commands.canEditOrganisation(request.principal, id))
        throw new HttpProblem('forbidden');
      const organisation = await loadOrganisation(request, id);
      const body = (request.body ?? {}) as Record<string, string | undefined>;
      const values = Object.fromEntries(
        ['name', 'title', 'email', 'phone', 'languages'].map((k) => [k, one(body[k])]),
      );
      const errors = formErrors(request);
      if (errors)
        return renderDetail(
          request,
          reply,
          organisation,
          { focalPointErrors: errors, focalPointValues: values },
          400,
        );
      const input = {
        name: values.name,
        title: values.title || null,
        email: values.email || null,
        phone: values.phone || null,
        languages: [
          ...new Set(
            (values.languages ?? '')
              .toLowerCase()
              .split(/[\s,;]+/)
              .filter(Boolean),
          ),
        ],
      };
      const result = await commands.addFocalPoint(db, request.principal!, id, input, request.t);
      if (!result.ok) {
        const fieldErrors = result.errors.map((e) => ({
          ...e,
          field: e.field.replace(/^languages\..*/, 'languages'),
        }));
        return renderDetail(
          request,
          reply,
          organisation,
          { focalPointErrors: fieldErrors, focalPointValues: values },
          400,
        );
      }
      return seeOther(
        reply,
        `/${request.params.lang}/organisations/${id}?notice=focalPointAdded#focal-points`,
      );
    },
  );

  // ---- API ---------------------------------------------------------------------------------

  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: [TAG],
        summary: 'Search organisations, with facet counts',
        querystring: OrganisationFilters,
        response: {
          200: Type.Object({
            items: Type.Array(OrganisationSummary),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            facets: Type.Object({
              group: FacetCounts,
              country: FacetCounts,
              region: FacetCounts,
              area: FacetCounts,
              network: FacetCounts,
            }),
          }),
        },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const result = await queries.searchOrganisations(db, request.query);
      return { ...result, items: result.items.map(summaryView) };
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'One organisation (focal points only for members)',
        params: ApiIdParams,
        response: { 200: OrganisationView },
      },
      config: { access: 'public', harness: { params: { id: 'owningOrganisation' } } },
    },
    async (request) => detailView(await loadOrganisation(request, request.params.id)),
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        tags: [TAG],
        summary: 'Create an organisation (secretariat)',
        security: [{ bearer: [] }],
        body: OrganisationInput,
        response: { 201: Saved },
      },
      config: {
        access: 'secretariat',
        harness: { body: { name: { en: 'Matrix organisation' }, stakeholderGroup: 'civil-society' } },
      },
    },
    async (request, reply) => {
      const result = await commands.createOrganisation(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply
        .code(201)
        .header('location', `/api/v1/organisations/${result.value.id}`)
        .send(result.value);
    },
  );

  app.put(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Update an organisation from the version read (409 with the current record if stale)',
        security: [{ bearer: [] }],
        params: ApiIdParams,
        body: OrganisationUpdate,
        response: { 200: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'owningOrganisation' },
          body: { name: { en: 'Matrix organisation' }, stakeholderGroup: 'civil-society', version: 1 },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!commands.canEditOrganisation(request.principal, id)) throw new HttpProblem('forbidden');
      const { version, ...input } = request.body;
      const result = await commands.updateOrganisation(db, request.principal!, id, version, input, request.t);
      if (result.ok) return result.value;
      if ('notFound' in result) throw new HttpProblem('not-found');
      if ('conflict' in result) {
        // The problem document carries the saved record, so that the client can merge: nothing is lost.
        const current = await queries.getOrganisation(db, request.principal, id);
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
            current: current ? detailView(current) : null,
          });
      }
      throw new HttpProblem('validation', result.errors);
    },
  );

  app.delete(
    '/api/v1/organisations/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Delete an organisation (secretariat)',
        security: [{ bearer: [] }],
        params: ApiIdParams,
        response: { 204: Type.Null() },
      },
      // No fixture: deleting the matrix's own organisations would change the callers of later routes.
      config: { access: 'secretariat', harness: {} },
    },
    async (request, reply) => {
      const outcome = await commands.deleteOrganisation(db, request.principal!, request.params.id);
      if (outcome === 'forbidden') throw new HttpProblem('forbidden');
      if (outcome === 'not-found') throw new HttpProblem('not-found');
      return reply.code(204).send(null);
    },
  );
}
