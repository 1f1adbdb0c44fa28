import { Feed } from 'feed';
import { h, Fragment } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Executor } from '../db/schema.ts';
import type { Translate } from '../web/i18n.ts';
import { type Lang, pickText } from '../web/language.ts';
import { categoryLabelKey } from './updates.categories.ts';
import { excerpt } from './updates.components.tsx';
import { publicUpdates } from './updates.queries.ts';
import type { UpdateFilters } from './updates.schemas.ts';

/** The newest posts a feed carries. */
export const FEED_SIZE = 50;

/** XML 1.0 cannot carry C0 controls (but tab and line breaks), U+FFFE, U+FFFF or lone surrogates. */
function xmlText(text: string): string {
  let kept = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    )
      kept += char;
  }
  return kept;
}

/** Titles and summaries are `type="html"`: plain text goes through Preact's escaping first. */
const asHtml = (text: string) => renderToString(h(Fragment, null, xmlText(text)));

/**
 * An Atom 1.0 feed of the newest public posts that match the filters (a feed reader has no
 * session: members-only posts never appear), each linking to its page in the feed's language.
 */
export async function updatesFeed(
  db: Executor,
  filters: UpdateFilters,
  options: { baseUrl: string; lang: Lang; t: Translate; selfUrl: string; pageUrl: string },
): Promise<string> {
  const { lang, t } = options;
  const posts = await publicUpdates(db, filters, FEED_SIZE);
  const siteName = t('layout.siteName');
  const feed = new Feed({
    title: t('updates.feed.title'),
    description: t('updates.list.intro'),
    id: options.selfUrl,
    link: options.pageUrl,
    language: lang,
    updated: posts[0]?.updatedAt ?? new Date(0),
    generator: siteName,
    feedLinks: { atom: options.selfUrl },
    author: { name: siteName, link: options.baseUrl },
    copyright: t('updates.feed.rights'),
  });
  for (const post of posts) {
    const author = pickText(post.organisationName, lang)?.text ?? pickText(post.networkName, lang)?.text;
    feed.addItem({
      title: asHtml(post.title),
      id: `urn:uuid:${post.id}`,
      link: `${options.baseUrl}/${lang}/updates/${post.id}`,
      date: post.updatedAt,
      published: post.publishedAt,
      description: asHtml(excerpt(post.body, 600)),
      ...(author ? { author: [{ name: xmlText(author) }] } : {}),
      category: [{ term: post.category, name: xmlText(t(categoryLabelKey(post.category))) }],
    });
  }
  return feed.atom1();
}
