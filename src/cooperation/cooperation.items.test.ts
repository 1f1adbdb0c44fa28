import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildCooperationItem, buildOrganisation } from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';
import { findItem } from './cooperation.repository.ts';

let ctx: TestContext;
let db: Db;
let world: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
beforeEach(async () => {
  await resetDatabase(db);
  world = await buildActors(db);
  await db
    .insertInto('network_memberships')
    .values([
      { network_id: world.network.id, organisation_id: world.owningOrganisation.id, role: 'member' },
      { network_id: world.network.id, organisation_id: world.otherOrganisation.id, role: 'member' },
    ])
    .execute();
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

type Who = 'public' | 'member' | 'focalOwn' | 'focalOther' | 'secretariat' | 'admin';

function browser(who: Who): Agent {
  const agent = new Agent(ctx.app);
  const cookie = world.actors[who].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}

function client(who: Who): Agent {
  const agent = new Agent(ctx.app);
  agent.bearer = world.actors[who].apiToken;
  return agent;
}

async function countItems(): Promise<number> {
  const row = await db
    .selectFrom('cooperation_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const form = (fields: Record<string, string | string[]> = {}) => ({
  organisationId: world.owningOrganisation.id,
  networkId: world.network.id,
  originalLanguage: 'es',
  'title.es': 'Taller sobre cooperación bilateral',
  'description.es': 'Un taller de dos días.',
  kind: 'training',
  thematicAreas: ['technical-cooperation', 'labour-migration'],
  gcmObjectives: ['23'],
  countries: ['MX', 'CO'],
  workingLanguages: ['es', 'en'],
  startsOn: '2026-03-01',
  endsOn: '2026-03-02',
  capacity: '30 places',
  budgetAmount: '15000',
  budgetCurrency: 'USD',
  visibility: 'public',
  ...fields,
});

const body = (overrides: Record<string, unknown> = {}) => ({
  organisationId: world.owningOrganisation.id,
  networkId: world.network.id,
  originalLanguage: 'en',
  title: { en: 'Study tour on reception centres', fr: 'Voyage d’étude sur les centres d’accueil' },
  kind: 'exchange-visit',
  thematicAreas: ['migrants-human-rights'],
  gcmObjectives: ['7'],
  countries: ['PE'],
  ...overrides,
});

describe('POST /{lang}/offers and /{lang}/demands (the form)', () => {
  it('publishes an offer of the focal point’s organisation and shows every field on its page', async () => {
    const agent = browser('focalOwn');
    const response = await agent.postForm('/en/offers', form());
    assert.equal(response.statusCode, 303, response.body);
    const location = response.headers.location as string;
    assert.match(location, /^\/en\/offers\/[0-9a-f-]{36}\?notice=created$/);
    const page = await agent.get(location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<span lang="es">Taller sobre cooperación bilateral<\/span>/);
    assert.match(page.body, /available in Spanish/);
    assert.match(page.body, /Owning organisation/);
    assert.match(page.body, /Training/);
    assert.match(page.body, /Mexico/);
    assert.match(page.body, /\$15,000\.00/);
    assert.match(page.body, /30 places/);
    assert.match(page.body, /March 1, 2026 – March 2, 2026|1 March 2026 – 2 March 2026/);
    assert.match(page.body, /\/candidates">Find matching demands/);
    assert.match(page.body, /\/en\/matches\?item=/);
  });

  it('publishes a demand, in French', async () => {
    const response = await browser('secretariat').postForm(
      '/fr/demands',
      form({ originalLanguage: 'fr', 'title.fr': 'Besoin : formation', 'title.es': '' }),
    );
    assert.equal(response.statusCode, 303, response.body);
    const page = await browser('public').get(response.headers.location as string);
    assert.match(page.body, /<h1 class="page-heading">Besoin : formation<\/h1>/);
    assert.match(page.body, /Demande de coopération/);
  });

  const badInputs: [string, Record<string, string | string[]>, string, RegExp][] = [
    [
      'a period that ends before it starts',
      { startsOn: '2026-05-01', endsOn: '2026-04-01' },
      'endsOn',
      /ends before it starts/,
    ],
    ['a negative budget', { budgetAmount: '-10' }, 'budgetAmount', /cannot be negative/],
    ['a budget that is not a number', { budgetAmount: 'lots' }, 'budgetAmount', /must be a number/],
    ['an amount without its currency', { budgetCurrency: '' }, 'budgetCurrency', /together/],
    ['an unknown area code', { thematicAreas: ['astrology'] }, 'thematicAreas', /Unknown code: astrology/],
    ['an unknown objective', { gcmObjectives: ['24'] }, 'gcmObjectives', /Unknown code: 24/],
    ['an unknown country', { countries: ['XX'] }, 'countries', /Unknown code: XX/],
    ['an unknown region', { regions: ['999'] }, 'regions', /Unknown code: 999/],
    ['an unknown kind', { kind: 'bribery' }, 'kind', /Unknown code: bribery/],
    ['a title over 300 characters', { 'title.es': 'x'.repeat(301) }, 'title.es', /300/],
    [
      'no title in the original language',
      { 'title.es': '', 'title.en': 'Workshop' },
      'title.es',
      /required in the original language/,
    ],
  ];
  for (const [what, fields, field, message] of badInputs) {
    it(`refuses ${what}, with the message next to the field, and saves nothing`, async () => {
      const response = await browser('focalOwn').postForm('/en/offers', form(fields));
      assert.equal(response.statusCode, 400, response.body.slice(0, 300));
      const error = new RegExp(`id="field-${field.replace('.', '\\.')}-error">([^<]*)<`).exec(response.body);
      assert.ok(error, `an error next to ${field}`);
      assert.match(error[1]!, message);
      assert.equal(await countItems(), 0);
      assert.match(response.body, /Taller sobre cooperaci|value="x{301}"|Workshop/); // the values come back
    });
  }

  it('refuses an organisation that is not a member of the network', async () => {
    const outsider = await buildOrganisation(db, { name: { en: 'Outsider' } });
    const response = await browser('secretariat').postForm(
      '/en/offers',
      form({ organisationId: outsider.id }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(
      response.body,
      /id="field-organisationId-error">This organisation is not a member of this network/,
    );
    assert.equal(await countItems(), 0);
  });

  it('forbids a focal point to offer for another organisation (403), and a member without one (403)', async () => {
    assert.equal((await browser('focalOther').postForm('/en/offers', form())).statusCode, 403);
    assert.equal((await browser('member').postForm('/en/offers', form())).statusCode, 403);
    assert.equal((await browser('public').postForm('/en/offers', form())).statusCode, 401);
    assert.equal(await countItems(), 0);
  });

  it('tells a member who may publish for no organisation who can, instead of a form', async () => {
    const page = await browser('member').get('/en/demands/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Only the focal points of an organisation/);
    assert.doesNotMatch(page.body, /<form method="post" action="\/en\/demands"/);
  });

  it('offers the form with the choices the caller may make', async () => {
    const page = await browser('focalOwn').get('/pt/offers/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<option value="${world.owningOrganisation.id}" selected`));
    assert.doesNotMatch(page.body, new RegExp(world.otherOrganisation.id));
    assert.match(page.body, /<label for="field-title\.pt">Título em português/);
  });
});

describe('the API of offers and demands', () => {
  it('creates, reads and updates a demand', async () => {
    const created = await client('focalOwn').json('POST', '/api/v1/demands', body());
    assert.equal(created.statusCode, 201, created.body);
    const { id, version } = created.json() as { id: string; version: number };
    assert.equal(version, 1);
    const read = await client('public').get(`/api/v1/demands/${id}`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().title.fr, 'Voyage d’étude sur les centres d’accueil');
    assert.equal(read.json().organisationName.en, 'Owning organisation');
    assert.equal(read.json().network, 'matrix-network');
    const updated = await client('secretariat').json('PUT', `/api/v1/demands/${id}`, {
      ...body({ budgetAmount: 2500, budgetCurrency: 'EUR' }),
      version: 1,
    });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(updated.json(), { id, version: 2 });
    const saved = await findItem(db, id);
    assert.equal(saved?.budgetAmount, 2500);
    assert.equal(saved?.budgetCurrency, 'EUR');
    assert.equal(
      (await client('public').get(`/api/v1/offers/${id}`)).statusCode,
      404,
      'a demand is no offer',
    );
  });

  const apiBad: [string, Record<string, unknown>, string][] = [
    ['a period that ends before it starts', { startsOn: '2026-05-01', endsOn: '2026-01-01' }, 'endsOn'],
    ['a negative budget', { budgetAmount: -1, budgetCurrency: 'USD' }, 'budgetAmount'],
    ['a currency without an amount', { budgetCurrency: 'USD' }, 'budgetAmount'],
    ['an unknown currency', { budgetAmount: 1, budgetCurrency: 'ZZZ' }, 'budgetCurrency'],
    ['an unknown area code', { thematicAreas: ['astrology'] }, 'thematicAreas.0'],
    ['a title over 300 characters', { title: { en: 'x'.repeat(301) } }, 'title.en'],
    ['a number where a text is expected', { kind: 3 }, 'kind'],
  ];
  for (const [what, overrides, field] of apiBad) {
    it(`answers ${what} with a problem+json naming ${field}, saving nothing`, async () => {
      const response = await client('focalOwn').json('POST', '/api/v1/offers', body(overrides));
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
      const fields = (response.json().errors as { field: string; message: string }[]).map((e) => e.field);
      assert.ok(fields.includes(field), `${fields.join(', ')} names ${field}`);
      assert.equal(await countItems(), 0);
    });
  }

  it('refuses an organisation outside the network with a field error, and another organisation’s focal point with 403', async () => {
    const outsider = await buildOrganisation(db, { name: { en: 'Outsider' } });
    const refused = await client('secretariat').json(
      'POST',
      '/api/v1/offers',
      body({ organisationId: outsider.id }),
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].field, 'organisationId');
    assert.equal((await client('focalOther').json('POST', '/api/v1/offers', body())).statusCode, 403);
    assert.equal(await countItems(), 0);
  });

  it('answers a stale version with 409 and the saved item, changing nothing', async () => {
    const item = await buildCooperationItem(db, {
      side: 'offer',
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
    });
    const first = await client('focalOwn').json('PUT', `/api/v1/offers/${item.id}`, {
      ...body({ title: { en: 'First' } }),
      version: 1,
    });
    assert.equal(first.statusCode, 200);
    const stale = await client('secretariat').json('PUT', `/api/v1/offers/${item.id}`, {
      ...body({ title: { en: 'Second' } }),
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().current.title.en, 'First');
    assert.equal(stale.json().errors[0].field, 'version');
    assert.equal((await findItem(db, item.id))?.title.en, 'First');
  });

  it('answers 403 to another organisation’s focal point and 404 to an unknown id', async () => {
    const item = await buildCooperationItem(db, {
      side: 'offer',
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
    });
    assert.equal(
      (await client('focalOther').json('PUT', `/api/v1/offers/${item.id}`, { ...body(), version: 1 }))
        .statusCode,
      403,
    );
    assert.equal(
      (await client('admin').json('PUT', `/api/v1/offers/${crypto.randomUUID()}`, { ...body(), version: 1 }))
        .statusCode,
      404,
    );
    assert.equal((await client('public').get(`/api/v1/offers/${crypto.randomUUID()}`)).statusCode, 404);
  });
});

describe('who sees what', () => {
  it('shows a network item to the network’s members only, and a public item to everyone', async () => {
    const owner = { organisationId: world.owningOrganisation.id, networkId: world.network.id };
    const hidden = await buildCooperationItem(db, {
      side: 'offer',
      ...owner,
      visibility: 'network',
      title: { en: 'Members only offer' },
    });
    const open = await buildCooperationItem(db, {
      side: 'offer',
      ...owner,
      title: { en: 'Everyone’s offer' },
    });
    const outsiderUser = await buildOrganisation(db, { name: { en: 'Outsider' } });
    void outsiderUser;
    for (const who of ['public'] as const) {
      assert.equal((await browser(who).get(`/en/offers/${hidden.id}`)).statusCode, 404);
      assert.equal((await client(who).get(`/api/v1/offers/${hidden.id}`)).statusCode, 404);
      const list = await browser(who).get('/en/offers');
      assert.doesNotMatch(list.body, /Members only offer/);
      assert.match(list.body, /Everyone’s offer/);
      const csv = await client(who).get('/api/v1/exports/offers.csv');
      assert.doesNotMatch(csv.body, /Members only offer/);
    }
    for (const who of ['member', 'focalOther', 'focalOwn', 'secretariat', 'admin'] as const) {
      assert.equal((await browser(who).get(`/en/offers/${hidden.id}`)).statusCode, 200, who);
      const list = await client(who).get('/api/v1/offers');
      const titles = (list.json().items as { title: { en: string } }[]).map((i) => i.title.en);
      assert.ok(titles.includes('Members only offer'), who);
    }
    assert.equal((await browser('public').get(`/en/offers/${open.id}`)).statusCode, 200);
  });

  it('lets only the owning focal point and the secretariat edit or change the status', async () => {
    const item = await buildCooperationItem(db, {
      side: 'demand',
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
    });
    assert.equal((await browser('focalOther').get(`/en/demands/${item.id}/edit`)).statusCode, 403);
    assert.equal((await browser('member').get(`/en/demands/${item.id}/edit`)).statusCode, 403);
    assert.doesNotMatch((await browser('focalOther').get(`/en/demands/${item.id}`)).body, /\/edit"/);
    assert.equal(
      (
        await browser('focalOther').postForm(`/en/demands/${item.id}/status`, {
          status: 'closed',
          version: '1',
        })
      ).statusCode,
      403,
    );
    const moved = await browser('focalOwn').postForm(`/en/demands/${item.id}/status`, {
      status: 'in-discussion',
      version: '1',
    });
    assert.equal(moved.statusCode, 303);
    assert.equal((await findItem(db, item.id))?.status, 'in-discussion');
    const stale = await browser('secretariat').postForm(`/en/demands/${item.id}/status`, {
      status: 'closed',
      version: '1',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this item/);
    assert.equal((await findItem(db, item.id))?.status, 'in-discussion');
    assert.equal((await browser('admin').get(`/en/demands/${crypto.randomUUID()}/edit`)).statusCode, 404);
    assert.equal((await browser('admin').get('/en/demands/not-an-id')).statusCode, 404);
  });

  it('shows the conflict page when the edit form is stale, keeping the user’s values', async () => {
    const item = await buildCooperationItem(db, {
      side: 'offer',
      organisationId: world.owningOrganisation.id,
      networkId: world.network.id,
      title: { en: 'Original' },
    });
    const edit = await browser('focalOwn').get(`/en/offers/${item.id}/edit`);
    assert.match(edit.body, /name="version" value="1"/);
    const fields = form({ originalLanguage: 'en', 'title.en': 'Mine', 'title.es': '', version: '1' });
    assert.equal(
      (
        await browser('secretariat').postForm(`/en/offers/${item.id}/edit`, {
          ...fields,
          'title.en': 'Theirs',
        })
      ).statusCode,
      303,
    );
    const lost = await browser('focalOwn').postForm(`/en/offers/${item.id}/edit`, fields);
    assert.equal(lost.statusCode, 409);
    assert.match(lost.body, /Someone saved this meanwhile/);
    assert.match(lost.body, /Theirs/);
    assert.match(lost.body, /value="Mine"/);
    assert.match(lost.body, /name="version" value="2"/);
    assert.equal((await findItem(db, item.id))?.title.en, 'Theirs');
  });
});

describe('lists and exports of offers and demands', () => {
  it('filters by area, country, region, kind, status, network and words, and paginates', async () => {
    const owner = { organisationId: world.owningOrganisation.id, networkId: world.network.id };
    await buildCooperationItem(db, {
      side: 'offer',
      ...owner,
      title: { en: 'Trafficking training' },
      kind: 'training',
      countries: ['MX'],
    });
    await buildCooperationItem(db, {
      side: 'offer',
      ...owner,
      title: { es: 'Retorno asistido' },
      thematicAreas: ['assisted-voluntary-return'],
      countries: ['FR'],
      status: 'closed',
    });
    const titles = async (query: string) => {
      const response = await client('public').get(`/api/v1/offers?${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return (response.json().items as { title: Record<string, string> }[])
        .map((i) => Object.values(i.title)[0])
        .sort();
    };
    assert.deepEqual(await titles('area=assisted-voluntary-return'), ['Retorno asistido']);
    assert.deepEqual(
      await titles('region=419'),
      ['Trafficking training'],
      'Mexico is in Latin America and the Caribbean',
    );
    assert.deepEqual(await titles('region=150'), ['Retorno asistido']);
    assert.deepEqual(await titles('country=MX&kind=training'), ['Trafficking training']);
    assert.deepEqual(await titles('status=closed'), ['Retorno asistido']);
    assert.deepEqual(await titles('q=retorno'), ['Retorno asistido']);
    assert.deepEqual(await titles('q=TRÁFFICKING'), ['Trafficking training']);
    assert.deepEqual(await titles('network=matrix-network'), ['Retorno asistido', 'Trafficking training']);
    assert.deepEqual(await titles('network=elsewhere'), []);
    for (const url of ['/en/offers?q=retorno%00', '/en/offers?area=%00', '/en/cooperation/table?network=%00'])
      assert.ok((await browser('public').get(url)).statusCode < 500, `${url}: a NUL character is no 500`);
    for (let i = 0; i < 21; i++) await buildCooperationItem(db, { side: 'offer', ...owner });
    const page2 = await browser('public').get('/en/offers?page=2');
    assert.match(page2.body, /Page 2 of 2/);
    assert.match(page2.body, /23 results/);
    assert.match(page2.body, /rel="prev"/);
  });

  it('exports CSV with an HXL row and JSON in the API shape, with the list’s filters', async () => {
    const owner = { organisationId: world.owningOrganisation.id, networkId: world.network.id };
    await buildCooperationItem(db, {
      side: 'demand',
      ...owner,
      title: { en: 'Needs data tools, "quoted"' },
      budgetAmount: 1000,
      budgetCurrency: 'USD',
    });
    await buildCooperationItem(db, { side: 'demand', ...owner, title: { en: 'Other' }, kind: 'funding' });
    const csv = await client('public').get('/api/v1/exports/demands.csv?kind=technical-assistance');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.split('\r\n');
    assert.match(lines[0]!, /^id,url,side,network,organisation_id/);
    assert.match(lines[1]!, /^#activity \+id,#meta \+url,#activity \+type,#group \+code,#org \+id/);
    assert.match(csv.body, /"Needs data tools, ""quoted"""/);
    assert.doesNotMatch(csv.body, /Other/);
    assert.equal(lines.filter((l) => l !== '').length, 3);
    const json = await client('public').get('/api/v1/exports/demands.json');
    const items = json.json() as { budgetAmount: number | null; side: string }[];
    assert.equal(items.length, 2);
    assert.ok(items.every((i) => i.side === 'demand'));
    const list = await browser('public').get('/es/demands?kind=funding');
    assert.match(list.body, /href="\/api\/v1\/exports\/demands\.csv\?kind=funding"/);
  });
});
