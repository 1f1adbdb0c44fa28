import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';

/** Minimal inserts used by the demo loader and the test factories. */
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
  organisation: { name: LocalizedText; acronym?: LocalizedText },
) {
  return db
    .insertInto('organisations')
    .values({ name: JSON.stringify(organisation.name), acronym: JSON.stringify(organisation.acronym ?? {}) })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function findNetworkIdBySlug(db: Executor, slug: string) {
  return db.selectFrom('networks').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export function organisationExists(db: Executor, id: string) {
  return db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
}
