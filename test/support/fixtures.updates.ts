import type { Db } from '../../src/db/schema.ts';
import type { Principal } from '../../src/http/access.ts';
import { insertUpdateRow, type NewUpdateRow } from '../../src/updates/updates.repository.ts';
import type { MatrixFixture } from './matrix-env.ts';

/** A post of the feed, straight into the database (a network-only post of no organisation by default). */
export async function buildUpdate(
  db: Db,
  overrides: Partial<NewUpdateRow> & { networkId: string; status?: 'published' | 'withdrawn' },
): Promise<{ id: string }> {
  const id = await insertUpdateRow(db, {
    organisationId: null,
    authorId: null,
    category: 'migration-routes',
    countries: [],
    language: 'en',
    title: 'A post',
    body: 'Some news for the network.',
    links: [],
    visibility: 'network',
    ...overrides,
  });
  if (overrides.status === 'withdrawn')
    await db.updateTable('updates').set({ status: 'withdrawn' }).where('id', '=', id).execute();
  return { id };
}

/** The principal of a user as the app resolves it (roles and organisation from the database). */
export async function principalOf(db: Db, userId: string): Promise<Principal> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('network_roles')
    .select(['network_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  return {
    userId,
    email: user.email,
    name: user.name,
    locale: user.locale as Principal['locale'],
    isAdmin: user.is_admin,
    organisationId: user.organisation_id,
    roles: roles.map((r) => ({ networkId: r.network_id, role: r.role as 'member' | 'secretariat' })),
    via: 'session',
  };
}

/** The authorization matrix's fixtures for the updates routes (named in their `harness.params`). */
export const updatesFixtures: Record<string, MatrixFixture> = {
  /** A fresh network-only post of the owning organisation (focalOther may see it, not change it). */
  ownUpdate: async (_actor, env) =>
    (
      await buildUpdate(env.db, {
        networkId: env.networkId,
        organisationId: env.owningOrganisationId,
        title: 'Matrix post',
      })
    ).id,
  /** A public post of the owning organisation. */
  publicUpdate: async (_actor, env) =>
    (
      await buildUpdate(env.db, {
        networkId: env.networkId,
        organisationId: env.owningOrganisationId,
        visibility: 'public',
      })
    ).id,
};
