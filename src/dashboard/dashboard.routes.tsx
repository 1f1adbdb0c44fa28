import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams } from '../web/routes.ts';
import { dashboardFor } from './dashboard.queries.ts';
import { DashboardPage } from './dashboard.views.tsx';

const Text = Type.Record(Type.String(), Type.String());
const Entry = (properties: Parameters<typeof Type.Object>[0]) =>
  Type.Array(Type.Object({ id: Type.String(), url: Type.String(), ...properties }));

const DashboardApi = Type.Object({
  meetings: Entry({
    title: Text,
    kind: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    timeZone: Type.String(),
    network: Type.String({ description: 'The network’s slug' }),
  }),
  actionItems: Entry({
    title: Type.String(),
    language: Type.String(),
    dueOn: Type.String({ format: 'date' }),
    status: Type.String(),
    meetingId: Type.String(),
  }),
  offers: Entry({ title: Text, status: Type.String() }),
  demands: Entry({ title: Text, status: Type.String() }),
  matches: Entry({ stage: Type.String(), demandTitle: Text, offerTitle: Text }),
  questions: Entry({ title: Text, deadline: Type.String({ format: 'date-time' }), timeZone: Type.String() }),
  news: Type.Array(
    Type.Object({
      title: Type.String(),
      language: Type.String(),
      url: Type.String(),
      date: Type.String({ format: 'date-time' }),
      subscription: Type.String(),
    }),
  ),
});

/** My dashboard: next meetings, action items, my organisation's cooperation, questions, news from subscriptions. */
export async function dashboardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;
  const baseUrl = config.baseUrl.replace(/\/$/, '');

  app.get(
    `${L}/dashboard`,
    { schema: { params: LangParams }, config: { access: 'signed-in' } },
    async (request, reply) => {
      const now = new Date();
      const dashboard = await dashboardFor(db, request.principal!, now);
      return sendHtml(
        reply,
        <DashboardPage ctx={pageContext(request, reply)} dashboard={dashboard} now={now} />,
      );
    },
  );

  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['Dashboard'],
        summary:
          'The caller’s dashboard: next meetings, open action items, their organisation’s open offers and demands and matches under way, questions awaiting its answer, and news from their subscriptions (five of each)',
        security: [{ bearer: [] }],
        response: { 200: DashboardApi },
      },
      config: { access: 'signed-in' },
    },
    async (request) => {
      const d = await dashboardFor(db, request.principal!);
      const lang = request.lang;
      const page = (path: string) => `${baseUrl}/${lang}${path}`;
      return {
        meetings: d.meetings.map((m) => ({
          id: m.id,
          url: page(`/meetings/${m.id}`),
          title: m.title as Record<string, string>,
          kind: m.kind,
          startsAt: m.startsAt.toISOString(),
          endsAt: m.endsAt.toISOString(),
          timeZone: m.timeZone,
          network: m.networkSlug,
        })),
        actionItems: d.actions.map((a) => ({
          id: a.id,
          url: page(`/actions/${a.id}`),
          title: a.title,
          language: a.language,
          dueOn: a.dueOn,
          status: a.status,
          meetingId: a.meetingId,
        })),
        offers: d.offers.map((i) => ({
          id: i.id,
          url: page(`/offers/${i.id}`),
          title: i.title as Record<string, string>,
          status: i.status,
        })),
        demands: d.demands.map((i) => ({
          id: i.id,
          url: page(`/demands/${i.id}`),
          title: i.title as Record<string, string>,
          status: i.status,
        })),
        matches: d.matches.map((m) => ({
          id: m.id,
          url: page(`/matches/${m.id}`),
          stage: m.stage,
          demandTitle: m.demand.title as Record<string, string>,
          offerTitle: m.offer.title as Record<string, string>,
        })),
        questions: d.questions.map((q) => ({
          id: q.id,
          url: page(`/questions/${q.id}`),
          title: q.title as Record<string, string>,
          deadline: q.deadline.toISOString(),
          timeZone: q.timeZone,
        })),
        news: d.news.map((n) => ({
          title: n.title,
          language: n.titleLang,
          url: `${baseUrl}${n.path}`,
          date: n.date.toISOString(),
          subscription: n.subscriptionName,
        })),
      };
    },
  );
}
