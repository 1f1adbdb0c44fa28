import { getVocabulary } from '../reference/index.ts';
import { CsrfField, ErrorSummary, FacetFieldset, Notice, PageHeading, Select } from '../web/components.tsx';
import type { FieldError } from '../http/problems.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { POST_LANGUAGES, UPDATE_CATEGORIES, categoryLabelKey } from './updates.categories.ts';
import { Localized, PlainText, PostMeta, excerpt } from './updates.components.tsx';
import type { UpdateListResult } from './updates.queries.ts';
import type { UpdateAttachment, UpdatePost } from './updates.repository.ts';
import type { UpdateFilters } from './updates.schemas.ts';
import { formatSize } from '../practices/index.ts';

/** The feed's list and post pages. */

export interface NetworkChoice {
  slug: string;
  name: LocalizedText;
}

/** The query string of a list's filters (for pagination and the Atom link), without the page. */
export function filterQuery(filters: UpdateFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const [name, values] of [
    ['category', filters.category],
    ['country', filters.country],
    ['network', filters.network],
    ['language', filters.language],
  ] as const)
    for (const value of values ?? []) if (value !== '') params.append(name, value);
  return params.toString();
}

const languageName = (ctx: PageContext, code: string) =>
  new Intl.DisplayNames([ctx.lang], { type: 'language' }).of(code) ?? code;

