import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { normaliseFilters } from '../subscriptions/subscriptions.filters.ts';
import { DEMO_SUBSCRIPTIONS } from './demo.subscriptions.ts';
import { loadDemo } from './index.ts';

let database: DatabaseHandle;

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  await loadDemo(database.db);
});
after(() => closeTestDatabase());

describe('the demo’s subscriptions', () => {
  it('are what their list pages would save: every filter kept as it is', () => {
    for (const person of DEMO_SUBSCRIPTIONS)
      for (const subscription of person.subscriptions) {
        const normalised = normaliseFilters(subscription.source, subscription.filters);
        assert.ok(normalised.ok, `${person.user}: ${subscription.name}`);
        assert.deepEqual(normalised.filters, subscription.filters, `${person.user}: ${subscription.name}`);
      }
  });

  it('loads the Cruz Roja focal point’s weekly digest on Central American routes and “trata”, and PERCO’s daily one', async () => {
    const rows = await database.db
      .selectFrom('subscriptions')
      .innerJoin('users', 'users.id', 'subscriptions.user_id')
      .innerJoin('digest_settings', 'digest_settings.user_id', 'users.id')
      .select([
        'users.email',
        'subscriptions.source',
        'subscriptions.name',
        'subscriptions.filters',
        'digest_settings.frequency',
      ])
      .execute();
    const of = (email: string) => rows.filter((row) => row.email === email);
    const cruzRoja = of('focal.cruzroja@demo.puente.example');
    assert.ok(cruzRoja.every((row) => row.frequency === 'weekly'));
    assert.ok(cruzRoja.some((row) => row.source === 'practices' && row.filters.q === 'trata'));
    assert.ok(
      cruzRoja.some((row) => row.source === 'updates' && (row.filters.country as string[]).includes('GT')),
    );
    assert.ok(of('perco@demo.puente.example').every((row) => row.frequency === 'daily'));
    assert.equal(
      rows.length,
      DEMO_SUBSCRIPTIONS.reduce((n, person) => n + person.subscriptions.length, 0),
    );
  });
});
