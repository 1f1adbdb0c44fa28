import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listNetworks } from '../directory/index.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { fileField } from '../http/multipart.ts';
import { uploadBodyLimit } from '../practices/index.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import type { Lang } from '../web/language.ts';
import { mayPost } from './updates.access.ts';
import * as commands from './updates.commands.ts';
import { updatesFeed } from './updates.feed.ts';
import { emptyValues, formValuesOf, postFromForm } from './updates.form.ts';
import { CannotPostPage, type PostFormValues, PostFormPage } from './updates.form.views.tsx';
import { filesOf, registerPostMultipartParser } from './updates.multipart.ts';
import { formChoices, getUpdate, searchUpdates } from './updates.queries.ts';
import { UpdateFilters, UpdateForm } from './updates.schemas.ts';
import { UpdatePage, UpdatesListPage, filterQuery } from './updates.views.tsx';
import { sendFile, updatesApiRoutes } from './updates.api.routes.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageId = Type.String({ maxLength: 200 });
const PageParams = Type.Object({ lang: LangParams.properties.lang, id: pageId });
const AttachmentParams = Type.Object({ lang: LangParams.properties.lang, id: pageId, attachmentId: pageId });
const DetailQuery = Type.Object({
  notice: Type.Optional(
    Type.Union([Type.Literal('created'), Type.Literal('saved'), Type.Literal('withdrawn')]),
  ),
});
const FormBody = Type.Object({
  ...UpdateForm.properties,
  attachments: Type.Optional(fileField('PDF files or PNG, JPEG, WebP or GIF images, read by their content')),
});
const VersionForm = Type.Object({ version: Type.Optional(Type.String({ maxLength: 12 })) });

/** A valid form for the harnesses; the network and organisation come from the matrix's fixtures. */
const FORM_HARNESS = {
  category: 'funding',
  language: 'en',
  title: 'Matrix post',
  body: 'A call for proposals.',
  visibility: 'network',
};
const FORM_FIXTURES = { networkId: 'networkId', organisationId: 'owningOrganisation' };

/** Field errors pointed at the form's fields (`countries.3` → `countries`), one per field but attachments. */
function formFieldErrors(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors
    .map((error) => ({ ...error, field: error.field.replace(/^countries\.[0-9]+$/, 'countries') }))
    .filter((error) => error.field === 'attachments' || (!seen.has(error.field) && seen.add(error.field)));
}

