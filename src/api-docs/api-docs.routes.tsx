import type { FastifyInstance } from 'fastify';
import { negotiateLanguage } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams } from '../web/routes.ts';
import { ApiDocsPage, type DocOperation } from './api-docs.views.tsx';

type Schema = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};

function typeOf(schema: Schema | undefined): string {
  if (!schema) return '—';
  if (schema.enum) return schema.enum.map(String).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'object');
  return schema.format ? `${base} (${schema.format})` : base;
}

/** Flattens the generated OpenAPI document into what the documentation page shows. */
function operationsOf(document: Record<string, unknown>): DocOperation[] {
  const operations: DocOperation[] = [];
  const paths = (document.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = (
        (op.parameters ?? []) as {
          name: string;
          in: string;
          required?: boolean;
          schema?: Schema;
          description?: string;
        }[]
      ).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        type: typeOf(p.schema),
        description: p.description,
      }));
      const bodySchema = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content?.['application/json']?.schema;
      const body = Object.entries(bodySchema?.properties ?? {}).map(([name, schema]) => ({
        name,
        required: bodySchema?.required?.includes(name) ?? false,
        type: typeOf(schema),
      }));
      operations.push({
        id: `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-'),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        tag: ((op.tags as string[] | undefined) ?? ['Other'])[0] ?? 'Other',
        secured: Array.isArray(op.security) && op.security.length > 0,
        parameters,
        body,
        responses: Object.keys((op.responses ?? {}) as object),
      });
    }
  }
  return operations;
}

export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  let operations: DocOperation[] | undefined;

  app.get('/api/docs', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) =>
    reply
      .code(302)
      .header('vary', 'Accept-Language')
      .header('location', `/${negotiateLanguage(request.headers['accept-language'])}/api`)
      .send(),
  );

  app.get(
    `${L}/api`,
    { schema: { params: LangParams }, config: { access: 'public' } },
    async (request, reply) => {
      operations ??= operationsOf(app.swagger() as unknown as Record<string, unknown>);
      return sendHtml(reply, <ApiDocsPage ctx={pageContext(request, reply)} operations={operations} />);
    },
  );
}
