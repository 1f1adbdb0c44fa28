import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { canManageRecord, canViewRecord } from './cooperation.access.ts';
import { addIndicatorValue, defineIndicator, updateIndicator } from './cooperation.indicators.commands.ts';
import {
  type IndicatorDetail,
  getVisibleIndicator,
  listVisibleIndicators,
} from './cooperation.indicators.queries.ts';
import {
  findNetworkBySlug,
  findRecordForIndicators,
  networksForChoice,
  recordsOfOrganisation,
} from './cooperation.indicators.repository.ts';
import {
  ChooseOwnerPage,
  type FormValues,
  IndicatorFormPage,
  type IndicatorOwner,
  IndicatorPage,
  NetworkIndicatorsPage,
} from './cooperation.indicators.views.tsx';
import { cooperationIatiRoutes } from './cooperation.iati.routes.ts';
import { MATRIX_DEFINITION, cooperationIndicatorsApiRoutes } from './cooperation.indicators.api.routes.ts';

const Id = Type.String({ format: 'uuid' });
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Id });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Form routes validate with `attachValidation`, path parameters included: an id that is not one names nothing. */
function requireId(id: string): string {
  if (!UUID.test(id)) throw new HttpProblem('not-found');
  return id;
}

// The forms, as browsers send them: every field text, one per language for texts (`name.fr`…).
const formProperties: Record<string, ReturnType<typeof Type.String>> = {};
for (const field of ['name', 'unit'])
  for (const lang of LANGUAGES) formProperties[`${field}.${lang}`] = Type.String({ maxLength: 300 });
for (const lang of LANGUAGES) formProperties[`description.${lang}`] = Type.String({ maxLength: 5000 });
for (const field of [
  'scope',
  'network',
  'recordId',
  'gcmObjective',
  'originalLanguage',
  'unitType',
  'currency',
  'baselineValue',
  'baselineOn',
  'targetValue',
  'targetOn',
  'version',
])
  formProperties[field] = Type.String({ maxLength: 100 });
const IndicatorForm = Type.Partial(Type.Object(formProperties));
const ValueForm = Type.Partial(
  Type.Object({
    value: Type.String({ maxLength: 100 }),
    measuredOn: Type.String({ maxLength: 20 }),
    source: Type.String({ maxLength: 500 }),
    note: Type.String({ maxLength: 2000 }),
  }),
);

/** A number where the form holds one (a decimal comma accepted), else the text, for the command to name. */
function numberOrText(value: string | undefined): number | string | undefined {
  const text = value?.trim().replace(/\s/g, '') ?? '';
  if (text === '') return undefined;
  const normalized = text.replace(',', '.');
  return /^-?[0-9]+(\.[0-9]+)?$/.test(normalized) ? Number(normalized) : text;
}

const textOf = (values: FormValues, field: string): LocalizedText => {
  const text: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const value = values[`${field}.${lang}`]?.trim();
    if (value) text[lang] = value;
  }
  return text;
};

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function definitionFromForm(values: FormValues) {
  return {
    originalLanguage: values.originalLanguage ?? '',
    name: textOf(values, 'name'),
    description: textOf(values, 'description'),
    gcmObjective: optional(values.gcmObjective) ?? null,
    unitType: values.unitType ?? '',
    unit: textOf(values, 'unit'),
    currency: optional(values.currency)?.toUpperCase() ?? null,
    baselineValue: numberOrText(values.baselineValue),
    baselineOn: values.baselineOn?.trim() ?? '',
    targetValue: numberOrText(values.targetValue),
    targetOn: values.targetOn?.trim() ?? '',
  };
}

function formValuesOf(indicator: IndicatorDetail): FormValues {
  const values: FormValues = {
    originalLanguage: indicator.originalLanguage,
    gcmObjective: indicator.gcmObjective ?? '',
    unitType: indicator.unitType,
    currency: indicator.currency ?? '',
    baselineValue: String(indicator.baselineValue),
    baselineOn: indicator.baselineOn,
    targetValue: String(indicator.targetValue),
    targetOn: indicator.targetOn,
    version: String(indicator.version),
  };
  for (const lang of LANGUAGES) {
    values[`name.${lang}`] = indicator.name[lang] ?? '';
    values[`description.${lang}`] = indicator.description[lang] ?? '';
    values[`unit.${lang}`] = indicator.unit[lang] ?? '';
  }
  return values;
}

