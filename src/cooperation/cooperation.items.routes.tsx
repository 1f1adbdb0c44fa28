import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Principal } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { listNetworks } from '../directory/index.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import type { Lang } from '../web/language.ts';
import { canManageItem } from './cooperation.access.ts';
import * as commands from './cooperation.items.commands.ts';
import { formValuesOf, itemFromForm } from './cooperation.items.form.ts';
import { type FormChoices, type ItemFormValues, ItemFormPage } from './cooperation.items.form.views.tsx';
import { formChoices, getItem, searchItems } from './cooperation.items.queries.ts';
import { ItemFilters, ItemForm, type ItemFormBody, StatusForm } from './cooperation.items.schemas.ts';
import { ItemPage, ItemsListPage } from './cooperation.items.views.tsx';
import { collectionOf } from './cooperation.items.components.tsx';
import { cooperationItemsApiRoutes } from './cooperation.items.api.routes.ts';
import { cooperationTableRoutes } from './cooperation.table.routes.tsx';
import type { ItemSide } from './cooperation.tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const DetailQuery = Type.Object({
  notice: Type.Optional(Type.Union([Type.Literal('saved'), Type.Literal('created'), Type.Literal('status')])),
});

/** A valid form for the harnesses; the organisation and network come from the matrix's fixtures. */
const FORM_HARNESS = {
  'title.en': 'Matrix item',
  originalLanguage: 'en',
  kind: 'training',
  visibility: 'public',
};
const FORM_FIXTURES = { organisationId: 'owningOrganisation', networkId: 'networkId' };

/** Form errors pointed at the form's fields: `countries.3` → `countries`; one error per field. */
function formFieldErrors(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors
    .map((error) => ({
      ...error,
      field: error.field.replace(
        /^(thematicAreas|gcmObjectives|countries|regions|workingLanguages)\.[0-9]+$/,
        '$1',
      ),
    }))
    .filter((error) => !seen.has(error.field) && seen.add(error.field));
}

