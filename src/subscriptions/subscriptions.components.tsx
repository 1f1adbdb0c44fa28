import type { FieldError } from '../http/problems.ts';
import { labelOf } from '../reference/index.ts';
import { CsrfField, errorFor } from '../web/components.tsx';
import type { Translate } from '../web/i18n.ts';
import type { PageContext } from '../web/render.tsx';
import { type Filters, searchUrl } from './subscriptions.filters.ts';
import type { Source } from './subscriptions.schemas.ts';

/** Pieces shared by the subscriptions pages, and the form that the list pages of other domains show. */

export function categoryLabel(t: Translate, category: string): string {
  switch (category) {
    case 'migration-routes':
      return t('subscriptions.category.migrationRoutes');
    case 'return':
      return t('subscriptions.category.return');
    case 'funding':
      return t('subscriptions.category.funding');
    case 'civil-society':
      return t('subscriptions.category.civilSociety');
    case 'legislation':
      return t('subscriptions.category.legislation');
    case 'events':
      return t('subscriptions.category.events');
    case 'publications':
      return t('subscriptions.category.publications');
    case 'other':
      return t('subscriptions.category.other');
    default:
      return category;
  }
}

export const CATEGORIES = [
  'migration-routes',
  'return',
  'funding',
  'civil-society',
  'legislation',
  'events',
  'publications',
  'other',
] as const;

function filterLabel(t: Translate, name: string): string {
  switch (name) {
    case 'q':
      return t('subscriptions.filter.q');
    case 'category':
      return t('subscriptions.filter.category');
    case 'country':
      return t('subscriptions.filter.country');
    case 'region':
      return t('subscriptions.filter.region');
    case 'network':
      return t('subscriptions.filter.network');
    case 'area':
      return t('subscriptions.filter.area');
    case 'objective':
      return t('subscriptions.filter.objective');
    case 'kind':
      return t('subscriptions.filter.kind');
    default:
      return t('subscriptions.filter.other');
  }
}

const VOCABULARY: Record<string, string> = {
  country: 'countries',
  region: 'regions',
  area: 'iom-areas',
  objective: 'gcm-objectives',
  kind: 'cooperation-kinds',
  stage: 'migration-stages',
  principle: 'gcm-principles',
  modality: 'cooperation-modalities',
};

/** The filters of a subscription in words: "Countries: Mexico, Guatemala · Words: trata". */
export function describeFilters(ctx: PageContext, filters: Filters): string {
  const parts = Object.entries(filters).map(([name, value]) => {
    const values = (Array.isArray(value) ? value : [value]).map((code) => {
      if (name === 'category') return categoryLabel(ctx.t, code);
      const vocabulary = VOCABULARY[name];
      return (vocabulary && labelOf(vocabulary, code, ctx.lang)) || code;
    });
    return `${filterLabel(ctx.t, name)}: ${values.join(', ')}`;
  });
  return parts.length > 0 ? parts.join(' · ') : ctx.t('subscriptions.filter.none');
}

/**
 * "Subscribe to this search", for a list page (practices, offers, demands): it posts the page's
 * query string, so that the subscription is exactly the search the reader sees. Signed out, it
 * is a link to sign in and come back.
 */
export function SubscribeForm({
  ctx,
  source,
  filters,
  errors,
}: {
  ctx: PageContext;
  source: Source;
  filters: Filters | Record<string, unknown>;
  errors?: FieldError[] | undefined;
}) {
  const t = ctx.t;
  const clean: Filters = {};
  for (const [name, value] of Object.entries(filters)) {
    if (name === 'page' || name === 'sort' || name === 'pageSize') continue;
    if (typeof value === 'string' || typeof value === 'number') clean[name] = String(value);
    else if (Array.isArray(value)) clean[name] = value.map(String);
  }
  const here = searchUrl(ctx.lang, source, clean);
  const query = here.includes('?') ? here.slice(here.indexOf('?') + 1) : '';
  if (!ctx.principal) {
    return (
      <section class="subscribe-search" aria-labelledby="subscribe-search-title">
        <h2 id="subscribe-search-title">{t('subscriptions.subscribe.title')}</h2>
        <p>
          <a href={`/${ctx.lang}/login?next=${encodeURIComponent(here)}`}>
            {t('subscriptions.subscribe.signIn')}
          </a>
        </p>
      </section>
    );
  }
  const error = errorFor(errors, 'name') ?? errorFor(errors, 'query');
  return (
    <section class="subscribe-search" aria-labelledby="subscribe-search-title">
      <h2 id="subscribe-search-title">{t('subscriptions.subscribe.title')}</h2>
      <form method="post" action={`/${ctx.lang}/subscriptions`} class="subscribe-search__form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="source" value={source} />
        <input type="hidden" name="query" value={query} />
        <div class={error ? 'field field--error' : 'field'}>
          <label for="subscribe-search-name">{t('subscriptions.subscribe.name')}</label>
          <p class="field__hint" id="subscribe-search-hint">
            {t('subscriptions.subscribe.hint')}
          </p>
          {error ? (
            <p class="field__error" id="subscribe-search-error">
              {error}
            </p>
          ) : null}
          <input
            id="subscribe-search-name"
            name="name"
            type="text"
            maxLength={200}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={
              error ? 'subscribe-search-hint subscribe-search-error' : 'subscribe-search-hint'
            }
          />
        </div>
        <button type="submit">{t('subscriptions.subscribe.submit')}</button>
      </form>
    </section>
  );
}
