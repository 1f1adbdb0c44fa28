import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, seeOther } from '../web/routes.ts';
import { countJobs, discardJob, type JobSummary, listJobs, retryJob } from './jobs.admin.ts';
import { JobsPage } from './jobs.views.tsx';

const TAG = 'Administration';

const Status = Type.Union([
  Type.Literal('failed'),
  Type.Literal('pending'),
  Type.Literal('running'),
  Type.Literal('done'),
]);

const PageQuery = Type.Object({
  status: Type.Optional(Status),
  done: Type.Optional(Type.Union([Type.Literal('retried'), Type.Literal('discarded')])),
});
const ApiQuery = Type.Object({ status: Type.Optional(Status) });
const PageJobParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ format: 'uuid' }) });
const ApiJobParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DateTime = Type.String({ format: 'date-time' });

const JobView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  status: Status,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  subject: Type.Union([Type.String(), Type.Null()], {
    description: 'For a mail, its subject (never its address or text)',
  }),
  runAt: DateTime,
  createdAt: DateTime,
  updatedAt: DateTime,
  finishedAt: Type.Union([DateTime, Type.Null()]),
});

const iso = (date: Date) => new Date(date).toISOString();
const jobView = (job: JobSummary) => ({
  ...job,
  runAt: iso(job.runAt),
  createdAt: iso(job.createdAt),
  updatedAt: iso(job.updatedAt),
  finishedAt: job.finishedAt ? iso(job.finishedAt) : null,
});

/** Admin pages and API of the background jobs: the queue's counts, failed jobs, retrying them. */
export async function jobsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    `${L}/admin/jobs`,
    { schema: { params: LangParams, querystring: PageQuery }, config: { access: 'admin' } },
    async (request, reply) => {
      const status = request.query.status ?? 'failed';
      const [counts, jobs] = [
        await countJobs(db, request.principal),
        await listJobs(db, request.principal, status),
      ];
      return sendHtml(
        reply,
        <JobsPage
          ctx={pageContext(request, reply)}
          status={status}
          counts={counts}
          jobs={jobs}
          notice={request.query.done}
        />,
      );
    },
  );

  app.post(
    `${L}/admin/jobs/:id/retry`,
    {
      schema: { params: PageJobParams },
      config: { access: 'admin', harness: { params: { id: 'failedJob' } } },
    },
    async (request, reply) => {
      if (!(await retryJob(db, request.principal, request.params.id))) throw new HttpProblem('not-found');
      return seeOther(reply, `/${request.params.lang}/admin/jobs?done=retried`);
    },
  );

  app.post(
    `${L}/admin/jobs/:id/discard`,
    {
      schema: { params: PageJobParams },
      config: { access: 'admin', harness: { params: { id: 'failedJob' } } },
    },
    async (request, reply) => {
      if (!(await discardJob(db, request.principal, request.params.id))) throw new HttpProblem('not-found');
      return seeOther(reply, `/${request.params.lang}/admin/jobs?done=discarded`);
    },
  );

  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: [TAG],
        summary: 'The background jobs: counts by status and kind, and the latest 100 of one status (admins)',
        description:
          'Without `status`, the failed jobs. A job’s payload is never shown (it may hold personal data); for a mail, its subject only.',
        security: [{ bearer: [] }],
        querystring: ApiQuery,
        response: {
          200: Type.Object({
            counts: Type.Array(Type.Object({ status: Status, kind: Type.String(), count: Type.Integer() })),
            items: Type.Array(JobView),
          }),
        },
      },
      config: { access: 'admin' },
    },
    async (request) => ({
      counts: await countJobs(db, request.principal),
      items: (await listJobs(db, request.principal, request.query.status ?? 'failed')).map(jobView),
    }),
  );

  app.post(
    '/api/v1/jobs/:id/retry',
    {
      schema: {
        tags: [TAG],
        summary: 'Retry a failed job now: one more attempt (admins)',
        security: [{ bearer: [] }],
        params: ApiJobParams,
        response: { 200: JobView },
      },
      config: { access: 'admin', harness: { params: { id: 'failedJob' } } },
    },
    async (request) => {
      const job = await retryJob(db, request.principal, request.params.id);
      if (!job) throw new HttpProblem('not-found');
      return jobView(job);
    },
  );
}
