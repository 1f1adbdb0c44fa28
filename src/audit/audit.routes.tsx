import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams } from '../web/routes.ts';
import { listAuditEntries } from './audit.repository.ts';
import { AuditPage } from './audit.views.tsx';

const PAGE_SIZE = 100;
const AuditQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  subjectType: Type.Optional(Type.String({ maxLength: 60 })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
});

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  /** Admins only, checked here too: the audit log names who changed personal data. */
  async function entries(
    isAdmin: boolean,
    query: { page?: number; subjectType?: string; subjectId?: string },
  ) {
    if (!isAdmin) throw new HttpProblem('forbidden');
    const page = query.page ?? 1;
    const rows = await listAuditEntries(
      app.deps.db,
      { subjectType: query.subjectType, subjectId: query.subjectId },
      PAGE_SIZE + 1,
      (page - 1) * PAGE_SIZE,
    );
    return { page, rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
  }

  app.get(
    `${L}/admin/audit`,
    { schema: { params: LangParams, querystring: AuditQuery }, config: { access: 'admin' } },
    async (request, reply) => {
      const result = await entries(request.principal?.isAdmin === true, request.query);
      return sendHtml(reply, <AuditPage ctx={pageContext(request, reply)} {...result} />);
    },
  );

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['Administration'],
        summary: 'The audit log of changes to accounts and personal data (admins)',
        security: [{ bearer: [] }],
        querystring: AuditQuery,
        response: {
          200: Type.Object({
            page: Type.Integer(),
            hasMore: Type.Boolean(),
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                at: Type.String({ format: 'date-time' }),
                actor: Type.Union([Type.String(), Type.Null()]),
                action: Type.String(),
                subjectType: Type.String(),
                subjectId: Type.String(),
                details: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
        },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const result = await entries(request.principal?.isAdmin === true, request.query);
      return {
        page: result.page,
        hasMore: result.hasMore,
        items: result.rows.map((row) => ({
          id: row.id,
          at: new Date(row.at).toISOString(),
          actor: row.actor_name,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          details: row.details,
        })),
      };
    },
  );
}