/** The information-exchange feed's pages: list, post, Atom, and the forms (the API is in updates.api.routes.ts). */
export async function updatesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;
  const { attachmentLimit, baseUrl } = app.deps.config;

  async function loadPost(request: FastifyRequest, id: string) {
    const post = UUID.test(id) ? await getUpdate(db, request.principal, id) : null;
    if (!post) throw new HttpProblem('not-found');
    return post;
  }

  async function managedPost(request: FastifyRequest, id: string) {
    const post = await loadPost(request, id);
    if (!post.canManage) throw new HttpProblem('forbidden');
    return post;
  }

  app.get(
    `${L}/updates`,
    { schema: { params: LangParams, querystring: UpdateFilters }, config: { access: 'public' } },
    async (request, reply) => {
      const [result, networks] = await Promise.all([
        searchUpdates(db, request.principal, request.query),
        listNetworks(db),
      ]);
      return sendHtml(
        reply,
        <UpdatesListPage
          ctx={pageContext(request, reply)}
          filters={request.query}
          result={result}
          networks={networks.map((n) => ({ slug: n.slug, name: n.name }))}
          canPost={mayPost(request.principal)}
        />,
      );
    },
  );

  app.get(
    `${L}/updates.atom`,
    { schema: { params: LangParams, querystring: UpdateFilters }, config: { access: 'public' } },
    async (request, reply) => {
      const { lang } = request.params;
      const query = filterQuery(request.query);
      const suffix = query ? `?${query}` : '';
      const xml = await updatesFeed(db, request.query, {
        baseUrl,
        lang,
        t: request.t,
        selfUrl: `${baseUrl}/${lang}/updates.atom${suffix}`,
        pageUrl: `${baseUrl}/${lang}/updates${suffix}`,
      });
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(xml);
    },
  );

  app.get(
    `${L}/updates/:id`,
    {
      schema: { params: PageParams, querystring: DetailQuery },
      config: { access: 'public', harness: { params: { id: 'publicUpdate' } } },
    },
    async (request, reply) => {
      const post = await loadPost(request, request.params.id);
      return sendHtml(
        reply,
        <UpdatePage ctx={pageContext(request, reply)} post={post} notice={request.query.notice} />,
      );
    },
  );

  app.get(
    `${L}/updates/:id/attachments/:attachmentId`,
    {
      schema: { params: AttachmentParams },
      config: { access: 'public', harness: { params: { id: 'publicUpdate' } } },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      if (!UUID.test(id) || !UUID.test(attachmentId)) throw new HttpProblem('not-found');
      const file = await commands.readAttachment(db, request.principal, id, attachmentId);
      return sendFile(reply, file);
    },
  );

  app.get(
    `${L}/updates/new`,
    // Any member may open it: who may post gets the form, anyone else is told who can.
    { schema: { params: LangParams }, config: { access: 'member' } },
    async (request, reply) => {
      const principal = request.principal!;
      const choices = await formChoices(db, principal);
      if (choices.networks.length === 0)
        return sendHtml(reply, <CannotPostPage ctx={pageContext(request, reply)} />);
      return sendHtml(
        reply,
        <PostFormPage
          ctx={pageContext(request, reply)}
          action={`/${request.params.lang}/updates`}
          editing={false}
          values={emptyValues(principal, request.params.lang, choices.networks)}
          choices={choices}
          attachmentLimit={attachmentLimit}
        />,
      );
    },
  );

  app.get(
    `${L}/updates/:id/edit`,
    {
      schema: { params: PageParams },
      config: { access: 'own-organisation', harness: { params: { id: 'ownUpdate' } } },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const post = await managedPost(request, id);
      return sendHtml(
        reply,
        <PostFormPage
          ctx={pageContext(request, reply)}
          action={`/${lang}/updates/${id}/edit`}
          editing
          values={formValuesOf(post)}
          version={post.version}
          choices={await formChoices(db, request.principal!)}
          attachments={post.attachments}
          postId={id}
          attachmentLimit={attachmentLimit}
        />,
      );
    },
  );

  app.post(
    `${L}/updates/:id/withdraw`,
    {
      schema: { params: PageParams, body: VersionForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: { params: { id: 'ownUpdate' }, body: { version: '1' } },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      await managedPost(request, id);
      const text = request.body?.version ?? '';
      const version = /^[0-9]{1,9}$/.test(text) ? Number(text) : 0;
      const result = await commands.withdrawUpdate(db, request.principal!, id, { version }, request.t);
      if (result.ok) return seeOther(reply, `/${lang}/updates/${id}?notice=withdrawn`);
      const current = await loadPost(request, id);
      return sendHtml(
        reply,
        <UpdatePage ctx={pageContext(request, reply)} post={current} errors={result.errors} />,
        'conflict' in result ? 409 : 400,
      );
    },
  );

  app.post(
    `${L}/updates/:id/attachments/:attachmentId/delete`,
    {
      schema: { params: AttachmentParams },
      config: { access: 'own-organisation', harness: { params: { id: 'ownUpdate' } } },
    },
    async (request, reply) => {
      const { lang, id, attachmentId } = request.params;
      await managedPost(request, id);
      if (!UUID.test(attachmentId)) throw new HttpProblem('not-found');
      await commands.removeAttachment(db, request.principal!, id, attachmentId);
      return seeOther(reply, `/${lang}/updates/${id}/edit`);
    },
  );

  // The post form carries its files: multipart, parsed in a scope of its own.
  await app.register(async (child) => {
    registerPostMultipartParser(child);
    const scope = child.withTypeProvider<TypeBoxTypeProvider>();
    // Room for a few files at the limit each; one over it still gets a message beside the field.
    const bodyLimit = uploadBodyLimit(attachmentLimit * 3);

    const showForm = async (
      request: FastifyRequest<{ Params: { lang: Lang; id?: string } }>,
      reply: FastifyReply,
      options: {
        values: PostFormValues;
        errors: FieldError[];
        status: number;
        postId?: string;
        version?: number | undefined;
        conflict?: Awaited<ReturnType<typeof loadPost>>;
      },
    ) => {
      const { lang } = request.params;
      const post = options.postId ? await loadPost(request, options.postId) : null;
      return sendHtml(
        reply,
        <PostFormPage
          ctx={pageContext(request, reply)}
          action={post ? `/${lang}/updates/${post.id}/edit` : `/${lang}/updates`}
          editing={post !== null}
          values={options.values}
          version={options.version}
          choices={await formChoices(db, request.principal!)}
          attachments={post?.attachments}
          postId={post?.id}
          conflict={options.conflict}
          errors={formFieldErrors(options.errors)}
          attachmentLimit={attachmentLimit}
        />,
        options.status,
      );
    };

    scope.post(
      `${L}/updates`,
      {
        schema: { params: LangParams, body: FormBody },
        attachValidation: true,
        bodyLimit,
        config: { access: 'own-organisation', harness: { body: FORM_HARNESS, bodyParams: FORM_FIXTURES } },
      },
      async (request, reply) => {
        const { lang } = request.params;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const { values, input } = postFromForm(body);
        const schemaErrors = formErrors(request);
        if (schemaErrors) return showForm(request, reply, { values, errors: schemaErrors, status: 400 });
        const files = filesOf(body);
        const result = await commands.createUpdate(db, request.principal!, input, request.t, {
          files,
          limit: attachmentLimit,
        });
        if (result.ok) return seeOther(reply, `/${lang}/updates/${result.value.id}?notice=created`);
        const tooLarge = files.some((file) => file.size > attachmentLimit);
        return showForm(request, reply, { values, errors: result.errors, status: tooLarge ? 413 : 400 });
      },
    );

    scope.post(
      `${L}/updates/:id/edit`,
      {
        schema: { params: PageParams, body: FormBody },
        attachValidation: true,
        bodyLimit,
        config: {
          access: 'own-organisation',
          harness: {
            params: { id: 'ownUpdate' },
            body: { ...FORM_HARNESS, version: '1' },
            bodyParams: FORM_FIXTURES,
          },
        },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const current = await managedPost(request, id);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const { values, input, version } = postFromForm(body);
        const again = (
          errors: FieldError[],
          status = 400,
          extra: { version?: number; conflict?: typeof current } = {},
        ) =>
          showForm(request, reply, {
            values,
            errors,
            status,
            postId: id,
            version: extra.version ?? version ?? current.version,
            ...(extra.conflict ? { conflict: extra.conflict } : {}),
          });
        const schemaErrors = formErrors(request);
        if (schemaErrors) return again(schemaErrors);
        if (version === null)
          return again([
            { field: 'version', message: request.t('validation.required', { field: 'version' }) },
          ]);
        const files = filesOf(body);
        const result = await commands.editUpdate(db, request.principal!, id, input, request.t, {
          files,
          limit: attachmentLimit,
        });
        if (result.ok) return seeOther(reply, `/${lang}/updates/${id}?notice=saved`);
        if ('conflict' in result) {
          // The user's values stay in the form, now carrying the version they would overwrite.
          return again(result.errors, 409, {
            version: result.conflict.version,
            conflict: { ...current, ...result.conflict },
          });
        }
        return again(result.errors, files.some((file) => file.size > attachmentLimit) ? 413 : 400);
      },
    );
  });

  await updatesApiRoutes(app);
}
