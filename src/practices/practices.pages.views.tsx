import type { FieldError } from '../http/problems.ts';
import { ErrorSummary, Notice, PageHeading, Select, TextInput, FacetFieldset } from '../web/components.tsx';
import type { LocalizedText } from '../web/language.ts';
import { SubscribeForm } from '../subscriptions/index.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { NetworkName } from './practices.pages.queries.ts';
import {
  AvailableIn,
  Highlighted,
  LocalizedName,
  VOCABULARY_OF,
  capitalized,
  codeLabel,
  languageName,
  nameIn,
} from './practices.pages.components.tsx';
import type { SearchItem } from './practices.queries.ts';
import type { PracticeSearchParams } from './practices.schemas.ts';
import { type Facet, MAX_QUERY_LENGTH, type SearchOutcome } from './practices.search.ts';

/** The filters of the search page: the API's search parameters, without the page size. */
export type SearchFilters = Omit<PracticeSearchParams, 'pageSize'>;

type FacetValues = Record<Facet, string[] | number[] | undefined>;

interface FacetSpec {
  name: Facet;
  title: string;
}

/** The facets in the order of the page; titles reuse the practice's field labels where they exist. */
const FACET_SPECS: FacetSpec[] = [
  { name: 'objective', title: 'practices.field.gcmObjectives' },
  { name: 'principle', title: 'practices.field.gcmPrinciples' },
  { name: 'area', title: 'practices.field.thematicAreas' },
  { name: 'country', title: 'practices.field.countries' },
  { name: 'region', title: 'practicePages.facet.region' },
  { name: 'stage', title: 'practices.field.migrationStages' },
  { name: 'modality', title: 'practices.field.modality' },
  { name: 'year', title: 'practicePages.facet.year' },
  { name: 'language', title: 'practicePages.facet.language' },
  { name: 'network', title: 'practicePages.facet.network' },
  { name: 'organisation', title: 'practicePages.facet.organisation' },
];

const FACET_VOCABULARY: Partial<Record<Facet, string>> = {
  objective: VOCABULARY_OF.gcmObjectives,
  principle: VOCABULARY_OF.gcmPrinciples,
  area: VOCABULARY_OF.thematicAreas,
  country: VOCABULARY_OF.countries,
  region: VOCABULARY_OF.regions,
  stage: VOCABULARY_OF.migrationStages,
  modality: VOCABULARY_OF.modality,
};

function chosenValues(filters: SearchFilters, facet: Facet): string[] {
  return ((filters as FacetValues)[facet] ?? []).map(String);
}

