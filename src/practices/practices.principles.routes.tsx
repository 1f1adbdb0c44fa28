import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { LANGUAGES, type Lang } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { deletePrinciple, listPrinciples, networkBySlug, savePrinciple } from './practices.principles.ts';
import { type PrincipleFormValues, PrinciplesPage } from './practices.principles.views.tsx';

// A network's smart-practice principles: read by all, kept by the network's secretariat.

const SlugParams = Type.Object({ lang: LangParams.properties.lang, slug: Type.String({ maxLength: 100 }) });
const PrinciplesQuery = Type.Object({
  edit: Type.Optional(Type.String({ maxLength: 20 })),
  notice: Type.Optional(Type.Union([Type.Literal('saved'), Type.Literal('deleted')])),
});
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const PrincipleForm = Type.Object({
  action: Type.Optional(Type.Union([Type.Literal('save'), Type.Literal('delete')])),
  code: text(20),
  stage: text(20),
  ...Object.fromEntries(LANGUAGES.map((lang) => [`label.${lang}`, text(500)])),
});
type PrincipleForm = Record<string, string | undefined>;

const EMPTY: PrincipleFormValues = { code: '', stage: '', label: {} };

export async function practicesPrinciplesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  async function networkOr404(slug: string) {
    const network = await networkBySlug(db, slug);
    if (!network) throw new HttpProblem('not-found');
    return network;
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    network: NonNullable<Awaited<ReturnType<typeof networkBySlug>>>,
    options: {
      editing?: string | null;
      values?: PrincipleFormValues;
      errors?: FieldError[];
      notice?: 'saved' | 'deleted' | undefined;
    },
  ) {
    const principles = await listPrinciples(db, network.id);
    const editing = options.editing
      ? (principles.find((principle) => principle.code === options.editing) ?? null)
      : null;
    const values =
      options.values ??
      (editing ? { code: editing.code, stage: editing.stage, label: editing.label } : EMPTY);
    return sendHtml(
      reply,
      <PrinciplesPage
        ctx={pageContext(request, reply)}
        network={network}
        principles={principles}
        canEdit={isSecretariat(request.principal, network.id)}
        editing={editing?.code ?? null}
        values={values}
        errors={options.errors}
        notice={options.notice}
      />,
      options.errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/networks/:slug/principles`,
    {
      schema: { params: SlugParams, querystring: PrinciplesQuery },
      config: { access: 'public', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request, reply) => {
      const network = await networkOr404(request.params.slug);
      return page(request, reply, network, {
        editing: request.query.edit ?? null,
        notice: request.query.notice,
      });
    },
  );

  app.post(
    `${L}/networks/:slug/principles`,
    {
      schema: { params: SlugParams, body: PrincipleForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: { slug: 'networkSlug' },
          body: {
            action: 'save',
            code: 'PM',
            stage: 'design',
            'label.fr': 'Principe de la matrice',
            'label.es': 'Principio de la matriz',
            'label.en': 'Matrix principle',
            'label.pt': 'Princípio da matriz',
          },
        },
      },
    },
    async (request, reply) => {
      const { lang, slug } = request.params;
      const network = await networkOr404(slug);
      // Only this network's secretariat keeps its principles: refused before the form is read.
      if (!isSecretariat(request.principal, network.id)) throw new HttpProblem('forbidden');
      const body = (request.body ?? {}) as PrincipleForm;
      const values: PrincipleFormValues = {
        code: (body.code ?? '').trim(),
        stage: body.stage ?? '',
        label: Object.fromEntries(LANGUAGES.map((l) => [l, body[`label.${l}`] ?? ''])) as Record<
          Lang,
          string
        >,
      };
      const errors = formErrors(request);
      if (errors) return page(request, reply, network, { values, errors });
      if (body.action === 'delete') {
        const result = await deletePrinciple(db, request.principal!, network.id, values.code, request.t);
        if (!result.ok) return page(request, reply, network, { errors: result.errors });
        return seeOther(reply, `/${lang}/networks/${slug}/principles?notice=deleted`);
      }
      const result = await savePrinciple(db, request.principal!, network.id, values, request.t);
      if (!result.ok) return page(request, reply, network, { values, errors: result.errors });
      return seeOther(reply, `/${lang}/networks/${slug}/principles?notice=saved`);
    },
  );
}
