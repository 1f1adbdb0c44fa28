import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  buildActors,
  buildCooperationItem,
  buildNetwork,
  buildOrganisation,
} from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import { consolidate } from './cooperation.table.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

/**
 * A known small set: in the matrix network, two offers and two demands (one visible to the network
 * only); in another network, one public offer.
 *
 *   offer A   areas counter-trafficking + labour-migration, countries MX, kind training
 *   offer B   area counter-trafficking, region 150 (Europe), kind funding
 *   demand C  area counter-trafficking, countries MX + CO, kind training
 *   demand D  area labour-migration, countries FR, network-only
 *   offer E   (other network) area counter-trafficking, countries MX
 */
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  const own = { organisationId: world.owningOrganisation.id, networkId: world.network.id };
  const item = (
    side: 'offer' | 'demand',
    fields: Parameters<typeof buildCooperationItem>[1] extends infer T ? Partial<T> : never,
  ) => buildCooperationItem(db, { side, ...own, ...fields } as Parameters<typeof buildCooperationItem>[1]);
  await item('offer', {
    thematicAreas: ['counter-trafficking', 'labour-migration'],
    countries: ['MX'],
    kind: 'training',
  });
  await item('offer', {
    thematicAreas: ['counter-trafficking'],
    countries: [],
    regions: ['150'],
    kind: 'funding',
  });
  await item('demand', { thematicAreas: ['counter-trafficking'], countries: ['MX', 'CO'], kind: 'training' });
  await item('demand', { thematicAreas: ['labour-migration'], countries: ['FR'], visibility: 'network' });
  const elsewhere = await buildNetwork(db, { slug: 'elsewhere' });
  const stranger = await buildOrganisation(db, { name: { en: 'Stranger' } });
  await buildCooperationItem(db, {
    side: 'offer',
    organisationId: stranger.id,
    networkId: elsewhere.id,
    thematicAreas: ['counter-trafficking'],
    countries: ['MX'],
  });
});

function client(who: 'public' | 'member'): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

type Cell = { row: string; column: string; offers: number; demands: number };

describe('GET /api/v1/cooperation-table', () => {
  it('counts offers and demands by area × region, for the public (public items only)', async () => {
    const response = await client('public').get('/api/v1/cooperation-table?rows=area&columns=region');
    assert.equal(response.statusCode, 200, response.body);
    const table = response.json() as {
      cells: Cell[];
      total: { offers: number; demands: number };
      rowValues: { code: string; offers: number; demands: number }[];
    };
    const cell = (row: string, column: string) =>
      table.cells.find((c) => c.row === row && c.column === column);
    // Mexico counts in Central America (013), Latin America and the Caribbean (419) and the Americas (019).
    assert.deepEqual(cell('counter-trafficking', '019'), {
      row: 'counter-trafficking',
      column: '019',
      offers: 2,
      demands: 1,
    });
    assert.deepEqual(cell('counter-trafficking', '013'), {
      row: 'counter-trafficking',
      column: '013',
      offers: 2,
      demands: 1,
    });
    assert.deepEqual(cell('counter-trafficking', '150'), {
      row: 'counter-trafficking',
      column: '150',
      offers: 1,
      demands: 0,
    });
    assert.deepEqual(cell('labour-migration', '019'), {
      row: 'labour-migration',
      column: '019',
      offers: 1,
      demands: 0,
    });
    assert.equal(
      cell('labour-migration', '155'),
      undefined,
      'the network-only demand about France is not counted for the public',
    );
    assert.deepEqual(table.total, { offers: 3, demands: 1 });
    assert.deepEqual(
      table.rowValues.find((r) => r.code === 'counter-trafficking'),
      {
        code: 'counter-trafficking',
        label: 'Counter-trafficking',
        offers: 3,
        demands: 1,
      } as never,
    );
  });

  it('counts the network-only items for a member, and filters by network', async () => {
    const response = await client('member').get(
      '/api/v1/cooperation-table?rows=kind&columns=area&network=matrix-network',
    );
    const table = response.json() as { cells: Cell[]; total: { offers: number; demands: number } };
    assert.deepEqual(table.total, { offers: 2, demands: 2 });
    const cell = table.cells.find((c) => c.row === 'training' && c.column === 'counter-trafficking');
    assert.deepEqual(cell, { row: 'training', column: 'counter-trafficking', offers: 1, demands: 1 });
  });

  it('refuses an unknown axis with a problem naming the parameter', async () => {
    const response = await client('public').get('/api/v1/cooperation-table?rows=colour');
    assert.equal(response.statusCode, 400);
    assert.ok((response.json().errors as { field: string }[]).some((e) => e.field.startsWith('rows')));
  });
});

