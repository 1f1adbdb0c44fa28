import { principalOfUser } from '../accounts/index.ts';
import { newItemsSince } from '../cooperation/index.ts';
import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { searchPracticeList } from '../practices/index.ts';
import { updatesForDigest } from '../updates/index.ts';
import { type Lang, pickText } from '../web/language.ts';
import { type Filters, valuesOf } from './subscriptions.filters.ts';
import { listSubscriptionsOfUser, type Subscription } from './subscriptions.repository.ts';

/**
 * What is new for a subscription: the digest and the dashboard share this code, so that both
 * show the same things, and only what the user may see (each source applies its own visibility
 * rules to the user's principal, as a request of theirs would).
 */
export interface NewsItem {
  title: string;
  /** The language the title is written in (it may differ from the reader's). */
  titleLang: string;
  /** The item's page, with the reader's language: `/es/practices/<id>`. */
  path: string;
  date: Date;
  /** Who or where it comes from (an organisation, a network), in the reader's language when possible. */
  context: string | null;
}

export interface NewsSection {
  subscription: Subscription;
  items: NewsItem[];
  /** More were found than the section shows. */
  more: boolean;
}

export interface NewsWindow {
  after: Date;
  until: Date;
}

const textIn = (text: Partial<Record<Lang, string>> | null | undefined, lang: Lang) =>
  pickText(text ?? null, lang);

/** Up to `limit` items new in the window for one subscription, newest first (one more is read to know if there is more). */
async function newsOf(
  db: Db,
  principal: Principal,
  subscription: Subscription,
  window: NewsWindow,
  lang: Lang,
  limit: number,
): Promise<NewsItem[]> {
  const filters: Filters = subscription.filters;
  const list = (name: string) => {
    const values = valuesOf(filters, name);
    return values.length > 0 ? values : undefined;
  };
  const q = valuesOf(filters, 'q')[0];
  switch (subscription.source) {
    case 'updates': {
      const posts = await updatesForDigest(
        db,
        principal,
        { category: list('category'), country: list('country'), network: list('network') } as {
          category?: string[];
          country?: string[];
          network?: string[];
        },
        window.after,
        limit + 20,
      );
      return posts
        .filter((post) => post.publishedAt.getTime() <= window.until.getTime())
        .slice(0, limit)
        .map((post) => ({
          title: post.title,
          titleLang: post.language,
          path: `/${lang}${post.path}`,
          date: post.publishedAt,
          context: textIn(post.networkName, lang)?.text ?? null,
        }));
    }
    case 'practices': {
      const years = list('year')
        ?.map(Number)
        .filter((year) => Number.isInteger(year));
      const result = await searchPracticeList(
        db,
        {
          ...(q ? { q } : {}),
          objective: list('objective'),
          principle: list('principle'),
          area: list('area'),
          country: list('country'),
          region: list('region'),
          stage: list('stage'),
          modality: list('modality'),
          year: years && years.length > 0 ? years : undefined,
          language: list('language'),
          network: list('network'),
          organisation: list('organisation'),
          sort: 'date',
          page: 1,
          pageSize: limit,
        },
        lang,
        { publishedAfter: window.after, publishedBefore: window.until },
      );
      return result.items.map((item) => ({
        title: item.title,
        titleLang: item.titleLang,
        path: `/${lang}/practices/${item.id}`,
        date: item.publishedAt,
        context: item.organisation
          ? (textIn(item.organisation.name, lang)?.text ?? null)
          : (textIn(item.network.name, lang)?.text ?? null),
      }));
    }
    case 'offers':
    case 'demands': {
      const side = subscription.source === 'offers' ? 'offer' : 'demand';
      const organisation = valuesOf(filters, 'organisation')[0];
      const items = await newItemsSince(
        db,
        principal,
        side,
        {
          ...(q ? { q } : {}),
          area: list('area'),
          objective: list('objective'),
          country: list('country'),
          region: list('region'),
          kind: list('kind'),
          status: list('status'),
          network: list('network'),
          ...(organisation ? { organisation } : {}),
        },
        window,
        limit,
      );
      return items.map((item) => {
        const title = textIn(item.title, lang) ?? { text: '', lang };
        return {
          title: title.text,
          titleLang: title.lang,
          path: `/${lang}/${subscription.source}/${item.id}`,
          date: new Date(item.createdAt),
          context: textIn(item.organisationName, lang)?.text ?? null,
        };
      });
    }
  }
}

/** For each subscription, what is new in the window (sections with nothing new are left out). */
export async function collectNews(
  db: Db,
  principal: Principal,
  subscriptions: readonly Subscription[],
  window: NewsWindow,
  lang: Lang,
  perSection: number,
): Promise<NewsSection[]> {
  const sections: NewsSection[] = [];
  for (const subscription of subscriptions) {
    const found = await newsOf(db, principal, subscription, window, lang, perSection + 1);
    if (found.length === 0) continue;
    sections.push({ subscription, items: found.slice(0, perSection), more: found.length > perSection });
  }
  return sections;
}

export interface SubscriptionNews extends NewsItem {
  subscriptionId: string;
  subscriptionName: string;
}

/**
 * For the dashboard: the newest items matching the user's subscriptions, in the user's language,
 * over the last `days` days (14 by default), newest first; an item several subscriptions match
 * appears once.
 */
export async function subscriptionNewsFor(
  db: Db,
  userId: string,
  options: { limit: number; days?: number; now?: Date },
): Promise<SubscriptionNews[]> {
  const principal = await principalOfUser(db, userId);
  if (!principal) return [];
  const now = options.now ?? new Date();
  const window = { after: new Date(now.getTime() - (options.days ?? 14) * 86_400_000), until: now };
  const subscriptions = await listSubscriptionsOfUser(db, userId);
  const sections = await collectNews(db, principal, subscriptions, window, principal.locale, options.limit);
  const seen = new Set<string>();
  return sections
    .flatMap((section) =>
      section.items.map((item) => ({
        ...item,
        subscriptionId: section.subscription.id,
        subscriptionName: section.subscription.name,
      })),
    )
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .filter((item) => (seen.has(item.path) ? false : (seen.add(item.path), true)))
    .slice(0, options.limit);
}
