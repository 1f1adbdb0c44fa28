import type { FieldError } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Notice,
  PageHeading,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import { sourceLabel } from './subscriptions.commands.ts';
import { CATEGORIES, categoryLabel, describeFilters } from './subscriptions.components.tsx';
import { searchUrl } from './subscriptions.filters.ts';
import type { DigestSettings, Subscription } from './subscriptions.repository.ts';

export type SubscriptionsNotice = 'created' | 'renamed' | 'deleted' | 'digest';

export interface FeedFormValues {
  name?: string | undefined;
  category?: string[] | undefined;
  country?: string[] | undefined;
  network?: string[] | undefined;
}

function formatDateTime(ctx: PageContext, date: Date): string {
  return new Intl.DateTimeFormat(ctx.lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

function noticeText(ctx: PageContext, notice: SubscriptionsNotice): string {
  switch (notice) {
    case 'created':
      return ctx.t('subscriptions.notice.created');
    case 'renamed':
      return ctx.t('subscriptions.notice.renamed');
    case 'deleted':
      return ctx.t('subscriptions.notice.deleted');
    case 'digest':
      return ctx.t('subscriptions.notice.digest');
  }
}

function DigestForm(props: {
  ctx: PageContext;
  settings: DigestSettings;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, settings } = props;
  const t = ctx.t;
  const error = errorFor(props.errors, 'frequency');
  const options = [
    { value: 'daily', label: t('subscriptions.digest.daily') },
    { value: 'weekly', label: t('subscriptions.digest.weekly') },
    { value: 'never', label: t('subscriptions.digest.never') },
  ];
  return (
    <section aria-labelledby="digest-title" class="subscriptions-digest">
      <h2 id="digest-title">{t('subscriptions.digest.title')}</h2>
      <form method="post" action={`/${ctx.lang}/subscriptions/digest`}>
        <CsrfField ctx={ctx} />
        <fieldset id="field-frequency" aria-describedby={error ? 'field-frequency-error' : 'digest-hint'}>
          <legend>{t('subscriptions.digest.legend')}</legend>
          <p class="field__hint" id="digest-hint">
            {t('subscriptions.digest.hint')}
          </p>
          {error ? (
            <p class="field__error" id="field-frequency-error">
              {error}
            </p>
          ) : null}
          {options.map((option) => (
            <div class="choice">
              <input
                type="radio"
                id={`frequency-${option.value}`}
                name="frequency"
                value={option.value}
                checked={settings.frequency === option.value}
              />{' '}
              <label for={`frequency-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </fieldset>
        <p class="meta">
          {settings.lastSentAt
            ? t('subscriptions.digest.lastSent', { date: formatDateTime(ctx, settings.lastSentAt) })
            : t('subscriptions.digest.neverSent')}
        </p>
        <button type="submit">{t('subscriptions.digest.submit')}</button>
      </form>
    </section>
  );
}

function FeedForm(props: {
  ctx: PageContext;
  networks: { slug: string; name: LocalizedText }[];
  values: FeedFormValues;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, values } = props;
  const t = ctx.t;
  const countries = (getVocabulary('countries') ?? [])
    .map((entry) => ({ code: entry.code, label: entry.labels[ctx.lang] ?? entry.code }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  const chosen = (list: string[] | undefined) => new Set(list ?? []);
  const categories = chosen(values.category);
  const countriesChosen = chosen(values.country);
  const networksChosen = chosen(values.network);
  const filtersError = errorFor(props.errors, 'filters');
  return (
    <section aria-labelledby="feed-title" class="subscriptions-feed">
      <h2 id="feed-title">{t('subscriptions.feed.title')}</h2>
      <p>{t('subscriptions.feed.lead')}</p>
      <form method="post" action={`/${ctx.lang}/subscriptions`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="source" value="updates" />
        <TextInput
          ctx={ctx}
          name="name"
          label={t('subscriptions.feed.name')}
          hint={t('subscriptions.feed.nameHint')}
          value={values.name}
          errors={props.errors}
          maxLength={200}
        />
        {filtersError ? (
          <p class="field__error" id="field-filters">
            {filtersError}
          </p>
        ) : null}
        <fieldset class="facet">
          <legend>{t('subscriptions.filter.category')}</legend>
          <div>
            {CATEGORIES.map((category) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`feed-category-${category}`}
                  name="category"
                  value={category}
                  checked={categories.has(category)}
                />{' '}
                <label for={`feed-category-${category}`}>{categoryLabel(t, category)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div class="field">
          <label for="feed-country">{t('subscriptions.filter.country')}</label>
          <p class="field__hint" id="feed-country-hint">
            {t('subscriptions.feed.countryHint')}
          </p>
          <select id="feed-country" name="country" multiple size={6} aria-describedby="feed-country-hint">
            {countries.map((country) => (
              <option value={country.code} selected={countriesChosen.has(country.code)}>
                {country.label}
              </option>
            ))}
          </select>
        </div>
        {props.networks.length > 0 ? (
          <fieldset class="facet">
            <legend>{t('subscriptions.filter.network')}</legend>
            <div>
              {props.networks.map((network) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`feed-network-${network.slug}`}
                    name="network"
                    value={network.slug}
                    checked={networksChosen.has(network.slug)}
                  />{' '}
                  <label for={`feed-network-${network.slug}`}>
                    {pickText(network.name, ctx.lang)?.text ?? network.slug}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        <button type="submit">{t('subscriptions.feed.submit')}</button>
      </form>
    </section>
  );
}

export function SubscriptionsPage(props: {
  ctx: PageContext;
  subscriptions: Subscription[];
  settings: DigestSettings;
  networks: { slug: string; name: LocalizedText }[];
  feedValues?: FeedFormValues;
  notice?: SubscriptionsNotice | undefined;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, subscriptions } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/subscriptions`;
  return (
    <Layout ctx={ctx} title={t('subscriptions.title')}>
      <PageHeading>{t('subscriptions.title')}</PageHeading>
      <p class="lead">{t('subscriptions.lead')}</p>
      {props.notice ? <Notice>{noticeText(ctx, props.notice)}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('subscriptions.list.title')}</h2>
        {subscriptions.length === 0 ? (
          <p>{t('subscriptions.list.empty')}</p>
        ) : (
          <DataTable
            caption={t('subscriptions.list.caption', { count: subscriptions.length })}
            rows={subscriptions}
            columns={[
              {
                header: t('subscriptions.list.name'),
                cell: (row) => <a href={`${base}/${row.id}`}>{row.name}</a>,
              },
              { header: t('subscriptions.list.source'), cell: (row) => sourceLabel(t, row.source) },
              { header: t('subscriptions.list.filters'), cell: (row) => describeFilters(ctx, row.filters) },
              {
                header: t('subscriptions.list.open'),
                cell: (row) => (
                  <a href={searchUrl(ctx.lang, row.source, row.filters)}>
                    {t('subscriptions.list.openLink', { name: row.name })}
                  </a>
                ),
              },
            ]}
          />
        )}
        <p>
          {t('subscriptions.list.howTo')}{' '}
          <a href={`/${ctx.lang}/practices`}>{t('subscriptions.source.practices')}</a>
          {' · '}
          <a href={`/${ctx.lang}/offers`}>{t('subscriptions.source.offers')}</a>
          {' · '}
          <a href={`/${ctx.lang}/demands`}>{t('subscriptions.source.demands')}</a>
        </p>
      </section>
      <DigestForm ctx={ctx} settings={props.settings} errors={props.errors} />
      <FeedForm ctx={ctx} networks={props.networks} values={props.feedValues ?? {}} errors={props.errors} />
    </Layout>
  );
}

export function SubscriptionPage(props: {
  ctx: PageContext;
  subscription: Subscription;
  name?: string | undefined;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, subscription } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/subscriptions/${subscription.id}`;
  return (
    <Layout ctx={ctx} title={subscription.name}>
      <p>
        <a href={`/${ctx.lang}/subscriptions`}>{t('subscriptions.back')}</a>
      </p>
      <PageHeading>{subscription.name}</PageHeading>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <dl class="details">
        <dt>{t('subscriptions.list.source')}</dt>
        <dd>{sourceLabel(t, subscription.source)}</dd>
        <dt>{t('subscriptions.list.filters')}</dt>
        <dd>{describeFilters(ctx, subscription.filters)}</dd>
        <dt>{t('subscriptions.detail.since')}</dt>
        <dd>{formatDateTime(ctx, subscription.createdAt)}</dd>
      </dl>
      <p>
        <a href={searchUrl(ctx.lang, subscription.source, subscription.filters)}>
          {t('subscriptions.detail.open')}
        </a>
      </p>
      <section aria-labelledby="rename-title">
        <h2 id="rename-title">{t('subscriptions.rename.title')}</h2>
        <form method="post" action={base}>
          <CsrfField ctx={ctx} />
          <TextInput
            ctx={ctx}
            name="name"
            label={t('subscriptions.rename.label')}
            value={props.name ?? subscription.name}
            errors={props.errors}
            required
            maxLength={200}
          />
          <button type="submit">{t('subscriptions.rename.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('subscriptions.delete.title')}</h2>
        <form method="post" action={`${base}/delete`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button--danger">
            {t('subscriptions.delete.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
