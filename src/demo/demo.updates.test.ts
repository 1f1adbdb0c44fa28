import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { isCode } from '../reference/index.ts';
import { UPDATE_CATEGORIES } from '../updates/index.ts';
import { LANGUAGES } from '../web/language.ts';
import { DEMO_MEMBERSHIPS } from './demo.data.ts';
import { DEMO_POSTS } from './demo.updates.ts';
import { loadDemo } from './index.ts';

let database: DatabaseHandle;

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  await loadDemo(database.db);
});
after(() => closeTestDatabase());

describe('the demo’s information-exchange feed', () => {
  it('has posts by members of their network (or its secretariat), with known country codes', () => {
    for (const post of DEMO_POSTS) {
      for (const code of post.countries) assert.ok(isCode('countries', code), `${post.title}: ${code}`);
      if (post.organisation !== null) {
        const members = (DEMO_MEMBERSHIPS[post.network] ?? []).map((m) => m.organisation);
        assert.ok(
          members.includes(post.organisation),
          `${post.title}: ${post.organisation} in ${post.network}`,
        );
      }
    }
  });

  it('loads about a month of posts in the four languages, every category, four networks, public and members-only', async () => {
    const rows = await database.db
      .selectFrom('updates')
      .innerJoin('networks', 'networks.id', 'updates.network_id')
      .select([
        'updates.language',
        'updates.category',
        'updates.visibility',
        'updates.published_at',
        'networks.slug',
      ])
      .execute();
    assert.ok(rows.length >= 30, `${rows.length} posts`);
    assert.deepEqual([...new Set(rows.map((r) => r.language))].sort(), [...LANGUAGES].sort());
    assert.deepEqual([...new Set(rows.map((r) => r.category))].sort(), [...UPDATE_CATEGORIES].sort());
    assert.deepEqual([...new Set(rows.map((r) => r.slug))].sort(), [
      'americas-mwg',
      'apmn',
      'perco',
      'ricomi',
    ]);
    assert.deepEqual([...new Set(rows.map((r) => r.visibility))].sort(), ['network', 'public']);
    const oldest = Math.min(...rows.map((r) => r.published_at.getTime()));
    assert.ok(Date.now() - oldest <= 31 * 86_400_000, 'all within the last month');
    assert.ok(
      rows.every((r) => r.published_at.getTime() <= Date.now()),
      'none in the future',
    );
  });
});
