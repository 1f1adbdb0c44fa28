import { Feed } from 'feed';
import { h, Fragment } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Executor } from '../db/schema.ts';
import { labelOf } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import type { Lang } from '../web/language.ts';
import type { ExportedPractice } from './practices.exchange.columns.ts';
import { publishedPractices } from './practices.exchange.export.ts';
import { textIn } from './practices.queries.ts';
import type { PracticeSearchParams } from './practices.schemas.ts';

/** The newest publications a feed carries. */
export const FEED_SIZE = 50;
const SUMMARY_LENGTH = 600;

/** Whether XML 1.0 can carry a character: not the C0 controls but tab and line breaks, U+FFFE, U+FFFF or a lone surrogate. */
const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  code >= 0x10000;

function xmlText(text: string): string {
  let kept = '';
  for (const char of text) if (isXmlChar(char.codePointAt(0)!)) kept += char;
  return kept;
}

/**
 * Atom's titles and summaries are `type="html"`: a practice's plain text goes through Preact's
 * escaping, so that a title such as "<b>Sí & no</b>" reads as written in every reader.
 */
const asHtml = (text: string) => renderToString(h(Fragment, null, xmlText(text)));

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_LENGTH) return flat;
  const cut = flat.slice(0, SUMMARY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * An Atom 1.0 feed of the newest published practices that match a search's filters: each entry
 * links to the practice's page in the feed's language, with its title and summary in that
 * language when there is one (else the original), dated by its first publication.
 */
export async function practicesFeed(
  db: Executor,
  params: PracticeSearchParams,
  options: { baseUrl: string; lang: Lang; t: Translate; selfUrl: string; pageUrl: string },
): Promise<string> {
  const { lang, t } = options;
  const practices: ExportedPractice[] = [];
  for await (const page of publishedPractices(db, params, {
    baseUrl: options.baseUrl,
    lang,
    limit: FEED_SIZE,
  }))
    practices.push(...page);
  const siteName = t('layout.siteName');
  const feed = new Feed({
    title: t('practiceExchange.feed.title', { site: siteName }),
    description: t('practiceExchange.feed.subtitle'),
    id: options.selfUrl,
    link: options.pageUrl,
    language: lang,
    updated: practices[0]?.publishedAt ?? new Date(),
    generator: siteName,
    feedLinks: { atom: options.selfUrl },
    author: { name: siteName, link: options.baseUrl },
    copyright: t('practiceExchange.feed.rights'),
  });
  for (const practice of practices) {
    const { content } = practice;
    const title = textIn(content.title, lang, content.originalLanguage);
    const summary =
      textIn(content.summary, lang, content.originalLanguage) ??
      textIn(content.description, lang, content.originalLanguage);
    feed.addItem({
      title: asHtml(title?.text ?? practice.id),
      id: `urn:uuid:${practice.id}`,
      link: practice.url,
      date: practice.publishedAt,
      published: practice.publishedAt,
      ...(summary ? { description: asHtml(shorten(summary.text)) } : {}),
      author: [{ name: xmlText(practice.organisationName || practice.network) }],
      category: content.thematicAreas.map((code) => ({
        term: code,
        name: xmlText(labelOf('iom-areas', code, lang) ?? code),
      })),
    });
  }
  return feed.atom1();
}
