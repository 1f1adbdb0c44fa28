import type { Executor } from '../db/schema.ts';
import type { Filters } from './subscriptions.filters.ts';
import type { Frequency, Source } from './subscriptions.schemas.ts';

/** Queries only: the database (or a transaction) first. */

export interface Subscription {
  id: string;
  userId: string;
  source: Source;
  name: string;
  filters: Filters;
  createdAt: Date;
}

type Row = {
  id: string;
  user_id: string;
  source: string;
  name: string | null;
  filters: Filters | string;
  created_at: Date;
};

function toSubscription(row: Row): Subscription {
  return {
    id: row.id,
    userId: row.user_id,
    source: row.source as Source,
    name: row.name ?? '',
    filters: typeof row.filters === 'string' ? (JSON.parse(row.filters) as Filters) : row.filters,
    createdAt: new Date(row.created_at),
  };
}

export async function listSubscriptionsOfUser(db: Executor, userId: string): Promise<Subscription[]> {
  const rows = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('source', '!=', 'meetings')
    .orderBy('created_at')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function findSubscription(db: Executor, id: string): Promise<Subscription | null> {
  const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSubscription(row) : null;
}

export async function insertSubscription(
  db: Executor,
  values: { userId: string; source: Source; name: string; filters: Filters },
): Promise<Subscription> {
  const row = await db
    .insertInto('subscriptions')
    .values({
      user_id: values.userId,
      source: values.source,
      name: values.name,
      filters: JSON.stringify(values.filters),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSubscription(row);
}

export async function renameSubscription(db: Executor, id: string, name: string): Promise<void> {
  await db.updateTable('subscriptions').set({ name }).where('id', '=', id).execute();
}

export async function deleteSubscription(db: Executor, id: string): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface DigestSettings {
  frequency: Frequency;
  lastSentAt: Date | null;
}

export async function findDigestSettings(db: Executor, userId: string): Promise<DigestSettings | null> {
  const row = await db
    .selectFrom('digest_settings')
    .select(['frequency', 'last_sent_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? { frequency: row.frequency, lastSentAt: row.last_sent_at ? new Date(row.last_sent_at) : null }
    : null;
}

/** Creates the row with the column's default frequency (weekly) if there is none. */
export async function ensureDigestSettings(db: Executor, userId: string): Promise<void> {
  await db
    .insertInto('digest_settings')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function setDigestFrequency(db: Executor, userId: string, frequency: Frequency): Promise<void> {
  await db
    .insertInto('digest_settings')
    .values({ user_id: userId, frequency })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ frequency, updated_at: new Date() }))
    .execute();
}

export async function setLastSentAt(db: Executor, userId: string, at: Date): Promise<void> {
  await db.updateTable('digest_settings').set({ last_sent_at: at }).where('user_id', '=', userId).execute();
}

/** The users who receive digests at a frequency and follow at least one thing, with their time zone. */
export async function usersWithDigests(db: Executor) {
  return db
    .selectFrom('digest_settings')
    .innerJoin('users', 'users.id', 'digest_settings.user_id')
    .select([
      'users.id as userId',
      'users.time_zone as timeZone',
      'digest_settings.frequency',
      'digest_settings.last_sent_at as lastSentAt',
    ])
    .where('digest_settings.frequency', '!=', 'never')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('subscriptions')
          .select('subscriptions.id')
          .whereRef('subscriptions.user_id', '=', 'users.id'),
      ),
    )
    .orderBy('users.id')
    .execute();
}

export async function insertUnsubscribeToken(
  db: Executor,
  values: { tokenHash: string; userId: string; subscriptionId: string | null },
): Promise<void> {
  await db
    .insertInto('unsubscribe_tokens')
    .values({
      token_hash: values.tokenHash,
      user_id: values.userId,
      scope: values.subscriptionId ? 'subscription' : 'all',
      subscription_id: values.subscriptionId,
    })
    .execute();
}

/** The token row, locked for the transaction that uses it (two clicks at once use it once). */
export async function findUnsubscribeTokenForUpdate(db: Executor, tokenHash: string) {
  return db
    .selectFrom('unsubscribe_tokens')
    .innerJoin('users', 'users.id', 'unsubscribe_tokens.user_id')
    .select([
      'unsubscribe_tokens.user_id as userId',
      'unsubscribe_tokens.scope',
      'unsubscribe_tokens.subscription_id as subscriptionId',
      'unsubscribe_tokens.used_at as usedAt',
      'users.locale',
    ])
    .where('unsubscribe_tokens.token_hash', '=', tokenHash)
    .forUpdate('unsubscribe_tokens')
    .executeTakeFirst();
}

export async function findUnsubscribeToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('unsubscribe_tokens')
    .innerJoin('users', 'users.id', 'unsubscribe_tokens.user_id')
    .leftJoin('subscriptions', 'subscriptions.id', 'unsubscribe_tokens.subscription_id')
    .select([
      'unsubscribe_tokens.scope',
      'unsubscribe_tokens.used_at as usedAt',
      'users.locale',
      'subscriptions.name as subscriptionName',
    ])
    .where('unsubscribe_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markTokenUsed(db: Executor, tokenHash: string, at: Date): Promise<void> {
  await db
    .updateTable('unsubscribe_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Unused links older than `before` are dropped: a digest's links work for months, not forever. */
export async function deleteOldTokens(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('unsubscribe_tokens').where('created_at', '<', before).execute();
}
