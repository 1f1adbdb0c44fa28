import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { pickText } from '../web/language.ts';
import { addIndicatorValue, defineIndicator, updateIndicator } from './cooperation.indicators.commands.ts';
import {
  type IndicatorDetail,
  getVisibleIndicator,
  listVisibleIndicators,
} from './cooperation.indicators.queries.ts';
import { findNetworkBySlug } from './cooperation.indicators.repository.ts';
import {
  IndicatorInput,
  IndicatorQuery,
  IndicatorUpdate,
  IndicatorValueInput,
  IndicatorView,
} from './cooperation.indicators.schemas.ts';

const TAG = 'Cooperation indicators';
const Id = Type.String({ format: 'uuid' });
const Saved = Type.Object({ id: Type.String(), version: Type.Integer() });

/** A valid definition for the authorization matrix's calls (the page routes use it too). */
export const MATRIX_DEFINITION = {
  originalLanguage: 'en',
  unitType: 'count',
  baselineValue: 0,
  baselineOn: '2025-01-01',
  targetValue: 10,
  targetOn: '2026-01-01',
};

/** The API shape of an indicator: authors' names for the network's members, their organisations for others. */
function indicatorView(indicator: IndicatorDetail, lang: Parameters<typeof pickText>[1]) {
  return {
    id: indicator.id,
    network: indicator.networkSlug,
    scope: indicator.scope,
    recordId: indicator.recordId,
    gcmObjective: indicator.gcmObjective,
    originalLanguage: indicator.originalLanguage,
    name: indicator.name,
    description: indicator.description,
    unitType: indicator.unitType,
    unit: indicator.unit,
    currency: indicator.currency,
    baseline: { value: indicator.baselineValue, date: indicator.baselineOn },
    target: { value: indicator.targetValue, date: indicator.targetOn },
    values: indicator.values.map((v) => ({
      id: v.id,
      value: v.value,
      measuredOn: v.measuredOn,
      source: v.source,
      note: v.note,
      author: indicator.viewerIsMember ? v.authorName : (pickText(v.authorOrganisation, lang)?.text ?? null),
    })),
    progress: indicator.progress,
    version: indicator.version,
  };
}

/** The indicators API: list, define, read, change, add a value. */
export async function cooperationIndicatorsApiRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  app.get(
    '/api/v1/indicators',
    {
      schema: {
        tags: [TAG],
        summary: 'Indicators of the effects of cooperation that the caller may see, with their values',
        querystring: IndicatorQuery,
        response: { 200: Type.Array(IndicatorView) },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const { network: slug, record, objective } = request.query;
      let networkId: string | undefined;
      if (slug) {
        const network = await findNetworkBySlug(db, slug);
        if (!network) return [];
        networkId = network.id;
      }
      const indicators = await listVisibleIndicators(db, request.principal, {
        ...(networkId ? { networkId } : {}),
        ...(record ? { recordId: record } : {}),
        ...(objective ? { gcmObjective: objective } : {}),
      });
      return indicators.map((indicator) => indicatorView(indicator, request.lang));
    },
  );

  app.post(
    '/api/v1/indicators',
    {
      schema: {
        tags: [TAG],
        summary:
          "Define an indicator of a network, a GCM objective or a cooperation record (the network's secretariat; a record's parties)",
        security: [{ bearer: [] }],
        body: IndicatorInput,
        response: { 201: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: {
          body: { ...MATRIX_DEFINITION, scope: 'record', name: { en: 'Matrix indicator' } },
          bodyParams: { recordId: 'ownRecord' },
        },
      },
    },
    async (request, reply) => {
      const result = await defineIndicator(db, request.principal!, request.body, request.t);
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'One indicator with its baseline, target, values and progress',
        params: Type.Object({ id: Id }),
        response: { 200: IndicatorView },
      },
      config: { access: 'public', harness: { params: { id: 'networkIndicator' } } },
    },
    async (request) =>
      indicatorView(await getVisibleIndicator(db, request.principal, request.params.id), request.lang),
  );

  app.put(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags: [TAG],
        summary: 'Change an indicator (whoever defines it); a stale version is a 409 conflict',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Id }),
        body: IndicatorUpdate,
        response: { 200: Saved },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownRecordIndicator' },
          body: { ...MATRIX_DEFINITION, name: { en: 'Matrix indicator' }, version: 1 },
        },
      },
    },
    async (request) => {
      const result = await updateIndicator(
        db,
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (result.ok) return result.value;
      throw new HttpProblem('conflict' in result ? 'conflict' : 'validation', result.errors);
    },
  );

  app.post(
    '/api/v1/indicators/:id/values',
    {
      schema: {
        tags: [TAG],
        summary: 'Add a measured value, with its date and source; the caller is its author',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Id }),
        body: IndicatorValueInput,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'ownRecordIndicator' },
          body: { value: 5, measuredOn: '2025-07-01', source: 'Matrix' },
        },
      },
    },
    async (request, reply) => {
      const result = await addIndicatorValue(
        db,
        request.principal!,
        request.params.id,
        request.body,
        request.t,
      );
      if (!result.ok) throw new HttpProblem('validation', result.errors);
      return reply.code(201).send(result.value);
    },
  );
}
