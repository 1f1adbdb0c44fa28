import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  TextInput,
  errorFor,
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

const label = (vocabulary: string, code: string | null, lang: Lang) =>
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
          if (counts.size === 0) return null;
          return (
            <fieldset class="facet">
              <legend>{t(facet.title)}</legend>
              <ul class="facet__options">
                {[...counts].map(([value, count]) => {
                  const id = `facet-${facet.name}-${value}`;
                  return (
                    <li>
                      <input
                        type="checkbox"
                        id={id}
                        name={facet.name}
                        value={value}
                        checked={chosen.has(value)}
                      />{' '}
                      <label for={id}>
                        {facetLabel(facet, value)} <span class="meta">({count})</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
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

      <h2>{t('organisations.relationships.title')}</h2>
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

const LANGUAGE_KEYS: Record<Lang, string> = {
  fr: 'organisations.language.fr',
  es: 'organisations.language.es',
  en: 'organisations.language.en',
  pt: 'organisations.language.pt',
};

/** Errors about one field or any of its items (`countriesServed.3` belongs to `countriesServed`). */
function errorOf(errors: FieldError[] | undefined, field: string): string | undefined {
  return errorFor(errors, field) ?? errors?.find((e) => e.field.startsWith(`${field}.`))?.message;
}

function OrganisationFields(props: {
  ctx: PageContext;
  values: OrganisationFormValues;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const countries = getVocabulary('countries') ?? [];
  const byLabel = [...countries].sort((a, b) =>
    a.labels[ctx.lang].localeCompare(b.labels[ctx.lang], ctx.lang),
  );
  const textarea = (lang: Lang) => {
    const name = `description.${lang}`;
    const error = errorOf(errors, name);
    return (
      <Field
        ctx={ctx}
        name={name}
        label={t('organisations.field.descriptionIn', { language: t(LANGUAGE_KEYS[lang]) })}
        error={error}
      >
        <textarea
          id={`field-${name}`}
          name={name}
          rows={4}
          lang={lang}
          maxLength={10_000}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `field-${name}-error` : undefined}
        >
          {values.description[lang] ?? ''}
        </textarea>
      </Field>
    );
  };
  const groupError = errorOf(errors, 'stakeholderGroup');
  const hqError = errorOf(errors, 'headquartersCountry');
  const servedError = errorOf(errors, 'countriesServed');
  const areasError = errorOf(errors, 'thematicAreas');
  return (
    <>
      {LANGUAGES.map((lang) => (
        <fieldset>
          <legend>{t(LANGUAGE_KEYS[lang])}</legend>
          <TextInput
            ctx={ctx}
            name={`name.${lang}`}
            label={t('organisations.field.nameIn', { language: t(LANGUAGE_KEYS[lang]) })}
            value={values.name[lang]}
            errors={errors}
            maxLength={300}
          />
          <TextInput
            ctx={ctx}
            name={`acronym.${lang}`}
            label={t('organisations.field.acronymIn', { language: t(LANGUAGE_KEYS[lang]) })}
            value={values.acronym[lang]}
            errors={errors}
            maxLength={30}
          />
          {textarea(lang)}
        </fieldset>
      ))}
      <Field
        ctx={ctx}
        name="stakeholderGroup"
        label={t('organisations.field.stakeholderGroup')}
        error={groupError}
        required
      >
        <select
          id="field-stakeholderGroup"
          name="stakeholderGroup"
          required
          aria-invalid={groupError ? 'true' : undefined}
          aria-describedby={groupError ? 'field-stakeholderGroup-error' : undefined}
        >
          <option value="">{t('organisations.form.choose')}</option>
          {(getVocabulary('stakeholder-groups') ?? []).map((entry) => (
            <option value={entry.code} selected={values.stakeholderGroup === entry.code}>
              {entry.labels[ctx.lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        ctx={ctx}
        name="headquartersCountry"
        label={t('organisations.field.headquartersCountry')}
        error={hqError}
      >
        <select
          id="field-headquartersCountry"
          name="headquartersCountry"
          aria-invalid={hqError ? 'true' : undefined}
          aria-describedby={hqError ? 'field-headquartersCountry-error' : undefined}
        >
          <option value="">{t('organisations.form.none')}</option>
          {byLabel.map((entry) => (
            <option value={entry.code} selected={values.headquartersCountry === entry.code}>
              {entry.labels[ctx.lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        ctx={ctx}
        name="countriesServed"
        label={t('organisations.field.countriesServed')}
        hint={t('organisations.form.multipleHint')}
        error={servedError}
      >
        <select
          id="field-countriesServed"
          name="countriesServed"
          multiple
          size={8}
          aria-invalid={servedError ? 'true' : undefined}
          aria-describedby={['field-countriesServed-hint', servedError ? 'field-countriesServed-error' : '']
            .join(' ')
            .trim()}
        >
          {byLabel.map((entry) => (
            <option value={entry.code} selected={values.countriesServed.includes(entry.code)}>
              {entry.labels[ctx.lang]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        id="field-thematicAreas"
        aria-describedby={areasError ? 'field-thematicAreas-error' : undefined}
      >
        <legend>{t('organisations.field.thematicAreas')}</legend>
        {areasError ? (
          <p class="field__error" id="field-thematicAreas-error">
            {areasError}
          </p>
        ) : null}
        <ul class="facet__options">
          {(getVocabulary('iom-areas') ?? []).map((entry) => (
            <li>
              <input
                type="checkbox"
                id={`area-${entry.code}`}
                name="thematicAreas"
                value={entry.code}
                checked={values.thematicAreas.includes(entry.code)}
              />{' '}
              <label for={`area-${entry.code}`}>{entry.labels[ctx.lang]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextInput
        ctx={ctx}
        name="website"
        type="url"
        label={t('organisations.field.website')}
        hint={t('organisations.form.websiteHint')}
        value={values.website}
        errors={errors}
        maxLength={500}
      />
    </>
  );
}

export interface Duplicate {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
  headquarters_country: string | null;
}

export function OrganisationFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: OrganisationFormValues;
  version?: number | undefined;
  errors?: FieldError[] | undefined;
  duplicates?: Duplicate[] | undefined;
  conflict?: { current: OrganisationFormValues } | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={props.title}>
      <PageHeading>{props.title}</PageHeading>
      {props.conflict ? (
        <ConflictComparison ctx={ctx} yours={props.values} saved={props.conflict.current} />
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.duplicates && props.duplicates.length > 0 ? (
        <div class="notice notice--info" role="status">
          <h2>{t('organisations.duplicates.title')}</h2>
          <p>{t('organisations.duplicates.intro')}</p>
          <ul>
            {props.duplicates.map((d) => (
              <li>
                <a href={`/${ctx.lang}/organisations/${d.id}`}>
                  <Localized ctx={ctx} text={d.name} />
                </a>
                {pickText(d.acronym, ctx.lang) ? <> ({pickText(d.acronym, ctx.lang)!.text})</> : null}{' '}
                <span class="meta">{label('countries', d.headquarters_country, ctx.lang)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={props.action} class="form" novalidate>
        <CsrfField ctx={ctx} />
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <OrganisationFields ctx={ctx} values={props.values} errors={props.errors} />
        {props.duplicates && props.duplicates.length > 0 ? (
          <div class="field">
            <input type="checkbox" id="field-confirmDistinct" name="confirmDistinct" value="1" />{' '}
            <label for="field-confirmDistinct">{t('organisations.duplicates.confirm')}</label>
          </div>
        ) : null}
        <button type="submit">{t('organisations.form.save')}</button>
      </form>
    </Layout>
  );
}

/** The saved record beside what the user submitted, field by field, so that nothing is lost. */
function ConflictComparison(props: {
  ctx: PageContext;
  yours: OrganisationFormValues;
  saved: OrganisationFormValues;
}) {
  const { ctx, yours, saved } = props;
  const t = ctx.t;
  const text = (value: LocalizedText) =>
    LANGUAGES.filter((lang) => value[lang])
      .map((lang) => `${lang}: ${value[lang]}`)
      .join(' · ');
  const codes = (vocabulary: string, values: string[]) =>
    values.map((code) => label(vocabulary, code, ctx.lang)).join(', ');
  const rows: { field: string; yours: string; saved: string }[] = [
    { field: t('organisations.field.names'), yours: text(yours.name), saved: text(saved.name) },
    { field: t('organisations.field.acronym'), yours: text(yours.acronym), saved: text(saved.acronym) },
    {
      field: t('organisations.field.description'),
      yours: text(yours.description),
      saved: text(saved.description),
    },
    {
      field: t('organisations.field.stakeholderGroup'),
      yours: yours.stakeholderGroup ? label('stakeholder-groups', yours.stakeholderGroup, ctx.lang) : '',
      saved: saved.stakeholderGroup ? label('stakeholder-groups', saved.stakeholderGroup, ctx.lang) : '',
    },
    {
      field: t('organisations.field.headquartersCountry'),
      yours: yours.headquartersCountry ? label('countries', yours.headquartersCountry, ctx.lang) : '',
      saved: saved.headquartersCountry ? label('countries', saved.headquartersCountry, ctx.lang) : '',
    },
    {
      field: t('organisations.field.countriesServed'),
      yours: codes('countries', yours.countriesServed),
      saved: codes('countries', saved.countriesServed),
    },
    {
      field: t('organisations.field.thematicAreas'),
      yours: codes('iom-areas', yours.thematicAreas),
      saved: codes('iom-areas', saved.thematicAreas),
    },
    { field: t('organisations.field.website'), yours: yours.website, saved: saved.website },
  ];
  return (
    <section aria-labelledby="conflict-title" class="conflict">
      <h2 id="conflict-title">{t('organisations.conflict.title')}</h2>
      <p>{t('organisations.conflict.intro')}</p>
      <DataTable
        caption={t('organisations.conflict.caption')}
        rows={rows}
        columns={[
          { header: t('organisations.conflict.field'), cell: (row) => row.field },
          { header: t('organisations.conflict.yours'), cell: (row) => row.yours },
          { header: t('organisations.conflict.saved'), cell: (row) => row.saved },
        ]}
      />
    </section>
  );
}
