import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';

export function listNetworks(db: Executor) {
  return db
    .selectFrom('networks')
    .select((eb) => [
      'networks.id',
      'networks.slug',
      'networks.name',
      'networks.description',
      eb
        .selectFrom('network_roles')
        .select((inner) => inner.fn.countAll<string>().as('count'))
        .whereRef('network_roles.network_id', '=', 'networks.id')
        .as('people'),
    ])
    .orderBy('networks.slug')
    .execute();
}

export function insertNetwork(
  db: Executor,
  network: { slug: string; name: LocalizedText; description: LocalizedText },
) {
  return db
    .insertInto('networks')
    .values({
      slug: network.slug,
      name: JSON.stringify(network.name),
      description: JSON.stringify(network.description),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function insertOrganisation(
  db: Executor,
  organisation: { name: LocalizedText; acronym: string | null },
) {
  return db
    .insertInto('organisations')
    .values({ name: JSON.stringify(organisation.name), acronym: organisation.acronym })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function findNetworkBySlug(db: Executor, slug: string) {
  return db.selectFrom('networks').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}
