import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { LANGUAGES } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { findCall, listCalls, networksOpeningCalls, practicesAnsweringCall } from './practices.calls.ts';
import { type CallFormValues, CallFormPage, CallPage, CallsPage } from './practices.calls.views.tsx';
import { networkBySlug } from './practices.principles.ts';
import { openCall } from './practices.reviews.ts';

// Calls for practices: public list and page, the secretariat's form.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
/** The call form as the browser sends it: flat names (`title.fr`), lists for the tags. */
const CallForm = Type.Object({
  network: text(80),
  ...Object.fromEntries(
    LANGUAGES.flatMap((lang) => [
      [`title.${lang}`, text(300)],
      [`description.${lang}`, text(10_000)],
    ]),
  ),
  opensOn: text(20),
  closesOn: text(20),
  gcmObjectives: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 23 })),
  thematicAreas: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 9 })),
});
type CallForm = Record<string, string | string[] | undefined>;

const CallParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const CallQuery = Type.Object({ notice: Type.Optional(Type.Literal('opened')) });

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const many = (value: string | string[] | undefined): string[] => [
  ...new Set((Array.isArray(value) ? value : value ? [value] : []).filter(Boolean)),
];

function valuesOf(body: CallForm): CallFormValues {
  const localized = (prefix: string) => {
    const result: Record<string, string> = {};
    for (const lang of LANGUAGES) {
      const value = one(body[`${prefix}.${lang}`]);
      if (value) result[lang] = value;
    }
    return result;
  };
  return {
    network: one(body.network),
    title: localized('title'),
    description: localized('description'),
    opensOn: one(body.opensOn),
    closesOn: one(body.closesOn),
    gcmObjectives: many(body.gcmObjectives),
    thematicAreas: many(body.thematicAreas),
  };
}

/** Command errors pointed at the form's fields: `title` → the title in the page language; list items → the list. */
function formFields(errors: FieldError[], lang: string): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field:
      error.field === 'title'
        ? `title.${lang}`
        : error.field.replace(/^(gcmObjectives|thematicAreas)\.[0-9]+$/, '$1'),
  }));
}

export async function practicesCallsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  app.get(
    `${L}/practice-calls`,
    { schema: { params: LangParams }, config: { access: 'public' } },
    async (request, reply) =>
      sendHtml(
        reply,
        <CallsPage
          ctx={pageContext(request, reply)}
          calls={await listCalls(db)}
          canOpen={isSecretariat(request.principal)}
        />,
      ),
  );

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: CallFormValues,
    errors?: FieldError[],
  ) {
    const networks = await networksOpeningCalls(db, request.principal!);
    return sendHtml(
      reply,
      <CallFormPage ctx={pageContext(request, reply)} networks={networks} values={values} errors={errors} />,
      errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/practice-calls/new`,
    { schema: { params: LangParams }, config: { access: 'secretariat' } },
    async (request, reply) => {
      const networks = await networksOpeningCalls(db, request.principal!);
      return formPage(request, reply, {
        network: networks.length === 1 ? networks[0]!.slug : '',
        title: {},
        description: {},
        opensOn: '',
        closesOn: '',
        gcmObjectives: [],
        thematicAreas: [],
      });
    },
  );

  app.post(
    `${L}/practice-calls`,
    {
      schema: { params: LangParams, body: CallForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          body: {
            network: 'matrix-network',
            'title.en': 'Matrix call',
            opensOn: '2026-01-01',
            closesOn: '2026-12-31',
          },
        },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const t = request.t;
      const values = valuesOf((request.body ?? {}) as CallForm);
      // The secretariat of one network opens calls for that network only: refused before the form is read.
      const network = values.network ? await networkBySlug(db, values.network) : null;
      if (network && !isSecretariat(request.principal, network.id)) throw new HttpProblem('forbidden');
      const errors = formErrors(request) ?? [];
      if (!network) errors.push({ field: 'network', message: t('practiceWorkflow.calls.error.network') });
      for (const field of ['opensOn', 'closesOn'] as const)
        if (!ISO_DATE.test(values[field]) && !errors.some((e) => e.field === field))
          errors.push({ field, message: t('practiceWorkflow.calls.error.date') });
      if (Object.keys(values.title).length === 0 && !errors.some((e) => e.field.startsWith('title')))
        errors.push({ field: 'title', message: t('practices.error.titleRequired') });
      if (errors.length > 0) return formPage(request, reply, values, formFields(errors, lang));
      const result = await openCall(db, request.principal!, values, t);
      if (!result.ok) return formPage(request, reply, values, formFields(result.errors, lang));
      return seeOther(reply, `/${lang}/practice-calls/${result.value.id}?notice=opened`);
    },
  );

  app.get(
    `${L}/practice-calls/:id`,
    { schema: { params: CallParams, querystring: CallQuery }, config: { access: 'public' } },
    async (request, reply) => {
      const call = UUID.test(request.params.id) ? await findCall(db, request.params.id) : null;
      if (!call) throw new HttpProblem('not-found');
      const practices = await practicesAnsweringCall(db, request.principal, call);
      return sendHtml(
        reply,
        <CallPage
          ctx={pageContext(request, reply)}
          call={call}
          practices={practices}
          notice={request.query.notice}
        />,
      );
    },
  );
}