export function UpdatesListPage(props: {
  ctx: PageContext;
  filters: UpdateFilters;
  result: UpdateListResult;
  networks: NetworkChoice[];
  canPost: boolean;
}) {
  const { ctx, filters, result } = props;
  const { t, lang } = ctx;
  const query = filterQuery(filters);
  const atomHref = `/${lang}/updates.atom${query ? `?${query}` : ''}`;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => `/${lang}/updates?${query ? `${query}&` : ''}page=${page}`;
  const countries = getVocabulary('countries') ?? [];
  const categoryOptions = new Map(
    UPDATE_CATEGORIES.map((category) => [
      category,
      { label: t(categoryLabelKey(category)), count: result.categoryCounts.get(category) ?? 0 },
    ]),
  );
  return (
    <Layout
      ctx={ctx}
      title={t('updates.list.title')}
      description={t('updates.list.intro')}
      feeds={[{ href: atomHref, title: t('updates.feed.title') }]}
    >
      <PageHeading>{t('updates.list.title')}</PageHeading>
      <p>{t('updates.list.intro')}</p>
      <p class="actions">
        {props.canPost ? (
          <a class="button" href={`/${lang}/updates/new`}>
            {t('updates.list.new')}
          </a>
        ) : null}{' '}
        <a href={atomHref} type="application/atom+xml">
          {t('updates.list.atom')}
        </a>
      </p>
      <div class="practice-search">
        <form method="get" action={`/${lang}/updates`} class="practice-search__filters" role="search">
          <div class="field">
            <label for="field-q">{t('updates.filter.words')}</label>
            <input id="field-q" name="q" type="search" value={filters.q ?? ''} maxLength={200} />
          </div>
          <FacetFieldset
            name="category"
            legend={t('updates.field.category')}
            options={categoryOptions}
            chosen={new Set(filters.category ?? [])}
          />
          <Select
            ctx={ctx}
            name="country"
            label={t('updates.field.country')}
            value={filters.country?.[0]}
            empty={t('updates.filter.any')}
            options={countries.map((entry) => ({ value: entry.code, label: entry.labels[lang] }))}
            errors={undefined}
          />
          <Select
            ctx={ctx}
            name="network"
            label={t('updates.field.network')}
            value={filters.network?.[0]}
            empty={t('updates.filter.any')}
            options={props.networks.map((network) => ({
              value: network.slug,
              label: pickText(network.name, lang)?.text ?? network.slug,
            }))}
            errors={undefined}
          />
          <Select
            ctx={ctx}
            name="language"
            label={t('updates.field.language')}
            value={filters.language?.[0]}
            empty={t('updates.filter.any')}
            options={POST_LANGUAGES.map((code) => ({ value: code, label: languageName(ctx, code) }))}
            errors={undefined}
          />
          <button type="submit">{t('updates.filter.apply')}</button>
        </form>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t('updates.list.count', { count: result.total })}</h2>
          {result.posts.length === 0 ? <p>{t('updates.list.empty')}</p> : null}
          <ol class="practice-results">
            {result.posts.map((post) => (
              <li>
                <article class="practice-result">
                  <h3 lang={post.language === lang ? undefined : post.language}>
                    <a href={`/${lang}/updates/${post.id}`}>{post.title}</a>
                  </h3>
                  <PostMeta ctx={ctx} post={post} />
                  <p lang={post.language === lang ? undefined : post.language}>{excerpt(post.body)}</p>
                  {post.attachments.length > 0 ? (
                    <p class="meta">{t('updates.list.attachments', { count: post.attachments.length })}</p>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav class="pager" aria-label={t('updates.list.pages')}>
              <ul>
                {result.page > 1 ? (
                  <li>
                    <a href={pageHref(result.page - 1)} rel="prev">
                      {t('updates.list.previous')}
                    </a>
                  </li>
                ) : null}
                <li>{t('updates.list.pageOf', { page: result.page, pages })}</li>
                {result.page < pages ? (
                  <li>
                    <a href={pageHref(result.page + 1)} rel="next">
                      {t('updates.list.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}

export type UpdateNotice = 'created' | 'saved' | 'withdrawn';
const NOTICES: Record<UpdateNotice, string> = {
  created: 'updates.notice.created',
  saved: 'updates.notice.saved',
  withdrawn: 'updates.notice.withdrawn',
};

export function UpdatePage(props: {
  ctx: PageContext;
  post: UpdatePost & { attachments: UpdateAttachment[]; canManage: boolean };
  notice?: UpdateNotice | undefined;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, post } = props;
  const { t, lang } = ctx;
  const foreign = post.language === lang ? undefined : post.language;
  return (
    <Layout ctx={ctx} title={post.title} description={excerpt(post.body, 160)}>
      <p class="breadcrumb">
        <a href={`/${lang}/updates`}>{t('updates.list.title')}</a>
      </p>
      {props.notice ? <Notice>{t(NOTICES[props.notice])}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <article class="post">
        <h1 class="page-heading" lang={foreign}>
          {post.title}
        </h1>
        <PostMeta ctx={ctx} post={post} />
        {foreign ? (
          <p class="meta">{t('updates.post.writtenIn', { language: languageName(ctx, post.language) })}</p>
        ) : null}
        <PlainText text={post.body} lang={post.language} />
        {post.links.length > 0 ? (
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t('updates.post.links')}</h2>
            <ul>
              {post.links.map((link) => (
                <li>
                  {/^https?:\/\//i.test(link.url) ? (
                    <a
                      href={link.url}
                      rel="noopener noreferrer nofollow"
                      lang={link.label ? foreign : undefined}
                    >
                      {link.label || link.url}
                    </a>
                  ) : (
                    link.url
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {post.attachments.length > 0 ? (
          <section aria-labelledby="attachments-heading" id="attachments">
            <h2 id="attachments-heading">{t('updates.post.attachments')}</h2>
            <ul>
              {post.attachments.map((file) => (
                <li>
                  <a href={`/${lang}/updates/${post.id}/attachments/${file.id}`}>{file.fileName}</a>{' '}
                  <span class="meta">({formatSize(file.sizeBytes, t)})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      {post.canManage && post.status === 'published' ? (
        <section aria-labelledby="manage-heading" class="manage">
          <h2 id="manage-heading">{t('updates.post.manage')}</h2>
          <p>
            <a class="button" href={`/${lang}/updates/${post.id}/edit`}>
              {t('updates.post.edit')}
            </a>
          </p>
          <form method="post" action={`/${lang}/updates/${post.id}/withdraw`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(post.version)} />
            <p class="field__hint">{t('updates.withdraw.hint')}</p>
            <button type="submit" class="button--secondary">
              {t('updates.post.withdraw')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export { Localized };