/** The query string of a search: repeated parameters, one per chosen value; page 1 and no sort are left out. */
export function searchQuery(
  filters: SearchFilters,
  options: { page?: boolean; sort?: boolean } = {},
): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const facet of FACET_SPECS)
    for (const value of chosenValues(filters, facet.name)) params.append(facet.name, value);
  if (options.sort !== false && filters.sort) params.set('sort', filters.sort);
  if (options.page !== false && filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export interface SearchNames {
  networks: Map<string, NetworkName>;
  organisations: Map<string, { name: LocalizedText; acronym: LocalizedText }>;
}

/** What a facet value is called, and the value its checkbox sends (networks: counted by id, filtered by slug). */
function facetOption(ctx: PageContext, facet: Facet, value: string, names: SearchNames) {
  const vocabulary = FACET_VOCABULARY[facet];
  if (vocabulary) return { param: value, label: codeLabel(ctx, vocabulary, value) };
  switch (facet) {
    case 'language':
      return { param: value, label: capitalized(languageName(ctx.t, value)) };
    case 'network': {
      const network = names.networks.get(value);
      return network
        ? { param: network.slug, label: nameIn(ctx, network.name, network.slug) }
        : { param: value, label: value };
    }
    case 'organisation': {
      const organisation = names.organisations.get(value);
      return { param: value, label: nameIn(ctx, organisation?.name, value) };
    }
    default:
      return { param: value, label: value };
  }
}

export function PracticeSearchPage(props: {
  ctx: PageContext;
  filters: SearchFilters;
  result: SearchOutcome & { items: SearchItem[] };
  names: SearchNames;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, filters, result, names } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/practices`;
  const facets = FACET_SPECS.map((spec) => {
    const chosen = new Set(chosenValues(filters, spec.name));
    const options = new Map<string, { label: string; count: number }>();
    for (const entry of result.facets[spec.name]) {
      const option = facetOption(ctx, spec.name, entry.value, names);
      options.set(option.param, { label: option.label, count: entry.count });
    }
    for (const value of chosen)
      if (!options.has(value))
        options.set(value, { label: facetOption(ctx, spec.name, value, names).label, count: 0 });
    return { spec, chosen, options };
  });
  const active = facets.flatMap(({ spec, chosen, options }) =>
    [...chosen].map((value) => ({ spec, value, label: options.get(value)?.label ?? value })),
  );
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const withoutPaging = searchQuery(filters, { page: false, sort: false });
  return (
    <Layout ctx={ctx} title={t('practicePages.search.title')} description={t('practicePages.search.lead')}>
      <PageHeading>{t('practicePages.search.title')}</PageHeading>
      <p class="lead">{t('practicePages.search.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <div class="practice-search">
        <form method="get" action={base} role="search" class="practice-search__filters">
          <TextInput
            ctx={ctx}
            name="q"
            type="search"
            label={t('practicePages.search.label')}
            value={filters.q}
          />
          <Select
            ctx={ctx}
            name="sort"
            label={t('practicePages.sort.label')}
            value={filters.sort ?? 'relevance'}
            errors={undefined}
            options={[
              { value: 'relevance', label: t('practicePages.sort.relevance') },
              { value: 'date', label: t('practicePages.sort.date') },
            ]}
          />
          <button type="submit">{t('practicePages.search.submit')}</button>
          {facets.map(({ spec, chosen, options }) => (
            <FacetFieldset name={spec.name} legend={t(spec.title)} options={options} chosen={chosen} />
          ))}
          <button type="submit">{t('practicePages.filters.apply')}</button>
        </form>
        <div class="practice-search__results">
          {result.notice === 'truncated' ? (
            <Notice kind="info">{t('practicePages.notice.truncated', { max: MAX_QUERY_LENGTH })}</Notice>
          ) : null}
          {result.notice === 'no-words' ? (
            <Notice kind="info">{t('practicePages.notice.noWords')}</Notice>
          ) : null}
          {result.didYouMean ? (
            <p class="did-you-mean">
              {t('practicePages.didYouMean')}{' '}
              <a href={`${base}${searchQuery({ ...filters, q: result.didYouMean, page: 1 })}`}>
                {result.didYouMean}
              </a>
            </p>
          ) : null}
          <h2 id="results">
            {result.totalIsLowerBound
              ? t('practicePages.totalLowerBound', { count: result.total })
              : t('practicePages.total', { count: result.total })}
          </h2>
          {active.length > 0 ? (
            <section aria-labelledby="active-filters" class="active-filters">
              <h3 id="active-filters">{t('practicePages.filters.active')}</h3>
              <ul>
                {active.map(({ spec, value, label }) => (
                  <li>
                    <a
                      href={`${base}${searchQuery({
                        ...filters,
                        page: 1,
                        [spec.name]: chosenValues(filters, spec.name).filter((v) => v !== value),
                      })}`}
                    >
                      {t('practicePages.filters.remove', { facet: t(spec.title), value: label })}
                    </a>
                  </li>
                ))}
                <li>
                  <a href={`${base}${filters.q ? searchQuery({ q: filters.q }) : ''}`}>
                    {t('practicePages.filters.clear')}
                  </a>
                </li>
              </ul>
            </section>
          ) : null}
          {result.items.length === 0 && result.total > 0 ? (
            <p>
              <a href={`${base}${searchQuery({ ...filters, page: 1 })}`}>{t('practicePages.pageBeyond')}</a>
            </p>
          ) : result.items.length === 0 ? (
            <div class="empty-result">
              <p>{t('practicePages.empty')}</p>
              <p>
                {active.length > 0
                  ? t('practicePages.empty.withFilters')
                  : t('practicePages.empty.noFilters')}
              </p>
            </div>
          ) : (
            <form method="get" action={`${base}/compare`} class="practice-compare-form">
              <ol class="practice-results">
                {result.items.map((item) => (
                  <ResultItem ctx={ctx} item={item} />
                ))}
              </ol>
              <button type="submit">{t('practicePages.compare.submit')}</button>
            </form>
          )}
          {pages > 1 ? (
            <nav aria-label={t('practicePages.pager.label')} class="pager">
              <ul>
                {result.page > 1 ? (
                  <li>
                    <a href={`${base}${searchQuery({ ...filters, page: result.page - 1 })}`} rel="prev">
                      {t('practicePages.pager.previous')}
                    </a>
                  </li>
                ) : null}
                <li aria-current="page">{t('practicePages.pager.position', { page: result.page, pages })}</li>
                {result.page < pages ? (
                  <li>
                    <a href={`${base}${searchQuery({ ...filters, page: result.page + 1 })}`} rel="next">
                      {t('practicePages.pager.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
          <section aria-labelledby="open-data" class="open-data">
            <h2 id="open-data">{t('practicePages.export.title')}</h2>
            <ul>
              <li>
                <a href={`${base}/export.csv${withoutPaging}`}>{t('practicePages.export.csv')}</a>
              </li>
              <li>
                <a href={`${base}/export.json${withoutPaging}`}>{t('practicePages.export.json')}</a>
              </li>
              <li>
                <a href={`${base}/feed.atom${withoutPaging}`} type="application/atom+xml">
                  {t('practicePages.export.feed')}
                </a>
              </li>
            </ul>
          </section>
          <SubscribeForm ctx={ctx} source="practices" filters={filters} />
        </div>
      </div>
    </Layout>
  );
}

function ResultItem({ ctx, item }: { ctx: PageContext; item: SearchItem }) {
  const t = ctx.t;
  const titleId = `result-${item.id}`;
  const other = (lang: string) => (lang === ctx.lang ? undefined : lang);
  return (
    <li class="practice-result">
      <h3 id={titleId}>
        <a href={`/${ctx.lang}/practices/${item.id}`} lang={other(item.titleLang)}>
          {item.title}
        </a>
      </h3>
      {item.titleLang !== ctx.lang ? (
        <p class="meta">
          <AvailableIn ctx={ctx} lang={item.titleLang} />
        </p>
      ) : null}
      {item.snippet ? (
        <p class="practice-result__snippet" lang={other(item.snippetLang)}>
          <Highlighted text={item.snippet} />
        </p>
      ) : null}
      <dl class="practice-result__meta">
        <dt>{t('practicePages.facet.network')}</dt>
        <dd>
          <LocalizedName ctx={ctx} text={item.network.name} />
        </dd>
        {item.organisation ? (
          <>
            <dt>{t('practicePages.facet.organisation')}</dt>
            <dd>
              <a href={`/${ctx.lang}/organisations/${item.organisation.id}`}>
                <LocalizedName ctx={ctx} text={item.organisation.name} />
              </a>
            </dd>
          </>
        ) : null}
        {item.countries.length > 0 ? (
          <>
            <dt>{t('practices.field.countries')}</dt>
            <dd>{item.countries.map((code) => codeLabel(ctx, VOCABULARY_OF.countries, code)).join(', ')}</dd>
          </>
        ) : null}
        {item.year !== null ? (
          <>
            <dt>{t('practicePages.facet.year')}</dt>
            <dd>{item.year}</dd>
          </>
        ) : null}
        <dt>{t('practicePages.result.languages')}</dt>
        <dd>{capitalized(item.languages.map((lang) => languageName(t, lang)).join(', '))}</dd>
      </dl>
      <p class="meta">{t('practices.completeness', { percent: item.completeness })}</p>
      <p class="practice-result__compare">
        <input
          type="checkbox"
          id={`compare-${item.id}`}
          name="id"
          value={item.id}
          aria-describedby={titleId}
        />
        <label for={`compare-${item.id}`}>{t('practicePages.compare.select')}</label>
      </p>
    </li>
  );
}
