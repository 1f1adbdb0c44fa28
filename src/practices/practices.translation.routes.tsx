import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem, type FieldError } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { canManagePractice, canTranslate } from './practices.access.ts';
import { addTranslation } from './practices.commands.ts';
import { isContentLanguage } from './practices.languages.ts';
import { getPracticeView } from './practices.queries.ts';
import { TEXT_FIELDS, type TextField } from './practices.schemas.ts';
import {
  listTranslators,
  setTranslatorLanguages,
  translatorCandidates,
  translatorLanguagesOf,
} from './practices.translators.ts';
import { TranslatePage, TranslatorsPage } from './practices.translation.views.tsx';
import { headerOf, practiceOr404, workflowFactsOf } from './practices.work.ts';
import { TransitionRefusedPage } from './practices.workflow.views.tsx';

// Translating a published practice into one more language, and the admins' translator roles.

const TranslateParams = Type.Object({
  lang: LangParams.properties.lang,
  id: Type.String({ maxLength: 200 }),
  target: Type.String({ maxLength: 10 }),
});
const TranslationForm = Type.Object(
  Object.fromEntries(TEXT_FIELDS.map((field) => [field, Type.Optional(Type.String({ maxLength: 20_000 }))])),
);
const TranslatorsQuery = Type.Object({
  user: Type.Optional(Type.String({ maxLength: 100 })),
  notice: Type.Optional(Type.Literal('saved')),
});
const TranslatorsForm = Type.Object({
  userId: Type.Optional(Type.String({ maxLength: 100 })),
  languages: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20 })),
});

type TranslateRequest = FastifyRequest<{
  Params: { lang: 'fr' | 'es' | 'en' | 'pt'; id: string; target: string };
}>;

export async function practicesTranslationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  /**
   * The practice to translate, once the caller is known to be allowed: a translator into the target
   * language, or someone who manages the practice. The original language is not a translation.
   */
  async function translatable(request: TranslateRequest) {
    const { id, target } = request.params;
    if (!isContentLanguage(target)) throw new HttpProblem('not-found');
    const practice = await practiceOr404(db, id);
    const actor = request.principal!;
    const languages = await translatorLanguagesOf(db, actor.userId);
    if (!canTranslate(actor, languages, target) && !canManagePractice(actor, practice))
      throw new HttpProblem('forbidden');
    const view = await getPracticeView(db, actor, id);
    if (view.shown.content.originalLanguage === target) throw new HttpProblem('not-found');
    return { practice, view };
  }

  async function translatePage(
    request: TranslateRequest,
    reply: FastifyReply,
    view: Awaited<ReturnType<typeof getPracticeView>>,
    values: Partial<Record<TextField, string>>,
    errors: FieldError[] | undefined,
  ) {
    const ctx = pageContext(request, reply);
    if (view.status !== 'published' || !view.published) {
      // Only a published practice is translated: say so, with the practice's state and actions.
      const facts = await workflowFactsOf(db, request.principal, view);
      const refusal = [{ field: 'body', message: request.t('practices.error.notPublished') }];
      return sendHtml(
        reply,
        <TransitionRefusedPage
          ctx={ctx}
          practice={headerOf(view)}
          facts={facts}
          errors={errors ?? refusal}
        />,
        errors ? 400 : 409,
      );
    }
    return sendHtml(
      reply,
      <TranslatePage
        ctx={ctx}
        id={view.id}
        target={request.params.target}
        content={view.shown.content}
        values={values}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/practices/:id/translate/:target`,
    {
      schema: { params: TranslateParams },
      config: {
        access: 'member',
        harness: { params: { id: 'translatablePractice', target: 'translationLanguage' } },
      },
    },
    async (request, reply) => {
      const { view } = await translatable(request);
      const { target } = request.params;
      const values = Object.fromEntries(
        TEXT_FIELDS.map((field) => [field, view.shown.content[field][target] ?? '']),
      ) as Record<TextField, string>;
      return translatePage(request, reply, view, values, undefined);
    },
  );

  app.post(
    `${L}/practices/:id/translate/:target`,
    {
      schema: { params: TranslateParams, body: TranslationForm },
      attachValidation: true,
      config: {
        access: 'member',
        harness: {
          params: { id: 'translatablePractice', target: 'translationLanguage' },
          body: { title: 'Práctica de la matriz' },
        },
      },
    },
    async (request, reply) => {
      const { lang, id, target } = request.params;
      const { view } = await translatable(request);
      const body = (request.body ?? {}) as Partial<Record<TextField, string>>;
      const values = Object.fromEntries(TEXT_FIELDS.map((field) => [field, body[field] ?? '']));
      const errors = formErrors(request);
      if (errors) return translatePage(request, reply, view, values, errors);
      const result = await addTranslation(db, request.principal!, id, target, body, request.t);
      if (!result.ok) return translatePage(request, reply, view, values, result.errors);
      return seeOther(reply, `/${lang}/practices/${id}?notice=translated`);
    },
  );

  // ---- Translators (admins) ---------------------------------------------------------------------

  async function translatorsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: { userId: string; languages: string[] },
    errors: FieldError[] | undefined,
    notice?: 'saved',
  ) {
    const [translators, users] = await Promise.all([listTranslators(db), translatorCandidates(db)]);
    return sendHtml(
      reply,
      <TranslatorsPage
        ctx={pageContext(request, reply)}
        translators={translators}
        users={users}
        values={values}
        errors={errors}
        notice={notice}
      />,
      errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/admin/translators`,
    { schema: { params: LangParams, querystring: TranslatorsQuery }, config: { access: 'admin' } },
    async (request, reply) => {
      const userId = request.query.user ?? '';
      const languages = /^[0-9a-f-]{36}$/i.test(userId) ? await translatorLanguagesOf(db, userId) : [];
      return translatorsPage(request, reply, { userId, languages }, undefined, request.query.notice);
    },
  );

  app.post(
    `${L}/admin/translators`,
    {
      schema: { params: LangParams, body: TranslatorsForm },
      attachValidation: true,
      config: {
        access: 'admin',
        harness: { body: { userId: '00000000-0000-4000-8000-000000000001', languages: 'es' } },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const values = { userId: body.userId ?? '', languages: body.languages ?? [] };
      const errors = formErrors(request);
      if (errors) return translatorsPage(request, reply, values, errors);
      const result = await setTranslatorLanguages(
        db,
        request.principal!,
        values.userId,
        values.languages,
        request.t,
      );
      if (!result.ok) return translatorsPage(request, reply, values, result.errors);
      return seeOther(reply, `/${request.params.lang}/admin/translators?notice=saved`);
    },
  );
}
