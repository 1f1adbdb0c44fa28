import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';
import type { Database, Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type { ReaderScope } from './updates.access.ts';
import type { UpdateCategory, UpdateLink, UpdateStatus, UpdateVisibility } from './updates.tables.ts';

/** Queries of the information-exchange feed: plain functions, the database or a transaction first. */

export interface UpdatePost {
  id: string;
  networkId: string;
  networkSlug: string;
  networkName: LocalizedText;
  organisationId: string | null;
  organisationName: LocalizedText | null;
  authorId: string | null;
  category: UpdateCategory;
  countries: string[];
  language: string;
  title: string;
  body: string;
  links: UpdateLink[];
  visibility: UpdateVisibility;
  status: UpdateStatus;
  publishedAt: Date;
  updatedAt: Date;
  version: number;
}

/** What a list may be narrowed to; every list is of published posts, newest first. */
export interface UpdateQuery {
  categories?: readonly string[] | undefined;
  countries?: readonly string[] | undefined;
  /** Network slugs or ids. */
  networks?: readonly string[] | undefined;
  languages?: readonly string[] | undefined;
  /** Words that must all appear in the title or the body (ILIKE, accents and case as typed). */
  words?: readonly string[] | undefined;
  since?: Date | undefined;
  /** Only public posts, whoever reads (the Atom feed). */
  publicOnly?: boolean | undefined;
}

type Eb = ExpressionBuilder<Database, 'updates' | 'networks'>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%`, `_` and `\` typed by a reader are literal characters, not patterns. */
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(eb: Eb, scope: ReaderScope, query: UpdateQuery): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [eb('updates.status', '=', 'published')];
  if (query.publicOnly || (!scope.everything && scope.networkIds.length === 0))
    where.push(eb('updates.visibility', '=', 'public'));
  else if (!scope.everything)
    where.push(
      eb.or([eb('updates.visibility', '=', 'public'), eb('updates.network_id', 'in', scope.networkIds)]),
    );
  if (query.categories?.length)
    where.push(eb('updates.category', 'in', query.categories as UpdateCategory[]));
  if (query.countries?.length)
    where.push(sql<SqlBool>`updates.countries && ${sql.val([...query.countries])}::text[]`);
  if (query.networks?.length) {
    const ids = query.networks.filter((n) => UUID.test(n));
    const slugs = query.networks.filter((n) => !UUID.test(n));
    where.push(
      eb.or([
        ...(slugs.length ? [eb('networks.slug', 'in', slugs)] : []),
        ...(ids.length ? [eb('updates.network_id', 'in', ids)] : []),
      ]),
    );
  }
  if (query.languages?.length) where.push(eb('updates.language', 'in', query.languages as string[]));
  for (const word of query.words ?? [])
    where.push(
      eb.or([
        eb('updates.title', 'ilike', likePattern(word)),
        eb('updates.body', 'ilike', likePattern(word)),
      ]),
    );
  if (query.since) where.push(eb('updates.published_at', '>', query.since));
  return where;
}

function selectPosts(db: Executor) {
  return db
    .selectFrom('updates')
    .innerJoin('networks', 'networks.id', 'updates.network_id')
    .leftJoin('organisations', 'organisations.id', 'updates.organisation_id')
    .select([
      'updates.id',
      'updates.network_id as networkId',
      'networks.slug as networkSlug',
      'networks.name as networkName',
      'updates.organisation_id as organisationId',
      'organisations.name as organisationName',
      'updates.author_id as authorId',
      'updates.category',
      'updates.countries',
      'updates.language',
      'updates.title',
      'updates.body',
      'updates.links',
      'updates.visibility',
      'updates.status',
      'updates.published_at as publishedAt',
      'updates.updated_at as updatedAt',
      'updates.version',
    ]);
}

export async function findUpdate(db: Executor, id: string): Promise<UpdatePost | undefined> {
  return (await selectPosts(db).where('updates.id', '=', id).executeTakeFirst()) as UpdatePost | undefined;
}

export async function listUpdates(
  db: Executor,
  scope: ReaderScope,
  query: UpdateQuery,
  page: { limit: number; offset?: number },
): Promise<UpdatePost[]> {
  return (await selectPosts(db)
    .where((eb) => eb.and(conditions(eb, scope, query)))
    .orderBy('updates.published_at', 'desc')
    .orderBy('updates.id')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute()) as UpdatePost[];
}

/** How many posts match, per category (the list's facet; the total is their sum). */
export async function countByCategory(
  db: Executor,
  scope: ReaderScope,
  query: UpdateQuery,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('updates')
    .innerJoin('networks', 'networks.id', 'updates.network_id')
    .select(['updates.category', (eb) => eb.fn.countAll<string>().as('count')])
    .where((eb) => eb.and(conditions(eb, scope, query)))
    .groupBy('updates.category')
    .execute();
  return new Map(rows.map((row) => [row.category, Number(row.count)]));
}

export interface NewUpdateRow {
  networkId: string;
  organisationId: string | null;
  authorId: string | null;
  category: UpdateCategory;
  countries: string[];
  language: string;
  title: string;
  body: string;
  links: UpdateLink[];
  visibility: UpdateVisibility;
  publishedAt?: Date;
}

export async function insertUpdateRow(db: Executor, row: NewUpdateRow): Promise<string> {
  const { id } = await db
    .insertInto('updates')
    .values({
      network_id: row.networkId,
      organisation_id: row.organisationId,
      author_id: row.authorId,
      category: row.category,
      countries: row.countries,
      language: row.language,
      title: row.title,
      body: row.body,
      links: JSON.stringify(row.links),
      visibility: row.visibility,
      ...(row.publishedAt ? { published_at: row.publishedAt, updated_at: row.publishedAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type UpdateChanges = Partial<
  Omit<NewUpdateRow, 'authorId' | 'publishedAt'> & { status: UpdateStatus }
>;

/** Changes a post from the version read; false when someone saved it first (a conflict). */
export async function updateUpdateRow(
  db: Executor,
  id: string,
  version: number,
  changes: UpdateChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('updates')
    .set({
      ...(changes.networkId !== undefined ? { network_id: changes.networkId } : {}),
      ...(changes.organisationId !== undefined ? { organisation_id: changes.organisationId } : {}),
      ...(changes.category !== undefined ? { category: changes.category } : {}),
      ...(changes.countries !== undefined ? { countries: changes.countries } : {}),
      ...(changes.language !== undefined ? { language: changes.language } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.body !== undefined ? { body: changes.body } : {}),
      ...(changes.links !== undefined ? { links: JSON.stringify(changes.links) } : {}),
      ...(changes.visibility !== undefined ? { visibility: changes.visibility } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- Attachments ------------------------------------------------------------------------------

export interface UpdateAttachment {
  id: string;
  updateId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export async function insertAttachmentRow(
  db: Executor,
  row: Omit<UpdateAttachment, 'id'> & { sha256: string; data: Uint8Array; uploadedBy: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto('update_attachments')
    .values({
      update_id: row.updateId,
      file_name: row.fileName,
      media_type: row.mediaType,
      size_bytes: row.sizeBytes,
      sha256: row.sha256,
      data: row.data,
      uploaded_by: row.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The attachments of some posts, without their bytes, oldest first. */
export async function attachmentsOf(db: Executor, updateIds: readonly string[]): Promise<UpdateAttachment[]> {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom('update_attachments')
    .select([
      'id',
      'update_id as updateId',
      'file_name as fileName',
      'media_type as mediaType',
      'size_bytes as sizeBytes',
    ])
    .where('update_id', 'in', updateIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function readAttachmentRow(db: Executor, updateId: string, attachmentId: string) {
  return db
    .selectFrom('update_attachments')
    .select(['file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes', 'data'])
    .where('id', '=', attachmentId)
    .where('update_id', '=', updateId)
    .executeTakeFirst();
}

export async function deleteAttachmentRow(db: Executor, updateId: string, attachmentId: string) {
  const row = await db
    .deleteFrom('update_attachments')
    .where('id', '=', attachmentId)
    .where('update_id', '=', updateId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
