import { labelOf } from '../reference/index.ts';
import type { PageContext } from '../web/render.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { categoryLabelKey } from './updates.categories.ts';
import type { UpdatePost } from './updates.repository.ts';

/** Small pieces shared by the feed's pages. */

/** A text of several languages in the page's language, else another, marked with its `lang`. */
export function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return picked.lang === ctx.lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

export function PublishedDate({ ctx, date }: { ctx: PageContext; date: Date }) {
  return (
    <time datetime={date.toISOString()}>
      {new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)}
    </time>
  );
}

export const countryNames = (ctx: PageContext, codes: readonly string[]) =>
  codes.map((code) => labelOf('countries', code, ctx.lang) ?? code).join(', ');

/** Category, date, network, organisation, countries and who may read it: the line under a title. */
export function PostMeta({ ctx, post }: { ctx: PageContext; post: UpdatePost }) {
  const { t } = ctx;
  const parts = [
    <strong>{t(categoryLabelKey(post.category))}</strong>,
    <PublishedDate ctx={ctx} date={post.publishedAt} />,
    <a href={`/${ctx.lang}/networks/${encodeURIComponent(post.networkSlug)}`}>
      <Localized ctx={ctx} text={post.networkName} />
    </a>,
    post.organisationName ? (
      <a href={`/${ctx.lang}/organisations/${post.organisationId}`}>
        <Localized ctx={ctx} text={post.organisationName} />
      </a>
    ) : (
      <>{t('updates.bySecretariat')}</>
    ),
    post.countries.length > 0 ? <>{countryNames(ctx, post.countries)}</> : null,
    post.visibility === 'network' ? <span class="lang-badge">{t('updates.visibility.network')}</span> : null,
    post.status === 'withdrawn' ? <span class="lang-badge">{t('updates.status.withdrawn')}</span> : null,
  ].filter((part) => part !== null);
  return (
    <p class="meta">
      {parts.map((part, index) => (
        <>
          {index > 0 ? ' · ' : null}
          {part}
        </>
      ))}
    </p>
  );
}

/** Plain text as paragraphs (blank lines) and line breaks; never HTML, never auto-linked. */
export function PlainText({ text, lang }: { text: string; lang: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <div class="post-body" lang={lang}>
      {paragraphs.map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, index) => (
            <>
              {index > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

/** The first words of a post, for lists. */
export function excerpt(text: string, length = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${space > length / 2 ? cut.slice(0, space) : cut}…`;
}