/** Errors named after the form's fields: the name is asked in every language, shown at the original one. */
function formFieldErrors(errors: FieldError[], values: FormValues): FieldError[] {
  return errors.map((error) =>
    error.field === 'name' ? { ...error, field: `name.${values.originalLanguage || 'en'}` } : error,
  );
}

function stringValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object')
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
}

export async function cooperationIndicatorsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  /** Who the new-indicator form is for, from `?network=` or `?record=`; checks that the caller may define one. */
  async function ownerFor(
    principal: Principal,
    query: { network?: string | undefined; record?: string | undefined },
  ): Promise<IndicatorOwner | null> {
    if (query.record !== undefined) {
      const record = await findRecordForIndicators(db, requireId(query.record));
      if (!record || !(await canViewRecord(db, principal, record))) throw new HttpProblem('not-found');
      if (!canManageRecord(principal, record)) throw new HttpProblem('forbidden');
      return { kind: 'record', id: record.id, title: record.title };
    }
    if (query.network !== undefined) {
      const network = await findNetworkBySlug(db, query.network);
      if (!network) throw new HttpProblem('not-found');
      if (!isSecretariat(principal, network.id)) throw new HttpProblem('forbidden');
      return { kind: 'network', slug: network.slug, name: network.name };
    }
    return null;
  }

  async function renderIndicator(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: 'saved' | 'valueAdded'; valueValues?: FormValues; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const indicator = await getVisibleIndicator(db, request.principal, id);
    return sendHtml(
      reply,
      <IndicatorPage ctx={pageContext(request, reply)} indicator={indicator} {...extra} />,
      status,
    );
  }

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/networks/:slug/indicators`,
    {
      schema: { params: Type.Object({ lang: LangParams.properties.lang, slug: Slug }) },
      config: { access: 'public', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request, reply) => {
      const network = await findNetworkBySlug(db, request.params.slug);
      if (!network) throw new HttpProblem('not-found');
      const indicators = await listVisibleIndicators(db, request.principal, { networkId: network.id });
      return sendHtml(
        reply,
        <NetworkIndicatorsPage
          ctx={pageContext(request, reply)}
          network={network}
          indicators={indicators}
          canDefine={isSecretariat(request.principal, network.id)}
        />,
      );
    },
  );

  app.get(
    `${L}/indicators/new`,
    {
      schema: {
        params: LangParams,
        querystring: Type.Object({ network: Type.Optional(Slug), record: Type.Optional(Id) }),
      },
      // Members reach the choice of what they may define indicators for; the form itself checks the owner.
      config: { access: 'member' },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const ctx = pageContext(request, reply);
      const owner = await ownerFor(principal, request.query);
      if (owner)
        return sendHtml(
          reply,
          <IndicatorFormPage ctx={ctx} owner={owner} values={{ originalLanguage: ctx.lang }} />,
        );
      const secretariatOf = principal.isAdmin
        ? null
        : principal.roles.filter((r) => r.role === 'secretariat').map((r) => r.networkId);
      const networks = await networksForChoice(db, secretariatOf);
      const records = principal.organisationId
        ? await recordsOfOrganisation(db, principal.organisationId)
        : [];
      return sendHtml(reply, <ChooseOwnerPage ctx={ctx} networks={networks} records={records} />);
    },
  );

  app.post(
    `${L}/indicators`,
    {
      schema: { params: LangParams, body: IndicatorForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: {
          body: { ...MATRIX_DEFINITION, scope: 'record', 'name.en': 'Matrix indicator' },
          bodyParams: { recordId: 'ownRecord' },
        },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const values = stringValues(request.body);
      const owner = await ownerFor(
        principal,
        values.scope === 'record' ? { record: values.recordId ?? '' } : { network: values.network ?? '' },
      );
      if (!owner) throw new HttpProblem('not-found');
      const ctx = pageContext(request, reply);
      const errors = formErrors(request);
      if (errors)
        return sendHtml(
          reply,
          <IndicatorFormPage ctx={ctx} owner={owner} values={values} errors={errors} />,
          400,
        );
      const input =
        owner.kind === 'record'
          ? { ...definitionFromForm(values), scope: 'record', recordId: owner.id }
          : {
              ...definitionFromForm(values),
              scope: optional(values.gcmObjective) ? 'objective' : 'network',
              network: owner.kind === 'network' ? owner.slug : '',
            };
      const result = await defineIndicator(db, principal, input, request.t);
      if (result.ok) return seeOther(reply, `/${request.params.lang}/indicators/${result.value.id}?saved=1`);
      return sendHtml(
        reply,
        <IndicatorFormPage
          ctx={ctx}
          owner={owner}
          values={values}
          errors={formFieldErrors(result.errors, values)}
        />,
        400,
      );
    },
  );

  app.get(
    `${L}/indicators/:id`,
    {
      schema: {
        params: PageIdParams,
        querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
      config: { access: 'public', harness: { params: { id: 'networkIndicator' } } },
    },
    async (request, reply) =>
      renderIndicator(request, reply, request.params.id, {
        ...(request.query.saved === '1' ? { notice: 'saved' as const } : {}),
        ...(request.query.saved === 'value' ? { notice: 'valueAdded' as const } : {}),
      }),
  );

  app.get(
    `${L}/indicators/:id/edit`,
    {
      schema: { params: PageIdParams },
      config: { access: 'own-organisation', harness: { params: { id: 'ownRecordIndicator' } } },
    },
    async (request, reply) => {
      const indicator = await getVisibleIndicator(db, request.principal, request.params.id);
      if (!indicator.canManage) throw new HttpProblem('forbidden');
      return sendHtml(
        reply,
        <IndicatorFormPage
          ctx={pageContext(request, reply)}
          owner={{ kind: 'existing', indicator }}
          values={formValuesOf(indicator)}
        />,
      );
    },
  );

  app.post(
    `${L}/indicators/:id/edit`,
    {
      schema: { params: PageIdParams, body: IndicatorForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownRecordIndicator' },
          body: { ...MATRIX_DEFINITION, 'name.en': 'Matrix indicator', version: '1' },
        },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const id = requireId(request.params.id);
      const indicator = await getVisibleIndicator(db, request.principal, id);
      if (!indicator.canManage) throw new HttpProblem('forbidden');
      const values = stringValues(request.body);
      const ctx = pageContext(request, reply);
      const owner = { kind: 'existing' as const, indicator };
      const errors = formErrors(request);
      if (errors)
        return sendHtml(
          reply,
          <IndicatorFormPage ctx={ctx} owner={owner} values={values} errors={errors} />,
          400,
        );
      const result = await updateIndicator(
        db,
        request.principal!,
        id,
        { ...definitionFromForm(values), version: numberOrText(values.version) },
        request.t,
      );
      if (result.ok) return seeOther(reply, `/${lang}/indicators/${id}?saved=1`);
      if ('conflict' in result) {
        // The user's values stay in the form; saving again, knowingly, starts from the current version.
        const current = await getVisibleIndicator(db, request.principal, id);
        return sendHtml(
          reply,
          <IndicatorFormPage
            ctx={ctx}
            owner={{ kind: 'existing', indicator: current }}
            values={{ ...values, version: String(current.version) }}
            errors={result.errors}
            status="conflict"
          />,
          409,
        );
      }
      return sendHtml(
        reply,
        <IndicatorFormPage
          ctx={ctx}
          owner={owner}
          values={values}
          errors={formFieldErrors(result.errors, values)}
        />,
        400,
      );
    },
  );

  app.post(
    `${L}/indicators/:id/values`,
    {
      schema: { params: PageIdParams, body: ValueForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownRecordIndicator' },
          body: { value: '5', measuredOn: '2025-07-01', source: 'Matrix' },
        },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const id = requireId(request.params.id);
      const indicator = await getVisibleIndicator(db, request.principal, id);
      if (!indicator.canManage) throw new HttpProblem('forbidden');
      const values = stringValues(request.body);
      const errors = formErrors(request);
      if (errors) return renderIndicator(request, reply, id, { valueValues: values, errors }, 400);
      const result = await addIndicatorValue(
        db,
        request.principal!,
        id,
        {
          value: numberOrText(values.value),
          measuredOn: values.measuredOn?.trim() ?? '',
          source: values.source ?? '',
          note: optional(values.note) ?? null,
        },
        request.t,
      );
      if (result.ok) return seeOther(reply, `/${lang}/indicators/${id}?saved=value`);
      return renderIndicator(request, reply, id, { valueValues: values, errors: result.errors }, 400);
    },
  );

  await cooperationIndicatorsApiRoutes(app);
  await cooperationIatiRoutes(app);
}
