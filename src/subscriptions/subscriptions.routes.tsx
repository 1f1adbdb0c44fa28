import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listNetworks } from '../directory/index.ts';
import type { FieldError } from '../http/problems.ts';
import { translator } from '../web/i18n.ts';
import { isLang, type Lang } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { subscriptionsApiRoutes } from './subscriptions.api.routes.ts';
import * as commands from './subscriptions.commands.ts';
import { parseQueryString } from './subscriptions.filters.ts';
import { listSubscriptionsOfUser } from './subscriptions.repository.ts';
import {
  DigestForm,
  RenameForm,
  SubscribeForm,
  type SubscribeFormBody,
  UnsubscribeForm,
} from './subscriptions.schemas.ts';
import { UnsubscribePage, type UnsubscribeState } from './subscriptions.unsubscribe.views.tsx';
import {
  type FeedFormValues,
  SubscriptionPage,
  SubscriptionsPage,
  type SubscriptionsNotice,
} from './subscriptions.views.tsx';

const IdParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ format: 'uuid' }) });
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
const PageTokenParams = Type.Object({
  lang: LangParams.properties.lang,
  token: TokenParams.properties.token,
});
const ListQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) });
const NOTICES: readonly SubscriptionsNotice[] = ['created', 'renamed', 'deleted', 'digest'];
const OWN = { params: { id: 'ownSubscription' } };

const asList = (value: unknown): string[] | undefined =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');

