import type { FieldError } from '../http/problems.ts';
import { labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Notice,
  PageHeading,
  TextInput,
  FacetFieldset,
} from '../web/components.tsx';
import { type Lang, LANGUAGES, type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { FacetCounts } from './directory.queries.ts';

/** What the organisation form holds: the flat form body, mapped to the command's input by the routes. */
export interface OrganisationFormValues {
  name: LocalizedText;
  acronym: LocalizedText;
  description: LocalizedText;
  stakeholderGroup: string;
  headquartersCountry: string;
  countriesServed: string[];
  thematicAreas: string[];
  website: string;
}

export interface OrganisationSummaryRow {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
  stakeholder_group: string;
  headquarters_country: string | null;
}

export interface ListFilters {
  q?: string | undefined;
  group?: string[] | undefined;
  country?: string[] | undefined;
  region?: string[] | undefined;
  area?: string[] | undefined;
  network?: string[] | undefined;
  page?: number | undefined;
}

type FacetName = 'group' | 'country' | 'region' | 'area' | 'network';
const FACETS: { name: FacetName; vocabulary: string | null; title: string }[] = [
  { name: 'group', vocabulary: 'stakeholder-groups', title: 'organisations.facet.group' },
  { name: 'country', vocabulary: 'countries', title: 'organisations.facet.country' },
  { name: 'region', vocabulary: 'regions', title: 'organisations.facet.region' },
  { name: 'area', vocabulary: 'iom-areas', title: 'organisations.facet.area' },
  { name: 'network', vocabulary: null, title: 'organisations.facet.network' },
];

/** A text in the page language, or in another one with a visible badge saying which. */
export function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  if (picked.lang === ctx.lang) return <>{picked.text}</>;
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span>{' '}
      <span
        class="lang-badge"
        title={ctx.t('organisations.fallback', { language: picked.lang.toUpperCase() })}
      >
        {picked.lang}
      </span>
    </>
  );
}

export const label = (vocabulary: string, code: string | null, lang: Lang) =>
  code === null ? '—' : (labelOf(vocabulary, code, lang) ?? code);

/** The list URL for a set of filters: repeated parameters, one per chosen value. */
export function listUrl(lang: Lang, filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const facet of FACETS) for (const value of filters[facet.name] ?? []) params.append(facet.name, value);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return `/${lang}/organisations${search ? `?${search}` : ''}`;
}