describe('GET /{lang}/cooperation/table', () => {
  it('draws the table with a link on each count, and totals', async () => {
    const page = await new Agent(ctx.app).get('/en/cooperation/table?rows=area&columns=country');
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<caption>Offers and demands by Thematic area \(rows\) and Country \(columns\)<\/caption>/,
    );
    assert.match(page.body, /<th scope="col">Mexico<\/th>/);
    assert.match(page.body, /href="\/en\/offers\?area=counter-trafficking&amp;country=MX">2 offers<\/a>/);
    assert.match(page.body, /href="\/en\/demands\?area=counter-trafficking&amp;country=MX">1 demand<\/a>/);
    assert.match(page.body, /<tfoot>/);
    assert.match(
      page.body,
      /Not in the table, naming no value on one of the axes: 1 offer\(s\), 0 demand\(s\)/,
    );
  });

  it('says how regions are counted, and answers a wrong axis with the message, not a 500', async () => {
    const page = await new Agent(ctx.app).get('/fr/cooperation/table');
    assert.match(page.body, /régions M49 de ses pays/);
    const wrong = await new Agent(ctx.app).get('/fr/cooperation/table?rows=colour');
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /error-summary/);
  });

  it('exports one CSV row per cell with the HXL row, labels in the page language', async () => {
    const response = await new Agent(ctx.app).get('/es/cooperation/table.csv?rows=kind&columns=area');
    assert.equal(response.statusCode, 200);
    const rows = parse(response.body) as string[][];
    assert.deepEqual(rows[0], ['row_code', 'row_label', 'column_code', 'column_label', 'offers', 'demands']);
    assert.deepEqual(rows[1], [
      '#x_cooperation_kind +code +row',
      '#x_cooperation_kind +name +row +i_es',
      '#sector +code +col',
      '#sector +name +col +i_es',
      '#indicator +num +offers',
      '#indicator +num +demands',
    ]);
    const training = rows.find((r) => r[0] === 'training' && r[2] === 'counter-trafficking');
    assert.deepEqual(training, ['training', 'Capacitación', 'counter-trafficking', training![3], '1', '1']);
    // kinds {training, funding, technical-assistance} × areas {counter-trafficking, labour-migration}
    assert.equal(rows.length - 2, 3 * 2);
  });
});

describe('consolidate()', () => {
  it('counts an item once in the totals however many cells it is in', () => {
    const base = {
      networkId: 'n',
      organisationId: 'o',
      originalLanguage: 'en',
      title: {},
      description: {},
      gcmObjectives: [],
      regions: [],
      workingLanguages: [],
      startsOn: null,
      endsOn: null,
      capacity: null,
      budgetAmount: null,
      budgetCurrency: null,
      status: 'open' as const,
      visibility: 'public' as const,
      createdBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 1,
    };
    const table = consolidate(
      [
        {
          ...base,
          id: '1',
          side: 'offer',
          kind: 'training',
          thematicAreas: ['a', 'b'],
          countries: ['MX', 'GT'],
        },
        { ...base, id: '2', side: 'demand', kind: 'training', thematicAreas: ['a'], countries: ['MX'] },
      ],
      'area',
      'country',
    );
    assert.equal(table.cells.size, 4);
    assert.deepEqual(table.rowTotals.get('a'), { offers: 1, demands: 1 });
    assert.deepEqual(table.columnTotals.get('MX'), { offers: 1, demands: 1 });
    assert.deepEqual(table.total, { offers: 1, demands: 1 });
  });
});
