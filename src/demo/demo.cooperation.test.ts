import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { isCode } from '../reference/index.ts';
import { LANGUAGES } from '../web/language.ts';
import { DEMO_INDICATORS, DEMO_ITEMS, DEMO_MATCHES } from './demo.cooperation.ts';
import { DEMO_MEMBERSHIPS } from './demo.data.ts';
import { loadDemo } from './index.ts';

let database: DatabaseHandle;

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  await loadDemo(database.db);
});
after(() => closeTestDatabase());

describe('the demo’s cooperation exchange', () => {
  it('has offers and demands whose codes are in the reference vocabularies, each by a member of its network', () => {
    for (const item of DEMO_ITEMS) {
      assert.ok(isCode('cooperation-kinds', item.kind), `${item.key}: kind`);
      for (const code of item.areas) assert.ok(isCode('iom-areas', code), `${item.key}: ${code}`);
      for (const code of item.objectives) assert.ok(isCode('gcm-objectives', code), `${item.key}: ${code}`);
      for (const code of item.countries ?? []) assert.ok(isCode('countries', code), `${item.key}: ${code}`);
      for (const code of item.regions ?? []) assert.ok(isCode('regions', code), `${item.key}: ${code}`);
      assert.ok(item.title[item.lang], `${item.key}: a title in its original language`);
      const members = (DEMO_MEMBERSHIPS[item.network] ?? []).map((m) => m.organisation);
      const observer = item.organisation === 'philippine-red-cross' && item.network === 'americas-mwg';
      assert.ok(
        members.includes(item.organisation) || observer,
        `${item.key}: ${item.organisation} in ${item.network}`,
      );
    }
  });

  it('loads at least 12 offers and 12 demands, written in the four languages', async () => {
    const rows = await database.db
      .selectFrom('cooperation_items')
      .select(['side', 'original_language', 'title'])
      .execute();
    assert.ok(rows.filter((r) => r.side === 'offer').length >= 12);
    assert.ok(rows.filter((r) => r.side === 'demand').length >= 12);
    assert.deepEqual([...new Set(rows.map((r) => r.original_language))].sort(), [...LANGUAGES].sort());
    const titles = rows.map((r) => Object.values(r.title).join(' ')).join('\n');
    assert.match(titles, /Taller «Las lecciones de nuestras experiencias/, 'RICOMI’s workshop');
    assert.match(titles, /Inventaire des portails sur les migrations/, 'the inventory of portals');
    assert.match(titles, /High-level meeting/, 'the high-level meeting');
    assert.match(titles, /APMN/, 'the Americas learning from the APMN');
  });

  it('carries two matches through to cooperation records, one completed, with dated moves and notes', async () => {
    const records = await database.db
      .selectFrom('cooperation_records')
      .innerJoin('cooperation_matches', 'cooperation_matches.id', 'cooperation_records.match_id')
      .select([
        'cooperation_records.id',
        'cooperation_records.status',
        'cooperation_records.modality',
        'cooperation_records.results',
        'cooperation_matches.stage',
        'cooperation_matches.id as match_id',
      ])
      .execute();
    assert.equal(records.length, 2);
    assert.deepEqual(records.map((r) => r.status).sort(), ['completed', 'under-way']);
    for (const record of records) {
      assert.ok(isCode('cooperation-modalities', record.modality));
      assert.ok(Object.keys(record.results).length > 0);
      const parties = await database.db
        .selectFrom('cooperation_record_parties')
        .selectAll()
        .where('record_id', '=', record.id)
        .execute();
      assert.ok(parties.some((p) => p.role === 'provider') && parties.some((p) => p.role === 'beneficiary'));
      const moves = await database.db
        .selectFrom('cooperation_match_moves')
        .selectAll()
        .where('match_id', '=', record.match_id)
        .orderBy('occurred_on')
        .execute();
      assert.ok(moves.length >= 5);
      assert.equal(moves.at(-1)!.to_stage, record.stage);
      assert.ok(moves.every((m) => m.note));
      for (const [index, move] of moves.entries())
        assert.equal(move.from_stage, index === 0 ? null : moves[index - 1]!.to_stage);
    }
    const dropped = await database.db
      .selectFrom('cooperation_matches')
      .selectAll()
      .where('stage', '=', 'dropped')
      .execute();
    assert.equal(dropped.length, 1);
    assert.ok(dropped[0]!.dropped_reason);
    const matches = await database.db.selectFrom('cooperation_matches').selectAll().execute();
    assert.equal(matches.length, DEMO_MATCHES.length);
    for (const match of matches) {
      assert.ok(match.score !== null && match.score > 0, 'scored as when it was proposed');
      assert.ok(match.explanation.length > 0, 'with the reasons of its score');
    }
  });

  it('has a network, a record and an objective indicator, each with values over time', async () => {
    const indicators = await database.db.selectFrom('indicators').select(['id', 'scope']).execute();
    assert.deepEqual(indicators.map((i) => i.scope).sort(), ['network', 'objective', 'record']);
    for (const indicator of indicators) {
      const values = await database.db
        .selectFrom('indicator_values')
        .select('measured_on')
        .where('indicator_id', '=', indicator.id)
        .execute();
      assert.ok(values.length >= 3, `${indicator.scope} has values`);
    }
    assert.equal(DEMO_INDICATORS.length, 3);
  });
});
