import type { FieldError } from '../http/problems.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Notice,
  PageHeading,
  TextInput,
  errorFor,
  FacetFieldset,
} from '../web/components.tsx';
import type { Lang, LocalizedText } from '../web/language.ts';
import { SubscribeForm } from '../subscriptions/index.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import {
  SIDE_TEXT,
  STATUS_LABEL,
  VISIBILITY_LABEL,
  TextIn,
  budgetText,
  codeLabel,
  collectionOf,
  formatDate,
  languageOfCode,
  periodText,
  plainText,
} from './cooperation.items.components.tsx';
import type { Facets, FacetName, ItemWithNames } from './cooperation.items.queries.ts';
import { ITEM_STATUSES, type ItemFilters } from './cooperation.items.schemas.ts';
import type { ItemSide } from './cooperation.tables.ts';

const FACETS: { name: FacetName; vocabulary: string | null; title: string }[] = [
  { name: 'area', vocabulary: 'iom-areas', title: 'cooperationItems.facet.area' },
  { name: 'objective', vocabulary: 'gcm-objectives', title: 'cooperationItems.facet.objective' },
  { name: 'region', vocabulary: 'regions', title: 'cooperationItems.facet.region' },
  { name: 'country', vocabulary: 'countries', title: 'cooperationItems.facet.country' },
  { name: 'kind', vocabulary: 'cooperation-kinds', title: 'cooperationItems.facet.kind' },
  { name: 'status', vocabulary: null, title: 'cooperationItems.facet.status' },
  { name: 'network', vocabulary: null, title: 'cooperationItems.facet.network' },
];

/** The list URL for a set of filters: repeated parameters, one per chosen value. */
export function itemsUrl(lang: Lang, side: ItemSide, filters: ItemFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const facet of FACETS) for (const value of filters[facet.name] ?? []) params.append(facet.name, value);
  if (filters.organisation) params.set('organisation', filters.organisation);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return `/${lang}/${collectionOf(side)}${search ? `?${search}` : ''}`;
}

