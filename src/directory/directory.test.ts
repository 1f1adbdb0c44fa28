import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../db/database.ts';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import { countriesInArea, findSimilarOrganisations } from './directory.queries.ts';

let database: DatabaseHandle;
before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
});
after(closeTestDatabase);

describe('findSimilarOrganisations', () => {
  it('compares with each name and acronym in each language, not with the whole record', async () => {
    const { id } = await database.db
      .insertInto('organisations')
      .values({
        name: JSON.stringify({
          fr: 'Organisation internationale pour les migrations',
          es: 'Organización Internacional para las Migraciones',
          en: 'International Organization for Migration',
        }),
        acronym: JSON.stringify({ fr: 'OIM', en: 'IOM' }),
        headquarters_country: 'CH',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const byEnglish = await findSimilarOrganisations(
      database.db,
      ['International Organisation for Migration'],
      'CH',
      null,
    );
    assert.deepEqual(
      byEnglish.map((o) => o.id),
      [id],
    );
    const byAcronym = await findSimilarOrganisations(database.db, ['IOM'], null, null);
    assert.deepEqual(
      byAcronym.map((o) => o.id),
      [id],
    );
    assert.deepEqual(await findSimilarOrganisations(database.db, ['Cruz Roja Mexicana'], 'CH', null), []);
    assert.deepEqual(
      await findSimilarOrganisations(database.db, ['International Organization for Migration'], 'CH', id),
      [],
      'itself is excluded',
    );
  });
});

describe('countriesInArea', () => {
  it('expands a UN M49 region or sub-region to its countries', () => {
    assert.ok(countriesInArea('013').includes('GT'), 'Central America holds Guatemala');
    assert.ok(countriesInArea('419').includes('MX'), 'Latin America and the Caribbean holds Mexico');
    assert.ok(countriesInArea('150').includes('FR'), 'Europe holds France');
    assert.deepEqual(countriesInArea('999'), []);
  });
});