export function OrganisationsListPage(props: {
  ctx: PageContext;
  filters: ListFilters;
  result: {
    items: OrganisationSummaryRow[];
    total: number;
    page: number;
    pageSize: number;
    facets: Record<FacetName, FacetCounts>;
  };
  networkNames: Map<string, LocalizedText>;
  canCreate: boolean;
  deleted?: boolean;
}) {
  const { ctx, filters, result } = props;
  const t = ctx.t;
  const facetLabel = (facet: (typeof FACETS)[number], value: string): string =>
    facet.vocabulary
      ? label(facet.vocabulary, value, ctx.lang)
      : (pickText(props.networkNames.get(value), ctx.lang)?.text ?? value);
  const active = FACETS.flatMap((facet) => (filters[facet.name] ?? []).map((value) => ({ facet, value })));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <Layout ctx={ctx} title={t('organisations.list.title')}>
      <PageHeading>{t('organisations.list.title')}</PageHeading>
      {props.deleted ? <Notice>{t('organisations.deleted')}</Notice> : null}
      {props.canCreate ? (
        <p>
          <a class="button" href={`/${ctx.lang}/organisations/new`}>
            {t('organisations.create.link')}
          </a>
        </p>
      ) : null}
      <form method="get" action={`/${ctx.lang}/organisations`} role="search" class="filters">
        <TextInput
          ctx={ctx}
          name="q"
          type="search"
          label={t('organisations.search.label')}
          value={filters.q}
          maxLength={200}
        />
        {FACETS.map((facet) => {
          const chosen = new Set(filters[facet.name] ?? []);
          const counts = new Map(result.facets[facet.name].map((entry) => [entry.value, entry.count]));
          for (const value of chosen) if (!counts.has(value)) counts.set(value, 0);
          const options = new Map(
            [...counts].map(([value, count]) => [value, { label: facetLabel(facet, value), count }]),
          );
          return (
            <FacetFieldset name={facet.name} legend={t(facet.title)} options={options} chosen={chosen} />
          );
        })}
        <button type="submit">{t('organisations.search.submit')}</button>
      </form>
      {active.length > 0 ? (
        <section aria-labelledby="active-filters">
          <h2 id="active-filters">{t('organisations.filters.active')}</h2>
          <ul>
            {active.map(({ facet, value }) => (
              <li>
                <a
                  href={listUrl(ctx.lang, {
                    ...filters,
                    page: 1,
                    [facet.name]: (filters[facet.name] ?? []).filter((v) => v !== value),
                  })}
                >
                  {t('organisations.filters.remove', {
                    facet: t(facet.title),
                    value: facetLabel(facet, value),
                  })}
                </a>
              </li>
            ))}
            <li>
              <a href={`/${ctx.lang}/organisations`}>{t('organisations.filters.clear')}</a>
            </li>
          </ul>
        </section>
      ) : null}
      <h2 id="results">{t('organisations.list.total', { count: result.total })}</h2>
      {result.items.length > 0 ? (
        <DataTable
          caption={t('organisations.list.caption', { page: result.page, pages })}
          rows={result.items}
          columns={[
            {
              header: t('organisations.field.name'),
              cell: (row) => (
                <a href={`/${ctx.lang}/organisations/${row.id}`}>
                  <Localized ctx={ctx} text={row.name} />
                </a>
              ),
            },
            {
              header: t('organisations.field.acronym'),
              cell: (row) => <Localized ctx={ctx} text={row.acronym} />,
            },
            {
              header: t('organisations.field.stakeholderGroup'),
              cell: (row) => label('stakeholder-groups', row.stakeholder_group, ctx.lang),
            },
            {
              header: t('organisations.field.headquartersCountry'),
              cell: (row) => label('countries', row.headquarters_country, ctx.lang),
            },
          ]}
        />
      ) : (
        <p>{t('organisations.list.empty')}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t('organisations.pager.label')} class="pager">
          <ul>
            {result.page > 1 ? (
              <li>
                <a href={listUrl(ctx.lang, { ...filters, page: result.page - 1 })} rel="prev">
                  {t('organisations.pager.previous')}
                </a>
              </li>
            ) : null}
            <li aria-current="page">{t('organisations.pager.position', { page: result.page, pages })}</li>
            {result.page < pages ? (
              <li>
                <a href={listUrl(ctx.lang, { ...filters, page: result.page + 1 })} rel="next">
                  {t('organisations.pager.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}

export interface OrganisationDetail {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
  description: LocalizedText;
  stakeholder_group: string;
  headquarters_country: string | null;
  countries_served: string[];
  thematic_areas: string[];
  website: string | null;
  version: number;
  accreditations: {
    kind: string;
    accreditingOrganisationId: string | null;
    accreditingBody: string | null;
    accreditingName: LocalizedText | null;
    grantedOn: string | null;
    note: string | null;
  }[];
  relationships: {
    kind: string;
    direction: string;
    otherId: string;
    otherName: LocalizedText;
    since: string | null;
    note: string | null;
  }[];
  memberships: { slug: string; name: LocalizedText; role: string; since: string | null }[];
  focalPoints:
    | {
        id: string;
        name: string;
        title: string | null;
        email: string | null;
        phone: string | null;
        languages: string[];
      }[]
    | null;
}

/** schema.org Organization as JSON text safe inside a script element (no `<`, `>` or `&`). */
export function organisationJsonLd(organisation: OrganisationDetail, baseUrl: string, lang: Lang): string {
  const name = pickText(organisation.name, lang)?.text;
  const alternates = [...Object.values(organisation.name), ...Object.values(organisation.acronym)].filter(
    (text, index, all): text is string => !!text && text !== name && all.indexOf(text) === index,
  );
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${baseUrl}/${lang}/organisations/${organisation.id}`,
    name,
    ...(alternates.length > 0 ? { alternateName: alternates } : {}),
    ...(organisation.website ? { url: organisation.website } : {}),
    ...(pickText(organisation.description, lang)
      ? { description: pickText(organisation.description, lang)!.text }
      : {}),
    ...(organisation.headquarters_country
      ? { address: { '@type': 'PostalAddress', addressCountry: organisation.headquarters_country } }
      : {}),
    ...(organisation.countries_served.length > 0
      ? {
          areaServed: organisation.countries_served.map((code) => ({
            '@type': 'Country',
            name: labelOf('countries', code, lang) ?? code,
            identifier: code,
          })),
        }
      : {}),
    ...(organisation.memberships.length > 0
      ? {
          memberOf: organisation.memberships.map((membership) => ({
            '@type': 'Organization',
            name: pickText(membership.name, lang)?.text,
            url: `${baseUrl}/${lang}/networks/${membership.slug}`,
          })),
        }
      : {}),
  };
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function OrganisationPage(props: {
  ctx: PageContext;
  organisation: OrganisationDetail;
  jsonLd: string;
  canEdit: boolean;
  canDelete: boolean;
  focalPointErrors?: FieldError[] | undefined;
  focalPointValues?: Record<string, string> | undefined;
  notice?: 'saved' | 'created' | 'focalPointAdded' | undefined;
}) {
  const { ctx, organisation: o } = props;
  const t = ctx.t;
  const title = pickText(o.name, ctx.lang)?.text ?? t('organisations.untitled');
  return (
    <Layout ctx={ctx} title={title} description={pickText(o.description, ctx.lang)?.text}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
      <PageHeading>
        <Localized ctx={ctx} text={o.name} />
      </PageHeading>
      {props.notice === 'saved' ? <Notice>{t('organisations.notice.saved')}</Notice> : null}
      {props.notice === 'created' ? <Notice>{t('organisations.notice.created')}</Notice> : null}
      {props.notice === 'focalPointAdded' ? (
        <Notice>{t('organisations.notice.focalPointAdded')}</Notice>
      ) : null}
      {props.canEdit ? (
        <p>
          <a class="button" href={`/${ctx.lang}/organisations/${o.id}/edit`}>
            {t('organisations.edit.link')}
          </a>
        </p>
      ) : null}
      <dl class="summary-list">
        <dt>{t('organisations.field.names')}</dt>
        <dd>
          <ul>
            {LANGUAGES.filter((lang) => o.name[lang] || o.acronym[lang]).map((lang) => (
              <li lang={lang}>
                {o.name[lang] ?? ''}
                {o.acronym[lang] ? ` (${o.acronym[lang]})` : ''} <span class="lang-badge">{lang}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('organisations.field.stakeholderGroup')}</dt>
        <dd>{label('stakeholder-groups', o.stakeholder_group, ctx.lang)}</dd>
        <dt>{t('organisations.field.headquartersCountry')}</dt>
        <dd>{label('countries', o.headquarters_country, ctx.lang)}</dd>
        <dt>{t('organisations.field.countriesServed')}</dt>
        <dd>
          {o.countries_served.length > 0
            ? o.countries_served.map((code) => label('countries', code, ctx.lang)).join(', ')
            : '—'}
        </dd>
        <dt>{t('organisations.field.thematicAreas')}</dt>
        <dd>
          {o.thematic_areas.length > 0 ? (
            <ul>
              {o.thematic_areas.map((code) => (
                <li>{label('iom-areas', code, ctx.lang)}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('organisations.field.website')}</dt>
        <dd>
          {o.website ? (
            <a href={o.website} rel="noopener noreferrer">
              {o.website}
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('organisations.field.description')}</dt>
        <dd>{pickText(o.description, ctx.lang) ? <Localized ctx={ctx} text={o.description} /> : '—'}</dd>
      </dl>

      <h2>{t('organisations.accreditations.title')}</h2>
      {o.accreditations.length > 0 ? (
        <ul>
          {o.accreditations.map((a) => (
            <li>
              {t('organisations.accreditations.item', {
                kind: a.kind,
                body:
                  (a.accreditingName ? pickText(a.accreditingName, ctx.lang)?.text : a.accreditingBody) ??
                  '—',
                date: a.grantedOn ?? '—',
              })}
              {a.note ? <span class="meta"> — {a.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('organisations.none')}</p>
      )}

      {props.canDelete ? (
        <p>
          <a href={`/${ctx.lang}/organisations/${o.id}/accreditations/new`}>
            {t('relations.accreditation.title')}
          </a>
        </p>
      ) : null}

      <h2 id="relationships">{t('organisations.relationships.title')}</h2>
      {o.relationships.length > 0 ? (
        <DataTable
          caption={t('organisations.relationships.title')}
          rows={o.relationships}
          columns={[
            {
              header: t('organisations.relationships.kind'),
              cell: (r) => label('relationship-kinds', r.kind, ctx.lang),
            },
            {
              header: t('organisations.relationships.direction'),
              cell: (r) =>
                r.direction === 'outgoing'
                  ? t('organisations.relationships.outgoing')
                  : t('organisations.relationships.incoming'),
            },
            {
              header: t('organisations.relationships.organisation'),
              cell: (r) => (
                <a href={`/${ctx.lang}/organisations/${r.otherId}`}>
                  <Localized ctx={ctx} text={r.otherName} />
                </a>
              ),
            },
            { header: t('organisations.relationships.since'), cell: (r) => r.since ?? '—' },
            { header: t('organisations.relationships.note'), cell: (r) => r.note ?? '' },
          ]}
        />
      ) : (
        <p>{t('organisations.none')}</p>
      )}

      <h2>{t('organisations.networks.title')}</h2>
      {o.memberships.length > 0 ? (
        <ul>
          {o.memberships.map((m) => (
            <li>
              <a href={`/${ctx.lang}/networks/${m.slug}`}>
                <Localized ctx={ctx} text={m.name} />
              </a>{' '}
              — {roleLabel(ctx, m.role)}
              {m.since ? (
                <span class="meta"> ({t('organisations.networks.since', { date: m.since })})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('organisations.none')}</p>
      )}

      {props.canEdit ? (
        <p>
          <a href={`/${ctx.lang}/organisations/${o.id}/relationships/new`}>
            {t('relations.relationship.title')}
          </a>
        </p>
      ) : null}

      <h2 id="focal-points">{t('organisations.focalPoints.title')}</h2>
      {o.focalPoints === null ? (
        <p>
          {t('organisations.focalPoints.membersOnly')}{' '}
          {ctx.principal === null ? (
            <a href={`/${ctx.lang}/login?next=${encodeURIComponent(`/${ctx.lang}/organisations/${o.id}`)}`}>
              {t('organisations.focalPoints.signIn')}
            </a>
          ) : null}
        </p>
      ) : o.focalPoints.length > 0 ? (
        <DataTable
          caption={t('organisations.focalPoints.title')}
          rows={o.focalPoints}
          columns={[
            { header: t('organisations.focalPoint.name'), cell: (f) => f.name },
            { header: t('organisations.focalPoint.title'), cell: (f) => f.title ?? '' },
            {
              header: t('organisations.focalPoint.email'),
              cell: (f) => (f.email ? <a href={`mailto:${f.email}`}>{f.email}</a> : ''),
            },
            { header: t('organisations.focalPoint.phone'), cell: (f) => f.phone ?? '' },
            { header: t('organisations.focalPoint.languages'), cell: (f) => f.languages.join(', ') },
            ...(props.canEdit
              ? [
                  {
                    header: t('organisations.focalPoint.actions'),
                    cell: (f: {
                      id: string;
                      name: string;
                      title: string | null;
                      email: string | null;
                      phone: string | null;
                      languages: string[];
                    }) => (
                      <>
                        <a href={`/${ctx.lang}/organisations/${o.id}/focal-points/${f.id}/edit`}>
                          {t('organisations.focalPoint.edit', { name: f.name })}
                        </a>{' '}
                        <form
                          method="post"
                          action={`/${ctx.lang}/organisations/${o.id}/focal-points/${f.id}/delete`}
                          class="inline-form"
                        >
                          <CsrfField ctx={ctx} />
                          <button type="submit" class="button--secondary">
                            {t('organisations.focalPoint.delete', { name: f.name })}
                          </button>
                        </form>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <p>{t('organisations.none')}</p>
      )}
      {props.canEdit ? (
        <section aria-labelledby="add-focal-point">
          <h3 id="add-focal-point">{t('organisations.focalPoints.add')}</h3>
          <ErrorSummary ctx={ctx} errors={props.focalPointErrors} />
          <form
            method="post"
            action={`/${ctx.lang}/organisations/${o.id}/focal-points`}
            class="form"
            novalidate
          >
            <CsrfField ctx={ctx} />
            {(['name', 'title', 'email', 'phone', 'languages'] as const).map((field) => (
              <TextInput
                ctx={ctx}
                name={field}
                type={field === 'email' ? 'email' : 'text'}
                label={t(`organisations.focalPoint.${field}`)}
                hint={field === 'languages' ? t('organisations.focalPoint.languagesHint') : undefined}
                value={props.focalPointValues?.[field]}
                errors={props.focalPointErrors}
                required={field === 'name'}
                maxLength={field === 'email' ? 254 : 200}
              />
            ))}
            <button type="submit">{t('organisations.focalPoints.submit')}</button>
          </form>
        </section>
      ) : null}
      {props.canDelete ? (
        <form method="post" action={`/${ctx.lang}/organisations/${o.id}/delete`} class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="button--secondary">
            {t('organisations.delete.submit')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

function roleLabel(ctx: PageContext, role: string): string {
  switch (role) {
    case 'coordinator':
      return ctx.t('organisations.role.coordinator');
    case 'observer':
      return ctx.t('organisations.role.observer');
    default:
      return ctx.t('organisations.role.member');
  }
}