export function ItemsListPage(props: {
  ctx: PageContext;
  side: ItemSide;
  filters: ItemFilters;
  result: { items: ItemWithNames[]; total: number; page: number; pageSize: number; facets: Facets };
  networkNames: Map<string, LocalizedText>;
  canCreate: boolean;
}) {
  const { ctx, side, filters, result } = props;
  const t = ctx.t;
  const texts = SIDE_TEXT[side];
  const facetLabel = (facet: (typeof FACETS)[number], value: string): string => {
    if (facet.vocabulary) return codeLabel(facet.vocabulary, value, ctx.lang);
    if (facet.name === 'status')
      return Object.hasOwn(STATUS_LABEL, value) ? t(STATUS_LABEL[value as 'open']) : value;
    return plainText(props.networkNames.get(value), ctx.lang, value);
  };
  const active = FACETS.flatMap((facet) => (filters[facet.name] ?? []).map((value) => ({ facet, value })));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const exportQuery = itemsUrl(ctx.lang, side, { ...filters, page: 1 }).split('?')[1];
  return (
    <Layout ctx={ctx} title={t(texts.list)}>
      <PageHeading>{t(texts.list)}</PageHeading>
      <p>
        {props.canCreate ? (
          <>
            <a class="button" href={`/${ctx.lang}/${collectionOf(side)}/new`}>
              {t(texts.create)}
            </a>{' '}
          </>
        ) : null}
        <a href={`/${ctx.lang}/cooperation/table`}>{t('cooperationItems.link.table')}</a>
      </p>
      <form method="get" action={`/${ctx.lang}/${collectionOf(side)}`} role="search" class="filters">
        <TextInput
          ctx={ctx}
          name="q"
          type="search"
          label={t('cooperationItems.search.label')}
          value={filters.q}
          maxLength={200}
        />
        {FACETS.map((facet) => {
          const chosen = new Set(filters[facet.name] ?? []);
          const counts = new Map(result.facets[facet.name].map((entry) => [entry.value, entry.count]));
          if (facet.name === 'status')
            for (const status of ITEM_STATUSES) if (!counts.has(status)) counts.set(status, 0);
          for (const value of chosen) if (!counts.has(value)) counts.set(value, 0);
          const options = new Map(
            [...counts].map(([value, count]) => [value, { label: facetLabel(facet, value), count }]),
          );
          return (
            <FacetFieldset name={facet.name} legend={t(facet.title)} options={options} chosen={chosen} />
          );
        })}
        <button type="submit">{t('cooperationItems.search.submit')}</button>
      </form>
      {active.length > 0 ? (
        <section aria-labelledby="active-filters">
          <h2 id="active-filters">{t('cooperationItems.filters.active')}</h2>
          <ul>
            {active.map(({ facet, value }) => (
              <li>
                <a
                  href={itemsUrl(ctx.lang, side, {
                    ...filters,
                    page: 1,
                    [facet.name]: (filters[facet.name] ?? []).filter((v) => v !== value),
                  })}
                >
                  {t('cooperationItems.filters.remove', {
                    facet: t(facet.title),
                    value: facetLabel(facet, value),
                  })}
                </a>
              </li>
            ))}
            <li>
              <a href={`/${ctx.lang}/${collectionOf(side)}`}>{t('cooperationItems.filters.clear')}</a>
            </li>
          </ul>
        </section>
      ) : null}
      <h2 id="results">{t('cooperationItems.list.total', { count: result.total })}</h2>
      {result.items.length > 0 ? (
        <DataTable
          caption={t('cooperationItems.list.caption', { page: result.page, pages })}
          rows={result.items}
          columns={[
            {
              header: t('cooperationItems.field.title'),
              cell: (row) => (
                <a href={`/${ctx.lang}/${collectionOf(side)}/${row.id}`}>
                  <TextIn ctx={ctx} text={row.title} />
                </a>
              ),
            },
            { header: t(texts.by), cell: (row) => <TextIn ctx={ctx} text={row.organisationName} /> },
            {
              header: t('cooperationItems.field.kind'),
              cell: (row) => codeLabel('cooperation-kinds', row.kind, ctx.lang),
            },
            {
              header: t('cooperationItems.field.countries'),
              cell: (row) =>
                [
                  ...row.countries.map((c) => codeLabel('countries', c, ctx.lang)),
                  ...row.regions.map((r) => codeLabel('regions', r, ctx.lang)),
                ].join(', ') || '—',
            },
            { header: t('cooperationItems.field.status'), cell: (row) => t(STATUS_LABEL[row.status]) },
            {
              header: t('cooperationItems.field.network'),
              cell: (row) => <TextIn ctx={ctx} text={row.networkName} />,
            },
          ]}
        />
      ) : (
        <p>{t('cooperationItems.list.empty')}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t('cooperationItems.pager.label')} class="pager">
          <ul>
            {result.page > 1 ? (
              <li>
                <a href={itemsUrl(ctx.lang, side, { ...filters, page: result.page - 1 })} rel="prev">
                  {t('cooperationItems.pager.previous')}
                </a>
              </li>
            ) : null}
            <li aria-current="page">{t('cooperationItems.pager.position', { page: result.page, pages })}</li>
            {result.page < pages ? (
              <li>
                <a href={itemsUrl(ctx.lang, side, { ...filters, page: result.page + 1 })} rel="next">
                  {t('cooperationItems.pager.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <section class="open-data" aria-labelledby="open-data">
        <h2 id="open-data">{t('cooperationItems.export.title')}</h2>
        <ul>
          <li>
            <a
              href={`/api/v1/exports/${collectionOf(side)}.csv${exportQuery ? `?${exportQuery}` : ''}`}
              type="text/csv"
            >
              {t(texts.csv)}
            </a>
          </li>
          <li>
            <a
              href={`/api/v1/exports/${collectionOf(side)}.json${exportQuery ? `?${exportQuery}` : ''}`}
              type="application/json"
            >
              {t(texts.json)}
            </a>
          </li>
        </ul>
      </section>
      <SubscribeForm ctx={ctx} source={collectionOf(side)} filters={filters} />
    </Layout>
  );
}

export type ItemNotice = 'created' | 'saved' | 'status';
const NOTICES: Record<ItemNotice, string> = {
  created: 'cooperationItems.notice.created',
  saved: 'cooperationItems.notice.saved',
  status: 'cooperationItems.notice.status',
};

function Codes({ ctx, vocabulary, codes }: { ctx: PageContext; vocabulary: string; codes: string[] }) {
  if (codes.length === 0) return <>—</>;
  return (
    <ul class="inline-list">
      {codes.map((code) => (
        <li>{codeLabel(vocabulary, code, ctx.lang)}</li>
      ))}
    </ul>
  );
}

export function ItemPage(props: {
  ctx: PageContext;
  item: ItemWithNames;
  canManage: boolean;
  notice?: ItemNotice | undefined;
  statusErrors?: FieldError[] | undefined;
}) {
  const { ctx, item } = props;
  const t = ctx.t;
  const texts = SIDE_TEXT[item.side];
  const base = `/${ctx.lang}/${collectionOf(item.side)}/${item.id}`;
  const title = plainText(item.title, ctx.lang, t(texts.one));
  const budget = budgetText(ctx.lang, item.budgetAmount, item.budgetCurrency);
  const statusError = errorFor(props.statusErrors, 'status') ?? errorFor(props.statusErrors, 'version');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="meta">
        <a href={`/${ctx.lang}/${collectionOf(item.side)}`}>{t(texts.list)}</a>
      </p>
      <PageHeading>
        <TextIn ctx={ctx} text={item.title} />
      </PageHeading>
      {props.notice ? <Notice>{t(NOTICES[props.notice])}</Notice> : null}
      <p>
        {t(texts.one)} · {t(STATUS_LABEL[item.status])} · {t(VISIBILITY_LABEL[item.visibility])}
      </p>
      <TextIn ctx={ctx} text={item.description} block />
      <table>
        <caption>{t('cooperationItems.detail.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t(texts.by)}</th>
            <td>
              <a href={`/${ctx.lang}/organisations/${item.organisationId}`}>
                <TextIn ctx={ctx} text={item.organisationName} />
              </a>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.network')}</th>
            <td>
              <a href={`/${ctx.lang}/networks/${item.networkSlug}`}>
                <TextIn ctx={ctx} text={item.networkName} />
              </a>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.kind')}</th>
            <td>{codeLabel('cooperation-kinds', item.kind, ctx.lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.thematicAreas')}</th>
            <td>
              <Codes ctx={ctx} vocabulary="iom-areas" codes={item.thematicAreas} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.gcmObjectives')}</th>
            <td>
              <Codes ctx={ctx} vocabulary="gcm-objectives" codes={item.gcmObjectives} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.countries')}</th>
            <td>
              <Codes ctx={ctx} vocabulary="countries" codes={item.countries} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.regions')}</th>
            <td>
              <Codes ctx={ctx} vocabulary="regions" codes={item.regions} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.workingLanguages')}</th>
            <td>{item.workingLanguages.map((code) => languageOfCode(ctx.lang, code)).join(', ') || '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.period')}</th>
            <td>{periodText(ctx, item.startsOn, item.endsOn)}</td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.capacity')}</th>
            <td>{item.capacity ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.budget')}</th>
            <td>{budget ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('cooperationItems.field.updated')}</th>
            <td>{formatDate(ctx.lang, item.updatedAt.toISOString().slice(0, 10))}</td>
          </tr>
        </tbody>
      </table>
      {props.canManage ? (
        <section aria-labelledby="manage">
          <h2 id="manage">{t('cooperationItems.detail.manage')}</h2>
          <ul>
            <li>
              <a href={`${base}/candidates`}>{t(texts.findMatches)}</a>
            </li>
            <li>
              <a href={`/${ctx.lang}/matches?item=${item.id}`}>{t('cooperationItems.detail.matches')}</a>
            </li>
            <li>
              <a href={`${base}/edit`}>{t(texts.edit)}</a>
            </li>
          </ul>
          <form method="post" action={`${base}/status`} class="status-form">
            <CsrfField ctx={ctx} />
            <ErrorSummary ctx={ctx} errors={props.statusErrors} />
            <input type="hidden" name="version" value={String(item.version)} />
            <div class={statusError ? 'field field--error' : 'field'}>
              <label for="field-status">{t('cooperationItems.detail.statusLabel')}</label>
              {statusError ? (
                <p class="field__error" id="field-status-error">
                  {statusError}
                </p>
              ) : null}
              <select
                id="field-status"
                name="status"
                aria-describedby={statusError ? 'field-status-error' : undefined}
              >
                {ITEM_STATUSES.map((status) => (
                  <option value={status} selected={status === item.status}>
                    {t(STATUS_LABEL[status])}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t('cooperationItems.detail.statusSubmit')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