/** Offers and demands: their lists, pages, forms and status changes (the API is in cooperation.items.api.routes.ts). */
export async function cooperationItemsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  async function loadItem(request: FastifyRequest, side: ItemSide, id: string) {
    const item = UUID.test(id) ? await getItem(db, request.principal, side, id) : null;
    if (!item) throw new HttpProblem('not-found');
    return item;
  }

  const choicesFor = (principal: Principal): Promise<FormChoices> => formChoices(db, principal);

  function defaults(principal: Principal, lang: Lang, choices: FormChoices): ItemFormValues {
    return {
      organisationId:
        principal.organisationId ?? (choices.organisations.length === 1 ? choices.organisations[0]!.id : ''),
      networkId: choices.networks.length === 1 ? choices.networks[0]!.id : '',
      originalLanguage: lang,
      title: {},
      description: {},
      kind: '',
      thematicAreas: [],
      gcmObjectives: [],
      countries: [],
      regions: [],
      workingLanguages: [lang],
      startsOn: '',
      endsOn: '',
      capacity: '',
      budgetAmount: '',
      budgetCurrency: '',
      visibility: 'public',
    };
  }

  for (const side of ['offer', 'demand'] as const) {
    const collection = collectionOf(side);

    app.get(
      `${L}/${collection}`,
      { schema: { params: LangParams, querystring: ItemFilters }, config: { access: 'public' } },
      async (request, reply) => {
        const [result, networks] = await Promise.all([
          searchItems(db, request.principal, side, request.query),
          listNetworks(db),
        ]);
        const principal = request.principal;
        return sendHtml(
          reply,
          <ItemsListPage
            ctx={pageContext(request, reply)}
            side={side}
            filters={request.query}
            result={result}
            networkNames={new Map(networks.map((n) => [n.slug, n.name]))}
            canCreate={
              principal !== null &&
              (principal.organisationId !== null ||
                principal.isAdmin ||
                principal.roles.some((r) => r.role === 'secretariat'))
            }
          />,
        );
      },
    );

    app.get(
      `${L}/${collection}/new`,
      // Any member may open it: a focal point or the secretariat gets the form, anyone else is told who can publish.
      { schema: { params: LangParams }, config: { access: 'member' } },
      async (request, reply) => {
        const principal = request.principal!;
        const choices = await formChoices(db, principal);
        return sendHtml(
          reply,
          <ItemFormPage
            ctx={pageContext(request, reply)}
            side={side}
            action={`/${request.params.lang}/${collection}`}
            editing={false}
            values={defaults(principal, request.params.lang, choices)}
            choices={choices}
          />,
        );
      },
    );

    app.post(
      `${L}/${collection}`,
      {
        schema: { params: LangParams, body: ItemForm },
        attachValidation: true,
        config: { access: 'own-organisation', harness: { body: FORM_HARNESS, bodyParams: FORM_FIXTURES } },
      },
      async (request, reply) => {
        const { lang } = request.params;
        const principal = request.principal!;
        const {
          values,
          input,
          errors: formOnly,
        } = itemFromForm((request.body ?? {}) as ItemFormBody, request.t);
        const page = async (errors: FieldError[]) =>
          sendHtml(
            reply,
            <ItemFormPage
              ctx={pageContext(request, reply)}
              side={side}
              action={`/${lang}/${collection}`}
              editing={false}
              values={values}
              choices={await choicesFor(principal)}
              errors={formFieldErrors(errors)}
            />,
            400,
          );
        const schemaErrors = formErrors(request);
        if (schemaErrors) return page(schemaErrors);
        if (formOnly.length > 0) return page(formOnly);
        const result = await commands.createItem(db, principal, side, input, request.t);
        if (!result.ok) return page(result.errors);
        return seeOther(reply, `/${lang}/${collection}/${result.value.id}?notice=created`);
      },
    );

    app.get(
      `${L}/${collection}/:id`,
      {
        schema: { params: PageIdParams, querystring: DetailQuery },
        config: {
          access: 'public',
          harness: { params: { id: side === 'offer' ? 'publicOffer' : 'publicDemand' } },
        },
      },
      async (request, reply) => {
        const item = await loadItem(request, side, request.params.id);
        return sendHtml(
          reply,
          <ItemPage
            ctx={pageContext(request, reply)}
            item={item}
            canManage={canManageItem(request.principal, item)}
            notice={request.query.notice}
          />,
        );
      },
    );

    const ownFixture = { id: side === 'offer' ? 'ownOffer' : 'ownDemand' };

    app.get(
      `${L}/${collection}/:id/edit`,
      {
        schema: { params: PageIdParams },
        config: { access: 'own-organisation', harness: { params: ownFixture } },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const item = await loadItem(request, side, id);
        const principal = request.principal!;
        if (!canManageItem(principal, item)) throw new HttpProblem('forbidden');
        const values = formValuesOf(item);
        return sendHtml(
          reply,
          <ItemFormPage
            ctx={pageContext(request, reply)}
            side={side}
            action={`/${lang}/${collection}/${id}/edit`}
            editing
            values={values}
            version={item.version}
            choices={await choicesFor(principal)}
          />,
        );
      },
    );

    app.post(
      `${L}/${collection}/:id/edit`,
      {
        schema: { params: PageIdParams, body: ItemForm },
        attachValidation: true,
        config: {
          access: 'own-organisation',
          harness: { params: ownFixture, body: { ...FORM_HARNESS, version: '1' }, bodyParams: FORM_FIXTURES },
        },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const principal = request.principal!;
        const item = await loadItem(request, side, id);
        if (!canManageItem(principal, item)) throw new HttpProblem('forbidden');
        const {
          values,
          input,
          version,
          errors: formOnly,
        } = itemFromForm((request.body ?? {}) as ItemFormBody, request.t);
        const page = async (
          errors: FieldError[],
          extra: { version?: number; conflict?: typeof item } = {},
          status = 400,
        ) =>
          sendHtml(
            reply,
            <ItemFormPage
              ctx={pageContext(request, reply)}
              side={side}
              action={`/${lang}/${collection}/${id}/edit`}
              editing
              values={values}
              version={extra.version ?? version ?? item.version}
              conflict={extra.conflict}
              choices={await choicesFor(principal)}
              errors={formFieldErrors(errors)}
            />,
            status,
          );
        const schemaErrors = formErrors(request);
        if (schemaErrors) return page(schemaErrors);
        if (version === null)
          return page([
            { field: 'version', message: request.t('validation.required', { field: 'version' }) },
          ]);
        if (formOnly.length > 0) return page(formOnly);
        const result = await commands.updateItem(db, principal, side, id, version, input, request.t);
        if (result.ok) return seeOther(reply, `/${lang}/${collection}/${id}?notice=saved`);
        if ('conflict' in result) {
          // The user's values stay in the form, now carrying the version they would overwrite.
          return page(
            result.errors,
            { version: result.conflict.version, conflict: { ...item, ...result.conflict } },
            409,
          );
        }
        return page(result.errors);
      },
    );

    app.post(
      `${L}/${collection}/:id/status`,
      {
        schema: { params: PageIdParams, body: StatusForm },
        attachValidation: true,
        config: {
          access: 'own-organisation',
          harness: { params: ownFixture, body: { status: 'closed', version: '1' } },
        },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const principal = request.principal!;
        const item = await loadItem(request, side, id);
        if (!canManageItem(principal, item)) throw new HttpProblem('forbidden');
        const body = (request.body ?? {}) as { status?: string; version?: string };
        const version = /^[0-9]{1,9}$/.test(body.version ?? '') ? Number(body.version) : 0;
        const again = (errors: FieldError[], status: number) =>
          sendHtml(
            reply,
            <ItemPage ctx={pageContext(request, reply)} item={item} canManage statusErrors={errors} />,
            status,
          );
        const schemaErrors = formErrors(request);
        if (schemaErrors) return again(schemaErrors, 400);
        const result = await commands.setItemStatus(
          db,
          principal,
          side,
          id,
          { status: body.status, version },
          request.t,
        );
        if (result.ok) return seeOther(reply, `/${lang}/${collection}/${id}?notice=status`);
        if ('conflict' in result) {
          const current = await loadItem(request, side, id);
          return sendHtml(
            reply,
            <ItemPage
              ctx={pageContext(request, reply)}
              item={current}
              canManage
              statusErrors={result.errors}
            />,
            409,
          );
        }
        return again(result.errors, 400);
      },
    );
  }

  await cooperationItemsApiRoutes(app);
  await cooperationTableRoutes(app);
}
