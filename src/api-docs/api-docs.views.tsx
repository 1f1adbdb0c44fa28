import { Layout } from '../web/layout.tsx';
import { PageHeading } from '../web/components.tsx';
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
                  <div class="table-scroll">
                    <table>
                      <caption>{t('apiDocs.parameters')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('apiDocs.name')}</th>
                          <th scope="col">{t('apiDocs.in')}</th>
                          <th scope="col">{t('apiDocs.type')}</th>
                          <th scope="col">{t('apiDocs.required')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr>
                            <td>
                              <code>{p.name}</code>
                            </td>
                            <td>{p.in}</td>
                            <td>{p.type}</td>
                            <td>{p.required ? t('apiDocs.yes') : t('apiDocs.no')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {op.body.length > 0 ? (
                  <div class="table-scroll">
                    <table>
                      <caption>{t('apiDocs.body')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('apiDocs.name')}</th>
                          <th scope="col">{t('apiDocs.type')}</th>
                          <th scope="col">{t('apiDocs.required')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.body.map((field) => (
                          <tr>
                            <td>
                              <code>{field.name}</code>
                            </td>
                            <td>{field.type}</td>
                            <td>{field.required ? t('apiDocs.yes') : t('apiDocs.no')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
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
