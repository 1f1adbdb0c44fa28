import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listNetworks } from '../directory/index.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors } from '../web/routes.ts';
import { TableQuery, TableView, consolidationTable, tableToCsv, tableView } from './cooperation.table.ts';
import { ConsolidationTablePage } from './cooperation.table.views.tsx';

/** The consolidation table of offers and demands: a page, its CSV, and the API. */
export async function cooperationTableRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  const normalise = (query: TableQuery): TableQuery => ({ ...query, network: query.network || undefined });

  app.get(
    `${L}/cooperation/table`,
    {
      schema: { params: LangParams, querystring: TableQuery },
      attachValidation: true,
      config: { access: 'public' },
    },
    async (request, reply) => {
      const errors = formErrors(request) ?? undefined;
      // A wrong axis in a hand-made URL shows the default table with the message, never a 500.
      const query = errors ? {} : normalise(request.query);
      const [table, networks] = await Promise.all([
        consolidationTable(db, request.principal, query),
        listNetworks(db),
      ]);
      const search = new URLSearchParams({ rows: table.rows, columns: table.columns });
      if (table.network) search.set('network', table.network);
      return sendHtml(
        reply,
        <ConsolidationTablePage
          ctx={pageContext(request, reply)}
          table={table}
          networks={networks.map((n) => ({ slug: n.slug, name: n.name }))}
          errors={errors}
          csvHref={`/${request.params.lang}/cooperation/table.csv?${search.toString()}`}
        />,
        errors ? 400 : 200,
      );
    },
  );

  app.get(
    `${L}/cooperation/table.csv`,
    { schema: { params: LangParams, querystring: TableQuery }, config: { access: 'public' } },
    async (request, reply) => {
      const table = await consolidationTable(db, request.principal, normalise(request.query));
      return reply
        .headers({
          'content-disposition': `attachment; filename="puente-cooperation-table-${table.rows}-${table.columns}.csv"`,
          'cache-control': 'no-store',
        })
        .type('text/csv; charset=utf-8')
        .send(tableToCsv(table, request.params.lang));
    },
  );

  app.get(
    '/api/v1/cooperation-table',
    {
      schema: {
        tags: ['Cooperation'],
        summary: 'The consolidation table: offers and demands counted by two axes (what the caller may see)',
        querystring: TableQuery,
        response: { 200: TableView },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const table = await consolidationTable(db, request.principal, normalise(request.query));
      return tableView(table, request.lang);
    },
  );
}
