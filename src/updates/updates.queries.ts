import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManageUpdate, canViewUpdateIn, readerScope } from './updates.access.ts';
import {
  type UpdateAttachment,
  type UpdatePost,
  type UpdateQuery,
  attachmentsOf,
  countByCategory,
  findUpdate,
  listUpdates,
} from './updates.repository.ts';
import type { UpdateFilters } from './updates.schemas.ts';

/** Reads shared by the pages, the API, the feed, the digests and the dashboard. */

export const PAGE_SIZE = 20;
const MAX_WORDS = 8;

/** The words of a search box: at most eight, each at most 100 characters. */
export function wordsOf(q: string | undefined): string[] {
  return (q ?? '')
    .split(/\s+/u)
    .map((word) => word.trim().slice(0, 100))
    .filter((word) => word !== '')
    .slice(0, MAX_WORDS);
}

/** A form's "any" option sends an empty value: it narrows nothing. */
const chosen = (values: string[] | undefined) => values?.filter((value) => value !== '');

export function queryOf(filters: UpdateFilters): UpdateQuery {
  return {
    categories: chosen(filters.category),
    countries: chosen(filters.country),
    networks: chosen(filters.network),
    languages: chosen(filters.language),
    words: wordsOf(filters.q),
  };
}

export interface UpdateListResult {
  posts: (UpdatePost & { attachments: UpdateAttachment[] })[];
  total: number;
  page: number;
  pageSize: number;
  /** Posts per category under the other filters (a facet: choosing a category does not hide the others). */
  categoryCounts: Map<string, number>;
}

/** A page of the posts the reader may see that match the filters, newest first. */
export async function searchUpdates(
  db: Executor,
  reader: Principal | null,
  filters: UpdateFilters,
): Promise<UpdateListResult> {
  const scope = await readerScope(db, reader);
  const query = queryOf(filters);
  const page = filters.page ?? 1;
  const [posts, categoryCounts] = await Promise.all([
    listUpdates(db, scope, query, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countByCategory(db, scope, { ...query, categories: undefined }),
  ]);
  const categories = new Set(query.categories ?? []);
  let total = 0;
  for (const [category, count] of categoryCounts)
    if (categories.size === 0 || categories.has(category)) total += count;
  const attachments = await attachmentsOf(
    db,
    posts.map((post) => post.id),
  );
  return {
    posts: posts.map((post) => ({ ...post, attachments: attachments.filter((a) => a.updateId === post.id) })),
    total,
    page,
    pageSize: PAGE_SIZE,
    categoryCounts,
  };
}

/** The public posts matching the filters, newest first, for the Atom feed (a feed reader has no session). */
export async function publicUpdates(db: Executor, filters: UpdateFilters, limit: number) {
  const scope = await readerScope(db, null);
  return listUpdates(db, scope, { ...queryOf(filters), publicOnly: true }, { limit });
}

/** One post with its attachments, or null when it does not exist for this reader (hidden is not found). */
export async function getUpdate(db: Executor, reader: Principal | null, id: string) {
  const post = await findUpdate(db, id);
  if (!post) return null;
  const scope = await readerScope(db, reader);
  if (!canViewUpdateIn(scope, reader, post)) return null;
  return {
    ...post,
    attachments: await attachmentsOf(db, [id]),
    canManage: canManageUpdate(reader, post),
  };
}

export interface DigestUpdate {
  id: string;
  title: string;
  language: string;
  category: string;
  countries: string[];
  networkName: LocalizedText;
  publishedAt: Date;
  /** The post's page without the language: `/updates/<id>`. */
  path: string;
}

const toDigest = (post: UpdatePost): DigestUpdate => ({
  id: post.id,
  title: post.title,
  language: post.language,
  category: post.category,
  countries: post.countries,
  networkName: post.networkName,
  publishedAt: post.publishedAt,
  path: `/updates/${post.id}`,
});

/**
 * The posts a digest may carry: only what `reader` may see, published after `since`, matching
 * the subscription's filters (each list narrows when given; `network` holds slugs or ids), newest first.
 */
export async function updatesForDigest(
  db: Executor,
  reader: Principal | null,
  filters: { category?: string[]; country?: string[]; network?: string[] },
  since: Date,
  limit: number,
): Promise<DigestUpdate[]> {
  const scope = await readerScope(db, reader);
  const posts = await listUpdates(
    db,
    scope,
    { categories: filters.category, countries: filters.country, networks: filters.network, since },
    { limit },
  );
  return posts.map(toDigest);
}

/** The newest posts the reader may see, for the dashboard. */
export async function recentUpdatesFor(
  db: Executor,
  reader: Principal | null,
  limit: number,
): Promise<DigestUpdate[]> {
  const posts = await listUpdates(db, await readerScope(db, reader), {}, { limit });
  return posts.map(toDigest);
}

/** What the post form offers the actor: the networks they may post in, as whom. */
export async function formChoices(db: Executor, actor: Principal) {
  const secretariatOf = actor.roles.filter((r) => r.role === 'secretariat').map((r) => r.networkId);
  let networkQuery = db
    .selectFrom('networks')
    .select(['networks.id', 'networks.name'])
    .orderBy('networks.slug');
  if (!actor.isAdmin) {
    const memberOf =
      actor.organisationId === null
        ? []
        : (
            await db
              .selectFrom('network_memberships')
              .select('network_id')
              .where('organisation_id', '=', actor.organisationId)
              .execute()
          ).map((row) => row.network_id);
    const ids = [...new Set([...secretariatOf, ...memberOf])];
    if (ids.length === 0) return { networks: [], organisations: [], asSecretariat: false };
    networkQuery = networkQuery.where('networks.id', 'in', ids);
  }
  const organisations =
    actor.organisationId === null
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('id', '=', actor.organisationId)
          .execute();
  return {
    networks: await networkQuery.execute(),
    organisations,
    asSecretariat: actor.isAdmin || secretariatOf.length > 0,
  };
}
