import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from './database.ts';
import { upkeepEmbedded } from './upkeep.ts';

describe('upkeepEmbedded', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await testDatabase();
    await resetDatabase(handle.db);
    await upkeepEmbedded(handle.db); // what earlier tests in this process left
  });
  after(() => closeTestDatabase());

  const words = (count: number) => Array.from({ length: count }, (_, index) => `upkeepword${index}`);

  it('analyzes a table after many rows are written, vacuums it after many are deleted, then does nothing', async () => {
    await sql`INSERT INTO practice_lexicon (word) SELECT unnest(${words(500)}::text[])`.execute(handle.db);
    const afterInsert = await upkeepEmbedded(handle.db);
    assert.ok(afterInsert.analyzed.includes('practice_lexicon'), JSON.stringify(afterInsert));
    const { rows } = await sql<{ reltuples: number }>`
      SELECT reltuples FROM pg_class WHERE relname = 'practice_lexicon'`.execute(handle.db);
    assert.equal(Number(rows[0]!.reltuples), 500, 'the planner now knows the table holds 500 rows');

    await sql`DELETE FROM practice_lexicon WHERE word LIKE 'upkeepword%'`.execute(handle.db);
    const afterDelete = await upkeepEmbedded(handle.db);
    assert.ok(afterDelete.vacuumed.includes('practice_lexicon'), JSON.stringify(afterDelete));

    const again = await upkeepEmbedded(handle.db);
    assert.deepEqual(again, { vacuumed: [], analyzed: [] });
  });

  it('leaves a table with few changes alone', async () => {
    await sql`INSERT INTO practice_lexicon (word) SELECT unnest(${words(10)}::text[])`.execute(handle.db);
    assert.deepEqual(await upkeepEmbedded(handle.db), { vacuumed: [], analyzed: [] });
  });
});
