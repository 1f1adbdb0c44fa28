import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Principal, isSecretariat } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { isNetworkMember } from './cooperation.access.ts';
import { CandidatesPage, WeightsPage, type WeightsNotice } from './cooperation.matching.views.tsx';
import { explainMatch } from './matching.explain.ts';
import { DEFAULT_LIMIT, type Ranking, rankDemandsForOffer, rankOffersForDemand } from './matching.rank.ts';
import { COMPONENTS, DEFAULT_WEIGHTS, MAX_WEIGHT } from './matching.score.ts';
import {
  type NetworkWeights,
  loadWeights,
  resetMatchingWeights,
  setMatchingWeights,
} from './matching.weights.ts';

const TAG = 'Cooperation';
const Uuid = Type.String({ format: 'uuid' });
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const PageIdParams = Type.Object({ lang: LangParams.properties.lang, id: Uuid });
const PageSlugParams = Type.Object({ lang: LangParams.properties.lang, slug: Slug });
const CandidatesQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) });

const Localized = Type.Record(Type.String(), Type.String());
const Weights = Type.Object(
  Object.fromEntries(COMPONENTS.map((c) => [c, Type.Number({ minimum: 0, maximum: MAX_WEIGHT })])),
);
const Part = Type.Object({
  component: Type.String(),
  points: Type.Number(),
  values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
const CandidateView = Type.Object({
  id: Type.String(),
  side: Type.String(),
  title: Localized,
  organisationId: Type.String(),
  organisationName: Localized,
  kind: Type.String(),
  status: Type.String(),
  score: Type.Number(),
  parts: Type.Array(Part),
  explanation: Type.String({ description: "Why, in words, in the caller's language" }),
  match: Type.Union([Type.Object({ id: Type.String(), stage: Type.String() }), Type.Null()]),
});
const RankingView = Type.Object({
  subject: Type.Object({ id: Type.String(), side: Type.String(), title: Localized, status: Type.String() }),
  network: Type.Object({ slug: Type.String(), name: Localized }),
  weights: Weights,
  customWeights: Type.Boolean(),
  maxScore: Type.Number(),
  total: Type.Integer(),
  candidates: Type.Array(CandidateView),
});
const WeightsView = Type.Object({
  network: Type.String(),
  weights: Weights,
  defaults: Weights,
  custom: Type.Boolean(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
/** Component → weight; unknown components are kept so that the command can refuse them by name. */
const WeightsInput = Type.Record(Type.String({ maxLength: 60 }), Type.Number());
// The form, as browsers send it: one text per component, and which button was pressed.
const WeightsForm = Type.Object({
  ...Object.fromEntries(COMPONENTS.map((c) => [c, Type.Optional(Type.String({ maxLength: 20 }))])),
  action: Type.Optional(Type.Union([Type.Literal('save'), Type.Literal('reset')])),
});

function rankingView(ranking: Ranking, t: Translate) {
  return {
    subject: {
      id: ranking.subject.id,
      side: ranking.subject.side,
      title: ranking.subject.title,
      status: ranking.subject.status,
    },
    network: { slug: ranking.network.slug, name: ranking.network.name },
    weights: ranking.weights,
    customWeights: ranking.customWeights,
    maxScore: ranking.maxScore,
    total: ranking.total,
    candidates: ranking.candidates.map((candidate) => ({
      id: candidate.item.id,
      side: candidate.item.side,
      title: candidate.item.title,
      organisationId: candidate.item.organisationId,
      organisationName: candidate.organisationName,
      kind: candidate.item.kind,
      status: candidate.item.status,
      score: candidate.score,
      parts: candidate.parts,
      explanation: explainMatch(candidate.parts, t),
      match: candidate.match,
    })),
  };
}

function weightsView(slug: string, weights: NetworkWeights) {
  return {
    network: slug,
    weights: weights.weights,
    defaults: { ...DEFAULT_WEIGHTS },
    custom: weights.custom,
    updatedAt: weights.updatedAt ? weights.updatedAt.toISOString() : null,
  };
}

function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
}

/** The weights typed in the form, component by component (an empty field is an error, not a default). */
function weightsFromForm(values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const component of COMPONENTS) input[component] = values[component] ?? '';
  return input;
}

export async function cooperationMatchingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  async function findNetwork(slug: string) {
    const network = await db
      .selectFrom('networks')
      .select(['id', 'slug', 'name'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!network) throw new HttpProblem('not-found');
    return network;
  }

  /** The route's gate lets any secretariat in; only this network's (or an admin) passes here. */
  function requireSecretariatOf(principal: Principal | null, networkId: string): Principal {
    if (!principal || !isSecretariat(principal, networkId)) throw new HttpProblem('forbidden');
    return principal;
  }

  // ---- Pages -------------------------------------------------------------------------------

  for (const side of ['demand', 'offer'] as const) {
    const collection = side === 'demand' ? 'demands' : 'offers';
    const rank = side === 'demand' ? rankOffersForDemand : rankDemandsForOffer;
    app.get(
      `${L}/${collection}/:id/candidates`,
      {
        schema: { params: PageIdParams, querystring: CandidatesQuery },
        config: {
          access: 'own-organisation',
          harness: { params: { id: side === 'demand' ? 'ownDemand' : 'ownOffer' } },
        },
      },
      async (request, reply) => {
        const ranking = await rank(db, request.principal, request.params.id, {
          limit: request.query.limit ?? DEFAULT_LIMIT,
        });
        return sendHtml(reply, <CandidatesPage ctx={pageContext(request, reply)} ranking={ranking} />);
      },
    );

    app.get(
      `/api/v1/${collection}/:id/candidates`,
      {
        schema: {
          tags: [TAG],
          summary:
            side === 'demand'
              ? 'The offers that could meet a demand, ranked, each with its score explained'
              : 'The demands an offer could meet, ranked, each with its score explained',
          description:
            "For the network's secretariat and the focal points of the item's organisation. The score is a sum of named components (`parts`); `explanation` says it in words, in the language of `Accept-Language`.",
          security: [{ bearer: [] }],
          params: Type.Object({ id: Uuid }),
          querystring: CandidatesQuery,
          response: { 200: RankingView },
        },
        config: {
          access: 'own-organisation',
          harness: { params: { id: side === 'demand' ? 'ownDemand' : 'ownOffer' } },
        },
      },
      async (request) => {
        const ranking = await rank(db, request.principal, request.params.id, {
          limit: request.query.limit ?? DEFAULT_LIMIT,
        });
        return rankingView(ranking, request.t);
      },
    );
  }

  async function renderWeights(
    request: Parameters<typeof pageContext>[0],
    reply: Parameters<typeof pageContext>[1],
    network: { slug: string; name: Record<string, string> },
    weights: NetworkWeights,
    extra: {
      notice?: WeightsNotice;
      values?: Record<string, string>;
      errors?: { field: string; message: string }[];
    },
    status = 200,
  ) {
    return sendHtml(
      reply,
      <WeightsPage
        ctx={pageContext(request, reply)}
        network={network}
        weights={weights.weights}
        custom={weights.custom}
        updatedAt={weights.updatedAt}
        {...extra}
      />,
      status,
    );
  }

  app.get(
    `${L}/networks/:slug/matching`,
    {
      schema: {
        params: PageSlugParams,
        querystring: Type.Object({
          saved: Type.Optional(Type.Literal('1')),
          reset: Type.Optional(Type.Literal('1')),
        }),
      },
      config: { access: 'secretariat', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request, reply) => {
      const network = await findNetwork(request.params.slug);
      requireSecretariatOf(request.principal, network.id);
      const notice = request.query.saved ? 'saved' : request.query.reset ? 'reset' : undefined;
      return renderWeights(
        request,
        reply,
        network,
        await loadWeights(db, network.id),
        notice ? { notice } : {},
      );
    },
  );

  app.post(
    `${L}/networks/:slug/matching`,
    {
      schema: { params: PageSlugParams, body: WeightsForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: { slug: 'networkSlug' },
          body: Object.fromEntries(COMPONENTS.map((c) => [c, String(DEFAULT_WEIGHTS[c])])),
        },
      },
    },
    async (request, reply) => {
      const { lang, slug } = request.params;
      const network = await findNetwork(slug);
      const principal = requireSecretariatOf(request.principal, network.id);
      const values = formValues(request.body);
      const errors = formErrors(request);
      if (errors)
        return renderWeights(
          request,
          reply,
          network,
          await loadWeights(db, network.id),
          { values, errors },
          400,
        );
      if (values.action === 'reset') {
        await resetMatchingWeights(db, principal, network.id);
        return seeOther(reply, `/${lang}/networks/${slug}/matching?reset=1`);
      }
      const result = await setMatchingWeights(db, principal, network.id, weightsFromForm(values), request.t);
      if (!result.ok)
        return renderWeights(
          request,
          reply,
          network,
          await loadWeights(db, network.id),
          { values, errors: result.errors },
          400,
        );
      return seeOther(reply, `/${lang}/networks/${slug}/matching?saved=1`);
    },
  );

  // ---- API ---------------------------------------------------------------------------------

  app.get(
    '/api/v1/networks/:slug/matching-weights',
    {
      schema: {
        tags: [TAG],
        summary: "A network's matching weights (its members), with the defaults",
        security: [{ bearer: [] }],
        params: Type.Object({ slug: Slug }),
        response: { 200: WeightsView },
      },
      config: { access: 'member', harness: { params: { slug: 'networkSlug' } } },
    },
    async (request) => {
      const network = await findNetwork(request.params.slug);
      if (!(await isNetworkMember(db, request.principal, network.id))) throw new HttpProblem('forbidden');
      return weightsView(network.slug, await loadWeights(db, network.id));
    },
  );

  app.put(
    '/api/v1/networks/:slug/matching-weights',
    {
      schema: {
        tags: [TAG],
        summary: "Set a network's matching weights (its secretariat)",
        description: `Each weight a number from 0 to ${MAX_WEIGHT}; a component left out takes its default; an unknown component is refused. Components: ${COMPONENTS.join(', ')}.`,
        security: [{ bearer: [] }],
        params: Type.Object({ slug: Slug }),
        body: WeightsInput,
        response: { 200: WeightsView },
      },
      config: {
        access: 'secretariat',
        harness: { params: { slug: 'networkSlug' }, body: { ...DEFAULT_WEIGHTS } as Record<string, unknown> },
      },
    },
    async (request) => {
      const network = await findNetwork(request.params.slug);
      const principal = requireSecretariatOf(request.principal, network.id);
      const result = await setMatchingWeights(db, principal, network.id, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return weightsView(network.slug, result.value);
    },
  );
}