/** Subscriptions, digest settings and one-click unsubscribe: pages, then the API. */
export async function subscriptionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { notice?: SubscriptionsNotice; errors?: FieldError[]; feedValues?: FeedFormValues } = {},
  ) {
    const principal = request.principal!;
    const [subscriptions, settings, networks] = await Promise.all([
      listSubscriptionsOfUser(db, principal.userId),
      commands.digestSettingsOf(db, principal),
      listNetworks(db),
    ]);
    return sendHtml(
      reply,
      <SubscriptionsPage
        ctx={pageContext(request, reply)}
        subscriptions={subscriptions}
        settings={settings}
        networks={networks.map((network) => ({ slug: network.slug, name: network.name }))}
        notice={options.notice}
        errors={options.errors}
        feedValues={options.feedValues}
      />,
      options.errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/subscriptions`,
    { schema: { params: LangParams, querystring: ListQuery }, config: { access: 'signed-in' } },
    async (request, reply) => {
      const notice = NOTICES.find((n) => n === request.query.notice);
      return renderList(request, reply, notice ? { notice } : {});
    },
  );

  app.post(
    `${L}/subscriptions`,
    {
      schema: { params: LangParams, body: SubscribeForm },
      attachValidation: true,
      config: {
        access: 'signed-in',
        harness: { body: { source: 'practices', query: 'q=trata&country=MX' } },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Partial<SubscribeFormBody>;
      const feedValues: FeedFormValues = {
        name: typeof body.name === 'string' ? body.name : undefined,
        category: asList(body.category),
        country: asList(body.country),
        network: asList(body.network),
      };
      const errors = formErrors(request);
      if (errors) return renderList(request, reply, { errors, feedValues });
      // "Subscribe to this search" sends its list page's query string; the feed form sends its fields.
      const fromSearch = typeof body.query === 'string';
      const filters = fromSearch
        ? parseQueryString(body.query ?? '')
        : { category: feedValues.category, country: feedValues.country, network: feedValues.network };
      const result = await commands.createSubscription(
        db,
        request.principal!,
        { source: body.source, name: body.name, filters },
        request.t,
        fromSearch ? 'query' : 'filters',
      );
      if (!result.ok) return renderList(request, reply, { errors: result.errors, feedValues });
      return seeOther(reply, `/${request.params.lang}/subscriptions?notice=created`);
    },
  );

  app.post(
    `${L}/subscriptions/digest`,
    {
      schema: { params: LangParams, body: DigestForm },
      attachValidation: true,
      config: { access: 'signed-in', harness: { body: { frequency: 'daily' } } },
    },
    async (request, reply) => {
      const errors = formErrors(request);
      if (errors) return renderList(request, reply, { errors });
      const body = request.body as { frequency?: string };
      const result = await commands.setDigestFrequency(db, request.principal!, body.frequency, request.t);
      if (!result.ok) return renderList(request, reply, { errors: result.errors });
      return seeOther(reply, `/${request.params.lang}/subscriptions?notice=digest`);
    },
  );

  app.get(
    `${L}/subscriptions/:id`,
    { schema: { params: IdParams }, config: { access: 'signed-in', harness: OWN } },
    async (request, reply) => {
      const subscription = await commands.getOwnSubscription(db, request.principal!, request.params.id);
      return sendHtml(
        reply,
        <SubscriptionPage ctx={pageContext(request, reply)} subscription={subscription} />,
      );
    },
  );

  app.post(
    `${L}/subscriptions/:id`,
    {
      schema: { params: IdParams, body: RenameForm },
      attachValidation: true,
      config: { access: 'signed-in', harness: { ...OWN, body: { name: 'Renamed' } } },
    },
    async (request, reply) => {
      const subscription = await commands.getOwnSubscription(db, request.principal!, request.params.id);
      const name = (request.body as { name?: unknown } | undefined)?.name;
      const shown = typeof name === 'string' ? name : undefined;
      const validation = formErrors(request);
      const result = validation
        ? { ok: false as const, errors: validation }
        : await commands.renameSubscription(db, request.principal!, subscription.id, shown, request.t);
      if (!result.ok)
        return sendHtml(
          reply,
          <SubscriptionPage
            ctx={pageContext(request, reply)}
            subscription={subscription}
            name={shown}
            errors={result.errors}
          />,
          400,
        );
      return seeOther(reply, `/${request.params.lang}/subscriptions?notice=renamed`);
    },
  );

  app.post(
    `${L}/subscriptions/:id/delete`,
    { schema: { params: IdParams }, config: { access: 'signed-in', harness: OWN } },
    async (request, reply) => {
      await commands.removeSubscription(db, request.principal!, request.params.id);
      return seeOther(reply, `/${request.params.lang}/subscriptions?notice=deleted`);
    },
  );

  // ---- Unsubscribe links (RFC 8058) --------------------------------------------------------------

  /** Renders in `lang`, whatever the URL said (the one-click address has no language in it). */
  function renderIn(request: FastifyRequest, reply: FastifyReply, lang: Lang, state: UnsubscribeState) {
    request.lang = lang;
    request.t = translator(lang);
    return sendHtml(
      reply,
      <UnsubscribePage ctx={pageContext(request, reply)} state={state} />,
      state.kind === 'unknown' ? 404 : 200,
    );
  }

  app.get(
    `${L}/unsubscribe/:token`,
    { schema: { params: PageTokenParams }, config: { access: 'public' } },
    async (request, reply) => {
      const { token, lang } = request.params;
      const link = await commands.inspectUnsubscribeToken(db, token);
      const state: UnsubscribeState = !link
        ? { kind: 'unknown' }
        : link.used
          ? { kind: 'already' }
          : { kind: 'confirm', scope: link.scope, subscriptionName: link.subscriptionName, token };
      return renderIn(request, reply, lang, state);
    },
  );

  // A person who opens the header's address in a browser gets the page with the button.
  app.get(
    '/unsubscribe/:token',
    { schema: { params: TokenParams }, config: { access: 'public' } },
    async (request, reply) => {
      const link = await commands.inspectUnsubscribeToken(db, request.params.token);
      const lang = link?.lang ?? request.lang;
      return seeOther(reply, `/${lang}/unsubscribe/${encodeURIComponent(request.params.token)}`);
    },
  );

  app.post(
    '/unsubscribe/:token',
    {
      schema: {
        tags: ['Subscriptions'],
        summary:
          'One-click unsubscribe (RFC 8058): the address of a digest’s List-Unsubscribe header, posted with List-Unsubscribe=One-Click',
        params: TokenParams,
        body: UnsubscribeForm,
      },
      attachValidation: true,
      config: { access: 'public', csrfExempt: 'RFC 8058 one-click: the token is the secret' },
    },
    async (request, reply) => {
      const outcome = await commands.unsubscribeWithToken(db, request.params.token, new Date());
      const asked = (request.body as { lang?: unknown } | undefined)?.lang;
      const lang: Lang = isLang(asked) ? asked : outcome.outcome === 'unknown' ? request.lang : outcome.lang;
      const state: UnsubscribeState =
        outcome.outcome === 'unknown'
          ? { kind: 'unknown' }
          : outcome.outcome === 'already'
            ? { kind: 'already' }
            : { kind: 'done', scope: outcome.scope };
      return renderIn(request, reply, lang, state);
    },
  );

  await subscriptionsApiRoutes(fastify);
}
