import crypto from 'node:crypto';
import type { Db } from '../../src/db/schema.ts';
import type { MatrixFixture } from './matrix-env.ts';

/** Test factories of the subscriptions domain (and of the feed posts its digests read). */

export async function buildSubscription(
  db: Db,
  options: {
    userId: string;
    source?: 'updates' | 'practices' | 'offers' | 'demands';
    name?: string;
    filters?: Record<string, string | string[]>;
    frequency?: 'daily' | 'weekly' | 'never';
  },
) {
  const row = await db
    .insertInto('subscriptions')
    .values({
      user_id: options.userId,
      source: options.source ?? 'practices',
      name: options.name ?? 'A saved search',
      filters: JSON.stringify(options.filters ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('digest_settings')
    .values({ user_id: options.userId, frequency: options.frequency ?? 'weekly' })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ frequency: options.frequency ?? 'weekly' }))
    .execute();
  return row.id;
}

/** A published post of the feed, public unless told. */
export async function buildUpdatePost(
  db: Db,
  options: {
    networkId: string;
    title?: string;
    category?:
      | 'migration-routes'
      | 'return'
      | 'funding'
      | 'civil-society'
      | 'legislation'
      | 'events'
      | 'publications'
      | 'other';
    countries?: string[];
    language?: string;
    visibility?: 'public' | 'network';
    publishedAt?: Date;
  },
) {
  const row = await db
    .insertInto('updates')
    .values({
      network_id: options.networkId,
      category: options.category ?? 'migration-routes',
      countries: options.countries ?? ['GT'],
      language: options.language ?? 'es',
      title: options.title ?? `Post ${crypto.randomBytes(3).toString('hex')}`,
      body: 'Written by the test factories.',
      visibility: options.visibility ?? 'public',
      status: 'published',
      published_at: options.publishedAt ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The authorization matrix's fixtures for the subscriptions routes (named in their `harness.params`). */
export const subscriptionsFixtures: Record<string, MatrixFixture> = {
  /** A subscription of the caller when signed in (each caller sees only their own); a random id for the public. */
  ownSubscription: async (actor, env) =>
    actor.userId
      ? buildSubscription(env.db, { userId: actor.userId, filters: { q: 'trata' } })
      : crypto.randomUUID(),
};
