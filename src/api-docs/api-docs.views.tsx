import { Layout } from '../web/layout.tsx';
import { DataTable, PageHeading } from '../web/components.tsx';
import type { PageContext } from '../web/render.tsx';

export interface DocOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  secured: boolean;
  parameters: {
    name: string;
    in: string;
    required: boolean;
    type: string;
    description?: string | undefined;
  }[];
  body: { name: string; required: boolean; type: string }[];
  responses: string[];
}

/** The API documentation, rendered on the server from the generated OpenAPI document. */
export function ApiDocsPage({ ctx, operations }: { ctx: PageContext; operations: DocOperation[] }) {
  const t = ctx.t;
  const tags = [...new Set(operations.map((op) => op.tag))];
  return (
    <Layout ctx={ctx} title={t('apiDocs.title')}>
      <PageHeading>{t('apiDocs.title')}</PageHeading>
      <p class="lead">{t('apiDocs.lead')}</p>
      <p>
        {t('apiDocs.document')} <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
      <nav aria-labelledby="api-toc">
        <h2 id="api-toc">{t('apiDocs.contents')}</h2>
        <ul>
          {tags.map((tag) => (
            <li>
              <a href={`#tag-${slug(tag)}`} lang="en">
                {tag}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${slug(tag)}`}>
          <h2 id={`tag-${slug(tag)}`} lang="en">
            {tag}
          </h2>
          {operations
            .filter((op) => op.tag === tag)
            .map((op) => (
              <article class="card" aria-labelledby={`op-${op.id}`}>
                <h3 id={`op-${op.id}`}>
                  <code>
                    {op.method} {op.path}
                  </code>
                </h3>
                <p lang="en">{op.summary}</p>
                <p class="meta">{op.secured ? t('apiDocs.needsToken') : t('apiDocs.open')}</p>
                {op.parameters.length > 0 ? (
                  <DataTable
                    caption={t('apiDocs.parameters')}
                    rows={op.parameters}
                    columns={[
                      { header: t('apiDocs.name'), cell: (p) => <code>{p.name}</code> },
                      { header: t('apiDocs.in'), cell: (p) => p.in },
                      { header: t('apiDocs.type'), cell: (p) => p.type },
                      {
                        header: t('apiDocs.required'),
                        cell: (p) => (p.required ? t('apiDocs.yes') : t('apiDocs.no')),
                      },
                    ]}
                  />
                ) : null}
                {op.body.length > 0 ? (
                  <DataTable
                    caption={t('apiDocs.body')}
                    rows={op.body}
                    columns={[
                      { header: t('apiDocs.name'), cell: (field) => <code>{field.name}</code> },
                      { header: t('apiDocs.type'), cell: (field) => field.type },
                      {
                        header: t('apiDocs.required'),
                        cell: (field) => (field.required ? t('apiDocs.yes') : t('apiDocs.no')),
                      },
                    ]}
                  />
                ) : null}
                <p class="meta">
                  {t('apiDocs.responses')} {op.responses.join(', ')}
                </p>
              </article>
            ))}
        </section>
      ))}
    </Layout>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
